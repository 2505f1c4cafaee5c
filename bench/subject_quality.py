"""Subject classification quality on `bench/labels/subjects.tsv`: per-subject F1 and macro-F1 of
the classifier (at its shipped THRESHOLD, calibrated on the dev half) next to English keyword
rules, on the test half. The halves split the works by series (the topic a title-only record
has), alternately over the sorted series names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from intersector.coordination import subjects as subject_module
from intersector.coordination.embeddings import Embedder
from intersector.coordination.lexical import analyse
from intersector.coordination.overlap import WorkText
from intersector.coordination.series import series_of
from intersector.coordination.subjects import SubjectClassifier
from intersector.coordination.taxonomy import RESOLUTION_57_SUBJECTS

LABELS = Path(__file__).parent / "labels" / "subjects.tsv"
SUBJECTS = tuple(s.id for s in RESOLUTION_57_SUBJECTS)
Row = dict[str, Any]
Found = dict[str, dict[str, float]]  # work id → subject → confidence


def load_subject_labels() -> dict[str, set[str]]:
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        work, subjects, *_ = line.split("\t")
        out[work] = set() if subjects == "-" else set(subjects.split(","))
    return out


def topic(work_id: str) -> str:
    found = series_of(work_id)
    return f"{found[0]}:{found[1]}" if found else work_id.split("-")[0] + "-" + work_id[4]


def halves(ids: Sequence[str]) -> dict[str, str]:
    """Work id → dev or test, by series, alternately over the sorted series."""
    topics = sorted({topic(i) for i in ids})
    half = {t: ("dev", "test")[n % 2] for n, t in enumerate(topics)}
    return {i: half[topic(i)] for i in ids}


def confidences(works: Sequence[WorkText], embedder: Embedder) -> Found:
    """Every subject's confidence for every work (threshold 0: nothing left out)."""
    classifier = SubjectClassifier.build(RESOLUTION_57_SUBJECTS, embedder)
    classifier.threshold = 0.0
    vectors = embedder.embed([w.text for w in works])
    found = classifier.classify_embedded(works, vectors)
    return {w.id: {a.subject: a.confidence for a in f} for w, f in zip(works, found, strict=True)}


def keyword_rules(works: Sequence[WorkText]) -> Found:
    """A subject whenever one of its English keywords (or its English label) appears."""
    out: Found = {}
    for work in works:
        terms = set(analyse(work.text, "en", concepts=False))
        out[work.id] = {}
        for subject in RESOLUTION_57_SUBJECTS:
            keywords = (*subject.keywords.get("en", ()), subject.labels.get("en", ""))
            if any(set(analyse(k, "en", concepts=False)) <= terms for k in keywords if k):
                out[work.id][subject.id] = 1.0
    return out


def f1_scores(found: Found, wanted: Mapping[str, set[str]], threshold: float) -> dict[str, float]:
    """Per-subject F1 of the subjects scoring at least `threshold`."""
    out = {}
    for subject in SUBJECTS:
        tp = fp = fn = 0
        for work, expected in wanted.items():
            got = found.get(work, {}).get(subject, 0.0) >= threshold
            tp += got and subject in expected
            fp += got and subject not in expected
            fn += (not got) and subject in expected
        out[subject] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return out


def calibrate(found: Found, wanted: Mapping[str, set[str]]) -> tuple[float, float]:
    """(threshold, macro-F1) maximising macro-F1 on `wanted` (the dev half)."""
    grid = [round(t, 3) for t in np.arange(0.2, 0.9, 0.025)]
    best = max(grid, key=lambda t: (np.mean(list(f1_scores(found, wanted, t).values())), -t))
    return best, float(np.mean(list(f1_scores(found, wanted, best).values())))


def subject_rows(works: Mapping[str, WorkText], embedder: Embedder) -> list[Row]:
    labels = {w: s for w, s in load_subject_labels().items() if w in works}
    half = halves(sorted(labels))
    listed = [works[w] for w in sorted(labels)]
    found, rules = confidences(listed, embedder), keyword_rules(listed)
    dev = {w: s for w, s in labels.items() if half[w] == "dev"}
    test = {w: s for w, s in labels.items() if half[w] == "test"}
    threshold, dev_f1 = calibrate(found, dev)
    shipped = subject_module.THRESHOLD
    ours, baseline = f1_scores(found, test, shipped), f1_scores(rules, test, 1.0)
    macro, macro_rules = (
        float(np.mean(list(ours.values()))),
        float(np.mean(list(baseline.values()))),
    )
    rows = [
        _row(f"subjects: dev ({len(dev)} works) best threshold / its macro-F1", threshold),
        _row("subjects: dev macro-F1 at the best threshold", dev_f1),
        _row("subjects: shipped THRESHOLD", shipped),
        _row(f"subjects: test ({len(test)} works) macro-F1", macro, ">= 0.9", macro >= 0.9),
        _row("subjects: test macro-F1, English keyword rules", macro_rules),
        _row(
            "subjects: test lowest per-subject F1",
            min(ours.values()),
            ">= 0.8",
            min(ours.values()) >= 0.8,
        ),
    ]
    for subject in SUBJECTS:
        rows.append(
            _row(
                f"subjects: test F1 {subject} (keyword rules {baseline[subject]:.2f})",
                round(ours[subject], 4),
            )
        )
    return rows


def _row(metric: str, value: float, target: str = "", ok: bool | None = None) -> Row:
    row: Row = {"benchmark": "overlap_quality", "metric": metric, "value": value, "unit": ""}
    if target:
        row["target"], row["ok"] = target, ok
    return row
