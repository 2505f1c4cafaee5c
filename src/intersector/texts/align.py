"""Language versions and revisions of one text: clause alignment, divergences, revision diff.

Stages, each with its promise:
- `units`: a Document flattened to its clauses and parts in reading order, each with a path
  that does not depend on the language (`resolves 1 a)`, `considering b)`, `part 1.2`);
  unlabelled paragraphs get `¶n` within their section.
- `align_versions`: pairs the units of two language versions of one work. First by structure
  (same path); then, section by section, the units left over by content, with a monotone
  alignment (dynamic programming over a similarity matrix, skips allowed, as vecalign does):
  similarity from an injected multilingual `embed` function, else from the numbers the units
  share. Every unit of both sides appears exactly once, matched or alone.
- `divergences`: what differs between aligned versions — a clause present in one language only,
  numbers (years, dates, quantities, cited text numbers) that differ within a matched clause,
  cited texts that differ, a footnote missing.
- `revision_diff`: two revisions of one text, clause by clause: `unchanged`, `reworded` (with
  the changed words marked), `moved` (found under another path, perhaps reworded), `added`,
  `removed`. `format_diff` renders it for a terminal.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from intersector.domain.documents import Change as Change
from intersector.domain.documents import Clause, Document, Part, Section
from intersector.domain.documents import Divergence as Divergence
from intersector.domain.errors import ValidationError
from intersector.texts.lexicon import BY_CODE, LEXICONS, Lexicon, label_key, latin_lookalikes

Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT_GROUP = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)")
_WORDS = re.compile(r"\w+|[^\w\s]")
SKIP_PENALTY = 0.3  # a content match must beat this similarity to be preferred to two skips
REWORDED_MIN = 0.5  # word-level similarity for two clauses to be one clause reworded


@dataclass(frozen=True)
class Unit:
    """One clause or part of a document, with its language-independent path."""

    path: str
    section: str
    label: str
    text: str
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlignedPair:
    """Two units of two versions, or one unit alone (`left` or `right` None); `how` is
    `structure`, `content` or `alone`."""

    left: Unit | None
    right: Unit | None
    how: str
    similarity: float = 1.0


# --- units -----------------------------------------------------------------------------------


def units(doc: Document) -> list[Unit]:
    """The clauses and parts of `doc` in reading order, with their paths; clause letters in
    the Latin alphabet whatever the language (`б)`, `ب)` → `b)`, `Приложение Б` → `annex B`:
    `lexicon.label_key`)."""
    out: list[Unit] = []
    lex = BY_CODE.get(doc.language, LEXICONS[0])
    for section in (*doc.preamble, *doc.operative):
        out.extend(_section_units(section, lex))
    for part in doc.parts:
        out.extend(_part_units(part, "part", lex))
    looks = latin_lookalikes([annex.label for annex in doc.annexes], lex)
    for annex in doc.annexes:
        name = f"{annex.kind} {label_key(annex.label, lex, lookalikes=looks)}".strip()
        for part in annex.parts:
            out.extend(_part_units(part, name, lex, looks))
    return out


def section_name(section: Section) -> str:
    """The path prefix of a section's clauses: its function, and its addressees when the heading
    names them (`instructs tsb-director`)."""
    name = section.function or section.heading
    return f"{name} {'+'.join(section.addressees)}" if section.addressees else name


def operative_paths(doc: Document) -> list[str]:
    """The unit path of each top-level clause of the operative sections, in reading order: one
    per `Action` of the document (`texts.actions` gives one action per such clause), so that
    `zip(doc.actions, operative_paths(doc))` names the unit each action was read from."""
    lex = BY_CODE.get(doc.language, LEXICONS[0])
    paths = []
    for section in doc.operative:
        name = section_name(section)
        for n, clause in enumerate(section.clauses, start=1):
            paths.append(f"{name} {label_key(clause.label, lex) if clause.label else f'¶{n}'}")
    return paths


def _section_units(section: Section, lex: Lexicon) -> Iterator[Unit]:
    name = section_name(section)
    for n, clause in enumerate(section.clauses, start=1):
        yield from _clause_units(clause, name, name, n, lex)


def _clause_units(
    clause: Clause, section: str, prefix: str, n: int, lex: Lexicon
) -> Iterator[Unit]:
    label = label_key(clause.label, lex) if clause.label else f"¶{n}"
    path = f"{prefix} {label}"
    yield Unit(path, section, clause.label, clause.text, clause.footnotes)
    for m, child in enumerate(clause.children, start=1):
        yield from _clause_units(child, section, path, m, lex)


def _part_units(part: Part, prefix: str, lex: Lexicon, looks: bool = False) -> Iterator[Unit]:
    path = f"{prefix} {label_key(part.label, lex, lookalikes=looks)}".strip()
    text = f"{part.heading} {part.text}".strip()
    if text:
        yield Unit(path, prefix, part.label, text)
    for child in part.children:
        yield from _part_units(child, prefix, lex, looks)


# --- alignment -------------------------------------------------------------------------------


def align_versions(a: Document, b: Document, embed: Embed | None = None) -> list[AlignedPair]:
    """Align two language versions of one work (see the module promise)."""
    if a.id != b.id:
        raise ValidationError(
            f"{a.id} and {b.id} are different works: align versions of one work id",
            field="id",
        )
    left, right = units(a), units(b)
    right_by_path = {u.path: u for u in right if u.label}
    paired: list[AlignedPair] = []
    used: set[str] = set()
    for unit in left:
        match = right_by_path.get(unit.path) if unit.label else None
        if match is not None:
            paired.append(AlignedPair(unit, match, "structure"))
            used.add(match.path)
    rest_left = [u for u in left if not u.label or u.path not in used]
    rest_right = [u for u in right if u.path not in used]
    paired.extend(_align_by_content(rest_left, rest_right, embed))
    order = {u.path: i for i, u in enumerate(left)}
    order_right = {u.path: i + 0.5 for i, u in enumerate(right)}
    return sorted(paired, key=lambda p: _position(p, order, order_right))


def _position(pair: AlignedPair, order: dict[str, int], order_right: dict[str, float]) -> float:
    if pair.left is not None:
        return float(order[pair.left.path])
    return order_right[pair.right.path] if pair.right is not None else 0.0


def _align_by_content(
    left: Sequence[Unit], right: Sequence[Unit], embed: Embed | None
) -> list[AlignedPair]:
    """Units left over by structure, aligned section by section by content."""
    out: list[AlignedPair] = []
    for section in dict.fromkeys([u.section for u in left] + [u.section for u in right]):
        a = [u for u in left if u.section == section]
        b = [u for u in right if u.section == section]
        sims = similarity_matrix([u.text for u in a], [u.text for u in b], embed)
        for i, j in monotone_alignment(sims):
            if i is not None and j is not None:
                out.append(AlignedPair(a[i], b[j], "content", round(float(sims[i, j]), 4)))
            else:
                out.append(
                    AlignedPair(
                        a[i] if i is not None else None,
                        b[j] if j is not None else None,
                        "alone",
                        0.0,
                    )
                )
    return out


def similarity_matrix(
    a: Sequence[str], b: Sequence[str], embed: Embed | None
) -> npt.NDArray[np.float32]:
    """Cosine of embeddings when `embed` is given; else the overlap of the numbers they cite."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    if embed is not None:
        vectors = embed([*a, *b])
        return (vectors[: len(a)] @ vectors[len(a) :].T).astype(np.float32)
    sets = [numbers(t) for t in (*a, *b)]
    sims = np.zeros((len(a), len(b)), dtype=np.float32)
    for i in range(len(a)):
        for j in range(len(b)):
            union = sets[i] | sets[len(a) + j]
            sims[i, j] = len(sets[i] & sets[len(a) + j]) / len(union) if union else 0.5
    return sims


def monotone_alignment(
    sims: npt.NDArray[np.float32], skip: float = SKIP_PENALTY
) -> list[tuple[int | None, int | None]]:
    """Order-keeping 1-1 alignment maximising the summed similarity of matches minus `skip`
    for each unit left alone (half on each side); returns (i, j), (i, None) or (None, j)."""
    n, m = sims.shape
    score = np.zeros((n + 1, m + 1), dtype=np.float64)
    score[1:, 0] = -skip / 2 * np.arange(1, n + 1)
    score[0, 1:] = -skip / 2 * np.arange(1, m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            score[i, j] = max(
                score[i - 1, j - 1] + sims[i - 1, j - 1] - skip,
                score[i - 1, j] - skip / 2,
                score[i, j - 1] - skip / 2,
            )
    return _trace(score, sims, skip)


def _trace(
    score: npt.NDArray[np.float64], sims: npt.NDArray[np.float32], skip: float
) -> list[tuple[int | None, int | None]]:
    i, j = score.shape[0] - 1, score.shape[1] - 1
    path: list[tuple[int | None, int | None]] = []
    while i > 0 or j > 0:
        if (
            i > 0
            and j > 0
            and np.isclose(score[i, j], score[i - 1, j - 1] + sims[i - 1, j - 1] - skip)
        ):
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and np.isclose(score[i, j], score[i - 1, j] - skip / 2):
            path.append((i - 1, None))
            i -= 1
        else:
            path.append((None, j - 1))
            j -= 1
    return path[::-1]


# --- divergences -----------------------------------------------------------------------------


def numbers(text: str) -> frozenset[str]:
    """The numbers written in `text`, digit groups joined (`4 940` → `4940`), decimal commas
    read as points."""
    joined = _DIGIT_GROUP.sub("", text)
    return frozenset(n.replace(",", ".") for n in _NUMBER.findall(joined))


def divergences(a: Document, b: Document, aligned: Sequence[AlignedPair]) -> list[Divergence]:
    """Differences between two aligned language versions, in reading order."""
    found: list[Divergence] = []
    for pair in aligned:
        found.extend(_pair_divergences(pair, a.language, b.language))
    found.extend(_reference_divergences(a, b))
    found.extend(_footnote_divergences(a, b))
    return found


def _pair_divergences(pair: AlignedPair, la: str, lb: str) -> Iterator[Divergence]:
    if pair.left is None or pair.right is None:
        unit = pair.left or pair.right
        if unit is None:
            return
        missing = lb if pair.right is None else la
        yield Divergence(
            "clause-missing",
            unit.path,
            la,
            lb,
            f"{unit.path} is missing in the {missing} version: {unit.text[:80]}",
        )
        return
    left_numbers, right_numbers = numbers(pair.left.text), numbers(pair.right.text)
    if left_numbers != right_numbers:
        only_a = ", ".join(sorted(left_numbers - right_numbers)) or "-"
        only_b = ", ".join(sorted(right_numbers - left_numbers)) or "-"
        yield Divergence(
            "numbers-differ",
            pair.left.path,
            la,
            lb,
            f"only in {la}: {only_a}; only in {lb}: {only_b}",
        )
    if set(pair.left.footnotes) != set(pair.right.footnotes):
        yield Divergence(
            "footnote-missing",
            pair.left.path,
            la,
            lb,
            f"footnotes {list(pair.left.footnotes)} in {la}, {list(pair.right.footnotes)} in {lb}",
        )


def _reference_divergences(a: Document, b: Document) -> Iterator[Divergence]:
    ra, rb = Counter(r.id for r in a.references), Counter(r.id for r in b.references)
    for ref in sorted((ra - rb) | (rb - ra)):
        yield Divergence(
            "references-differ",
            "",
            a.language,
            b.language,
            f"{ref} cited {ra[ref]} time(s) in {a.language}, {rb[ref]} in {b.language}",
        )


def _footnote_divergences(a: Document, b: Document) -> Iterator[Divergence]:
    fa, fb = {f.label for f in a.footnotes}, {f.label for f in b.footnotes}
    for label in sorted(fa ^ fb):
        where = b.language if label in fa else a.language
        yield Divergence(
            "footnote-missing",
            f"footnote {label}",
            a.language,
            b.language,
            f"footnote {label} is missing in the {where} version",
        )


# --- revisions -------------------------------------------------------------------------------


def revision_diff(old: Document, new: Document) -> list[Change]:
    """Clause-by-clause changes from `old` to `new` (two revisions, same language), in the
    reading order of `new`, each removed clause after the clause that preceded it in `old`."""
    before, after = units(old), units(new)
    matches = _match_revisions(before, after)
    placed: list[tuple[float, Change]] = []
    for j, unit in enumerate(after):
        if j in matches:
            placed.append((j, _change(before[matches[j][0]], unit)))
        else:
            placed.append((j, Change("added", "", unit.path, "", unit.text, f"{{+{unit.text}+}}")))
    new_of_old = {i: j for j, (i, _) in matches.items()}
    anchor = -0.5
    for i, unit in enumerate(before):
        if i in new_of_old:
            anchor = new_of_old[i] + 0.5
            continue
        placed.append((anchor, Change("removed", unit.path, "", unit.text, "", f"[-{unit.text}-]")))
    return [change for _, change in sorted(placed, key=lambda p: p[0])]


def _match_revisions(before: Sequence[Unit], after: Sequence[Unit]) -> dict[int, tuple[int, float]]:
    """new position → (old position, similarity): the best word-level matches above
    REWORDED_MIN first, preferring the same path, then the nearest position, on ties."""
    scored = []
    for j, unit in enumerate(after):
        for i, old in enumerate(before):
            ratio = word_similarity(old.text, unit.text)
            if ratio >= REWORDED_MIN:
                scored.append((ratio, old.path == unit.path, -abs(i - j), i, j))
    matches: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for ratio, _, _, i, j in sorted(scored, reverse=True):
        if i not in used and j not in matches:
            matches[j] = (i, ratio)
            used.add(i)
    return matches


def _change(old: Unit, new: Unit) -> Change:
    same_text = old.text == new.text
    marked = old.text if same_text else mark_words(old.text, new.text)
    if old.path != new.path:
        return Change("moved", old.path, new.path, old.text, new.text, marked)
    kind = "unchanged" if same_text else "reworded"
    return Change(kind, old.path, new.path, old.text, new.text, marked)


def word_similarity(a: str, b: str) -> float:
    """difflib ratio over the words and punctuation of two texts."""
    return difflib.SequenceMatcher(
        None, _WORDS.findall(a), _WORDS.findall(b), autojunk=False
    ).ratio()


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """(`equal` | `delete` | `insert`, words) runs turning `a` into `b`."""
    wa, wb = _WORDS.findall(a), _WORDS.findall(b)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace"):
            runs.append(("equal" if op == "equal" else "delete", " ".join(wa[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("insert", " ".join(wb[j1:j2])))
    return runs


def mark_words(a: str, b: str) -> str:
    """`b` with the words removed from `a` as `[-…-]` and the words added as `{+…+}`."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in word_diff(a, b))


def format_diff(changes: Sequence[Change], *, unchanged: bool = False) -> str:
    """A plain-text report of `changes`, one block per change (unchanged ones on request)."""
    lines: list[str] = []
    for change in changes:
        if change.kind == "unchanged" and not unchanged:
            continue
        where = change.new_path or change.old_path
        if change.kind == "moved":
            where = f"{change.old_path} → {change.new_path}"
        lines.append(f"{change.kind.upper():<10} {where}")
        lines.append(f"    {change.marked}")
    return "\n".join(lines)
