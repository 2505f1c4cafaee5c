"""texts/clean.py: Word-export artifacts out, footnotes kept apart, lines kept, idempotent."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from intersector.texts.clean import CleanText, FootnoteMark, clean_text

DATA = Path(__file__).parent.parent / "data" / "texts"


def test_bookmarks_and_leading_space_removed() -> None:
    assert clean_text(" [bookmark: _GoBack]resolution 57 (Rev. Dubai, 2012)").text == (
        "resolution 57 (Rev. Dubai, 2012)"
    )
    assert clean_text("[bookmark: iitexte]The World").text == "The World"


def test_footnote_body_and_anchor_taken_out() -> None:
    line = (
        "a)\tthat there is a need to improve the participation of developing countries"
        "[footnoteRef:1]1 in the work of ITU; [1: 1 \tThese include the least developed"
        " countries.] "
    )
    cleaned = clean_text("considering\n" + line)
    assert cleaned.lines[1] == (
        "a)\tthat there is a need to improve the participation of developing countries"
        " in the work of ITU;"
    )
    (note,) = cleaned.footnotes
    assert note == FootnoteMark("1", "These include the least developed countries.", 2, 76)
    assert cleaned.lines[1][: note.column].endswith("developing countries")


def test_footnote_without_space_after_label() -> None:
    cleaned = clean_text("x[footnoteRef:2]2 y [2: 2\tLes pays.]")
    assert cleaned.text == "x y"
    assert cleaned.footnotes == (FootnoteMark("2", "Les pays.", 1, 1),)


def test_body_without_anchor_is_kept() -> None:
    cleaned = clean_text("text [3: 3 A note.]")
    assert cleaned.footnotes == (FootnoteMark("3", "A note."),)


def test_odd_characters() -> None:
    cleaned = clean_text("ITU\u2011T\u00a0A.4 d\u2019inviter\u00adx\u200b \t\t 1\u202f000  end\t\r")
    assert cleaned.text == "ITU-T A.4 d'invitery\t1 000 end".replace("y", "x")


def test_tabs_and_blank_lines_keep_line_numbers() -> None:
    cleaned = clean_text("\tconsidering \n \t \na)  \t that\n\n")
    assert cleaned.lines == ["considering", "", "a)\tthat", "", ""]


def test_seed_texts_clean_fully() -> None:
    for path in DATA.glob("wtsa-res-[35]*.txt"):
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        assert "[bookmark" not in cleaned.text and "footnoteRef" not in cleaned.text
        assert "\u2011" not in cleaned.text and "\u00a0" not in cleaned.text
        assert len(cleaned.lines) == len(path.read_text(encoding="utf-8").split("\n"))
        assert [f.label for f in cleaned.footnotes] == ["1"]


def test_seeds_idempotent() -> None:
    for path in DATA.glob("*.txt"):
        once = clean_text(path.read_text(encoding="utf-8")).text
        assert clean_text(once) == CleanText(once, ())


artifacts = st.sampled_from(
    ["[bookmark: x]", "[footnoteRef:1]1", "[1: 1 \tnote]", "[", "]", "\t", " ", "\u2011", "\u00a0",
     "\n", "[footnoteRef:", "[bookmark:", "1", ":", "a)", "\u00ad", "\r", "\u2019"]
)  # fmt: skip
noisy = st.lists(st.one_of(artifacts, st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=400)
@given(noisy)
@example("[book[bookmark: x]mark: y]")
@example("[1: [footnoteRef:1]1 x]")
@example("[[1: 1 a]1: 1 b]")
def test_clean_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@given(st.text())
def test_line_count_kept(text: str) -> None:
    expected = len(text.replace("\r", "").replace("\x0b", "\n").replace("\x0c", "\n").split("\n"))
    assert len(clean_text(text).lines) == expected


def test_footnote_body_over_several_lines() -> None:
    text = (
        "a)\tdeveloping countries[footnoteRef:2]2 in ITU; [2: 2\tFirst paragraph.\n"
        "Second one.]\nb)\tnext"
    )
    cleaned = clean_text(text)
    assert cleaned.lines == ["a)\tdeveloping countries in ITU;", "", "b)\tnext"]
    assert cleaned.footnotes == (FootnoteMark("2", "First paragraph. Second one.", 1, 23),)


def test_stray_bracket_does_not_swallow_the_text() -> None:
    text = "[1: a\nb\nc\nd\ne\nf]"
    assert clean_text(text).lines == text.split("\n")


def test_digits_of_other_scripts_are_digits() -> None:
    """Arabic-Indic, Eastern Arabic-Indic and full-width digits read as 0-9: `القرار ٥٧` is
    Resolution 57, `۱.۲` clause 1.2, `２０１２年` the year 2012; other text is untouched."""
    cleaned = clean_text("القرار ٥٧ (المراجَع في دبي، ٢٠١٢)\n۱.۲\tنص\n（２０１２年，迪拜）\n")
    assert cleaned.lines[:3] == [
        "القرار 57 (المراجَع في دبي، 2012)",
        "1.2\tنص",
        "（2012年，迪拜）",
    ]
