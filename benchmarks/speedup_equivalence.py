#!/usr/bin/env python
"""Findings with every speed-up off against findings with every speed-up on, on every corpus.

Speed-ups (issue 11): the banded alignment search (off: every cell of the matrix), the Aho–Corasick glossary
automaton (off: one substring search per rendering, an English walk from every word), the polarity cue prefilter
(off: every cue class searched in every sentence), the fact recognisers' pre-checks (off: every recogniser scans
every paragraph), the polarity rules' reportable cues (off: a sentence pair with any cue is aligned and read), the
result cache (cold, then warm) and worker processes (``--jobs``). Corpora: letters/, the held-out rounds, the seeded
cases (tests/fixtures/seeded and benchmarks/seeded), the NTREX real-text corpus (benchmarks/corpora/ntrex-dev) and
the mutation benchmark's mutants (every mutant of benchmarks/mutation.py written out as a letter folder).

Plain: ``speedups.switched(**speedups.ALL_OFF)`` and ``checker.check_pairs`` in one process, no cache.
Fast: every switch on and ``batch.check_many`` with a cache, twice (cold, then answered from the cache), with
``--jobs`` processes. Compared: each pair's resolved pair, findings (every field), beads and joined beads.

    .venv/bin/python benchmarks/speedup_equivalence.py [--jobs 2] [--limit N] [--json FILE]

Exit status 1 when any pair differs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from appealkit import speedups  # noqa: E402
from appealkit.batch import check_many, default_jobs  # noqa: E402
from appealkit.checker import check_pairs  # noqa: E402
from appealkit.glossary import Glossary, load_glossary  # noqa: E402
from appealkit.letters import LetterPair, discover_pairs, parse_letter  # noqa: E402
from appealkit.result_cache import ResultCache  # noqa: E402


def corpus_pairs(root: Path) -> list[LetterPair]:
    """Letter folders (en.md + zh.md / ko.md) and plain-text documents (en.txt + zh.txt / ko.txt)."""
    pairs = discover_pairs([root])
    for source in sorted(root.glob("*/en.txt")):
        pairs += [LetterPair(source, source.with_name(f"{lang}.txt"), lang, source.parent.name)
                  for lang in ("zh", "ko") if source.with_name(f"{lang}.txt").is_file()]
    return pairs


def corpora() -> dict[str, list[LetterPair]]:
    fixtures = ROOT / "tests" / "fixtures"
    roots = {
        "letters": [ROOT / "letters"],
        "held-out rounds": sorted(fixtures.glob("heldout*")),
        "seeded cases": [fixtures / "seeded", ROOT / "benchmarks" / "seeded"],
        "NTREX real text": [ROOT / "benchmarks" / "corpora" / "ntrex-dev"],
    }
    return {name: [pair for root in paths for pair in corpus_pairs(root)] for name, paths in roots.items()}


def write_mutants(dest: Path, glossary: Glossary, limit: int | None) -> list[LetterPair]:
    """Every mutant of the mutation benchmark as a letter folder <slug>-<lang>-<n>/ (en.md + the mutated
    translation), so that the file-level speed-ups (cache, jobs) see them too."""
    import mutation

    tgs = {lang: mutation.TargetGlossary(glossary, lang) for lang in mutation.LANGS}
    pairs = []
    for slug, lang, source_path, target_path in mutation.discover(ROOT / "letters"):
        source_text, target_text = source_path.read_text("utf-8"), target_path.read_text("utf-8")
        source, target = parse_letter(source_text, source_path), parse_letter(target_text, target_path)
        material = mutation.PairMaterial(slug, lang, source, target, glossary, tgs[lang])
        for cls in mutation.CLASSES:
            built, _ = material.build(cls, mutation.DEFAULT_SEED)
            for mutant in built[:limit]:
                folder = dest / f"{slug}-{lang}-{len(pairs):04d}"
                folder.mkdir(parents=True)
                (folder / "en.md").write_text(source_text, "utf-8")
                mutated = mutation.apply(target_text, target, mutant.new_paragraphs)
                (folder / f"{lang}.md").write_text(mutated, "utf-8")
                pairs.append(LetterPair(folder / "en.md", folder / f"{lang}.md", lang, folder.name))
    return pairs


def outcome(results) -> list[tuple]:
    return [(r.pair, r.findings, r.context.beads, r.context.joined) for r in results]


def compare(name: str, pairs: list[LetterPair], glossary: Glossary, jobs: int, cache_dir: Path) -> dict:
    started = time.perf_counter()
    with speedups.switched(**speedups.ALL_OFF):
        plain = outcome(check_pairs(pairs, glossary))
    plain_s = time.perf_counter() - started
    cache = ResultCache(cache_dir / name.replace(" ", "-"), glossary.digest)
    runs = {}
    for run in ("cold", "warm"):
        started = time.perf_counter()
        runs[run] = (outcome(check_many(pairs, glossary, jobs=jobs, cache=cache)), time.perf_counter() - started)
    differing = sorted({str(p[0].target) for run, _ in runs.values() for p, q in zip(run, plain) if p != q})
    return {"corpus": name, "pairs": len(pairs), "findings": sum(len(p[1]) for p in plain),
            "differing": differing, "identical": not differing and all(len(r) == len(plain) for r, _ in runs.values()),
            "plain_s": plain_s, "fast_cold_s": runs["cold"][1], "fast_warm_s": runs["warm"][1]}


def run(jobs: int, limit: int | None = None, mutants: bool = True) -> list[dict]:
    glossary = load_glossary(ROOT / "glossary")
    work = Path(tempfile.mkdtemp(prefix="appeal-equivalence-"))
    try:
        sets = corpora()
        if mutants:
            sets["mutation benchmark mutants"] = write_mutants(work / "mutants", glossary, limit)
        return [compare(name, pairs, glossary, jobs, work / "cache") for name, pairs in sets.items()]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_table(rows: list[dict], jobs: int) -> None:
    switches = ", ".join([*speedups.ALL_OFF, "cache", "jobs"])
    print(f"findings with every speed-up off ({switches}) vs on (--jobs {jobs}, cache cold "
          "then warm):")
    for row in rows:
        verdict = "identical" if row["identical"] else f"DIFFERENT in {len(row['differing'])} pair(s)"
        print(f"    {row['corpus']:<28} {row['pairs']:>5} pairs, {row['findings']:>5} findings: {verdict}  "
              f"(plain {row['plain_s']:.1f} s, fast cold {row['fast_cold_s']:.1f} s, warm {row['fast_warm_s']:.2f} s)")
        for target in row["differing"][:5]:
            print(f"        {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--limit", type=int, default=None, help="at most N mutants per class and translation")
    parser.add_argument("--json", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    rows = run(args.jobs, args.limit)
    print_table(rows, args.jobs)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0 if all(row["identical"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
