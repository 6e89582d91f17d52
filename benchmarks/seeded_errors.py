#!/usr/bin/env python
"""Seeded-error recall benchmark: hand-made, realistic translation errors on held-out translations.

The cases live in ``benchmarks/seeded/``: ``cases.yaml`` lists them, and each ``<case-id>/`` folder holds
``en.md`` (a byte-for-byte copy of the English source) and ``<lang>.md`` (a copy of one independent human
translation from ``tests/fixtures/heldout*/`` with exactly ONE error seeded by hand, front matter unchanged:
a digit typo, a unit slip, a swapped date, a dropped treaty, a forbidden glossary rendering, an altered
e-mail address, a dropped paragraph, a sentence left in English ...). The translations were not written
for the checker, and the errors were written without reading the checker's source.

Each case in cases.yaml has: ``id``, ``letter``, ``lang``, ``category`` (figure, qualifier, date, citation,
term, entity, structure), ``error`` (what was changed, before → after), ``line`` (the target line of the
seeded error; for a dropped paragraph, the line where it was, now the start of the following paragraph),
``expect`` (``error``: a real loss of a fact that must fail the gate; ``warning``: must at least be flagged,
e.g. a dropped "about"/"more than") and ``original`` (the unmodified translation; its ``en.md`` sits next to it).

Detection rule
--------------
For each case the checker (``appealkit.checker.check_files``, repository glossary) runs twice: on the seeded
pair (``<case>/en.md``, ``<case>/<lang>.md``) and on the original pair. A finding of the seeded pair is NEW
when it is not matched by a finding of the original pair (multiset difference on rule, category, severity,
source line, source text and message — not on the target line, which shifts when a paragraph is dropped).

A case is DETECTED when at least one NEW finding

  * has the expected severity: ``error`` for expect=error; ``warning`` or ``error`` for expect=warning; and
  * is located near the seeded line L (the finding's ``line`` field, target file coordinates), i.e. any of:
      - it lies in the target paragraph containing L or in the paragraph just before or after it
        (±1 paragraph; paragraphs are blank-line separated blocks after the front matter; if L is not
        inside a paragraph, the next paragraph is used);
      - |line − L| ≤ 1;
      - it is reported at the first line of a paragraph and |line − L| ≤ 6 (paragraph-level findings of a
        multi-line block are reported at its start).

New findings of the expected severity outside that zone are reported as ``elsewhere`` (noise or a misplaced
finding) and do not count. Warnings alone never detect an expect=error case; the table shows them as
``warn-only``.

Usage (from the repository root):

    .venv/bin/python benchmarks/seeded_errors.py              # table + missed cases
    .venv/bin/python benchmarks/seeded_errors.py --verbose    # + what the checker said for every case
    .venv/bin/python benchmarks/seeded_errors.py --json out.json

Uses pyyaml and appealkit's public API (check_files, load_glossary). Deterministic:
cases run in file order and findings are sorted. Always exits 0 (except on bad input: exit 2).
"""

from __future__ import annotations

import argparse
import json
import sys

import yaml
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDED = ROOT / "benchmarks" / "seeded"
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout even without the editable install

from appealkit.checker import check_files  # noqa: E402
from appealkit.glossary import load_glossary  # noqa: E402

FIELDS = ("id", "letter", "lang", "category", "error", "line", "expect", "original")
CATEGORY_ORDER = ("figure", "qualifier", "date", "citation", "term", "entity", "structure")
LANGS = ("zh", "ko")
LINE_SLACK = 1
PARAGRAPH_START_SLACK = 6


# --------------------------------------------------------------------------------------------- cases.yaml
def load_cases(path: Path) -> list[dict]:
    """The cases of cases.yaml (a list of flat mappings), validated."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list) or not all(isinstance(c, dict) for c in cases):
        raise ValueError(f"{path}: expected a list of cases")
    for case in cases:
        missing = [f for f in FIELDS if f not in case]
        if missing:
            raise ValueError(f"{path}: case {case.get('id')!r} lacks {', '.join(missing)}")
        if case["expect"] not in ("error", "warning"):
            raise ValueError(f"{path}: case {case['id']!r}: expect must be error or warning")
    ids = [c["id"] for c in cases]
    dup = [i for i, k in Counter(ids).items() if k > 1]
    if dup:
        raise ValueError(f"{path}: duplicate case ids {dup}")
    return cases


# ------------------------------------------------------------------------------------------- paragraphs
def paragraphs(path: Path) -> list[tuple[int, int]]:
    """(first line, last line) of every blank-line separated block after the front matter, 1-based."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                start = i + 1
                break
    blocks: list[tuple[int, int]] = []
    first = None
    for i in range(start, len(lines)):
        if lines[i].strip():
            if first is None:
                first = i + 1
        elif first is not None:
            blocks.append((first, i))
            first = None
    if first is not None:
        blocks.append((first, len(lines)))
    return blocks


def zone_of(line: int, blocks: list[tuple[int, int]]):
    """The seeded paragraph index and the (first, last) line range of paragraphs P-1 .. P+1."""
    if not blocks:
        return None, (line, line)
    idx = next((i for i, (a, b) in enumerate(blocks) if a <= line <= b), None)
    if idx is None:
        idx = next((i for i, (a, _) in enumerate(blocks) if a > line), len(blocks) - 1)
    lo = blocks[max(idx - 1, 0)][0]
    hi = blocks[min(idx + 1, len(blocks) - 1)][1]
    return idx, (lo, hi)


def is_near(f_line, seeded_line: int, zone: tuple[int, int], starts: set[int]) -> bool:
    if not f_line:
        return False
    if zone[0] <= f_line <= zone[1]:
        return True
    if abs(f_line - seeded_line) <= LINE_SLACK:
        return True
    return f_line in starts and abs(f_line - seeded_line) <= PARAGRAPH_START_SLACK


# ---------------------------------------------------------------------------------------------- findings
def key(f) -> tuple:
    return (f.rule, f.category, f.severity, f.source_line, f.source_text, f.message)


def sorted_findings(findings) -> list:
    return sorted(findings, key=lambda f: (f.line or 0, f.severity, f.rule, f.source_line or 0, f.message))


def new_findings(seeded: list, original: list) -> list:
    left = Counter(key(f) for f in original)
    out = []
    for f in sorted_findings(seeded):
        k = key(f)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out


def severity_ok(f, expect: str) -> bool:
    return f.severity == "error" if expect == "error" else f.severity in ("error", "warning")


def brief(f, new: bool | None = None) -> dict:
    d = {"line": f.line, "severity": f.severity, "rule": f.rule, "category": f.category,
         "message": f.message, "source_line": f.source_line, "source_text": f.source_text}
    if new is not None:
        d["new"] = new
    return d


def fmt(d: dict) -> str:
    tag = "NEW " if d.get("new") else ("old " if "new" in d else "")
    src = (d["source_text"] or "").replace("\n", " ")
    if len(src) > 60:
        src = src[:57] + "..."
    return f"{tag}L{d['line']} {d['severity']} {d['rule']}: {d['message']}  [en L{d['source_line']}: {src!r}]"


# ------------------------------------------------------------------------------------------------- run
def run_case(case: dict, glossary) -> dict:
    cdir = SEEDED / case["id"]
    lang = case["lang"]
    seeded_src, seeded_tgt = cdir / "en.md", cdir / f"{lang}.md"
    orig_tgt = ROOT / case["original"]
    orig_src = orig_tgt.parent / "en.md"
    for p in (seeded_src, seeded_tgt, orig_src, orig_tgt):
        if not p.is_file():
            raise ValueError(f"case {case['id']}: missing file {p}")
    if seeded_src.read_bytes() != orig_src.read_bytes():
        raise ValueError(f"case {case['id']}: {seeded_src} is not a copy of {orig_src}")
    if seeded_tgt.read_bytes() == orig_tgt.read_bytes():
        raise ValueError(f"case {case['id']}: {seeded_tgt} is identical to the original")

    seeded = check_files(seeded_src, seeded_tgt, glossary, lang=lang).findings
    original = check_files(orig_src, orig_tgt, glossary, lang=lang).findings
    fresh = new_findings(seeded, original)
    fresh_ids = {id(f) for f in fresh}

    blocks = paragraphs(seeded_tgt)
    starts = {a for a, _ in blocks}
    line = int(case["line"])
    _, zone = zone_of(line, blocks)

    hits = [f for f in fresh if severity_ok(f, case["expect"]) and is_near(f.line, line, zone, starts)]
    elsewhere = [f for f in fresh if severity_ok(f, case["expect"]) and not is_near(f.line, line, zone, starts)]
    warn_only = (not hits and case["expect"] == "error"
                 and any(f.severity == "warning" and is_near(f.line, line, zone, starts) for f in fresh))
    near = [brief(f, id(f) in fresh_ids) for f in sorted_findings(seeded) if is_near(f.line, line, zone, starts)]
    return {
        **{k: case[k] for k in FIELDS},
        "zone": list(zone),
        "detected": bool(hits),
        "warn_only": warn_only,
        "hits": [brief(f) for f in hits],
        "near": near,
        "new_elsewhere": [brief(f) for f in elsewhere],
        "new_total": len(fresh),
    }


def pct(d: int, n: int) -> str:
    return f"{100.0 * d / n:5.1f}%" if n else "    - "


def table(results: list[dict]) -> str:
    cats = [c for c in CATEGORY_ORDER if any(r["category"] == c for r in results)]
    cats += sorted({r["category"] for r in results} - set(cats))
    head = f"{'category':<11}" + "".join(f"{lang + ' cases':>10}{'det':>5}{'recall':>8}" for lang in LANGS)
    head += f"{'all cases':>11}{'det':>5}{'recall':>8}{'warn-only':>11}"
    rows = [head, "-" * len(head)]

    def row(name, sel):
        s = f"{name:<11}"
        for lang in LANGS:
            sub = [r for r in sel if r["lang"] == lang]
            d = sum(r["detected"] for r in sub)
            s += f"{len(sub):>10}{d:>5}{pct(d, len(sub)):>8}"
        d = sum(r["detected"] for r in sel)
        s += f"{len(sel):>11}{d:>5}{pct(d, len(sel)):>8}{sum(r['warn_only'] for r in sel):>11}"
        return s

    for c in cats:
        rows.append(row(c, [r for r in results if r["category"] == c]))
    rows.append("-" * len(head))
    rows.append(row("all", results))
    rows.append("")
    rows.append(f"{'letter':<36}{'zh det/n':>10}{'ko det/n':>10}")
    for letter in sorted({r["letter"] for r in results}):
        cells = []
        for lang in LANGS:
            sub = [r for r in results if r["letter"] == letter and r["lang"] == lang]
            cells.append(f"{sum(r['detected'] for r in sub)}/{len(sub)}")
        rows.append(f"{letter:<36}{cells[0]:>10}{cells[1]:>10}")
    return "\n".join(rows)


def describe(r: dict, verbose: bool) -> list[str]:
    out = [f"[{r['id']}] {r['lang']} {r['category']} expect={r['expect']} line {r['line']} "
           f"(zone L{r['zone'][0]}-L{r['zone'][1]})",
           f"    changed: {r['error']}"]
    if r["detected"]:
        out += ["    detected by: " + fmt(h) for h in r["hits"]]
    if not r["detected"] or verbose:
        if r["near"]:
            out += ["    checker near the line: " + fmt(d) for d in r["near"]]
        else:
            out.append("    checker near the line: nothing")
    if r["new_elsewhere"]:
        out += ["    new elsewhere: " + fmt(d) for d in r["new_elsewhere"]]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", metavar="FILE", help="write every case with its findings as JSON")
    ap.add_argument("--verbose", action="store_true", help="show what the checker said for every case")
    ap.add_argument("--cases", default=str(SEEDED / "cases.yaml"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    try:
        cases = load_cases(Path(args.cases))
        glossary = load_glossary(ROOT / "glossary")
        results = [run_case(c, glossary) for c in cases]
    except (OSError, ValueError) as exc:
        print(f"seeded_errors: error: {exc}", file=sys.stderr)
        return 2

    n = len(results)
    d = sum(r["detected"] for r in results)
    print(f"appealkit seeded-error benchmark ({n} hand-made cases on held-out translations)\n")
    print(table(results))
    print(f"\noverall recall: {d}/{n} = {pct(d, n).strip()}")
    for expect in ("error", "warning"):
        sub = [r for r in results if r["expect"] == expect]
        ds = sum(r["detected"] for r in sub)
        print(f"  expect={expect:<8} {ds}/{len(sub)} = {pct(ds, len(sub)).strip()}")
    noisy = [r for r in results if r["new_elsewhere"]]
    if noisy:
        print(f"  cases with new findings of the expected severity outside the zone: {len(noisy)}")

    missed = [r for r in results if not r["detected"]]
    print(f"\nmissed cases ({len(missed)}):")
    for r in missed:
        print("\n".join(describe(r, False)))
    if args.verbose:
        print("\ndetected cases:")
        for r in results:
            if r["detected"]:
                print("\n".join(describe(r, True)))
    if args.json:
        payload = {"version": 1, "cases": results,
                   "summary": {"cases": n, "detected": d, "recall": round(100.0 * d / n, 1) if n else None}}
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
