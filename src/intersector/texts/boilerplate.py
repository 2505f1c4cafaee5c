"""Boilerplate kept apart: foreword, notes, intellectual property, copyright, contents, series.

Promise of `split_front(lines)`: the text under a `foreword` heading (heading excluded,
paragraphs joined by newlines) is the foreword; every other boilerplate block (its heading line,
then its paragraphs) is one string of the boilerplate tuple, in order; nothing is lost and
nothing of it reaches the structure.
"""

from __future__ import annotations

from intersector.texts.segment import Line


def split_front(lines: list[Line]) -> tuple[str, tuple[str, ...]]:
    """The foreword and the other boilerplate blocks of `lines` (see the module promise)."""
    blocks = boilerplate_blocks(lines)
    foreword = "\n".join(text for kind, text in blocks if kind == "foreword")
    others = tuple(text for kind, text in blocks if kind != "foreword")
    return foreword, others


def boilerplate_blocks(lines: list[Line]) -> list[tuple[str, str]]:
    """`(kind, text)` per block: a boilerplate heading opens a block; lines before any heading
    form an `other` block. The foreword's text excludes its heading; the others keep it."""
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.kind == "boilerplate" and blocks and blocks[-1][0] == line.function == "copyright":
            blocks[-1][1].append(line.text)  # `© ITU 2016` then `All rights reserved.`
        elif line.kind == "boilerplate":
            first = [] if line.function == "foreword" else [line.text]
            blocks.append((line.function, first))
        elif not blocks:
            blocks.append(("other", [_as_written(line)]))
        else:
            blocks[-1][1].append(_as_written(line))
    return [(kind, "\n".join(texts)) for kind, texts in blocks if texts]


def _as_written(line: Line) -> str:
    return f"{line.label}\t{line.text}" if line.kind == "clause" else line.text
