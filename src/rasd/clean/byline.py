"""Who a lead prefix names: a news agency the article credits, or the outlet that publishes it.

`الأناضول (وكالة) - …`, `رويترز - …` and `الوكالة الموريتانية للأنباء - …` credit an
agency; `صحيفة الغد - …` and `موقع الخبر - …` name the outlet. A person's or a
city's name names neither and is left alone, so only a listed agency, the
`(وكالة)` marker, an agency name with a news word, or an outlet-type word
(`data/boilerplate/outlet_words.txt`) decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from rasd.clean.credits import inline_credits
from rasd.clean.lexicon import agency_key, outlet_words
from rasd.text.normalize import normalize_key

OUTLET_MIN_WORDS = 2  # `صحيفة الغد`; the type word alone (`موقع`) names nothing
AGENCY_WORDS = {"وكاله", "الوكاله"}  # normalised
NEWS_WORDS = {"انباء", "الانباء", "للانباء", "الاعلام", "للاعلام", "الصحافه", "للصحافه", "الاخباريه"}

# `الأناضول (وكالة)`: the name before a parenthesised `وكالة` is an agency's
_MARKED_AGENCY = regex.compile(r"^(?P<name>[^()（）]+?)\s*[(（]\s*(?:ال)?وكال(?:ة|ه)\s*[)）]$")


@dataclass(frozen=True)
class PrefixSources:
    """The agencies a lead prefix credits and the outlet it names."""

    credits: list[str] = field(default_factory=list)
    outlet: str | None = None


def _agency_name(key: str) -> bool:
    """`الوكالة الموريتانية للأنباء`: an agency word first and a news word after it."""
    words = key.split()
    return len(words) >= 2 and words[0] in AGENCY_WORDS and any(w in NEWS_WORDS for w in words[1:])


def prefix_sources(names: tuple[str, ...]) -> PrefixSources:
    """The agencies and the outlet among the name segments of a lead prefix (see `Lead.names`).

    Agencies that `inline_credits` already finds in the lead line (`باريس (أ ف ب)`,
    `وكالة الأنباء X`) are not repeated here.
    """
    credits: list[str] = []
    outlet = None
    for segment in names:
        name = segment.strip(" -–—")
        marked = _MARKED_AGENCY.match(name)
        if marked:
            credits.append(marked["name"].strip())
            continue
        if inline_credits(name):
            continue
        key = normalize_key(name)
        if agency_key(name.strip("()（）")) or _agency_name(key):
            credits.append(name.strip("()（）"))
        elif outlet is None and len(key.split()) >= OUTLET_MIN_WORDS and key.split()[0] in outlet_words():
            outlet = name
    return PrefixSources(credits, outlet)
