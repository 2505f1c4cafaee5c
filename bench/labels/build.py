"""Build the cross-Sector overlap labels (`bench/labels/overlap.json`) from public facts.

    python -m bench.labels.build [PATH/itu_publications.jsonl]

Reads the real Relaton records (the same file `bench/generate.py` reads), `sources.yaml` (topics:
clusters and twin pairs written by hand, hard negatives written by hand) and the ITU-D Questions
of `tests/data/overlap/questions.yaml`, and writes every labelled pair with its topic, its half
(dev or test, by topic) and how it was decided. README.md in this folder explains each source.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import yaml

from bench.generate import real_publications_path
from intersector.coordination.lexical import analyse
from intersector.files.relaton import parse_edition, read_records

HERE = Path(__file__).parent
QUESTIONS = HERE.parents[1] / "tests" / "data" / "overlap" / "questions.yaml"
OUT = HERE / "overlap.json"
_CITES_R = re.compile(r"ITU-R\s+(?:Recommendations?\s+)?([A-Z]{1,3})\.(\d+(?:\.\d+)?)")
_CITES_T = re.compile(r"ITU-T\s+(?:Recommendations?\s+)?([A-Z])\.(\d+(?:\.\d+)*)")
Pair = dict[str, Any]


def records(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(work id, record) of every record that is a work (parts and collections left out)."""
    found = []
    for line, record in read_records(path):
        edition = parse_edition(record, line=line, source=str(path))
        if edition is not None:
            found.append((edition.work_id, record))
    return found


def titles(found: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Work id → its English title (the last edition's)."""
    return {work: record["title"].get("en", "") for work, record in found}


def _pair(query: str, target: str, related: bool, topic: str, source: str, why: str) -> Pair:
    return {
        "query": query,
        "target": target,
        "label": "related" if related else "unrelated",
        "topic": topic,
        "source": source,
        "why": why,
    }


def both_ways(t: str, r: str, topic: str, source: str, why: str) -> Iterator[Pair]:
    yield _pair(t, r, True, topic, source, why)
    yield _pair(r, t, True, topic, source, why)


def topic_pairs(topics: dict[str, Any]) -> Iterator[Pair]:
    for name, topic in topics.items():
        for cluster in topic.get("clusters", ()):
            for t, r in product(cluster["t"], cluster["r"]):
                yield from both_ways(t, r, name, "cluster", topic["fact"])
        for t, r in topic.get("pairs", ()):
            yield from both_ways(t, r, name, "twin", topic["fact"])


def cited(target: str, known: set[str]) -> str:
    """The work id a citation names (`ITU-R BT.2100` → itu-r-rec-bt.2100), or ""."""
    sector, number = target.split(" ", 1)
    for kind in ("rec",):  # citations name Recommendations ("Recommendation ITU-R M.2083")
        work = f"{sector.lower()}-{kind}-{number.lower()}"
        if work in known:
            return work
    return ""


def citation_pairs(found: list[tuple[str, dict[str, Any]]], known: set[str]) -> Iterator[Pair]:
    """Pairs where one Sector's title or abstract names the other Sector's Recommendation."""
    seen = set()
    for work, record in found:
        text = f"{record['title'].get('en', '')} {record['abstract'].get('en', '')}"
        pattern, other = (_CITES_R, "ITU-R") if work.startswith("itu-t") else (_CITES_T, "ITU-T")
        for match in pattern.finditer(text):
            target = cited(f"{other} {match[1]}.{match[2]}", known)
            key = tuple(sorted((work, target)))
            if target and key not in seen:
                seen.add(key)
                t, r = key if key[0].startswith("itu-t") else key[::-1]
                why = f"{work} names {other} {match[1]}.{match[2]} in its title or abstract"
                yield from both_ways(t, r, "", "citation", why)


def question_pairs(docids: dict[str, str]) -> tuple[list[Pair], list[dict[str, Any]]]:
    """The ITU-D Questions (each its own topic) against the publications listed for them."""
    pairs, questions = [], []
    for q in yaml.safe_load(QUESTIONS.read_text(encoding="utf-8")):
        questions.append({k: q[k] for k in ("id", "group", "en", "fr", "es")})
        for docid in q["relevant"]:
            target = docids.get(docid)
            if target:
                why = "listed for this ITU-D Question (tests/data/overlap/questions.yaml)"
                pairs.extend(both_ways(q["id"], target, q["id"], "itu-d-question", why))
    return pairs, questions


def place_citations(pairs: list[Pair]) -> None:
    """A citation between two works of a topic belongs to that topic; any other citation to
    a topic of its own, named after the cited ITU-R series (`cited-bt`)."""
    topic_of = {p["query"]: p["topic"] for p in pairs if p["topic"]}
    for p in pairs:
        if not p["topic"]:
            r = p["query"] if p["query"].startswith("itu-r") else p["target"]
            series = r.split("-")[3].split(".")[0]
            p["topic"] = topic_of.get(p["query"]) or topic_of.get(p["target"]) or f"cited-{series}"


def family_of(sources: dict[str, Any], topic: str) -> str:
    """The family of a topic: as written in sources.yaml; a citation topic of its own goes
    with broadcasting (ITU-R B* series) or IMT (M series)."""
    if topic in sources["topics"]:
        return str(sources["topics"][topic]["family"])
    if topic in sources["questions"]:
        return str(sources["questions"][topic])
    series = topic.removeprefix("cited-")
    return "broadcast" if series.startswith("b") else "imt" if series == "m" else "citations"


def half_of(sources: dict[str, Any], family: str) -> str:
    """dev or test, as sources.yaml's `families` say (a family not listed: test)."""
    return "dev" if family in sources["families"]["dev"] else "test"


def salient(text: str) -> set[str]:
    return {t for t in analyse(text, "en", concepts=False) if len(t) > 3 and not t.isdigit()}


def negatives(
    pairs: list[Pair], title: dict[str, str], traps: list[list[str]], limit: int
) -> list[Pair]:
    """Hard negatives: the hand-written traps, and for each query the other-Sector works of
    OTHER families sharing most salient title words with it (a word in another sense, or a
    broad subject only), never a pair labelled related."""
    out = [_pair(t, r, False, "", "trap", why) for t, r, why in traps]
    out += [_pair(r, t, False, "", "trap", why) for t, r, why in traps]
    families: dict[str, set[str]] = {}
    for p in pairs:
        families.setdefault(p["query"], set()).add(p["family"])
    related = {(p["query"], p["target"]) for p in pairs}
    words = {w: salient(title.get(w, "")) for w in families}
    for query in sorted(families):
        shared = [
            (len(words[query] & words[w]), w)
            for w in families
            if w[:6] != query[:6]
            and not families[w] & families[query]
            and (query, w) not in related
        ]
        chosen = sorted((s for s in shared if s[0] > 0), key=lambda s: (-s[0], s[1]))[:limit]
        for _, w in chosen:
            common = ", ".join(sorted(words[query] & words[w]))
            why = f"shares {common} with the query; another family of topics"
            out.append(_pair(query, w, False, "", "shared-word", why))
    return out


def build(path: Path) -> dict[str, Any]:
    found = records(path)
    title = titles(found)
    known = set(title)
    docids = {record["docid"]: work for work, record in found}
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    pairs = list(topic_pairs(sources["topics"]))
    missing = sorted({w for p in pairs for w in (p["query"], p["target"])} - known)
    pairs = [p for p in pairs if p["query"] in known and p["target"] in known]
    pairs += citation_pairs(found, known)
    asked, questions = question_pairs(docids)
    pairs += asked
    place_citations(pairs)
    pairs = _unique(pairs)
    for p in pairs:
        p["family"] = family_of(sources, p["topic"])
    traps = [t for t in sources["traps"] if t[0] in known and t[1] in known]
    found_negatives = negatives(pairs, title | {q["id"]: q["en"] for q in questions}, traps, 3)
    home = {p["query"]: (p["topic"], p["family"]) for p in pairs}
    for p in found_negatives:
        p["topic"], p["family"] = home.get(p["query"], ("traps", "traps"))
    pairs += found_negatives
    for p in pairs:
        p["half"] = half_of(sources, p["family"])
    return {"missing_ids": missing, "itu_d_questions": questions, "pairs": pairs}


def _unique(pairs: list[Pair]) -> list[Pair]:
    seen: dict[tuple[str, str], Pair] = {}
    for p in pairs:
        seen.setdefault((p["query"], p["target"]), p)
    return list(seen.values())


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else real_publications_path()
    data = build(path)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    related = [p for p in data["pairs"] if p["label"] == "related"]
    print(f"{len(related)} related, {len(data['pairs']) - len(related)} unrelated pairs")
    print(f"ids in sources.yaml not in the file: {data['missing_ids']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
