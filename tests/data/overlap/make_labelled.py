"""Build-time tool (run by hand, never at test time): write `labelled.json`, the labelled set of
overlap pairs, from `questions.yaml` (ITU-D Questions in English, French and Spanish, with the
publications each must find), `distractors.txt` (publications sharing vocabulary with the
questions but on other ground) and the real records of data/sample/registry/publications.jsonl.

Pairs: every (question version, relevant publication) is `related`; every (question version,
distractor) sharing a key term or a word with the question is `unrelated`. Run from the root:

    .venv/bin/python tests/data/overlap/make_labelled.py
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from intersector.coordination.lexical import analyse, key_terms
from intersector.domain.ids import make_id

HERE = Path(__file__).parent
RECORDS = HERE.parents[2] / "data" / "sample" / "registry" / "publications.jsonl"
GENERIC = {"telecommunication", "standardization"}


def _record_item(record: dict) -> dict:
    docid = record["docid"]
    abstract = record["abstract"].get("en", "")
    title = record["title"]["en"]
    return {
        "id": make_id(docid),
        "docid": docid,
        "sector": "itu-t" if docid.startswith("ITU-T") else "itu-r",
        "group": make_id(record["groups"][0]) if record["groups"] else "",
        "language": "en",
        "title": title,
        "text": f"{title}. {abstract[:800]}".strip(". "),
        "source": record.get("source") or record["relaton_file"],
    }


def _shares_vocabulary(query: dict, target: dict) -> bool:
    concepts = key_terms(query["text"], query["language"]) & key_terms(target["text"], "en")
    if concepts - GENERIC:
        return True
    words = {t for t in analyse(query["text"], query["language"]) if not t.startswith("~")}
    return bool(words & set(analyse(target["text"], "en")))


def main() -> None:
    questions = yaml.safe_load((HERE / "questions.yaml").read_text())
    distractors = [
        line.strip()
        for line in (HERE / "distractors.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    records = {}
    for line in RECORDS.read_text().splitlines():
        record = json.loads(line)
        records[record["docid"]] = record
    wanted = {d for q in questions for d in q["relevant"]} | set(distractors)
    missing = sorted(wanted - records.keys())
    if missing:
        raise SystemExit(f"not in the sample corpus: {missing}")
    targets = {docid: _record_item(records[docid]) for docid in sorted(wanted)}
    queries, pairs = [], []
    for question in questions:
        for language in ("en", "fr", "es"):
            query = {
                "id": f"{question['id']}-{language}",
                "question": question["id"],
                "sector": "itu-d",
                "group": question["group"],
                "language": language,
                "title": question[language].split(". ")[0],
                "text": question[language],
                "source": "ITU-D study group pages (title, English); rendering of this set",
            }
            queries.append(query)
            for docid in question["relevant"]:
                pairs.append(
                    {"query": query["id"], "target": targets[docid]["id"], "label": "related"}
                )
            for docid in distractors:
                if _shares_vocabulary(query, targets[docid]):
                    pairs.append(
                        {"query": query["id"], "target": targets[docid]["id"], "label": "unrelated"}
                    )
    out = {"queries": queries, "targets": list(targets.values()), "pairs": pairs}
    (HERE / "labelled.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    related = sum(p["label"] == "related" for p in pairs)
    cross = sum(p["label"] == "related" and not p["query"].endswith("-en") for p in pairs)
    print(
        f"{len(pairs)} pairs: {related} related ({cross} cross-lingual), "
        f"{len(pairs) - related} unrelated sharing vocabulary"
    )


if __name__ == "__main__":
    main()
