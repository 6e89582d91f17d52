#!/usr/bin/env python
"""Speed benchmark for ``appeal check``, with translate-toolkit's ``pofilter`` as the yardstick: every goal of
issue 11 measured in one run, on one machine, and printed with its target.

Commands run as subprocesses of this tree (``python -c "from appealkit.cli import main; main()"`` with
``PYTHONPATH=src``, which is what the ``appeal`` script does), wall and CPU time (user+sys of the child and
its workers) of each:
(a) start-up: ``appeal --help``; ``appeal check`` on a one-line pair with ``--no-cache`` (imports, glossary,
    compiled patterns, one trivial check), and the sum of ``python -X importtime`` over that run;
    ``appeal check letters/ --no-cache`` (cold); an in-process breakdown of one check. The parsed data files
    (appealkit.data_cache, in a folder of this run) are read back after the warm-up run, as in any
    installation after its first run; both checks are also timed with that cache off (APPEAL_DATA_CACHE=off).
(b) the corpus replicated ×100 in a temporary directory (500 letter folders, 1000 en→zh/ko pairs):
    ``appeal check --no-cache --jobs 1`` (single process, cold, start-up and report included), the library
    in-process (``batch.check_many``, one process, no cache; glossary loaded once, outside the rate),
    ``--jobs N`` with every core (cold), and a warm run answered from ``.appeal/cache``.
(c) the same 1000 pairs as PO files (msgid = English paragraph, msgstr = target paragraph, paired 1:1 by
    index, as the reference corpus is 1:1), checked by ``pofilter`` as a subprocess over the directory with
    the checks comparable to appealkit's (numbers, urls, emails, untranslated, unchanged, blank):
    pairs/second and the ratios appealkit/pofilter.
(d) noise: both tools on a meaning-preserving re-notation of the translations' figures.
(e) findings with every speed-up off vs on (benchmarks/speedup_equivalence.py) on every corpus and the
    mutation benchmark's mutants (``--no-equivalence`` skips it).
(f) unique text: (b) and (c) replicate letters/, whose repeated paragraphs an in-process memo could answer; the
    NTREX dev corpus (benchmarks/corpora/ntrex-dev, 124 pairs, no paragraph twice) is checked the same way.

    .venv/bin/python benchmarks/check_speed.py [--runs 5] [--copies 100] [--json FILE]

Needs translate-toolkit (``pip install -e '.[dev]'``); without it part (c) is skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from appealkit.batch import check_many, default_jobs  # noqa: E402
from appealkit.checker import check_files  # noqa: E402
from appealkit.glossary import load_glossary  # noqa: E402
from appealkit.letters import discover_pairs, load_letter  # noqa: E402

# What the ``appeal`` console script runs, on this tree's source.
APPEAL = [sys.executable, "-c", "from appealkit.cli import main; main()"]
# Bytecode caching on, as in any installation (a sandbox's PYTHONDONTWRITEBYTECODE=1 would add the compilation of
# every module to every start-up); time_cli runs every command once before timing it.
APPEAL_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "PYTHONPATH": str(ROOT / "src")}
GOALS = {  # issue 11, "Done when"
    "help_startup_s": 0.1, "check_startup_s": 0.1, "letters_cold_s": 0.25, "warm_1000_s": 1.0,
    "ratio_single_process_cold": 1.0,
}

VENV_BIN = Path(sys.executable).parent
POFILTER_TESTS = ("numbers", "urls", "emails", "untranslated", "unchanged", "blank")


def _tool(name: str) -> str:
    local = VENV_BIN / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_timed(cmd: list[str], **kwargs) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall-clock and CPU (user+sys of the child) seconds of one subprocess."""
    cpu, wall = _child_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - wall, _child_cpu() - cpu, proc


def _appeal(args: list[str], cwd: Path, runs: int = 1, ok: tuple[int, ...] = (0, 1), **env: str) -> dict:
    """Median wall and CPU seconds of ``appeal ARGS`` over ``runs`` runs (``env``: extra variables)."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, proc = _run_timed([*APPEAL, *args], cwd=cwd, env={**APPEAL_ENV, **env})
        if proc.returncode not in ok:
            raise SystemExit(f"appeal {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        walls.append(wall)
        cpus.append(cpu)
    return {"command": "appeal " + " ".join(args), "runs": runs, "median_s": statistics.median(walls),
            "min_s": min(walls), "max_s": max(walls), "cpu_median_s": statistics.median(cpus),
            "exit_status": proc.returncode}


def _import_seconds(args: list[str], cwd: Path) -> float:
    """Sum of ``python -X importtime`` (cumulative time of every top-level import) over one run."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *APPEAL[1:], *args], cwd=cwd, env=APPEAL_ENV,
                          capture_output=True, text=True)
    total = 0
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3 and parts[2].startswith(" ") \
                and not parts[2].startswith("  ") and parts[1].strip().isdigit():
            total += int(parts[1])
    return total / 1e6


def time_cli(runs: int, workdir: Path) -> dict:
    """(a) start-up and ``appeal check letters/`` cold, as subprocesses."""
    tiny = workdir / "tiny" / "one-line"
    tiny.mkdir(parents=True)
    (tiny / "en.md").write_text("We ask you to protect 2,000 refugees.\n", "utf-8")
    (tiny / "zh.md").write_text("我们请求您保护2,000名难民。\n", "utf-8")
    bare = [_run_timed([sys.executable, "-c", "pass"]) for _ in range(runs)]
    # Writes the bytecode of every module a check imports, and the parsed data files (APPEAL_DATA_CACHE).
    _appeal(["check", "tiny", "--no-cache"], workdir)
    tiny = ["check", "tiny", "--no-cache", "--glossary", str(ROOT / "glossary")]
    return {
        "help": _appeal(["--help"], ROOT, runs, ok=(0,)),
        "check_startup": _appeal(tiny, workdir, runs),
        "check_startup_no_data_cache": _appeal(tiny, workdir, runs, APPEAL_DATA_CACHE="off"),
        "check_startup_imports_s": _import_seconds(["check", "tiny", "--no-cache"], workdir),
        "letters_cold": _appeal(["check", "letters/", "--no-cache"], ROOT, runs),
        "letters_cold_no_data_cache": _appeal(["check", "letters/", "--no-cache"], ROOT, runs, APPEAL_DATA_CACHE="off"),
        "python_startup_median_s": statistics.median(w for w, _, _ in bare),
    }


def time_appeal_corpus(corpus: Path, runs: int) -> dict:
    """(b) appeal check on the 1000 pairs: one process cold, every core cold, and warm from the cache."""
    workdir = corpus.parent
    jobs = default_jobs()
    glossary = ["--glossary", str(ROOT / "glossary")]
    single = _appeal(["check", corpus.name, "--no-cache", "--jobs", "1", *glossary], workdir)
    parallel = _appeal(["check", corpus.name, "--no-cache", "--jobs", str(jobs), *glossary], workdir)
    shutil.rmtree(workdir / ".appeal", ignore_errors=True)
    filling = _appeal(["check", corpus.name, *glossary], workdir)
    warm = _appeal(["check", corpus.name, *glossary], workdir, runs)
    return {"jobs": jobs, "single_cold": single, "parallel_cold": parallel, "cache_filling": filling, "warm": warm}


def phases(repeats: int = 3) -> dict | None:
    """Where the time of one check goes, on the real letters (ms per pair); None if internals moved."""
    try:
        from appealkit.alignment import align
        from appealkit.checker import run_rules
        from appealkit.checks.context import LetterContext
        from appealkit.facts import source_facts, target_facts
    except ImportError:
        return None
    t = time.perf_counter()
    glossary = load_glossary(ROOT / "glossary")
    glossary_s = time.perf_counter() - t
    pairs = discover_pairs([ROOT / "letters"])
    spent: Counter = Counter()
    for _ in range(repeats):
        for pair in pairs:
            t0 = time.perf_counter()
            source, target = load_letter(pair.source), load_letter(pair.target)
            t1 = time.perf_counter()
            src = [source_facts(p.text, glossary) for p in source.paragraphs]
            t2 = time.perf_counter()
            tgt = [target_facts(p.text, pair.lang, glossary) for p in target.paragraphs]
            t3 = time.perf_counter()
            ctx = LetterContext(source, target, pair.lang, glossary, src, tgt)
            ctx.beads = align(src, tgt, pair.lang)
            t4 = time.perf_counter()
            run_rules(ctx)
            t5 = time.perf_counter()
            for name, a, b in (("load letters", t0, t1), ("source facts", t1, t2), ("target facts", t2, t3),
                               ("alignment", t3, t4), ("rules", t4, t5)):
                spent[name] += b - a
    n = repeats * len(pairs)
    per_pair = {name: round(1000 * spent[name] / n, 2) for name in spent}
    per_pair["total"] = round(sum(per_pair.values()), 2)
    return {"pairs": len(pairs), "repeats": repeats, "ms_per_pair": per_pair, "glossary_load_ms": round(1000 * glossary_s, 1)}


def replicate(dest: Path, copies: int) -> list[Path]:
    """letters/<slug> → dest/<slug>-NNN for NNN in 000..copies-1."""
    folders = sorted(p.parent for p in (ROOT / "letters").glob("*/en.md"))
    made = []
    for n in range(copies):
        for folder in folders:
            target = dest / f"{folder.name}-{n:03d}"
            target.mkdir(parents=True)
            for name in ("en.md", "zh.md", "ko.md"):
                if (folder / name).is_file():
                    shutil.copyfile(folder / name, target / name)
            made.append(target)
    return made


NTREX_DEV = ROOT / "benchmarks" / "corpora" / "ntrex-dev"


def unique_corpus(dest: Path) -> int:
    """(f) The NTREX dev documents (professional news translations) as letter folders, one paragraph per line:
    text in which no paragraph repeats, so that nothing can be answered from an in-process memo."""
    count = 0
    for en in sorted(NTREX_DEV.glob("*/en.txt")):
        folder = dest / en.parent.name
        folder.mkdir(parents=True)
        for lang in ("en", "zh", "ko"):
            lines = [line.strip() for line in (en.parent / f"{lang}.txt").read_text("utf-8").splitlines()]
            (folder / f"{lang}.md").write_text("\n\n".join(line for line in lines if line) + "\n", "utf-8")
        count += 2
    return count


def time_unique(workdir: Path, runs: int) -> dict:
    """(f) appeal (one process, cold) and pofilter on the unique-text corpus."""
    corpus = workdir / "ntrex"
    pairs = unique_corpus(corpus)
    glossary = ["--glossary", str(ROOT / "glossary")]
    single = _appeal(["check", corpus.name, "--no-cache", "--jobs", "1", *glossary], workdir, runs)
    result = {"pairs": pairs, "single_cold": single, "pofilter": None}
    try:
        import translate  # noqa: F401
    except ImportError:
        return result
    write_po(corpus, workdir / "po")
    result["pofilter"] = time_pofilter(workdir / "po", workdir / "out")
    return result


def time_library(corpus: Path) -> dict:
    """(b) load + check every pair in-process: one process, no cache (``check_many`` as the CLI calls it)."""
    t = time.perf_counter()
    glossary = load_glossary(ROOT / "glossary")
    glossary_s = time.perf_counter() - t
    pairs = discover_pairs([corpus])
    severities: Counter = Counter()
    rules: Counter = Counter()
    t, cpu = time.perf_counter(), time.process_time()
    for result in check_many(pairs, glossary, jobs=1, cache=None):
        for f in result.findings:
            severities[f.severity] += 1
            rules[f"{f.severity} {f.rule}"] += 1
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    return {"pairs": len(pairs), "seconds": elapsed, "pairs_per_s": len(pairs) / elapsed,
            "cpu_seconds": cpu, "pairs_per_cpu_s": len(pairs) / cpu,
            "ms_per_pair": 1000 * elapsed / len(pairs), "glossary_load_s": glossary_s,
            "findings": dict(severities), "findings_by_rule": dict(rules.most_common())}


def write_po(corpus: Path, podir: Path) -> dict:
    """One PO file per pair, one unit per paragraph (msgid English, msgstr translation), by language."""
    from translate.storage import pypo

    t = time.perf_counter()
    count = units = 0
    for pair in discover_pairs([corpus]):
        source, target = load_letter(pair.source), load_letter(pair.target)
        store = pypo.pofile()
        store.updateheader(add=True, Language=pair.lang, Content_Type="text/plain; charset=UTF-8")
        for index, (en, tr) in enumerate(zip(source.paragraphs, target.paragraphs)):
            unit = store.addsourceunit(en.text)
            unit.target = tr.text
            unit.setcontext(f"{pair.slug}#{index}")  # identical paragraphs in one letter stay distinct
            units += 1
        out = podir / pair.lang / f"{pair.slug}.po"
        out.parent.mkdir(parents=True, exist_ok=True)
        store.savefile(str(out))
        count += 1
    return {"files": count, "units": units, "seconds": time.perf_counter() - t}


_POFILTER_NOTE = re.compile(r"^#\.?\s*\(pofilter\)\s*([\w-]+):", re.MULTILINE)


def time_pofilter(podir: Path, outdir: Path) -> dict:
    """(c) pofilter over the PO directory, one run per language (--language sets its language rules)."""
    pofilter = _tool("pofilter")
    tests = [arg for name in POFILTER_TESTS for arg in ("-t", name)]
    total = total_cpu = 0.0
    runs = {}
    failures: Counter = Counter()
    units_flagged = 0
    outdir.mkdir(parents=True, exist_ok=True)
    for lang_dir in sorted(p for p in podir.iterdir() if p.is_dir()):
        lang = lang_dir.name
        out = outdir / lang
        cmd = [pofilter, "--progress=none", f"--language={lang}", *tests, "-i", str(lang_dir), "-o", str(out)]
        elapsed, cpu, proc = _run_timed(cmd)
        if proc.returncode != 0:
            raise SystemExit(f"pofilter failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        total += elapsed
        total_cpu += cpu
        runs[lang] = {"seconds": elapsed, "cpu_seconds": cpu, "command": " ".join(["pofilter", *cmd[1:3], *tests, "-i", f"po/{lang}",
                                                               "-o", f"out/{lang}"])}
        for po in out.rglob("*.po"):
            text = po.read_text("utf-8")
            found = _POFILTER_NOTE.findall(text)
            failures.update(found)
            units_flagged += len(re.findall(r"^msgid ", text, re.MULTILINE)) - 1  # minus the header
    pairs = sum(1 for _ in podir.rglob("*.po"))
    return {"pairs": pairs, "seconds": total, "pairs_per_s": pairs / total, "cpu_seconds": total_cpu,
            "pairs_per_cpu_s": pairs / total_cpu, "runs": runs,
            "tests": list(POFILTER_TESTS), "findings": dict(failures.most_common()),
            "findings_total": sum(failures.values()), "units_flagged": units_flagged}


# (d) A meaning-preserving re-notation of the translations' figures: a checker that reports these cries wolf.
_CN = "零一二三四五六七八九"
_ZH_FIGURE = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)(?=[名个岁届]|多名|余名)")
_KO_NATIVE = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]
_KO_SMALL = re.compile(r"(?<![\d,.])(\d{1,2})\s?(?=명)")
_KO_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}),000\s?(?=명)")
_KO_AGE = re.compile(r"(?<![\d,.])(\d{1,2})세")


def chinese_numeral(n: int) -> str:
    """8 → 八 (2 → 两), 19 → 十九, 320 → 三百二十, 1170 → 一千一百七十, 2000 → 两千, 1050 → 一千零五十."""
    if n < 10:
        return "两" if n == 2 else _CN[n]
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        rest = "" if not low else ("零" if low < 1000 else "") + chinese_numeral(low)
        return chinese_numeral(high) + "万" + rest
    out, zero = [], False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = (n // size) % 10
        if digit:
            if zero and out:
                out.append("零")
            word = "两" if digit == 2 and unit in ("千",) else _CN[digit]
            out.append("" if (unit == "十" and digit == 1 and n < 20) else word)
            out.append(unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def renotate(text: str, lang: str) -> tuple[str, int]:
    """Rewrite Arabic figures with counters the way many translators write them; the meaning is unchanged."""
    if lang == "zh":
        return _ZH_FIGURE.subn(lambda m: chinese_numeral(int(m[1].replace(",", ""))), text)
    count = 0

    def small(m: re.Match) -> str:
        nonlocal count
        n = int(m[1])
        if not 2 <= n <= 10:
            return m.group()
        count += 1
        return _KO_NATIVE[n] + " "

    def age(m: re.Match) -> str:
        nonlocal count
        n = int(m[1])
        if not 2 <= n <= 10:
            return m.group()
        count += 1
        return f"{_KO_NATIVE[n]} 살"

    text, thousands = _KO_THOUSANDS.subn(lambda m: f"{m[1]}천 ", text)
    text = _KO_SMALL.sub(small, text)
    text = _KO_AGE.sub(age, text)
    return text, count + thousands


def renotation_noise(workdir: Path) -> dict:
    """Both tools on letters/ with the translations' figures re-notated (8名 → 八名, 8명 → 여덟 명)."""
    glossary = load_glossary(ROOT / "glossary")
    corpus = workdir / "letters"
    rewritten = 0
    for folder in sorted(p.parent for p in (ROOT / "letters").glob("*/en.md")):
        (corpus / folder.name).mkdir(parents=True)
        shutil.copyfile(folder / "en.md", corpus / folder.name / "en.md")
        for lang in ("zh", "ko"):
            if (folder / f"{lang}.md").is_file():
                text, n = renotate((folder / f"{lang}.md").read_text("utf-8"), lang)
                rewritten += n
                (corpus / folder.name / f"{lang}.md").write_text(text, "utf-8")
    result: dict = {"figures_rewritten": rewritten, "examples": "8名→八名, 2,000名→两千名, 1,170名→一千一百七十名, "
                    "8명→여덟 명, 2,000명→2천 명, 4세→네 살"}
    for name, root in (("clean", ROOT / "letters"), ("renotated", corpus)):
        counts: Counter = Counter()
        for pair in discover_pairs([root]):
            for f in check_files(pair.source, pair.target, glossary, pair.lang).findings:
                counts[f.severity] += 1
        result[f"appealkit_{name}"] = dict(counts)
    try:
        import translate  # noqa: F401
    except ImportError:
        return result
    for name, root in (("clean", ROOT / "letters"), ("renotated", corpus)):
        sub = workdir / f"d-{name}"
        clean_corpus = sub / "letters"
        shutil.copytree(root, clean_corpus)
        write_po(clean_corpus, sub / "po")
        result[f"pofilter_{name}"] = time_pofilter(sub / "po", sub / "out")["findings"]
    return result


def _pairs_per_s(run: dict, pairs: int) -> tuple[float, float]:
    return pairs / run["median_s"], pairs / run["cpu_median_s"]


def goals(report: dict) -> list[tuple[str, str, str, bool]]:
    """(goal, measured, target, met) for every "Done when" of issue 11; met is judged on wall time."""
    cli, corpus, po = report["cli"], report["appeal_corpus"], report.get("pofilter")
    pairs = report["library"]["pairs"]
    rows = [
        ("`appeal --help` start-up", f"{cli['help']['median_s']:.3f} s wall, {cli['help']['cpu_median_s']:.3f} s CPU",
         f"< {GOALS['help_startup_s']} s", cli["help"]["median_s"] < GOALS["help_startup_s"]),
        ("`appeal check` start-up (one one-line pair, --no-cache)",
         f"{cli['check_startup']['median_s']:.3f} s wall, {cli['check_startup']['cpu_median_s']:.3f} s CPU "
         f"(imports {cli['check_startup_imports_s']:.3f} s; data cache off "
         f"{cli['check_startup_no_data_cache']['median_s']:.3f} s wall)", f"< {GOALS['check_startup_s']} s",
         cli["check_startup"]["median_s"] < GOALS["check_startup_s"]),
        ("`appeal check letters/` cold (--no-cache)",
         f"{cli['letters_cold']['median_s']:.3f} s wall, {cli['letters_cold']['cpu_median_s']:.3f} s CPU "
         f"(data cache off {cli['letters_cold_no_data_cache']['median_s']:.3f} s wall)",
         f"< {GOALS['letters_cold_s']} s", cli["letters_cold"]["median_s"] < GOALS["letters_cold_s"]),
        (f"warm cache, {pairs} pairs, nothing changed",
         f"{corpus['warm']['median_s']:.3f} s wall, {corpus['warm']['cpu_median_s']:.3f} s CPU",
         f"< {GOALS['warm_1000_s']} s", corpus["warm"]["median_s"] < GOALS["warm_1000_s"]),
    ]
    if po:
        ratio = report["ratio_single_process_cold"]
        rows.append((f"single process cold, {pairs} pairs: appealkit / pofilter pairs per second",
                     f"{ratio['wall']:.2f} wall, {ratio['cpu']:.2f} CPU", f">= {GOALS['ratio_single_process_cold']}",
                     ratio["wall"] >= GOALS["ratio_single_process_cold"]))
    equivalence = report.get("equivalence")
    if equivalence is not None:
        same = all(row["identical"] for row in equivalence)
        total = sum(row["pairs"] for row in equivalence)
        rows.append(("findings identical with and without each speed-up",
                     f"{'identical' if same else 'DIFFERENT'} on {total} pairs of {len(equivalence)} corpora",
                     "identical", same))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of the short commands; the median is reported")
    parser.add_argument("--copies", type=int, default=100, help="replicas of letters/ for (b) and (c)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the replicated corpus here and keep it")
    parser.add_argument("--no-equivalence", action="store_true", help="skip (e), the slowest part")
    args = parser.parse_args(argv)

    report: dict = {"machine": {"cpus": os.cpu_count(), "usable_cpus": default_jobs(),
                                "python": platform.python_version(), "platform": platform.platform(),
                                "loadavg_before": os.getloadavg()}}
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="appeal-speed-")) if args.keep is None else args.keep
    # This run's parsed-data cache (appealkit.data_cache), for the subprocesses and the library alike.
    APPEAL_ENV["APPEAL_DATA_CACHE"] = os.environ["APPEAL_DATA_CACHE"] = str(tmp / "data-cache")
    po = None
    try:
        report["cli"] = cli = time_cli(args.runs, tmp / "startup")
        report["phases"] = phase = phases()
        corpus = tmp / "corpus" / "letters"
        replicate(corpus, args.copies)
        report["library"] = lib = time_library(corpus)
        report["appeal_corpus"] = app = time_appeal_corpus(corpus, args.runs)
        try:
            import translate  # noqa: F401
        except ImportError:
            report["pofilter"] = None
        else:
            report["po_conversion"] = write_po(corpus, tmp / "po")
            report["pofilter"] = po = time_pofilter(tmp / "po", tmp / "out")
        report["renotation"] = renotation_noise(tmp / "renotation")
        report["unique"] = time_unique(tmp / "unique", args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    if not args.no_equivalence:
        import speedup_equivalence

        report["equivalence"] = speedup_equivalence.run(default_jobs())
    report["total_s"] = time.perf_counter() - started
    report["machine"]["loadavg_after"] = os.getloadavg()
    copies = args.copies
    pairs = lib["pairs"]
    single_rate = _pairs_per_s(app["single_cold"], pairs)
    parallel_rate = _pairs_per_s(app["parallel_cold"], pairs)

    m = report["machine"]
    print(f"appealkit check speed ({m['cpus']} CPUs, {m['usable_cpus']} usable, Python {m['python']}; load average "
          f"before {m['loadavg_before'][0]:.2f}, after {m['loadavg_after'][0]:.2f}). Wall time depends on what else "
          "runs on the machine; CPU time (user+sys, workers included) much less.")
    print()
    print(f"(a) '{cli['help']['command']}': {cli['help']['median_s']:.3f} s wall, {cli['help']['cpu_median_s']:.3f} s "
          f"CPU; bare interpreter {cli['python_startup_median_s']:.3f} s (medians of {args.runs})")
    for key in ("check_startup", "check_startup_no_data_cache", "letters_cold", "letters_cold_no_data_cache"):
        run = cli[key]
        off = " with APPEAL_DATA_CACHE=off" if key.endswith("no_data_cache") else ""
        print(f"    '{run['command']}'{off}: {run['median_s']:.3f} s wall (min {run['min_s']:.3f}, "
              f"max {run['max_s']:.3f}), {run['cpu_median_s']:.3f} s CPU; exit status {run['exit_status']}")
    print(f"    imports of a cold check (sum of -X importtime): {cli['check_startup_imports_s']:.3f} s")
    if phase:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in phase["ms_per_pair"].items())
        print(f"    in-process, ms per pair on letters/ ({phase['pairs']} pairs × {phase['repeats']}): {parts}; "
              f"glossary load {phase['glossary_load_ms']:.0f} ms once")
    print()
    rows = [("tool", "pairs", "wall s", "pairs/s", "ms/pair", "CPU s", "pairs/CPU-s",
             "findings on the clean corpus, per copy of letters/ (10 pairs)")]
    f = lib["findings"]
    noise = (f"error {f.get('error', 0) / copies:g}, warning {f.get('warning', 0) / copies:g}, "
             f"info {f.get('info', 0) / copies:g}")
    for label, run in ((f"appeal check --no-cache --jobs 1 (subprocess)", app["single_cold"]),
                       (f"appeal check --no-cache --jobs {app['jobs']} (subprocess)", app["parallel_cold"]),
                       ("appeal check, cache being filled (subprocess)", app["cache_filling"]),
                       ("appeal check, warm cache (subprocess)", app["warm"])):
        rows.append((label, pairs, f"{run['median_s']:.2f}", f"{pairs / run['median_s']:.1f}",
                     f"{1000 * run['median_s'] / pairs:.2f}", f"{run['cpu_median_s']:.2f}",
                     f"{pairs / run['cpu_median_s']:.1f}", noise if run is app["single_cold"] else ""))
    rows.append(("appealkit library, 1 process, no cache", lib["pairs"], f"{lib['seconds']:.2f}",
                 f"{lib['pairs_per_s']:.1f}", f"{lib['ms_per_pair']:.2f}", f"{lib['cpu_seconds']:.2f}",
                 f"{lib['pairs_per_cpu_s']:.1f}", noise))
    if po:
        by_test = ", ".join(f"{k} {v / copies:g}" for k, v in po["findings"].items()) or "none"
        rows.append(("pofilter (subprocess, 1 run per language)", po["pairs"], f"{po['seconds']:.2f}",
                     f"{po['pairs_per_s']:.1f}", f"{1000 * po['seconds'] / po['pairs']:.2f}",
                     f"{po['cpu_seconds']:.2f}", f"{po['pairs_per_cpu_s']:.1f}",
                     f"{po['findings_total'] / copies:g} ({by_test}) on {po['units_flagged'] / copies:g} of "
                     f"{report['po_conversion']['units'] / copies:g} paragraphs"))
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) if i in (0, 7) else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print(f"(b) {pairs} pairs = letters/ ×{copies}; the library's glossary was loaded once in "
          f"{lib['glossary_load_s']:.3f} s (not in its rate); the subprocesses include start-up and the text report")
    print(f"    --jobs {app['jobs']} vs --jobs 1: {parallel_rate[0] / single_rate[0]:.2f}× the pairs per second")
    if po:
        report["ratio_single_process_cold"] = {"wall": single_rate[0] / po["pairs_per_s"],
                                               "cpu": single_rate[1] / po["pairs_per_cpu_s"]}
        report["ratio_all_cores_cold"] = {"wall": parallel_rate[0] / po["pairs_per_s"],
                                          "cpu": parallel_rate[1] / po["pairs_per_cpu_s"]}
        report["ratio_library"] = {"wall": lib["pairs_per_s"] / po["pairs_per_s"],
                                   "cpu": lib["pairs_per_cpu_s"] / po["pairs_per_cpu_s"]}
        conv = report["po_conversion"]
        print(f"(c) pofilter -t {' -t '.join(po['tests'])}, start-up included; PO conversion of {conv['files']} files "
              f"/ {conv['units']} units took {conv['seconds']:.2f} s (not in the rate)")
        for label, key in (("appeal, one process, cold", "ratio_single_process_cold"),
                           (f"appeal --jobs {app['jobs']}, cold", "ratio_all_cores_cold"),
                           ("library, one process", "ratio_library")):
            ratio = report[key]
            print(f"    ratio appealkit/pofilter in pairs per second, {label}: {ratio['wall']:.2f} wall, "
                  f"{ratio['cpu']:.2f} CPU")
    else:
        print("(c) skipped: translate-toolkit is not installed (pip install -e '.[dev]')")
    r = report["renotation"]
    print(f"(d) noise after a meaning-preserving re-notation of {r['figures_rewritten']} figures in the translations "
          f"({r['examples']}):")
    for name in ("clean", "renotated"):
        a = r[f"appealkit_{name}"]
        line = f"    {name:<10} appealkit: error {a.get('error', 0)}, warning {a.get('warning', 0)}"
        if f"pofilter_{name}" in r:
            pf = r[f"pofilter_{name}"]
            line += f"; pofilter: {sum(pf.values())} ({', '.join(f'{k} {v}' for k, v in pf.items()) or 'none'})"
        print(line)
    u = report["unique"]
    rate = _pairs_per_s(u["single_cold"], u["pairs"])
    print(f"(f) unique text: the {u['pairs']} NTREX dev pairs as letter folders (no paragraph repeats): appeal "
          f"--no-cache --jobs 1 {rate[0]:.1f} pairs/s wall, {rate[1]:.1f} per CPU-s", end="")
    if u["pofilter"]:
        upo = u["pofilter"]
        report["ratio_unique_text"] = {"wall": rate[0] / upo["pairs_per_s"], "cpu": rate[1] / upo["pairs_per_cpu_s"]}
        print(f"; pofilter {upo['pairs_per_s']:.1f} pairs/s wall; ratio {report['ratio_unique_text']['wall']:.2f} "
              f"wall, {report['ratio_unique_text']['cpu']:.2f} CPU")
    else:
        print()
    if "equivalence" in report:
        import speedup_equivalence

        print("(e) ", end="")
        speedup_equivalence.print_table(report["equivalence"], default_jobs())
    print()
    print("Goals of issue 11 (met is judged on wall time):")
    report["goals"] = [{"goal": g, "measured": meas, "target": target, "met": met}
                       for g, meas, target, met in goals(report)]
    width = max(len(g["goal"]) for g in report["goals"])
    for g in report["goals"]:
        print(f"    {'met ' if g['met'] else 'MISS'}  {g['goal']:<{width}}  {g['measured']}  (target {g['target']})")
    print(f"total run time {report['total_s']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
