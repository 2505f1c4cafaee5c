"""Build-time tool (never run by the project at run or test time): trim the real Relaton extract
`../shared/data/itu-registry/itu_publications.jsonl` (21,506 records) to the records relevant to the
sample corpus and write them, byte for byte as they are in the source, to `publications.jsonl`.

Selection: a record is kept when its English title or abstract names one of the subjects of
Resolution 57 (patterns below), or when it is one of the works the sample activities cite
(`CITED`) or one of the activities of the generated `activities-itu-*.yaml` files (so that
importing the extract gives the facts of every such activity); amendments, corrigenda and annexes
are kept only for works already kept, so that the extract still shows every record type. Run
from the repository root:

    .venv/bin/python data/sample/registry/make_extract.py \
        ../shared/data/itu-registry/itu_publications.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from intersector.files.relaton import parse_edition

SUBJECT_PATTERNS = {
    "imt": r"\bIMT\b|IMT-20[23]0|IMT-Advanced|IMT-2000|\b5G\b|international mobile telecommunication",  # noqa: E501
    "emc": r"electromagnetic compatibility|\bEMC\b|electromagnetic field|\bEMF\b|human exposure",
    "middleware": r"middleware",
    "audiovisual-delivery": r"\bIPTV\b|audiovisual|cable television|immersive",
    "accessibility": r"accessib|disabilit|hearing impair|captioning|sign language|specific needs",
    "emergency-telecommunications": r"emergency|disaster|public warning|early warning",
    "climate-change": r"climate|environmental|energy efficien|e-waste|circular economy|greenhouse",
    "cybersecurity": r"cybersecurity|\bsecurity\b|\bspam\b|malware",
}
KEPT_TYPES = {
    "recommendation",
    "technical-report",
    "question",
    "resolution",
    "handbook",
    "recommendation-supplement",
}
PART_TYPES = {"recommendation-amendment", "recommendation-corrigendum", "recommendation-annex"}
# Works the hand-written sample registry cites, kept whatever their title says.
CITED = re.compile(
    r"^ITU-T (Y\.31\d\d|Q\.50\d\d|G\.8300|G\.8271|X\.18\d\d|K\.(91|100|121|52|61|83)|L\.14\d\d"
    r"|F\.79[01]|H\.702|E\.123|E\.164|Y\.3172|A\.[1-6]) "
    r"|^ITU-R (M\.(1457|2012|2083|2101|2150|2160|2410|2411|2412)-|R\.(50|65|17|57|56|47|67|76)-"
    r"|(229|262|77)-\d+/5:|(229|262|77)/5:)"
)


def work_key(docid: str) -> str:
    """'ITU-T Y.3101 (2018) Cor. 1 (04/2018)' → 'ITU-T Y.3101': the work a part belongs to."""
    return re.split(r" \(|\s+(?:Amd|Cor|Technical Cor|Annex|Err)\.?\s", docid, maxsplit=1)[0]


def relevant(record: dict[str, object]) -> bool:
    text = " ".join(
        str(part.get("en", ""))
        for part in (record["title"], record["abstract"])
        if isinstance(part, dict)
    )
    return any(re.search(p, text, re.IGNORECASE) for p in SUBJECT_PATTERNS.values())


def sample_ids() -> set[str]:
    """Ids of the activities in the generated sample files beside this script."""
    found: set[str] = set()
    for path in Path(__file__).parent.glob("activities-itu-[rt].yaml"):
        found.update(
            a["id"] for a in yaml.safe_load(path.read_text(encoding="utf-8"))["activities"]
        )
    return found


def in_sample(record: dict[str, object], wanted: set[str]) -> bool:
    edition = parse_edition(record)
    return edition is not None and edition.work_id in wanted


def main(source: str) -> None:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    wanted = sample_ids()
    kept_works = {
        work_key(r["docid"])
        for r in records
        if r["doctype"] in KEPT_TYPES
        and (relevant(r) or CITED.match(r["docid"]) or in_sample(r, wanted))
    }
    out = [
        line
        for line, r in zip(lines, records, strict=True)
        if work_key(r["docid"]) in kept_works
        and (r["doctype"] in KEPT_TYPES or r["doctype"] in PART_TYPES)
    ]
    target = Path(__file__).with_name("publications.jsonl")
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"kept {len(out)} of {len(lines)} records in {target}")


if __name__ == "__main__":
    main(sys.argv[1])
