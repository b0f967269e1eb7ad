"""load.profiles: the project's wording of country profiles, neutral when unset."""

from __future__ import annotations

from typing import Any

from unitkit import messages

from briefgen.errors import Pos, Reporter
from briefgen.load.profiles import Profiles, Tier, load_profiles
from briefgen.load.yamlio import load_yaml


def loaded(text: str) -> tuple[Profiles, list[str]]:
    raw: Any = load_yaml(text, "briefing.yaml")
    reporter = Reporter()
    profiles = load_profiles(raw.get("profiles"), raw.at("profiles"), reporter)
    return profiles, messages(reporter)


def test_no_profiles_block_is_neutral_wording() -> None:
    profiles, problems = loaded("title: x\n")
    assert problems == [] and profiles == Profiles()
    assert profiles.kicker(None) == "Country profile"
    assert profiles.kicker(2) == "Country profile · Tier 2"  # an unnamed tier reads "Tier N"
    assert profiles.tier(None) is None and profiles.legend == ()


def test_tiers_and_labels_are_the_projects_words() -> None:
    profiles, problems = loaded(
        "profiles:\n"
        "  tiers:\n"
        "    - {label: Front line, description: on the shore}\n"
        "    - {label: Hinterland}\n"
        "  stance_label: Policy\n"
        "  group_under: intro\n"
    )
    assert problems == []
    assert profiles.tiers == (Tier("Front line", "on the shore"), Tier("Hinterland"))
    assert profiles.kicker(1) == "Country profile · Front line"
    assert profiles.legend == ("Front line: on the shore", "Hinterland")
    assert profiles.stance_column == "Policy"  # defaults to the stance label
    assert (profiles.group_under, profiles.group_under_pos) == ("intro", Pos("briefing.yaml", 6))
    view = profiles.view()
    assert view["tier_text"][1] == "Front line: on the shore" and view["tier_text"][3] == "Tier 3"
    assert view["tier_label"][2] == "Hinterland" and view["stance_label"] == "Policy"


def test_a_tier_without_label_is_an_error_at_its_line() -> None:
    profiles, problems = loaded("profiles:\n  tiers:\n    - {label: A}\n    - {description: b}\n")
    assert problems == [
        "briefing.yaml:4: error: missing required key 'label' in tier 2 (what the tier is called, e.g. \"First tier\")"
    ]
    assert profiles.tiers[1] == Tier("Tier 2", "b")


def test_the_context_country_is_found_on_the_world_map_or_refused_at_its_line() -> None:
    profiles, problems = loaded("profiles:\n  context: Norway\n")
    assert problems == [] and profiles.context == "NOR"
    profiles, problems = loaded("profiles:\n  stance_label: x\n  context: Nowherestan\n")
    assert profiles.context == ""
    assert problems[0].startswith("briefing.yaml:3: error: unknown context country 'Nowherestan' (")


def test_unknown_keys_in_profiles_are_named_with_the_closest_key() -> None:
    _, problems = loaded("profiles:\n  border_lable: Shore\n")
    assert problems == ["briefing.yaml:2: error: unknown key 'border_lable' in profiles (did you mean 'border_label'?)"]
