#!/usr/bin/env python
"""Speed benchmark for ``appeal check``, with translate-toolkit's ``pofilter`` as the yardstick.

(a) ``appeal check letters/`` end to end as a subprocess, start-up included: median of N runs.
(b) The corpus replicated ×100 in a temporary directory (500 letter folders, 1000 en→zh/ko pairs), checked
    in-process with the library (load + check of every pair; the glossary is loaded once): pairs/second.
(c) The same 1000 pairs as PO files (msgid = English paragraph, msgstr = target paragraph, paired 1:1 by
    index, as the reference corpus is 1:1), checked by ``pofilter`` as a subprocess over the directory with
    the checks comparable to appealkit's (numbers, urls, emails, untranslated, unchanged, blank):
    pairs/second and the ratio appealkit/pofilter.
Also: how many findings each tool produces on the clean (approved) corpus, i.e. its noise.

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

from appealkit.checker import check_files  # noqa: E402
from appealkit.glossary import load_glossary  # noqa: E402
from appealkit.letters import discover_pairs, load_letter  # noqa: E402

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


def time_cli(runs: int) -> dict:
    """(a) appeal check letters/ as a subprocess, start-up included."""
    appeal = _tool("appeal")
    walls, cpus, status = [], [], None
    for _ in range(runs):
        wall, cpu, proc = _run_timed([appeal, "check", "letters/"], cwd=ROOT)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"appeal check failed ({proc.returncode}):\n{proc.stderr}")
        walls.append(wall)
        cpus.append(cpu)
        status = proc.returncode
    startup = [_run_timed([appeal, "--help"], cwd=ROOT) for _ in range(runs)]
    bare = [_run_timed([sys.executable, "-c", "pass"]) for _ in range(runs)]
    return {"command": "appeal check letters/", "runs": runs, "median_s": statistics.median(walls),
            "min_s": min(walls), "max_s": max(walls), "cpu_median_s": statistics.median(cpus), "exit_status": status,
            "startup_command": "appeal --help", "startup_median_s": statistics.median(w for w, _, _ in startup),
            "python_startup_median_s": statistics.median(w for w, _, _ in bare)}


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


def time_library(corpus: Path) -> dict:
    """(b) load + check every pair in-process."""
    t = time.perf_counter()
    glossary = load_glossary(ROOT / "glossary")
    glossary_s = time.perf_counter() - t
    pairs = discover_pairs([corpus])
    severities: Counter = Counter()
    rules: Counter = Counter()
    t, cpu = time.perf_counter(), time.process_time()
    for pair in pairs:
        result = check_files(pair.source, pair.target, glossary, pair.lang)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of (a); the median is reported")
    parser.add_argument("--copies", type=int, default=100, help="replicas of letters/ for (b) and (c)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the replicated corpus here and keep it")
    args = parser.parse_args(argv)

    report: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform(), "loadavg_before": os.getloadavg()}}
    started = time.perf_counter()
    report["cli"] = cli = time_cli(args.runs)
    report["phases"] = phase = phases()

    tmp = Path(tempfile.mkdtemp(prefix="appeal-speed-")) if args.keep is None else args.keep
    po = None
    try:
        corpus = tmp / "letters"
        replicate(corpus, args.copies)
        report["library"] = lib = time_library(corpus)
        try:
            import translate  # noqa: F401
        except ImportError:
            report["pofilter"] = None
        else:
            report["po_conversion"] = write_po(corpus, tmp / "po")
            report["pofilter"] = po = time_pofilter(tmp / "po", tmp / "out")
        report["renotation"] = renotation_noise(tmp / "renotation")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    report["total_s"] = time.perf_counter() - started
    report["machine"]["loadavg_after"] = os.getloadavg()
    copies = args.copies

    m = report["machine"]
    print(f"appealkit check speed ({m['cpus']} CPUs, Python {m['python']}; load average before "
          f"{m['loadavg_before'][0]:.2f}, after {m['loadavg_after'][0]:.2f})")
    print()
    print(f"(a) {cli['command']} as a subprocess, median of {cli['runs']}: {cli['median_s']:.3f} s wall "
          f"(min {cli['min_s']:.3f}, max {cli['max_s']:.3f}), {cli['cpu_median_s']:.3f} s CPU; exit status "
          f"{cli['exit_status']}")
    print(f"    start-up alone: '{cli['startup_command']}' {cli['startup_median_s']:.3f} s, "
          f"bare interpreter {cli['python_startup_median_s']:.3f} s")
    if phase:
        parts = ", ".join(f"{k} {v:.1f}" for k, v in phase["ms_per_pair"].items())
        print(f"    in-process, ms per pair on letters/ ({phase['pairs']} pairs × {phase['repeats']}): {parts}; "
              f"glossary load {phase['glossary_load_ms']:.0f} ms once")
    print()
    rows = [("tool", "pairs", "wall s", "pairs/s", "ms/pair", "CPU s", "pairs/CPU-s",
             "findings on the clean corpus, per copy of letters/ (10 pairs)")]
    f = lib["findings"]
    rows.append(("appealkit (library, in-process)", lib["pairs"], f"{lib['seconds']:.2f}", f"{lib['pairs_per_s']:.1f}",
                 f"{lib['ms_per_pair']:.1f}", f"{lib['cpu_seconds']:.2f}", f"{lib['pairs_per_cpu_s']:.1f}",
                 f"error {f.get('error', 0) / copies:g}, warning {f.get('warning', 0) / copies:g}, "
                 f"info {f.get('info', 0) / copies:g}"))
    if po:
        by_test = ", ".join(f"{k} {v / copies:g}" for k, v in po["findings"].items()) or "none"
        rows.append(("pofilter (subprocess, 1 run per language)", po["pairs"], f"{po['seconds']:.2f}",
                     f"{po['pairs_per_s']:.1f}", f"{1000 * po['seconds'] / po['pairs']:.1f}",
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
    print(f"(b) {lib['pairs']} pairs = letters/ ×{copies}, each pair loaded and checked; glossary loaded once in "
          f"{lib['glossary_load_s']:.3f} s (not in the rate)")
    if po:
        report["ratio_appealkit_over_pofilter"] = ratio = lib["pairs_per_s"] / po["pairs_per_s"]
        report["ratio_appealkit_over_pofilter_cpu"] = ratio_cpu = lib["pairs_per_cpu_s"] / po["pairs_per_cpu_s"]
        conv = report["po_conversion"]
        print(f"(c) pofilter -t {' -t '.join(po['tests'])}, start-up included; PO conversion of {conv['files']} files "
              f"/ {conv['units']} units took {conv['seconds']:.2f} s (not in the rate)")
        print(f"    ratio appealkit/pofilter in pairs per second: {ratio:.2f} wall, {ratio_cpu:.2f} CPU "
              f"(pofilter is {1 / ratio:.1f}× faster)")
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
    print(f"total run time {report['total_s']:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
