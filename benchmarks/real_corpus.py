#!/usr/bin/env python
"""Precision and recall of ``appeal check`` on real professional translations nobody here wrote.

The corpus is the NTREX-128 development half (``benchmarks/corpora/ntrex-dev``: 62 English news documents
with their professional Chinese and Korean references, CC BY-SA 4.0). Real references are not gold: a
translator sometimes drops or changes a fact. Every error finding the checker reported there was therefore
read on both sides and labelled in ``benchmarks/corpora/ntrex-dev-adjudication.yaml``:

  slip   the translator really lost or changed the fact; the checker must keep reporting it as an error
  false  a false alarm; each one still reported counts against the checker

Per language the script reports: false errors per document (the gate's precision), slips still caught,
error findings nobody has labelled yet (read them and add them to the file: until then they are counted as
unlabelled, not as false), warnings per document, and mutation recall on the same documents with the
classes of ``benchmarks/mutation.py`` (changed digit, dropped sentence, shifted date, moved figure).

    .venv/bin/python benchmarks/real_corpus.py                    # table
    .venv/bin/python benchmarks/real_corpus.py --list             # + every error finding with its label
    .venv/bin/python benchmarks/real_corpus.py --no-mutation      # precision only (a few seconds)
    .venv/bin/python benchmarks/real_corpus.py --max-false-per-doc 0.1 --require-slips   # exit 1 when not met
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from appealkit.checker import check_files  # noqa: E402
from appealkit.glossary import load_glossary  # noqa: E402

import mutation  # noqa: E402

CORPUS = ROOT / "benchmarks" / "corpora" / "ntrex-dev"
ADJUDICATION = ROOT / "benchmarks" / "corpora" / "ntrex-dev-adjudication.yaml"
LANGS = ("zh", "ko")
MUTATION_CLASSES = ("changed-digit", "dropped-sentence", "shifted-date", "moved-figure")


def _key(doc: str, lang: str, line: int, source: str) -> tuple[str, str, int, str]:
    return doc, lang, int(line), " ".join(str(source).split())


@dataclass
class Labels:
    """The adjudication file: one verdict per (document, language, English line, English text)."""

    verdicts: dict[tuple, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Labels":
        data = yaml.safe_load(path.read_text("utf-8")) if path.is_file() else None
        labels = cls()
        for row in (data or {}).get("findings", []):
            if row.get("verdict") not in ("slip", "false"):
                raise SystemExit(f"{path}: verdict must be slip or false: {row}")
            labels.verdicts[_key(row["doc"], row["lang"], row["line"], row["source"])] = row
        return labels

    def slips(self, lang: str) -> list[tuple]:
        return [k for k, row in self.verdicts.items() if k[1] == lang and row["verdict"] == "slip"]


def documents(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "en.txt").is_file())


def precision(corpus: Path, labels: Labels, glossary, lang: str) -> dict:
    docs = documents(corpus)
    rows, warnings, by_rule = [], 0, Counter()
    for doc in docs:
        result = check_files(doc / "en.txt", doc / f"{lang}.txt", glossary, lang)
        warnings += sum(f.severity == "warning" for f in result.findings)
        for f in result.findings:
            if f.severity != "error":
                continue
            key = _key(doc.name, lang, f.source_line, f.source_text)
            label = labels.verdicts.get(key)
            verdict = label["verdict"] if label else "unlabelled"
            by_rule[(f.rule, verdict)] += 1
            rows.append({"doc": doc.name, "lang": lang, "line": f.source_line, "target_line": f.line,
                         "source": f.source_text, "rule": f.rule, "message": f.message, "verdict": verdict,
                         "reason": label["reason"] if label else ""})
    reported = {_key(r["doc"], lang, r["line"], r["source"]) for r in rows}
    slips = labels.slips(lang)
    missed = [dict(zip(("doc", "lang", "line", "source"), k), reason=labels.verdicts[k]["reason"])
              for k in slips if k not in reported]
    false = sum(r["verdict"] == "false" for r in rows)
    return {
        "documents": len(docs),
        "errors": len(rows),
        "false_errors": false,
        "false_errors_per_doc": round(false / len(docs), 3) if docs else 0.0,
        "documents_with_false_errors": len({r["doc"] for r in rows if r["verdict"] == "false"}),
        "unlabelled_errors": sum(r["verdict"] == "unlabelled" for r in rows),
        "slips": len(slips),
        "slips_caught": len(slips) - len(missed),
        "slips_missed": missed,
        "warnings": warnings,
        "warnings_per_doc": round(warnings / len(docs), 2) if docs else 0.0,
        "by_rule": {f"{rule} ({verdict})": n for (rule, verdict), n in sorted(by_rule.items())},
        "findings": rows,
    }


def mutation_recall(corpus: Path, glossary_path: Path, lang: str, limit: int | None, seed: int) -> dict:
    report = mutation.run(corpus, glossary_path, seed, MUTATION_CLASSES, limit, langs=(lang,))
    return {cls: {"mutants": row["mutants"], "detected": row["detected"], "recall": row["recall"]}
            for cls, row in report["per_class"].items()}


def print_report(report: dict, listing: bool) -> None:
    print(f"appealkit on real professional translations: {report['corpus']} ({report['seconds']} s)")
    print()
    header = f"{'':<6}{'docs':>5}{'errors':>8}{'false':>7}{'false/doc':>11}{'slips caught':>14}" \
             f"{'unlabelled':>12}{'warnings/doc':>14}"
    print(header)
    print("-" * len(header))
    for lang, row in report["languages"].items():
        p = row["precision"]
        print(f"{lang:<6}{p['documents']:>5}{p['errors']:>8}{p['false_errors']:>7}{p['false_errors_per_doc']:>11.3f}"
              f"{p['slips_caught']:>9}/{p['slips']:<4}{p['unlabelled_errors']:>12}{p['warnings_per_doc']:>14.2f}")
    print()
    for lang, row in report["languages"].items():
        p = row["precision"]
        print(f"[{lang}] error findings by rule: " + ", ".join(f"{k} {v}" for k, v in p["by_rule"].items()))
        for m in p["slips_missed"]:
            print(f"  MISSED SLIP {m['doc']}:{m['line']} {m['source']!r}: {m['reason']}")
        if row.get("mutation"):
            cells = [f"{cls} {r['detected']}/{r['mutants']} ({r['recall']}%)" for cls, r in row["mutation"].items()]
            print(f"[{lang}] mutation recall: " + ", ".join(cells))
    if listing:
        print()
        for lang, row in report["languages"].items():
            for r in row["precision"]["findings"]:
                print(f"{r['verdict']:<10} {r['doc']}/{lang}.txt:{r['target_line']} (en:{r['line']}) {r['rule']}: "
                      f"{r['message']}" + (f"\n           {r['reason']}" if r["reason"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--adjudication", type=Path, default=ADJUDICATION)
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--lang", dest="langs", action="append", choices=LANGS, help="only this language")
    parser.add_argument("--no-mutation", action="store_true", help="skip the mutation recall part")
    parser.add_argument("--limit", type=int, default=3,
                        help="mutants per class and document (seeded sample; default 3)")
    parser.add_argument("--seed", type=int, default=mutation.DEFAULT_SEED)
    parser.add_argument("--list", action="store_true", help="list every error finding with its label")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--max-false-per-doc", type=float, default=None, help="exit 1 above this, per language")
    parser.add_argument("--require-slips", action="store_true", help="exit 1 when a labelled slip is missed")
    args = parser.parse_args(argv)

    glossary = load_glossary(args.glossary)
    labels = Labels.load(args.adjudication)
    started = time.perf_counter()
    report: dict = {"corpus": str(args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus),
                    "languages": {}}
    for lang in args.langs or LANGS:
        row: dict = {"precision": precision(args.corpus, labels, glossary, lang)}
        if not args.no_mutation:
            row["mutation"] = mutation_recall(args.corpus, args.glossary, lang, args.limit, args.seed)
        report["languages"][lang] = row
    report["seconds"] = round(time.perf_counter() - started, 1)
    print_report(report, args.list)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    failed = False
    for lang, row in report["languages"].items():
        p = row["precision"]
        if args.max_false_per_doc is not None and p["false_errors_per_doc"] > args.max_false_per_doc:
            print(f"FAIL [{lang}] {p['false_errors_per_doc']} false errors per document > {args.max_false_per_doc}")
            failed = True
        if args.require_slips and p["slips_missed"]:
            print(f"FAIL [{lang}] {len(p['slips_missed'])} labelled slip(s) no longer reported as errors")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
