"""The structured form of an ITU text: what the reader (`texts/`) produces and everything else uses.

A `Document` is the same object whatever its source language or file type. Values are frozen;
sequences are tuples so documents compare by value (a round trip through Akoma Ntoso must give
back an equal document).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Footnote:
    """A footnote: its label as printed (`1`), its text, and the words it annotates."""

    label: str
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Clause:
    """A lettered or numbered clause (`a)`, `1`, `1.1`, `1bis`), or an unnumbered one (label "").

    `footnotes` holds the labels of the footnotes anchored in this clause's text;
    `children` the nested items (`a)`, `i)` under a numbered clause).
    """

    label: str
    text: str
    footnotes: tuple[str, ...] = ()
    children: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class Section:
    """A preamble or operative section: `considering`, `resolves`, `instructs the Director …`.

    `heading` is as written; `function` is language-independent (`considering`, `resolves`,
    `instructs`, …); `addressee` is the addressee as written (`the Director of the
    Telecommunication Standardization Bureau`) and `addressees` their ids (`tsb-director`).
    """

    heading: str
    function: str
    clauses: tuple[Clause, ...] = ()
    addressee: str = ""
    addressees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """A node of the numbered tree of sectioned texts and Recommendations (`SECTION 1`, `1.1`)."""

    label: str
    heading: str = ""
    text: str = ""
    children: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Annex:
    """An annex, appendix or attachment (`Annex A`, `Appendix I (to Resolution 1 …)`)."""

    kind: str  # "annex" | "appendix" | "attachment" | "bibliography"
    label: str
    title: str = ""
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class Event:
    """A place and year of adoption or revision: `Dubai, 2012`. `place_as_written` keeps `Dubaï`."""

    place: str
    year: int
    place_as_written: str = ""


@dataclass(frozen=True)
class Reference:
    """A citation of another text: `Resolution 123 (Rev. Guadalajara, 2010) of the Plenipotentiary
    Conference` → id `pp-res-123`, kind `resolution`, body `pp`, number `123`."""

    id: str
    kind: str
    body: str
    number: str
    text: str
    revision: Event | None = None


@dataclass(frozen=True)
class Action:
    """Who must do what: one per operative clause. `clause` is the clause path (`resolves 1`)."""

    clause: str
    verb: str
    addressees: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Metadata:
    """Kind-specific facts that have no place in the common structure, as ordered (name, value)
    pairs: a Recommendation's `approved`, `summary`, `keywords`; a liaison's `for_action`,
    `deadline`, `contact`; a Question's `study_group`. Values are strings; lists are joined by
    "; ". Kept ordered and hashable so documents still compare by value."""

    items: tuple[tuple[str, str], ...] = ()

    def get(self, name: str, default: str = "") -> str:
        for key, value in self.items:
            if key == name:
                return value
        return default


@dataclass(frozen=True)
class Edition:
    """A row of a Recommendation's History table: `6.2`, `ITU-T P.340 (2000) Amd. 1`,
    approved `2014-10-29`, by Study Group `12`, unique id `11.1002/1000/12324`."""

    edition: str
    designation: str
    approved: str = ""
    study_group: str = ""
    unique_id: str = ""


@dataclass(frozen=True)
class Table:
    """A table of data, kept as rows of cells (a header row first when the table has one);
    `after` is the label of the part or annex it stands in ("" before any)."""

    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    after: str = ""


@dataclass(frozen=True)
class Document:
    """A structured ITU text.

    `id` is the work id (`wtsa-res-57`), shared by all language versions and revisions of the
    text; `language` and `revision` tell the versions apart. A part of another publication (an
    amendment, a corrigendum…) has its own id and names its `parent` (`domain.ids.part_id`).
    `tables` are the tables of data, row by row (their rows also stand, cells joined by tabs,
    in the text of the part that holds them).
    """

    id: str
    # resolution | recommendation | question | liaison | opinion | decision | supplement |
    # implementers-guide | amendment | corrigendum | erratum | annex | report | handbook
    kind: str
    body: str  # wtsa | wtdc | pp | ra | wrc | itu-t | itu-r | itu-d | a group id
    number: str
    language: str
    title: str = ""
    parent: str = ""  # the publication this one is part of (`itu-t-rec-p.340` for its Amd. 1)
    approved: str = ""  # ISO date, as precise as the text says: `2014-10-29` or `2014-10`
    summary: str = ""
    keywords: tuple[str, ...] = ()
    editions: tuple[Edition, ...] = ()  # the History table
    cover: str = ""  # the cover page's text, kept apart
    revision: Event | None = None
    history: tuple[Event, ...] = ()
    foreword: str = ""
    preamble: tuple[Section, ...] = ()
    operative: tuple[Section, ...] = ()
    parts: tuple[Part, ...] = ()
    annexes: tuple[Annex, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    references: tuple[Reference, ...] = ()
    actions: tuple[Action, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    boilerplate: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    source: str = ""

    @property
    def version_key(self) -> str:
        """`wtsa-res-57@dubai-2012/en`: one stored version of one work."""
        rev = (
            f"{self.revision.place.lower().replace(' ', '-')}-{self.revision.year}"
            if (self.revision)
            else "original"
        )
        return f"{self.id}@{rev}/{self.language}"


@dataclass(frozen=True)
class Divergence:
    """One difference between two language versions; `kind` is `clause-missing`,
    `numbers-differ`, `references-differ` or `footnote-missing`."""

    kind: str
    path: str
    left: str
    right: str
    detail: str


@dataclass(frozen=True)
class Change:
    """One clause's fate between two revisions; `marked` shows the changed words as
    `[-old-]{+new+}`."""

    kind: str  # unchanged | reworded | moved | added | removed
    old_path: str
    new_path: str
    old_text: str
    new_text: str
    marked: str = ""
