#!/usr/bin/env python3
"""Render the review page of the shipped letters and save docs/report.png.

Uses the browser-test harness (tests/reports/chromium_harness.py): Debian's chromium + chromedriver, headless,
network off, fresh profile. Run from anywhere:  .venv/bin/python scripts/screenshot_report.py [--out PNG]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "reports"))

from chromium_harness import chromium, full_page_screenshot, open_page, unavailable  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--letters", default="letters", help="letters folder, relative to the repository root")
    parser.add_argument("--width", type=int, default=1360)
    parser.add_argument("--height", type=int, default=1700, help="height of the captured top of the page")
    args = parser.parse_args()
    reason = unavailable()
    if reason:
        print(f"screenshot_report: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "appealkit", "report", args.letters, "--html", str(page)],
                       cwd=ROOT, check=True)
        with chromium(width=args.width, height=900) as driver:
            open_page(driver, page)
            full_page_screenshot(driver, args.out, max_height=args.height)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
