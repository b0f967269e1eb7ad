"""The wording of country profiles: the `profiles:` block of `briefing.yaml`.

briefgen knows no subject. What a tier means, what a border is measured against, what
the stance is a stance on: all of that is the project's vocabulary, declared here once
and read by the default templates (fact box, stance matrices, summary) and by the
profile's kicker. Unset, every label is neutral ("Tier 1", "Border", "Stance"). `context`
names the country the locator maps outline (none by default), found on the world map.
"""

from __future__ import annotations

from typing import Any

from briefgen.errors import Pos, Reporter
from briefgen.frozen import frozen
from briefgen.load.formats import PROFILE_FIELDS, TIER_FIELDS
from briefgen.load.schema import validate
from briefgen.load.yamlio import YamlList, YamlMap

BRIEFING = Pos("briefing.yaml")


@frozen
class Tier:
    label: str
    description: str = ""


@frozen
class Profiles:
    tiers: tuple[Tier, ...] = ()
    border_label: str = "Border"
    border_figure: str = ""
    stance_label: str = "Stance"
    stance_column: str = "Stance"
    group_under: str = ""
    group_under_pos: Pos = BRIEFING
    group_title: str = "Country profiles"
    context: str = ""  # ISO3 of the country the locators outline (and a map's default focus), or ""

    def tier(self, n: int | None) -> Tier | None:
        if n is None:
            return None
        return self.tiers[n - 1] if n <= len(self.tiers) else Tier(f"Tier {n}")

    def kicker(self, tier: int | None, word: str = "Country profile") -> str:
        """The small label above a profile's title ("Country profile · Tier 1"); `word` is
        the project's `labels.profile`."""
        named = self.tier(tier)
        return f"{word} · {named.label}" if named else word

    @property
    def legend(self) -> tuple[str, ...]:
        """Map legends' wording of tiers 1, 2, ...: the fact box's tier text."""
        return tuple(f"{t.label}: {t.description}" if t.description else t.label for t in self.tiers)

    def view(self) -> dict[str, Any]:
        """What templates see as `profiles`; `tier_text[n]` is the fact-box wording of tier n."""
        texts = {
            n: (f"{t.label}: {t.description}" if t.description else t.label)
            for n in range(1, 10)
            if (t := self.tier(n)) is not None
        }
        return {
            "tiers": [{"label": t.label, "description": t.description} for t in self.tiers],
            "tier_text": texts,
            "tier_label": {n: t.label for n in range(1, 10) if (t := self.tier(n)) is not None},
            "border_label": self.border_label,
            "border_figure": self.border_figure,
            "stance_label": self.stance_label,
            "stance_column": self.stance_column,
        }


def load_profiles(raw: Any, pos: Pos, reporter: Reporter) -> Profiles:
    """Validate the `profiles:` mapping (`pos` is its key's line) into `Profiles`."""
    if raw is None:
        return Profiles()
    data = validate(raw, PROFILE_FIELDS, pos, "profiles", reporter)
    tiers: list[Tier] = []
    values = raw.get("tiers") if isinstance(raw, dict) else None
    for i, value in enumerate(values if isinstance(values, list) else []):
        at = values.at(i) if isinstance(values, YamlList) else pos
        t = validate(value, TIER_FIELDS, at, f"tier {i + 1}", reporter)
        tiers.append(Tier(t["label"] or f"Tier {i + 1}", t["description"] or ""))
    at = raw.at if isinstance(raw, YamlMap) else (lambda _k: pos)
    return Profiles(
        tiers=tuple(tiers),
        border_label=data["border_label"],
        border_figure=data["border_figure"],
        stance_label=data["stance_label"],
        stance_column=data["stance_column"] or data["stance_label"],
        group_under=data["group_under"] or "",
        group_under_pos=at("group_under") if data["group_under"] else pos,
        group_title=data["group_title"],
        context=_context(data["context"], at("context"), reporter),
    )


def _context(name: str | None, pos: Pos, reporter: Reporter) -> str:
    """The context country as an ISO3 code of the world map ("" for none, or after an error)."""
    if not name:
        return ""
    from briefgen import geo  # the small index only: no shapes are read

    country = geo.lookup(name)
    if country is None:
        reporter.error(pos, f"unknown context country '{name}'", geo.suggestion(name))
        return ""
    return country.iso3
