"""build.views: the client and the brand as templates see them, plain mappings of the loaded records."""

from __future__ import annotations

from typing import Any

import pytest
from unitkit import loaded, project_dir, section

from briefgen.build.views import brand_view, client_view
from briefgen.select.cut import select

FILES = {
    "sections/01-intro.md": section("Introduction"),
    "sections/countries/aland.md": section("Aland", kind="country", locator=False),
    "sections/countries/bland.md": section("Bland", kind="country", locator=False),
    "clients/acme.yaml": 'name: "Acme Shipping"\naudience: "industry"\ncountries: ["bland", "aland"]\n',
    "clients/plain.yaml": 'name: "Plain"\n',
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = project_dir(
        tmp_path_factory.mktemp("views"), FILES, outline=["sections/01-intro.md", "sections/countries/*.md"]
    )
    return loaded(root)


def test_the_client_view_carries_the_client_file(project: Any) -> None:
    view = client_view(select(project, "full", None, "acme"))
    client = project.clients["acme"]
    assert view == {
        "id": "acme",
        "name": "Acme Shipping",
        "audience": "industry",
        "countries": ["bland", "aland"],
        "marking": client.marking,
        "contact": client.contact,
    }
    assert type(view["countries"]) is list


def test_a_client_without_countries_has_an_empty_list(project: Any) -> None:
    view = client_view(select(project, "full", "government", "plain"))
    assert (view["id"], view["name"], view["countries"]) == ("plain", "Plain", [])


def test_the_client_view_needs_a_client(project: Any) -> None:
    with pytest.raises(AssertionError):
        client_view(select(project, "full", "government", None))


def test_the_brand_view_is_the_brand_file(project: Any) -> None:
    view = brand_view(project.theme)
    assert view["name"] == "Polar Lane Institute"
    assert view["tagline"] == "Independent research on northern seas and the shipping that crosses them"
    assert view["footer"] == "Polar Lane Institute · Briefing"
    assert view["contact"] == {
        "title": "Work with the Polar Lane Institute",
        "text": "We brief shipping lines, insurers and governments on the routes, rules and risks "
        "of the northern seas.",
        "items": ["Route and risk assessments", "Regulatory briefings"],
        "email": "desk@polarlane.example",
        "reply": "We answer within three working days.",
    }
    assert type(view["contact"]["items"]) is list
