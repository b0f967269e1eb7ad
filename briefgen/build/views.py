"""What templates see of a deliverable's client and of the brand: plain mappings, built
from the loaded records, so a template reads names and never a loader's object."""

from __future__ import annotations

from typing import Any

from briefgen.select.cut import Selection


def client_view(sel: Selection) -> dict[str, Any]:
    """The client as templates see it: `client.name`, `client.countries`, …"""
    c = sel.client
    assert c is not None
    return {
        "id": c.id,
        "name": c.name,
        "audience": c.audience,
        "countries": list(c.countries or []),
        "marking": c.marking,
        "contact": c.contact,
    }


def brand_view(theme: Any) -> dict[str, Any]:
    """The brand as templates see it: `brand.name`, `brand.contact.email`, …"""
    return {
        "name": theme.name,
        "tagline": theme.tagline,
        "footer": theme.footer,
        "contact": {
            "title": theme.contact.title,
            "text": theme.contact.text,
            "items": list(theme.contact.items),
            "email": theme.contact.email,
            "reply": theme.contact.reply,
        },
    }
