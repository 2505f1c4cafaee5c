"""A clearly SYNTHETIC second revision of WTSA Resolution 57 (Dubai, 2012 → Hammamet, 2016),
derived from the seed text: resolves 1 reworded, resolves 2 replaced by a new clause with a
deadline, a new resolves 3 added. What the action-plan tests carry actions across."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).parent / "data" / "texts" / "wtsa-res-57-en.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def revised_text() -> str:
    """The seed as a Hammamet 2016 revision (see the module)."""
    text = seed_text()
    for old, new in (
        ("(Rev. Dubai, 2012)", "(Rev. Hammamet, 2016)"),
        ("; Dubai, 2012)", "; Dubai, 2012; Hammamet, 2016)"),
        ("Assembly (Dubai, 2012)", "Assembly (Hammamet, 2016)"),
    ):
        assert old in text, "the edit must apply to the seed"
        text = text.replace(old, new)
    lines = text.splitlines()
    out = []
    for line in lines:
        if line.startswith("2\tto invite the Directors"):
            out.append("2\tto instruct the Director of TSB to report to TSAG by 31 December 2018;")
            out.append("3\tto invite TDAG to review the implementation of this resolution.")
            continue
        out.append(line.replace("to assist in the identification of", "to continue to identify"))
    return "\n".join(out) + "\n"
