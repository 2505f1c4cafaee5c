"""ITU publication metadata in the Relaton JSONL form → registry `Activity` objects.

The input is the one-object-a-line file made from the Relaton project's ITU records (repository
relaton/relaton-data-itu, crawled from itu.int): `docid`, `doctype`, `title` {lang: text},
`abstract` {lang: text}, `published` (`YYYY-MM-DD` or `YYYY-MM`), `groups` (ITU-T responsible
study group or TSAG), `status` (`Published`, `Withdrawal` or null), `source` (itu.int address) and
`relaton_file`. `data/sample/registry/publications.jsonl` is a real extract of it.

Three stages, each with its promise:

1. `read_records(path)` — after it: every yielded record is a JSON object with the fields above of
   the right types; a line that is not raises `RelatonError` naming file, line and field.
2. `parse_edition(record, line=…)` — one record → one `Edition` (one edition or revision of a work),
   or None for what is not a work of its own (amendments, corrigenda, annexes, the old series
   collections and draft "blue letter" numbers); after it the sector, kind, work id, identifier as
   ITU writes it, responsible group id and the edition's status are known.
3. `merge_editions(editions)` — the editions of one work → one `Activity` whose id is the work's
   (`itu-t-rec-y.3101`, `itu-r-rec-m.2150`, `itu-r-q229-5`, `itu-r-res-65`), titled and
   summarised from its newest edition, with one "published" milestone per edition.

Rules of the mapping (the facts a record does not state are not invented):
- Groups: "ITU-T Study Group 13" → `itu-t-sg13`, "Telecommunication Standardization Advisory
  Group" → `tsag`. ITU-R records name no group: the series letter tells the study group
  (`SERIES_STUDY_GROUPS`: M, F → SG 5; P → SG 3; S, SNG, BO → SG 4; BS, BT, BR → SG 6; RA, RS,
  SA, TF → SG 7; SM, V → SG 1), a Question names its own (`229-6/5` → SG 5), a Resolution ITU-R is
  the Radiocommunication Assembly's (`ra`); handbooks are left without a group. Every group
  named is created with its Sector and kind (`named_groups`: ITU-T Study Group 13, TSAG, ITU-R
  Study Group 5, the RA) unless the registry already has it, so an import refers only to what
  exists and its export loads back.
- Editions: an ITU-T edition with a version tag (`H.248.1 (V2) (05/2002)`) is an edition of
  H.248.1 like any other; supplements of a series (`E-100 series Suppl. 1`, `M Suppl. 2.11`) are
  works of their own. Amendments, corrigenda, errata, addenda, appendices and annexes are parts
  of a work, and are counted (by kind) among the records left out.
- Status of an edition: the in-force code at the end of its itu.int address (`-I` in force, `-S`
  superseded, `-W` withdrawn, `-P` pre-published → approved), else the record's status
  (`Published` → in force, `Withdrawal` → withdrawn). Status of a work: in force if any edition
  is, else its newest edition's. A work with no status at all: a Question of a current study group
  (1 to 7) is `active`, one of a dissolved group `suppressed`; any other published text `approved`
  (it was published, nothing says whether it is still in force).
- Dates: a month-only date (`2009-06`) becomes the first of the month, and the milestone's name
  says "(month)" so the day is never taken for a fact.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from intersector.domain.errors import ValidationError
from intersector.domain.ids import group_id, make_id, question_id, text_id
from intersector.domain.registry import Activity, Group, Milestone

SERIES_STUDY_GROUPS = {
    "BO": "4",
    "BR": "6",
    "BS": "6",
    "BT": "6",
    "F": "5",
    "M": "5",
    "P": "3",
    "RA": "7",
    "RS": "7",
    "S": "4",
    "SA": "7",
    "SF": "4",
    "SM": "1",
    "SNG": "4",
    "TF": "7",
    "V": "1",
}
CURRENT_ITU_R_STUDY_GROUPS = frozenset("1234567")
PART_DOCTYPES = frozenset(
    {"recommendation-amendment", "recommendation-corrigendum", "recommendation-annex"}
)
DOCTYPES = PART_DOCTYPES | {
    "recommendation",
    "recommendation-supplement",
    "technical-report",
    "question",
    "resolution",
    "handbook",
}
URL_STATUS = {"I": "in-force", "S": "superseded", "W": "withdrawn", "P": "approved"}
RECORD_STATUS = {"Published": "in-force", "Withdrawal": "withdrawn"}
TSAG_NAME = "Telecommunication Standardization Advisory Group"

_ITU_T_REC = re.compile(
    r"^ITU-T (?P<number>[A-Z][^()]*?)(?: \((?P<version>V\d+)\))? \((?P<edition>\d{1,2}/\d{4})\)$"
)
_ITU_T_SUP = re.compile(
    r"^ITU-T (?P<series>[A-Z][A-Za-z0-9.\- ]*?) Suppl\. ?(?P<sup>\d+(?:\.\d+)?)"
    r" \((?P<edition>\d{1,2}/\d{4})\)$"
)
_ITU_T_PART = re.compile(r"\(\d{4}\) (?P<part>Amd|Cor|Err|Add|App)\. ")
PART_NAMES = {
    "Amd": "amendment",
    "Cor": "corrigendum",
    "Err": "erratum",
    "Add": "addendum",
    "App": "appendix",
}
_ITU_R_REC = re.compile(
    r"^ITU-R (?P<series>[A-Z]+)[.-](?P<number>\d+(?:\.\d+)?)(?:-(?P<rev>\d+))?$"
)
_ITU_R_QUESTION = re.compile(r"^ITU-R (?P<number>\d+)(?:-(?P<rev>\d+))?(?:/(?P<sg>\d+))?:?$")
_ITU_R_SG_QUESTION = re.compile(r"^ITU-R SG0?(?P<sg>\d+)\.(?P<number>\d+)(?:-(?P<rev>\d+))?$")
_ITU_R_RESOLUTION = re.compile(r"^ITU-R R\.(?P<number>\d+)(?:-(?P<rev>\d+))?$")
_ITU_R_HANDBOOK = re.compile(r"^ITU-R (?P<number>\d+)(?:\.HDB)?$")
_ITU_T_GROUP = re.compile(r"^ITU-T Study Group (?P<number>\d+)$")
_STUDY_GROUP_ID = re.compile(r"^(?P<sector>itu-[rt])-sg(?P<number>\d+)$")
_URL_CODE = re.compile(r"-(?P<code>[A-Z])(?:!|$)")
_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")

_REQUIRED: dict[str, tuple[type, ...]] = {"docid": (str,), "doctype": (str,)}
_OPTIONAL: dict[str, tuple[type, ...]] = {
    "title": (dict,),
    "abstract": (dict,),
    "published": (str, type(None)),
    "groups": (list,),
    "status": (str, type(None)),
    "source": (str, type(None)),
    "relaton_file": (str, type(None)),
}


class RelatonError(ValidationError):
    """A line of a Relaton JSONL file that is not a publication record; names file, line, field."""


class RelatonFileError(ValidationError):
    """A Relaton JSONL file with bad lines: every one is in `errors`; nothing of it was taken."""

    def __init__(self, source: str, errors: list[RelatonError]) -> None:
        shown = "\n    ".join(str(e) for e in errors[:10])
        more = f"\n    … and {len(errors) - 10} more" if len(errors) > 10 else ""
        super().__init__(
            f"{len(errors)} bad line(s); fix them and import again (nothing was imported):"
            f"\n    {shown}{more}",
            source=source,
        )
        self.errors = errors


@dataclass(frozen=True)
class Edition:
    """One Relaton record: one edition (ITU-T) or revision (ITU-R) of a work."""

    line: int
    work_id: str
    sector: str
    kind: str
    identifier: str  # the work as ITU writes it: "Y.3101", "M.2150", "Question ITU-R 229/5"
    label: str  # this edition as written: "Y.3101 (01/2018)", "M.2150-3", "229-6/5"
    revision: int
    title: str
    summary: str
    published: date | None
    month_only: bool
    group: str
    status: str  # "" when the record does not tell
    source: str


@dataclass(frozen=True)
class RelatonImport:
    """What `load_publications` made of a file: the activities, the groups they name (so that
    what is imported refers only to what exists), and what it left out and why."""

    activities: tuple[Activity, ...]
    records: int
    skipped: Mapping[str, int]
    groups: tuple[Group, ...] = ()


@dataclass(frozen=True)
class _Work:
    sector: str
    kind: str
    work_id: str
    identifier: str
    label: str
    revision: int
    group: str


# Stage 1: lines → checked records


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) for each non-blank line; raise RelatonError on a bad one."""
    for number, raw in _raw_lines(path):
        text = _decode(raw, source=str(path), line=number)
        if text.strip():
            yield number, parse_line(text, source=str(path), line=number)


def _raw_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise RelatonError(f"cannot read the file ({error.strerror})", source=str(path)) from None
    with handle:
        yield from enumerate(handle, start=1)


def _decode(raw: bytes, *, source: str, line: int) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark, if any, is not part of the record
    except UnicodeDecodeError:
        raise RelatonError("not UTF-8 text", source=source, line=line) from None


def parse_line(text: str, *, source: str, line: int) -> dict[str, Any]:
    """One JSONL line → a record whose fields have the documented types."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _error(f"not JSON ({error.msg})", source, line, "", text) from None
    if not isinstance(data, dict):
        raise _error("expected a JSON object", source, line, "", text)
    for name, types in _REQUIRED.items():
        if not isinstance(data.get(name), types) or not data[name].strip():
            raise _error("missing or not a non-empty string", source, line, name, text)
    for name, types in _OPTIONAL.items():
        if name in data and not isinstance(data[name], types):
            wanted = " or ".join("null" if t is type(None) else t.__name__ for t in types)
            raise _error(f"expected {wanted}", source, line, name, text)
    if not all(isinstance(g, str) for g in data.get("groups") or []):
        raise _error("expected a list of group names", source, line, "groups", text)
    if data["doctype"] not in DOCTYPES:
        known = ", ".join(sorted(DOCTYPES))
        raise _error(f"unknown doctype (known: {known})", source, line, "doctype", text)
    return data


def _error(message: str, source: str, line: int, field: str, text: str) -> RelatonError:
    excerpt = text.strip()
    excerpt = excerpt if len(excerpt) <= 120 else excerpt[:117] + "…"
    return RelatonError(message, source=source, line=line, field=field, excerpt=excerpt)


# Stage 2: record → edition


def parse_edition(record: Mapping[str, Any], *, line: int = 0, source: str = "") -> Edition | None:
    """One checked record → its Edition, or None for parts and collections (not works)."""
    if record["doctype"] in PART_DOCTYPES:
        return None
    groups = record.get("groups") or []
    work = parse_docid(record["docid"], record["doctype"], groups, source=source, line=line)
    if work is None:
        return None
    published, month_only = parse_published(record.get("published"), source=source, line=line)
    return Edition(
        line=line,
        work_id=work.work_id,
        sector=work.sector,
        kind=work.kind,
        identifier=work.identifier,
        label=work.label,
        revision=work.revision,
        title=_english(record.get("title")),
        summary=_english(record.get("abstract")),
        published=published,
        month_only=month_only,
        group=work.group,
        status=edition_status(record.get("source"), record.get("status")),
        source=record.get("source") or _relaton_source(record),
    )


def parse_docid(
    docid: str, doctype: str, groups: Iterable[str], *, source: str = "", line: int = 0
) -> _Work | None:
    """Read a Relaton docid (`ITU-T Y.3101 (01/2018)`, `ITU-R M.2150-1`, `ITU-R 229-6/5:`)."""
    if docid.startswith("ITU-T "):
        group = itu_t_group(groups, source=source, line=line)
        if doctype == "recommendation-supplement":
            return _itu_t_supplement(docid, group)
        return _itu_t_recommendation(docid, group)
    if docid.startswith("ITU-R "):
        return _ITU_R_PARSERS[doctype](docid)
    return None


def itu_t_group(groups: Iterable[str], *, source: str = "", line: int = 0) -> str:
    """The group id of the first responsible group named: `itu-t-sg13`, `tsag`, or ""."""
    for name in groups:
        match = _ITU_T_GROUP.match(name.strip())
        if match:
            return group_id("itu-t", "sg", match["number"])
        if name.strip() == TSAG_NAME:
            return "tsag"
        raise RelatonError(
            f"unknown group {name!r}: expected 'ITU-T Study Group N' or {TSAG_NAME!r}",
            source=source,
            line=line,
            field="groups",
        )
    return ""


def _itu_t_recommendation(docid: str, group: str) -> _Work | None:
    match = _ITU_T_REC.match(docid)
    if not match:
        return None
    number = match["number"].strip()
    work_id = text_id("itu-t", "recommendation", number.split("/")[0].strip())
    version = f" ({match['version']})" if match["version"] else ""
    label = f"{number}{version} ({match['edition']})"
    return _Work("itu-t", "recommendation", work_id, number, label, 0, group)


def _itu_t_supplement(docid: str, group: str) -> _Work | None:
    match = _ITU_T_SUP.match(docid)
    if not match:
        return None
    identifier = f"{match['series']} Suppl. {match['sup']}"
    work_id = text_id("itu-t", "supplement", f"{match['series']}-{match['sup']}")
    label = f"{identifier} ({match['edition']})"
    return _Work("itu-t", "supplement", work_id, identifier, label, 0, group)


def _itu_r_text(kind: str) -> Callable[[str], _Work | None]:
    def parse(docid: str) -> _Work | None:
        match = _ITU_R_REC.match(docid)
        if not match or match["series"] not in SERIES_STUDY_GROUPS:
            return None
        identifier = f"{match['series']}.{match['number']}"
        revision = int(match["rev"] or 0)
        group = group_id("itu-r", "sg", SERIES_STUDY_GROUPS[match["series"]])
        work_id = text_id("itu-r", kind, identifier)
        return _Work(
            "itu-r", kind, work_id, identifier, f"{identifier}-{revision}", revision, group
        )

    return parse


def _itu_r_question(docid: str) -> _Work | None:
    match = _ITU_R_QUESTION.match(docid) or _ITU_R_SG_QUESTION.match(docid)
    if not match:
        return None
    number, study_group = match["number"].lstrip("0") or "0", match["sg"] or ""
    revision = int(match["rev"] or 0)
    suffix = f"/{study_group}" if study_group else ""
    group = group_id("itu-r", "sg", study_group) if study_group else ""
    work_id = question_id("itu-r", number, study_group)
    label = f"{number}{f'-{revision}' if revision else ''}{suffix}"
    return _Work(
        "itu-r", "question", work_id, f"Question ITU-R {number}{suffix}", label, revision, group
    )


def _itu_r_resolution(docid: str) -> _Work | None:
    match = _ITU_R_RESOLUTION.match(docid)
    if not match:
        return None
    revision = int(match["rev"] or 0)
    work_id = text_id("itu-r", "resolution", match["number"])
    identifier = f"Resolution ITU-R {match['number']}"
    label = f"{identifier}-{revision}" if revision else identifier
    return _Work("itu-r", "resolution", work_id, identifier, label, revision, "ra")


def _itu_r_handbook(docid: str) -> _Work | None:
    match = _ITU_R_HANDBOOK.match(docid)
    if not match:
        return None
    written = docid.removeprefix("ITU-R ")
    work_id = make_id("itu-r", "hdb", match["number"])
    identifier = f"Handbook ITU-R {written}"
    return _Work("itu-r", "handbook", work_id, identifier, identifier, 0, "")


_ITU_R_PARSERS: dict[str, Callable[[str], _Work | None]] = {
    "recommendation": _itu_r_text("recommendation"),
    "technical-report": _itu_r_text("report"),
    "question": _itu_r_question,
    "resolution": _itu_r_resolution,
    "handbook": _itu_r_handbook,
    "recommendation-supplement": lambda docid: None,
}


def parse_published(value: object, *, source: str = "", line: int = 0) -> tuple[date | None, bool]:
    """`2018-01-13` → (date, False); `2009-06` → (2009-06-01, True: month only); None → (None,
    False)."""
    if value is None or value == "":
        return None, False
    match = _DATE.match(str(value))
    try:
        if not match:
            raise ValueError(value)
        day = int(match["day"] or 1)
        return date(int(match["year"]), int(match["month"]), day), match["day"] is None
    except ValueError:
        raise RelatonError(
            f"bad date {value!r}: expected YYYY-MM-DD or YYYY-MM",
            source=source,
            line=line,
            field="published",
        ) from None


def edition_status(url: str | None, status: str | None) -> str:
    """The edition's status from its itu.int address, else from the record, else ""."""
    if url and "REC" in url:
        match = _URL_CODE.search(url.rsplit("/", 1)[-1])
        if match and match["code"] in URL_STATUS:
            return URL_STATUS[match["code"]]
    return RECORD_STATUS.get(status or "", "")


def _english(texts: object) -> str:
    if not isinstance(texts, Mapping):
        return ""
    value = texts.get("en") or next((v for v in texts.values() if v), "")
    return " ".join(str(value).split())


def _relaton_source(record: Mapping[str, Any]) -> str:
    name = record.get("relaton_file") or ""
    return f"relaton-data-itu: data/{name}" if name else "relaton-data-itu"


# Stage 3: editions → activities


def merge_editions(editions: Iterable[Edition]) -> list[Activity]:
    """Group editions by work and make one Activity per work, in first-seen order."""
    works: dict[str, list[Edition]] = {}
    for edition in editions:
        works.setdefault(edition.work_id, []).append(edition)
    return [work_activity(found) for found in works.values()]


def work_activity(editions: list[Edition]) -> Activity:
    """The Activity of one work from all its editions (newest edition gives title and summary)."""
    ordered = sorted(editions, key=_edition_order)
    newest = ordered[-1]
    return Activity(
        id=newest.work_id,
        sector=newest.sector,
        kind=newest.kind,
        identifier=newest.identifier,
        title=_newest_text(ordered, "title") or newest.identifier,
        group=newest.group or next((e.group for e in reversed(ordered) if e.group), ""),
        summary=_newest_text(ordered, "summary"),
        status=work_status(ordered),
        milestones=tuple(_milestone(e) for e in ordered if e.published is not None),
        source=newest.source,
    )


def _edition_order(edition: Edition) -> tuple[int, date, int]:
    return edition.revision, edition.published or date.min, edition.line


def _newest_text(ordered: list[Edition], name: str) -> str:
    return next((str(getattr(e, name)) for e in reversed(ordered) if getattr(e, name)), "")


def work_status(ordered: list[Edition]) -> str:
    """In force if any edition is; else the newest edition's; else by kind (see module doc)."""
    statuses = [e.status for e in ordered]
    if "in-force" in statuses:
        return "in-force"
    if statuses[-1]:
        return statuses[-1]
    newest = ordered[-1]
    if newest.kind != "question":
        return "approved"
    study_group = newest.group.removeprefix("itu-r-sg")
    return "active" if study_group in CURRENT_ITU_R_STUDY_GROUPS else "suppressed"


def _milestone(edition: Edition) -> Milestone:
    when = edition.published or date.min
    suffix = " (month)" if edition.month_only else ""
    return Milestone(name=f"{edition.label} published{suffix}", date=when)


# The whole file


def load_publications(
    path: Path, *, progress: Callable[[int], None] | None = None
) -> RelatonImport:
    """Read a whole Relaton JSONL file into activities, checking every line first: a file with
    bad lines raises RelatonFileError listing them all, and gives nothing. `progress` is called
    with the number of lines read so far (for a progress bar)."""
    editions: list[Edition] = []
    errors: list[RelatonError] = []
    skipped: Counter[str] = Counter()
    records = 0
    for number, edition, skip in _scan(path, errors):
        records += 1
        if edition is not None:
            editions.append(edition)
        elif skip:
            skipped[skip] += 1
        if progress is not None:
            progress(number)
    if errors:
        raise RelatonFileError(str(path), errors)
    activities = tuple(merge_editions(editions))
    return RelatonImport(activities, records, dict(skipped), tuple(named_groups(activities)))


def _scan(path: Path, errors: list[RelatonError]) -> Iterator[tuple[int, Edition | None, str]]:
    """Yield (line, edition or None, reason skipped) for every record; collect bad lines."""
    source = str(path)
    for number, raw in _raw_lines(path):
        try:
            text = _decode(raw, source=source, line=number)
            if not text.strip():
                continue
            record = parse_line(text, source=source, line=number)
            edition = parse_edition(record, line=number, source=source)
        except RelatonError as error:
            errors.append(error)
            continue
        yield number, edition, _skip_reason(record) if edition is None else ""


def _skip_reason(record: Mapping[str, Any]) -> str:
    if record["doctype"] in PART_DOCTYPES:
        return str(record["doctype"]).removeprefix("recommendation-")
    part = _ITU_T_PART.search(record["docid"])
    return PART_NAMES[part["part"]] if part else "collection or draft number"


# The groups the works name

FIXED_GROUPS = {
    "tsag": ("itu-t", "advisory-group", TSAG_NAME, "TSAG"),
    "ra": ("itu-r", "assembly", "Radiocommunication Assembly", "RA"),
}


def named_groups(activities: Iterable[Activity]) -> Iterator[Group]:
    """One `Group` for each responsible group the activities name, in first-named order, with
    its Sector and kind: `itu-t-sg13` → ITU-T Study Group 13 (acronym `SG13`), `itu-r-sg5` →
    ITU-R Study Group 5 (`SG 5`, as each Sector writes it), `tsag`, `ra`. Its source says which
    work named it first. Only the facts the ids carry: no mandate, no study period."""
    seen: set[str] = set()
    for activity in activities:
        if activity.group and activity.group not in seen:
            seen.add(activity.group)
            yield group_named(activity.group, f"responsible group of {activity.identifier}")


def group_named(group: str, why: str) -> Group:
    """The Group of an id the importer makes (see `named_groups`)."""
    source = f"relaton-data-itu: {why}"
    if group in FIXED_GROUPS:
        sector, kind, name, acronym = FIXED_GROUPS[group]
        return Group(group, sector, kind, name, acronym, source=source)
    match = _STUDY_GROUP_ID.match(group)
    if match is None:  # the parsers above make no other group id
        raise ValueError(f"not a group id the Relaton import makes: {group!r}")
    sector, number = match["sector"], match["number"]
    acronym = f"SG{number}" if sector == "itu-t" else f"SG {number}"
    name = f"{sector.upper()} Study Group {number}"
    return Group(group, sector, "study-group", name, acronym, source=source)


# Keeping what the registry knows and the publication metadata does not

REGISTRY_ONLY_FIELDS = (
    "subjects",
    "start",
    "target",
    "editors",
    "equivalents",
    "documents",
    "dependencies",
    "language",
)


def keep_registry_fields(
    imported: Iterable[Activity], existing: Mapping[str, Activity]
) -> Iterator[Activity]:
    """Each imported activity, with the fields the metadata never carries (subjects, dates,
    editors, equivalents, documents, dependencies) taken from the stored activity of the same
    id, so that re-importing publications never erases what coordinators recorded. A stored
    group or summary is kept when the record has none."""
    for activity in imported:
        stored = existing.get(activity.id)
        if stored is None:
            yield activity
            continue
        kept: dict[str, Any] = {name: getattr(stored, name) for name in REGISTRY_ONLY_FIELDS}
        kept["group"] = activity.group or stored.group
        kept["summary"] = activity.summary or stored.summary
        yield replace(activity, **kept)


def count_lines(path: Path) -> int:
    """Lines in a file, for a progress bar's total."""
    with path.open("rb") as handle:
        return sum(1 for _ in handle)
