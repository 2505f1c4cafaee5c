"""Registry files: loading, every kind of bad row named by file/line/field, export round trips."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from intersector.domain import codec
from intersector.domain.registry import Activity, Group, Liaison, Roadmap, Subject
from intersector.files.registry import export_registry, load_paths

DATA = Path(__file__).parents[1] / "data" / "registry"
IMT = DATA / "imt.yaml"


def by_type(items: list[object]) -> dict[str, list[object]]:
    grouped: dict[str, list[object]] = {}
    for item in items:
        grouped.setdefault(codec.item_type_of(item).name, []).append(item)
    return grouped


def test_the_fixture_loads_cleanly() -> None:
    result = load_paths([IMT])
    assert result.errors == []
    counts = {name: len(items) for name, items in by_type(result.items).items()}
    assert counts == {
        "sector": 3,
        "subject": 1,
        "group": 3,
        "activity": 3,
        "liaison": 1,
        "roadmap": 1,
    }
    m2150 = next(i for i in result.items if getattr(i, "id", "") == "itu-r-rec-m.2150")
    assert isinstance(m2150, Activity)
    assert m2150.dependencies[0].on == "itu-r-rec-m.2083"
    y3101 = next(i for i in result.items if getattr(i, "id", "") == "itu-t-rec-y.3101")
    assert y3101.milestones[0].date == date(2018, 1, 13)
    assert y3101.start == date(2017, 1, 1)


def test_items_come_referenced_types_first(tmp_path: Path) -> None:
    names = [codec.item_type_of(i).name for i in load_paths([IMT]).items]
    assert names.index("group") < names.index("activity") < names.index("roadmap")


def test_a_folder_is_read_with_its_registry_files_only(tmp_path: Path) -> None:
    shutil.copy(IMT, tmp_path / "imt.yaml")
    (tmp_path / "README.md").write_text("not a registry file")
    (tmp_path / "publications.jsonl").write_text("{}\n")
    result = load_paths([tmp_path])
    assert [f.path for f in result.files] == [str(tmp_path / "imt.yaml")]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GROUPS = """\
groups:
  - id: itu-t-sg13
    sector: itu-t
    kind: study-group
    name: Future networks
"""


@pytest.mark.parametrize(
    ("row", "line", "field", "message"),
    [
        ("    colour: red\n", 14, "colour", "unknown field 'colour'"),
        ("    kind: question\n", 7, "title", "missing required field 'title'"),
        ("    target: 2025-02-30\n", 14, "target", "expected a date YYYY-MM-DD"),
        ("    target: next year\n", 14, "target", "expected a date YYYY-MM-DD"),
        ("    status: finished\n", 14, "status", "'finished' is not a known status"),
        ("    group: itu-t-sg99\n", 13, "group", "unknown group 'itu-t-sg99'"),
        (
            "    dependencies: [{on: itu-x}]\n",
            14,
            "dependencies[0].on",
            "unknown activity 'itu-x'",
        ),
    ],
)
def test_each_bad_row_is_named_by_file_line_and_field(
    tmp_path: Path, row: str, line: int, field: str, message: str
) -> None:
    activity = (
        "activities:\n"
        "  - id: itu-t-q6-13\n"
        "    sector: itu-t\n"
        "    identifier: Q6/13\n"
        "    kind: question\n"
        "    title: QoS\n"
        "    group: itu-t-sg13\n"
        "    subjects: []\n"
    )
    if "title" in field:
        activity = activity.replace("    title: QoS\n", "")
        row = ""
    if row.startswith("    group:"):  # a key given twice is an error of its own
        activity = activity.replace("    group: itu-t-sg13\n", "")
    path = write(tmp_path, "bad.yaml", GROUPS + activity + row)
    result = load_paths([path])
    assert result.items == []
    [error] = result.errors
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert message in error.message
    assert str(path) in str(error) and f"line {line}" in str(error)


def test_every_error_of_every_file_is_listed_and_good_files_still_load(tmp_path: Path) -> None:
    good = write(tmp_path, "a-good.yaml", GROUPS)
    bad = write(
        tmp_path,
        "b-bad.yaml",
        "activities:\n"
        "  - id: a1\n    sector: itu-x\n    kind: question\n    identifier: Q1\n    title: t\n"
        "  - id: a2\n    sector: itu-t\n    kind: question\n    identifier: Q2\n"
        "    title: t\n    start: soon\n",
    )
    result = load_paths([good, bad])
    assert [(e.line, e.field) for e in result.errors] == [(3, "sector"), (12, "start")]
    assert [i.id for i in result.items] == ["itu-t-sg13"]
    assert [f.ok for f in result.files] == [True, False]


def test_duplicate_ids_name_the_first_place(tmp_path: Path) -> None:
    one = write(tmp_path, "one.yaml", GROUPS)
    two = write(tmp_path, "two.yaml", GROUPS)
    result = load_paths([one, two])
    [error] = result.errors
    assert (error.file, error.line, error.field) == (str(two), 2, "id")
    assert f"duplicate group id 'itu-t-sg13' (first at {one}, line 2)" in error.message


def test_references_to_items_of_a_bad_file_fail_too(tmp_path: Path) -> None:
    groups = write(tmp_path, "groups.yaml", GROUPS.replace("study-group", "club"))
    activity = write(
        tmp_path,
        "acts.yaml",
        "activities:\n  - id: a1\n    sector: itu-t\n    kind: question\n"
        "    identifier: Q1\n    title: t\n    group: itu-t-sg13\n",
    )
    result = load_paths([groups, activity])
    assert [(e.file, e.field) for e in result.errors] == [
        (str(groups), "kind"),
        (str(activity), "group"),
    ]
    assert "file with errors" in result.errors[1].message
    assert result.items == []


def test_references_may_name_stored_items(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "acts.yaml",
        "activities:\n  - id: a1\n    sector: itu-t\n    kind: question\n"
        "    identifier: Q1\n    title: t\n    group: itu-t-sg13\n",
    )
    assert load_paths([path]).errors != []
    assert load_paths([path], known={"group": {"itu-t-sg13"}}).errors == []


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("broken.yaml", "groups:\n  - id: [\n", 3, "not valid YAML"),
        ("broken.json", '{"groups": [\n  {"id": }\n]}', 2, "not valid JSON"),
        ("list.yaml", "- id: x\n", 1, "expected a mapping of item types"),
        ("types.yaml", "widgets:\n  - id: x\n", 1, "unknown item type 'widgets'"),
        ("notes.txt", "hello", None, "not a registry file"),
        ("people.csv", "id\nx\n", None, "named after its item type"),
    ],
)
def test_unreadable_files_are_named(
    tmp_path: Path, name: str, text: str, line: int | None, message: str
) -> None:
    path = write(tmp_path, name, text)
    [error] = load_paths([path]).errors
    assert (error.file, error.line) == (str(path), line)
    assert message in error.message


def test_a_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    [error] = load_paths([tmp_path / "nowhere.yaml"]).errors
    assert "cannot read the file" in error.message


def test_json_errors_have_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "groups.json",
        '{\n "groups": [\n  {\n   "id": "g1",\n   "sector": "itu-t",\n   "kind": "club",\n'
        '   "name": "x"\n  },\n  {"id": "g2", "sector": "itu-t", "kind": "study-group"}\n ]\n}\n',
    )
    errors = load_paths([path]).errors
    assert [(e.line, e.field) for e in errors] == [(6, "kind"), (9, "name")]


def test_csv_rows_lists_and_nested_fields(tmp_path: Path) -> None:
    write(tmp_path, "groups.csv", "id,sector,kind,name\nitu-t-sg13,itu-t,study-group,SG13\n")
    write(
        tmp_path,
        "activities.csv",
        "id,sector,kind,identifier,title,group,editors,milestones,withdrawn\n"
        'a1,itu-t,question,Q1,"Two\nlines",itu-t-sg13,A. B.; C. D.,'
        '"[{""name"": ""consent"", ""date"": ""2025-07-01""}]",false\n'
        "a2,itu-t,question,Q2,t,itu-t-sg13,,,\n"
        "a3,itu-t,question,Q3,t,itu-t-sg13,,[oops,\n",
    )
    result = load_paths([tmp_path])
    [error] = result.errors
    assert (Path(error.file).name, error.line, error.field) == ("activities.csv", 5, "milestones")
    assert "expected JSON" in error.message
    (tmp_path / "activities.csv").write_text(
        (tmp_path / "activities.csv").read_text().rsplit("a3", 1)[0]
    )
    items = {getattr(i, "id", ""): i for i in load_paths([tmp_path]).items}
    assert items["a1"].editors == ("A. B.", "C. D.")
    assert items["a1"].title == "Two\nlines"
    assert items["a1"].milestones[0].date == date(2025, 7, 1)
    assert items["a2"].editors == ()


def test_csv_unknown_column_is_named_on_line_1(tmp_path: Path) -> None:
    path = write(tmp_path, "groups.csv", "id,sector,kind,name,colour\ng,itu-t,study-group,n,red\n")
    errors = load_paths([path]).errors
    assert (errors[0].line, errors[0].field) == (1, "colour")


AWKWARD = [
    Group(id="itu-t-sg13", sector="itu-t", kind="study-group", name='SG13; "quoted", comma'),
    Subject(id="imt", labels={"en": "IMT", "fr": "IMT"}, keywords={"es": ("5G", "IMT-2030")}),
    Activity(
        id="a1",
        sector="itu-t",
        kind="question",
        identifier="Q1/13",
        title="Tabs\tand\nnew lines, émigré",
        group="itu-t-sg13",
        subjects=("imt",),
        editors=("A; B", ""),
        equivalents=("[3GPP] TS 23.501",),
        withdrawn=True,
    ),
    Activity(id="a2", sector="itu-t", kind="work-item", identifier="0", title="t"),
    Activity(
        id="a3",
        sector="itu-r",
        kind="recommendation",
        identifier="M.[IMT-2030.TECH PERF REQ]",
        title="Minimum requirements",
        start=date(2023, 6, 1),
        target=date(2026, 6, 1),
        baseline_target=date(2025, 12, 1),
        finished=date(2026, 5, 1),
        percent_complete=0,
        stage="draft",
        period="IMT-2030",
    ),
    Liaison(id="ls1", from_group="itu-t-sg13", title="LS", sent=date(2024, 3, 1)),
    Roadmap(id="r1", sector="itu-t", subject="imt"),
]


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_export_then_load_gives_the_same_registry(tmp_path: Path, fmt: str) -> None:
    original = load_paths([IMT]).items + AWKWARD[2:5]
    grouped = by_type(original)
    written = export_registry(grouped, fmt, tmp_path / "out")
    assert all(p.exists() for p in written)
    result = load_paths([tmp_path / "out"])
    assert result.errors == []
    assert by_type(result.items) == grouped


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_awkward_values_round_trip(tmp_path: Path, fmt: str) -> None:
    grouped = by_type(AWKWARD)
    export_registry(grouped, fmt, tmp_path)
    assert by_type(load_paths([tmp_path]).items) == grouped


def test_yaml_export_is_tidy(tmp_path: Path) -> None:
    [path] = export_registry(by_type(load_paths([IMT]).items), "yaml", tmp_path)
    assert path.name == "registry.yaml"
    data = yaml.safe_load(path.read_text())
    assert list(data) == ["sectors", "subjects", "groups", "activities", "liaisons", "roadmaps"]
    assert "summary" not in data["activities"][0]  # defaults are left out
