"""Which ITU series and number ranges work on which subject of mutual interest, as data: what a
title-only record says by where it is published.

Each rule is `sector:series[:first-last]` with a strength: `strong` when the series' mandate
is the subject (ITU-R BT/BS/BO are Study Group 6's broadcasting service; ITU-T K is Study Group
5's protection against electromagnetic effects), `weak` when only part of the series is
(ITU-R SM, spectrum management, also covers emissions and interference measurement). Sources:
the scope of each ITU-R Recommendation series (itu.int/pub/R-REC) and the ITU-T series titles
(itu.int/ITU-T/publications/recs.html).

Promise: `series_of` reads the series and number from a work id as `domain/ids` builds them
(`itu-r-rec-bt.601`, `itu-t-rec-x.1205`, `itu-t-sup-k-13`); `series_subjects` returns the
(subject, strength) pairs whose rule covers that series and number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

STRONG, WEAK = "strong", "weak"

SERIES_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "audiovisual-delivery": (
        ("itu-r:bt", STRONG),  # broadcasting service (television)
        ("itu-r:bs", STRONG),  # broadcasting service (sound)
        ("itu-r:bo", STRONG),  # satellite delivery (broadcasting-satellite)
        ("itu-t:j", STRONG),  # cable networks and transmission of television, sound, multimedia
        ("itu-t:h:700-799", STRONG),  # IPTV multimedia services and applications
        ("itu-t:h:260-279", WEAK),  # video coding
    ),
    "emc": (
        ("itu-t:k", STRONG),  # protection against interference (SG5: EMC, lightning, EMF)
        ("itu-r:sm", WEAK),  # spectrum management: emissions, interference measurement
    ),
    "imt": (
        ("itu-t:y:3100-3199", STRONG),  # IMT-2020 networks
        ("itu-t:q:1700-1799", STRONG),  # IMT-2000 and systems beyond: network aspects
    ),
    "climate-change": (
        ("itu-t:l:1000-1999", STRONG),  # environment, ICTs, climate change, e-waste
    ),
    "cybersecurity": (
        ("itu-t:x:800-849", STRONG),  # security (OSI security frameworks)
        ("itu-t:x:1000-1999", STRONG),  # information and network security, cybersecurity
    ),
    "middleware": (
        ("itu-t:h:760-769", STRONG),  # multimedia application frameworks for IPTV
        ("itu-t:j:200-209", STRONG),  # application frameworks of interactive television
    ),
}

# Study groups whose mandate is (part of) a subject: what a record without a series (an ITU-R
# Question, a Supplement numbered apart from its series) says by the group responsible for it.
# Sources: the study groups' mandates (itu.int/en/ITU-R/study-groups, itu.int/en/ITU-T/studygroups).
GROUP_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "itu-r-sg6": (("audiovisual-delivery", STRONG),),  # broadcasting services
    "itu-r-sg1": (("emc", WEAK),),  # spectrum management: emissions, monitoring
    "itu-t-sg5": (("climate-change", WEAK),),  # environment and circular economy (EMF: K series)
    "itu-t-sg9": (("audiovisual-delivery", STRONG),),  # broadband cable and television
}

_ID = re.compile(r"^(itu-[rtd])-(?:rec|rep|sup)-([a-z]+)[.-](\d+)")


@dataclass(frozen=True)
class Rule:
    subject: str
    sector: str
    series: str
    first: int
    last: int
    strength: str

    def covers(self, sector: str, series: str, number: int) -> bool:
        return (sector, series) == (self.sector, self.series) and (
            self.first <= number <= self.last
        )


def _rule(subject: str, text: str, strength: str) -> Rule:
    sector, series, *span = text.split(":")
    first, last = (int(n) for n in span[0].split("-")) if span else (0, 10**9)
    return Rule(subject, sector, series, first, last, strength)


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(
        _rule(subject, text, strength)
        for subject, listed in SERIES_RULES.items()
        for text, strength in listed
    )


def series_of(work_id: str) -> tuple[str, str, int] | None:
    """(Sector, series, number) of a Recommendation, Report or Supplement id, else None."""
    match = _ID.match(work_id)
    return (match[1], match[2], int(match[3])) if match else None


def series_subjects(work_id: str, group: str = "") -> list[tuple[str, str]]:
    """The (subject, strength) pairs the series of `work_id` speaks for, then those its
    responsible `group`'s mandate adds (a subject once, at its strongest; none: [])."""
    found = series_of(work_id)
    pairs = [(r.subject, r.strength) for r in rules() if found and r.covers(*found)]
    pairs += GROUP_RULES.get(group, ())
    best: dict[str, str] = {}
    for subject, strength in pairs:
        if best.get(subject) != STRONG:
            best[subject] = strength
    return sorted(best.items())
