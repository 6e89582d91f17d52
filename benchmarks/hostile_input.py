"""Hostile input: the recognisers and `appeal check` stay linear on pathological text.

Measures CPU time of find_numbers / find_dates per language on 5 MB of letter prose on one line, 100 KB of
"1,1,1,...", 5 MB of digits, letters and separators, and the wall time of `appeal check` on such target
files (including start-up). Exits 1 when the 100 KB digits-and-commas case takes a second or more
(catastrophic backtracking) or when `appeal check` crashes.

    .venv/bin/python benchmarks/hostile_input.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from appealkit.dates import find_dates
from appealkit.letters import load_letter
from appealkit.numerals import find_numbers

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "letters" / "aprrn-2017-ten-refugees-shenyang"
MB = 1_000_000


def prose(lang: str) -> str:
    body = " ".join(p.text for p in load_letter(LETTER / f"{lang}.md").paragraphs).replace("\n", " ")
    return (body * (5 * MB // len(body) + 1))[: 5 * MB]


def inputs(lang: str) -> dict[str, str]:
    return {
        "5MB prose, one line": prose(lang),
        "100KB 1,1,1,...": "1," * 50_000,
        "5MB digits": "1" * (5 * MB),
        "5MB letters": "a" * (5 * MB),
        "5MB 1,000,000...": "1" + ",000" * (5 * MB // 4),
    }


def cpu_seconds(func, *args) -> float:
    start = time.process_time()
    func(*args)
    return time.process_time() - start


def main() -> int:
    failures = 0
    print(f"{'input':<22} {'lang':<4} {'numbers s':>10} {'dates s':>8}")
    for lang in ("en", "zh", "ko"):
        for name, text in inputs(lang).items():
            numbers, dates = cpu_seconds(find_numbers, text, lang), cpu_seconds(find_dates, text, lang)
            print(f"{name:<22} {lang:<4} {numbers:>10.3f} {dates:>8.3f}")
            if name.startswith("100KB") and max(numbers, dates) >= 1.0:
                failures += 1
    print()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "en.md"
        source.write_text((LETTER / "en.md").read_text(encoding="utf-8"), encoding="utf-8")
        for name, text in {**inputs("zh"), "empty": "", "binary": "\x00\x01"}.items():
            target = Path(tmp) / "zh.txt"
            target.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "appealkit", "check", str(source), str(target), "--lang", "zh"],
                                    capture_output=True, text=True)
            seconds = time.perf_counter() - start
            crashed = "Traceback" in result.stderr or result.returncode not in (0, 1, 2)
            failures += crashed
            print(f"appeal check on {name:<22} exit {result.returncode}  {seconds:6.2f} s{'  CRASH' if crashed else ''}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
