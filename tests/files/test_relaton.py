"""files/relaton.py on a small real extract of the Relaton ITU records (tests/data/relaton/)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intersector.domain.errors import ValidationError
from intersector.domain.registry import (
    ACTIVITY_KINDS,
    ACTIVITY_STATUSES,
    GROUP_KINDS,
    SECTORS,
    Activity,
    Dependency,
)
from intersector.files.relaton import (
    DOCTYPES,
    RelatonError,
    RelatonFileError,
    RelatonImport,
    edition_status,
    itu_t_group,
    keep_registry_fields,
    load_publications,
    parse_docid,
    parse_edition,
    parse_line,
    parse_published,
    read_records,
)

DATA = Path(__file__).parent.parent / "data" / "relaton"
EXTRACT = DATA / "publications-extract.jsonl"


@pytest.fixture(scope="module")
def result() -> RelatonImport:
    return load_publications(EXTRACT)


@pytest.fixture(scope="module")
def works(result: RelatonImport) -> dict[str, Activity]:
    return {a.id: a for a in result.activities}


def test_counts_and_skipped_parts(result: RelatonImport) -> None:
    assert result.records == 45
    assert result.skipped == {
        "amendment": 1,
        "corrigendum": 2,
        "annex": 1,
        "erratum": 1,  # ITU-T A.4 (2012) Err. 1
        "addendum": 1,  # ITU-T Q.761 (1997) Add. 1
        "collection or draft number": 2,
    }
    for activity in result.activities:
        assert activity.kind in ACTIVITY_KINDS and activity.status in ACTIVITY_STATUSES
        assert activity.source


def test_itu_t_recommendation(works: dict[str, Activity]) -> None:
    y3101 = works["itu-t-rec-y.3101"]
    assert (y3101.sector, y3101.kind, y3101.identifier) == ("itu-t", "recommendation", "Y.3101")
    assert y3101.title == "Requirements of the IMT-2020 network"
    assert y3101.group == "itu-t-sg13"
    assert y3101.status == "in-force"
    assert y3101.summary.startswith("This Recommendation describes requirements")
    assert [(m.name, m.date) for m in y3101.milestones] == [
        ("Y.3101 (01/2018) published", date(2018, 1, 13))
    ]
    assert y3101.source == "https://www.itu.int/rec/T-REC-Y.3101-201801-I"


def test_editions_merge_newest_title_and_in_force(works: dict[str, Activity]) -> None:
    g229 = works["itu-t-rec-g.229"]
    assert len(g229.milestones) == 5
    assert g229.milestones[-1].date == date(1988, 11, 25)
    assert g229.title == "Unwanted modulation and phase jitter"
    assert g229.status == "in-force"


def test_tsag_dual_numbers_and_supplements(works: dict[str, Activity]) -> None:
    assert works["itu-t-rec-a.1"].group == "tsag"
    dual = works["itu-t-rec-y.4410"]
    assert dual.identifier == "Y.4410/Y.2291" and dual.group == "itu-t-sg20"
    supplement = works["itu-t-sup-y-62"]
    assert (supplement.kind, supplement.identifier) == ("supplement", "Y Suppl. 62")
    assert works["itu-t-rec-f.748.39"].status == "approved"  # pre-published


def test_versioned_editions_are_editions_of_their_work(works: dict[str, Activity]) -> None:
    h248 = works["itu-t-rec-h.248.1"]  # every edition is tagged (V1), (V2), (V3)
    assert (h248.identifier, h248.group) == ("H.248.1", "itu-t-sg21")
    assert [m.name for m in h248.milestones] == [
        "H.248.1 (V1) (03/2002) published",
        "H.248.1 (V2) (05/2002) published",
        "H.248.1 (V3) (09/2005) published",
    ]
    assert h248.source == "https://www.itu.int/rec/T-REC-H.248.1-200509-S"
    t816 = works["itu-t-rec-t.816"]
    assert (t816.status, t816.milestones[0].date) == ("in-force", date(2023, 2, 13))


def test_series_supplements_are_works(works: dict[str, Activity]) -> None:
    e100 = works["itu-t-sup-e-100-series-1"]
    assert (e100.kind, e100.identifier, e100.group) == (
        "supplement",
        "E-100 series Suppl. 1",
        "itu-t-sg2",
    )
    m211 = works["itu-t-sup-m-2.11"]
    assert (m211.identifier, m211.status, m211.group) == ("M Suppl. 2.11", "withdrawn", "")


def test_every_group_named_is_made_with_its_sector_and_kind(result: RelatonImport) -> None:
    groups = {g.id: g for g in result.groups}
    assert {a.group for a in result.activities if a.group} == set(groups)
    assert len(result.groups) == len(groups)  # each once
    sg13, sg5 = groups["itu-t-sg13"], groups["itu-r-sg5"]
    assert (sg13.sector, sg13.kind, sg13.name, sg13.acronym) == (
        "itu-t",
        "study-group",
        "ITU-T Study Group 13",
        "SG13",
    )
    assert (sg5.sector, sg5.kind, sg5.acronym) == ("itu-r", "study-group", "SG 5")
    assert (groups["tsag"].sector, groups["tsag"].kind) == ("itu-t", "advisory-group")
    assert (groups["ra"].sector, groups["ra"].kind) == ("itu-r", "assembly")
    assert sg13.source == "relaton-data-itu: responsible group of Y.3101"
    for group in result.groups:
        assert group.kind in GROUP_KINDS and group.sector in SECTORS


def test_itu_r_recommendation_series_gives_study_group(works: dict[str, Activity]) -> None:
    m2150 = works["itu-r-rec-m.2150"]
    assert (m2150.identifier, m2150.group, m2150.status) == ("M.2150", "itu-r-sg5", "in-force")
    assert [m.name for m in m2150.milestones][-1] == "M.2150-3 published (month)"
    assert m2150.milestones[-1].date == date(2026, 3, 1)
    assert works["itu-r-rec-p.1407"].group == "itu-r-sg3"
    bt1543 = works["itu-r-rec-bt.1543"]  # "BT-1543-1" written with a hyphen
    assert bt1543.group == "itu-r-sg6" and len(bt1543.milestones) == 2


def test_itu_r_reports_questions_resolutions_handbooks(works: dict[str, Activity]) -> None:
    report = works["itu-r-rep-m.2410"]
    assert (report.kind, report.status) == ("report", "approved")
    question = works["itu-r-q229-5"]
    assert question.identifier == "Question ITU-R 229/5"
    assert (question.group, question.status) == ("itu-r-sg5", "active")
    assert question.milestones[-1].name == "229-6/5 published (month)"
    assert works["itu-r-q229-8"].status == "suppressed"  # SG 8 dissolved in 2007
    assert works["itu-r-q203-3"].identifier == "Question ITU-R 203/3"
    assert works["itu-r-q111"].group == ""  # the record names no study group
    resolution = works["itu-r-res-65"]
    assert (resolution.group, len(resolution.milestones)) == ("ra", 2)
    assert works["itu-r-hdb-60"].identifier == "Handbook ITU-R 60"


def _bad_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_bad_line_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    good = EXTRACT.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    lines = [
        good,
        "{not json",
        json.dumps({**record, "docid": ""}),
        json.dumps({**record, "published": "2019-13"}),
        json.dumps({**record, "docid": "ITU-T Y.1 (01/2020)", "groups": ["ITU-T SG 99"]}),
        json.dumps({**record, "doctype": "brochure"}),
        json.dumps({**record, "title": "a string"}),
        json.dumps({**record, "groups": [13]}),
    ]
    with pytest.raises(RelatonFileError) as caught:
        load_publications(_bad_file(tmp_path, lines))
    errors = caught.value.errors
    assert [(e.line, e.field) for e in errors] == [
        (2, ""),
        (3, "docid"),
        (4, "published"),
        (5, "groups"),
        (6, "doctype"),
        (7, "title"),
        (8, "groups"),
    ]
    assert all(e.source.endswith("bad.jsonl") for e in errors)
    assert "line 4, field 'published'" in str(caught.value)
    assert isinstance(caught.value, ValidationError)


def test_missing_file_and_non_utf8(tmp_path: Path) -> None:
    with pytest.raises(RelatonError, match="cannot read"):
        load_publications(tmp_path / "nope.jsonl")
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"docid": "ITU-T Y.1 (01/2020)", "doctype": "é"}\n'.encode("latin-1"))
    with pytest.raises(RelatonFileError) as caught:
        load_publications(path)
    assert caught.value.errors[0].line == 1


def test_progress_is_reported(tmp_path: Path) -> None:
    seen: list[int] = []
    load_publications(EXTRACT, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 45


@pytest.mark.parametrize(
    ("url", "status", "expected"),
    [
        ("https://www.itu.int/rec/T-REC-G.229-198811-I", "Published", "in-force"),
        ("https://www.itu.int/rec/T-REC-D.250-198811-S", "Withdrawal", "superseded"),
        ("https://www.itu.int/rec/T-REC-Y.3101-201804-I!Cor1", "Published", "in-force"),
        (
            "https://www.itu.int/dms_pubrec/itu-r/rec/m/R-REC-M.2150-2-202312-I!!PDF-E.pdf",
            None,
            "in-force",
        ),
        (None, "Withdrawal", "withdrawn"),
        ("http://www.itu.int/dms_pub/itu-r/opb/rep/R-REP-M.2410-2017-PDF-E.pdf", None, ""),
    ],
)
def test_edition_status(url: str | None, status: str | None, expected: str) -> None:
    assert edition_status(url, status) == expected


def test_groups() -> None:
    assert itu_t_group(["ITU-T Study Group 13"]) == "itu-t-sg13"
    assert itu_t_group(["Telecommunication Standardization Advisory Group"]) == "tsag"
    assert itu_t_group([]) == ""
    with pytest.raises(RelatonError):
        itu_t_group(["Study Group 13"])


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_published_dates_round_trip(day: date) -> None:
    assert parse_published(day.isoformat()) == (day, False)
    assert parse_published(day.isoformat()[:7]) == (day.replace(day=1), True)


@given(st.text(max_size=40))
def test_any_line_is_a_record_or_a_named_error(text: str) -> None:
    try:
        record = parse_line(text, source="x.jsonl", line=3)
    except RelatonError as error:
        assert error.line == 3 and error.source == "x.jsonl"
    else:
        assert isinstance(record["docid"], str)


@given(
    series=st.sampled_from(["M", "P", "BT", "BS", "S", "SM", "RA", "F"]),
    number=st.integers(min_value=1, max_value=2999),
    revision=st.integers(min_value=0, max_value=30),
)
def test_itu_r_recommendation_ids(series: str, number: int, revision: int) -> None:
    work = parse_docid(f"ITU-R {series}.{number}-{revision}", "recommendation", [])
    assert work is not None
    assert work.work_id == f"itu-r-rec-{series.lower()}.{number}"
    assert (work.identifier, work.revision) == (f"{series}.{number}", revision)
    assert work.group.startswith("itu-r-sg")


@given(
    number=st.integers(min_value=1, max_value=300),
    revision=st.integers(min_value=0, max_value=9),
    study_group=st.integers(min_value=1, max_value=7),
)
def test_itu_r_question_ids(number: int, revision: int, study_group: int) -> None:
    written = f"{number}-{revision}" if revision else str(number)
    work = parse_docid(f"ITU-R {written}/{study_group}:", "question", [])
    assert work is not None
    assert work.work_id == f"itu-r-q{number}-{study_group}"
    assert work.group == f"itu-r-sg{study_group}" and work.revision == revision


# --- keeping registry fields, and the import-relaton command on a real store ------------------


def test_reimport_keeps_what_the_registry_knows(works: dict[str, Activity]) -> None:
    imported = works["itu-r-rec-m.2150"]
    stored = replace(
        imported,
        title="old title",
        subjects=("imt",),
        dependencies=(Dependency("itu-r-rep-m.2410", "evaluated against it"),),
        equivalents=("3GPP 5G-SRIT",),
        target=date(2030, 1, 1),
    )
    (merged,) = keep_registry_fields([imported], {stored.id: stored})
    assert merged.title == imported.title  # the metadata wins on its own facts
    assert merged.subjects == ("imt",) and merged.target == date(2030, 1, 1)
    assert merged.dependencies == stored.dependencies and merged.equivalents == ("3GPP 5G-SRIT",)
    assert list(keep_registry_fields([imported], {})) == [imported]


def test_import_relaton_command(cli_database: str) -> None:
    from intersector.cli import run
    from intersector.store import open_store

    assert run(["import-relaton", str(EXTRACT)]) == 0
    assert run(["import-relaton", str(EXTRACT)]) == 0  # again: nothing changes
    with open_store(cli_database) as store:
        y3101 = store.get("activity", "itu-t-rec-y.3101")
        assert (y3101.group, y3101.status) == ("itu-t-sg13", "in-force")
        assert [v.number for v in store.history("activity", "itu-t-rec-y.3101")] == [1]
        assert len(store.list("activity")) == len(load_publications(EXTRACT).activities)


SAMPLE_PUBLICATIONS = DATA.parents[2] / "data" / "sample" / "registry" / "publications.jsonl"


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
@pytest.mark.parametrize("path", [EXTRACT, SAMPLE_PUBLICATIONS], ids=["extract", "sample"])
def test_an_imported_export_loads_back_exactly(
    cli_database: str, tmp_path: Path, path: Path, fmt: str
) -> None:
    from intersector.cli import run
    from intersector.store import open_store

    assert run(["import-relaton", str(path)]) == 0
    folder = tmp_path / "export"
    assert run(["export", "--format", fmt, "--output", str(folder)]) == 0
    again = f"sqlite:///{tmp_path / 'again.db'}"
    assert run_with_database(again, ["load", str(folder)]) == 0
    with open_store(cli_database) as first, open_store(again) as second:
        for kind in ("group", "activity"):
            imported = first.list(kind, include_withdrawn=True)
            assert imported and second.list(kind, include_withdrawn=True) == imported
        assert {g.id for g in first.list("group")} == {
            a.group for a in first.list("activity", include_withdrawn=True) if a.group
        }


def run_with_database(url: str, argv: list[str]) -> int:
    """The CLI run against another database than the test's."""
    from intersector.cli import run

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERSECTOR_DATABASE_URL", url)
        return run(argv)


def test_import_keeps_stored_groups_and_creates_only_missing_ones(cli_database: str) -> None:
    from intersector.cli import run
    from intersector.domain.registry import Group
    from intersector.store import open_store

    kept = Group("itu-t-sg13", "itu-t", "study-group", "Future networks", "SG13")
    with open_store(cli_database) as store:
        store.save(kept, author="test", reason="known before")
    assert run(["import-relaton", str(EXTRACT)]) == 0
    with open_store(cli_database) as store:
        assert store.get("group", "itu-t-sg13") == kept
        assert [v.number for v in store.history("group", "itu-t-sg13")] == [1]
        assert store.get("group", "itu-t-sg21").name == "ITU-T Study Group 21"


def test_import_relaton_bad_file_stores_nothing(
    cli_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from intersector.cli import run
    from intersector.store import open_store

    good = EXTRACT.read_text(encoding="utf-8").splitlines()[0]
    bad = _bad_file(tmp_path, [good, '{"docid": "ITU-T Y.1 (01/2020)"}'])
    assert run(["import-relaton", str(bad)]) == 2
    assert "line 2, field 'doctype'" in capsys.readouterr().err.replace("\n", " ")
    with open_store(cli_database) as store:
        assert store.list("activity") == []


def test_read_records_streams_checked_records_and_skips_a_byte_order_mark(tmp_path: Path) -> None:
    lines = EXTRACT.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "bom.jsonl"
    path.write_text("\ufeff" + "\n".join(lines) + "\n\n", encoding="utf-8")
    records = list(read_records(path))
    assert [n for n, _ in records] == [1, 2, 3]
    assert records[0][1]["docid"] == json.loads(lines[0])["docid"]


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.lists(st.one_of(st.text(max_size=30), st.integers()), max_size=3),
    st.dictionaries(st.sampled_from(["en", "fr"]), st.one_of(st.text(max_size=20), st.none())),
)
_OPTIONAL_FIELDS = ("title", "abstract", "published", "groups", "status", "source")
_DOCIDS = st.one_of(
    st.text(max_size=30),
    st.builds("ITU-T {} ({})".format, st.text(max_size=12), st.text(max_size=8)),
    st.builds("ITU-R {}".format, st.text(max_size=15)),
)


@given(
    st.fixed_dictionaries(
        {"docid": _DOCIDS, "doctype": st.sampled_from([*sorted(DOCTYPES), "other"])},
        optional=dict.fromkeys(_OPTIONAL_FIELDS, _VALUES),
    )
)
def test_any_record_gives_an_edition_none_or_a_named_error(record: dict[str, Any]) -> None:
    try:
        checked = parse_line(json.dumps(record), source="x.jsonl", line=5)
        edition = parse_edition(checked, line=5, source="x.jsonl")
    except RelatonError as error:
        assert error.line == 5
    else:
        assert edition is None or edition.work_id.startswith(("itu-t-", "itu-r-"))
