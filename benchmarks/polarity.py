#!/usr/bin/env python
"""Polarity benchmark: does ``appeal check`` notice a dropped or added negation, and does it stay quiet on
correct professional translations?

Two corpora, both ways:

- ``letters/*/{zh,ko}.md`` (the shipped letters) and the NTREX-128 development half
  (``benchmarks/corpora/ntrex-dev``: 62 news documents, professional zh and ko, one sentence per paragraph).
- **Recall.** Every site of the negation operators of ``negation_operators.py`` (不得 → 应, 没有 → 有,
  -서는 안 된다 → -해야 한다, 하지 않았다 → 했다, and the reverse) gives one mutant: one change in one
  paragraph. A mutant is *flagged* when a ``polarity-*`` finding appears at the mutated paragraph that the
  unmodified pair did not have (multiset of rule × paragraph); ``flip`` mutants (a prohibition turned into a
  bare obligation or back) are also counted at error level. Sites in a paragraph the unmodified pair already
  flags are skipped (the paragraph is flagged either way). Recall is reported per corpus, language and kind.
- **Precision.** Every ``polarity-inverted`` error on the unmodified translations is listed for adjudication
  (a real slip or a false alarm: read both sides); errors and warnings per document are reported.

    .venv/bin/python benchmarks/polarity.py                       # both corpora, every site
    .venv/bin/python benchmarks/polarity.py --limit 6             # at most 6 sites per document, language, kind
    .venv/bin/python benchmarks/polarity.py --verbose             # + every missed mutant and every finding
    .venv/bin/python benchmarks/polarity.py --json polarity.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from appealkit.checker import check_letters  # noqa: E402
from appealkit.glossary import Glossary, load_glossary  # noqa: E402
from appealkit.letters import Letter, parse_letter  # noqa: E402
from negation_operators import sites  # noqa: E402

LANGS = ("zh", "ko")
KINDS = ("flip", "drop", "add")
RULES = ("polarity-inverted", "polarity-changed")
DEFAULT_NTREX = ROOT / "benchmarks" / "corpora" / "ntrex-dev"  # the copy in the repository (CC BY-SA 4.0)
DEFAULT_SEED = 20261206


@dataclass
class Document:
    corpus: str
    name: str
    lang: str
    source: Letter
    target: Letter
    target_text: str


@dataclass
class Outcome:
    corpus: str
    doc: str
    lang: str
    kind: str
    operator: str
    paragraph: int
    before: str
    after: str
    flagged: bool = False
    error: bool = False
    findings: list[str] = field(default_factory=list)


def letters_documents(letters: Path) -> list[Document]:
    docs = []
    for source_path in sorted(letters.glob("*/en.md")):
        source = parse_letter(source_path.read_text("utf-8"), source_path)
        for lang in LANGS:
            path = source_path.with_name(f"{lang}.md")
            if path.is_file():
                text = path.read_text("utf-8")
                docs.append(Document("letters", source_path.parent.name, lang, source, parse_letter(text, path), text))
    return docs


def ntrex_documents(root: Path) -> list[Document]:
    docs = []
    for folder in sorted(p for p in root.iterdir() if (p / "en.txt").is_file()):
        source = parse_letter((folder / "en.txt").read_text("utf-8"), folder / "en.txt")
        for lang in LANGS:
            text = (folder / f"{lang}.txt").read_text("utf-8")
            docs.append(Document("ntrex", folder.name, lang, source, parse_letter(text, folder / f"{lang}.txt"), text))
    return docs


def _polarity(findings) -> Counter:
    return Counter((f.rule, f.severity, f.target_paragraph) for f in findings if f.rule in RULES)


def _describe(f) -> str:
    return f"{f.severity} {f.rule} ¶{f.target_paragraph}: {f.message}"


def _replace_paragraph(doc: Document, k: int, new: str) -> Letter:
    paragraph = doc.target.paragraphs[k]
    lines = doc.target_text.split("\n")
    lines[paragraph.line - 1:paragraph.end_line] = new.split("\n")
    return parse_letter("\n".join(lines), doc.target.path)


def glossary_forms(glossary: Glossary, lang: str) -> list[str]:
    """Every zh/ko form of the glossary, longest first (plain substring search, not the checker's matching)."""
    forms = {form for entry in glossary.entries for r in [entry.rendering(lang)] if r
             for form in (r.preferred, *r.accepted, *r.forbidden, *r.short) if "…" not in form}
    return sorted(forms, key=len, reverse=True)


def term_spans(text: str, forms: list[str]) -> list[tuple[int, int]]:
    spans = []
    for form in forms:
        start = text.find(form)
        while start != -1:
            spans.append((start, start + len(form)))
            start = text.find(form, start + 1)
    return spans


def run(docs: list[Document], glossary: Glossary, limit: int | None, seed: int) -> dict:
    forms = {lang: glossary_forms(glossary, lang) for lang in LANGS}
    outcomes: list[Outcome] = []
    baseline_findings: list[dict] = []
    skipped = Counter()
    per_doc = defaultdict(lambda: Counter())
    for doc in docs:
        base = check_letters(doc.source, doc.target, glossary, doc.lang)
        base_pol = _polarity(base.findings)
        flagged_paragraphs = {k for _, _, k in base_pol}
        for f in base.findings:
            if f.rule in RULES:
                per_doc[(doc.corpus, doc.lang)][f.severity] += 1
                baseline_findings.append({"corpus": doc.corpus, "doc": doc.name, "lang": doc.lang, "rule": f.rule,
                                          "severity": f.severity, "line": f.line, "message": f.message,
                                          "english": f.source_text, "translation": f.found})
        per_doc[(doc.corpus, doc.lang)]["documents"] += 1
        by_kind: dict[str, list[tuple[int, object]]] = defaultdict(list)
        for k, paragraph in enumerate(doc.target.paragraphs):
            for site in sites(paragraph.text, doc.lang, fenced=term_spans(paragraph.text, forms[doc.lang])):
                if k in flagged_paragraphs:
                    skipped[(doc.corpus, doc.lang)] += 1
                    continue
                by_kind[site.operator.kind].append((k, site))
        for kind, found in by_kind.items():
            if limit is not None and len(found) > limit:
                rng = random.Random(zlib.crc32(f"{seed}/{doc.corpus}/{doc.name}/{doc.lang}/{kind}".encode()))
                found = sorted(rng.sample(found, limit), key=lambda x: (x[0], x[1].start))
            for k, site in found:
                mutated = _replace_paragraph(doc, k, site.new_text)
                result = check_letters(doc.source, mutated, glossary, doc.lang)
                new = _polarity(result.findings) - base_pol
                here = [key for key in new if key[2] == k]
                text = doc.target.paragraphs[k].text
                outcome = Outcome(doc.corpus, doc.name, doc.lang, kind, site.operator.name, k,
                                  text[max(0, site.start - 12):site.end + 12],
                                  site.new_text[max(0, site.start - 12):site.start + 12 + len(site.new_text) - len(text)
                                                + site.end - site.start],
                                  flagged=bool(here), error=any(sev == "error" for _, sev, _ in here),
                                  findings=[_describe(f) for f in result.findings if f.rule in RULES
                                            and f.target_paragraph == k])
                outcomes.append(outcome)
    return {"outcomes": outcomes, "baseline": baseline_findings, "skipped": skipped, "per_doc": per_doc}


def _pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f}%" if d else "    -"


def summarise(report: dict) -> dict:
    table = {}
    for (corpus, lang), counts in sorted(report["per_doc"].items()):
        mine = [o for o in report["outcomes"] if o.corpus == corpus and o.lang == lang]
        row = {"documents": counts["documents"], "errors": counts["error"], "warnings": counts["warning"],
               "errors_per_doc": round(counts["error"] / counts["documents"], 3),
               "warnings_per_doc": round(counts["warning"] / counts["documents"], 3),
               "mutants": len(mine), "flagged": sum(o.flagged for o in mine),
               "skipped_sites": report["skipped"][(corpus, lang)]}
        for kind in KINDS:
            of_kind = [o for o in mine if o.kind == kind]
            row[kind] = {"mutants": len(of_kind), "flagged": sum(o.flagged for o in of_kind),
                         "errors": sum(o.error for o in of_kind)}
        table[f"{corpus}/{lang}"] = row
    return table


def print_report(report: dict, table: dict, elapsed: float, verbose: bool) -> None:
    print(f"appealkit polarity benchmark ({elapsed:.1f} s)\n")
    print(f"{'corpus/lang':<12} {'docs':>4} {'skipped':>7} {'mutants':>7} {'flagged':>8} {'recall':>7}   "
          f"{'flip (error)':>16} {'drop':>12} {'add':>12}   {'errors/doc':>10} {'warnings/doc':>12}")
    print("-" * 120)
    for name, row in table.items():
        flip, drop, add = row["flip"], row["drop"], row["add"]
        print(f"{name:<12} {row['documents']:>4} {row['skipped_sites']:>7} {row['mutants']:>7} {row['flagged']:>8} "
              f"{_pct(row['flagged'], row['mutants']):>7}   "
              f"{flip['flagged']:>3}/{flip['mutants']:<3} ({flip['errors']:>3}) {drop['flagged']:>5}/{drop['mutants']:<6}"
              f"{add['flagged']:>5}/{add['mutants']:<6}   {row['errors_per_doc']:>10.3f} {row['warnings_per_doc']:>12.3f}")
    print("\nskipped: sites in a paragraph the unmodified pair already flags; flagged: a new polarity-inverted or"
          "\npolarity-changed finding at the mutated paragraph; flip (error): flagged / mutants (of which at error"
          "\nlevel); errors/doc, warnings/doc: polarity findings on the unmodified translations (every error there"
          "\nneeds adjudication: a real slip or a false alarm).")
    errors = [b for b in report["baseline"] if b["severity"] == "error"]
    print(f"\npolarity-inverted errors on the unmodified translations: {len(errors)}")
    for b in errors:
        print(f"  {b['corpus']}/{b['doc']} [{b['lang']}] line {b['line']}: {b['message']}\n      EN: {b['english']}")
    if verbose:
        print("\nwarnings on the unmodified translations:")
        for b in report["baseline"]:
            if b["severity"] == "warning":
                print(f"  {b['corpus']}/{b['doc']} [{b['lang']}] line {b['line']}: {b['message']}\n      EN: {b['english']}")
        print("\nmissed mutants:")
        for o in report["outcomes"]:
            if not o.flagged:
                print(f"  {o.corpus}/{o.doc} [{o.lang}] ¶{o.paragraph} {o.kind} {o.operator}: {o.before!r} → {o.after!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=Path, default=ROOT / "letters")
    parser.add_argument("--ntrex", type=Path, default=DEFAULT_NTREX)
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary")
    parser.add_argument("--limit", type=int, default=None, help="at most N sites per document, language and kind")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    glossary = load_glossary(args.glossary)
    docs = letters_documents(args.letters)
    if args.ntrex.is_dir():
        docs += ntrex_documents(args.ntrex)
    else:
        print(f"note: {args.ntrex} not found, letters only", file=sys.stderr)
    start = time.perf_counter()
    report = run(docs, glossary, args.limit, args.seed)
    elapsed = time.perf_counter() - start
    table = summarise(report)
    print_report(report, table, elapsed, args.verbose)
    if args.json:
        data = {"table": table, "baseline": report["baseline"],
                "outcomes": [o.__dict__ for o in report["outcomes"]], "seconds": round(elapsed, 1)}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
