"""Helpers of the CAT-format tests: the real command line and the fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FIXTURES = HERE / "fixtures"
LETTERS = ROOT / "letters"
GLOSSARY = ROOT / "glossary"


def appeal(*args: str | Path, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `appeal` command, as a translator or CI does."""
    env = {k: v for k, v in os.environ.items() if k != "APPEAL_DEBUG"}
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=600)


def copy_letter(slug: str, dest: Path, root: Path = LETTERS) -> Path:
    """A working copy of a shipped letter folder (the tests edit it)."""
    import shutil

    target = dest / slug
    shutil.copytree(root / slug, target)
    return target


def xliff_targets(path: Path) -> dict[str, str]:
    """Unit id → target text of an XLIFF file, as appealkit reads it."""
    from appealkit.formats import read_bilingual

    (found,) = read_bilingual(path)
    return {u.id: u.target for u in found.units}


def set_target(path: Path, unit_id: str, text: str, state: str | None = None) -> None:
    """Edit one unit's target in an XLIFF 1.2 or 2.x file as a CAT tool would (lxml, keeping everything else);
    ``unit_id`` as appealkit reports it (``p7``, or ``p7:s2`` for a segment of a multi-segment 2.x unit)."""
    from lxml import etree

    tree = etree.parse(str(path))
    for target in tree.iter("{*}target"):
        owner = target.getparent()  # <trans-unit> (1.2) or <segment> (2.x)
        if etree.QName(owner).localname == "segment":
            unit = owner.getparent()
            segments = [c for c in unit if etree.QName(c).localname == "segment"]
            ident = unit.get("id") if len(segments) == 1 else f"{unit.get('id')}:{owner.get('id')}"
            state_holder = owner
        else:
            ident, state_holder = owner.get("id"), target
        if ident != unit_id:
            continue
        for child in list(target):
            target.remove(child)
        target.text = text
        if state:
            state_holder.set("state", state)
        tree.write(str(path), xml_declaration=True, encoding="UTF-8")
        return
    raise KeyError(unit_id)
