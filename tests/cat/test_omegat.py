"""A real CAT tool: OmegaT (Debian's package) translates appealkit's exported XLIFF headless from appealkit's TMX,
with appealkit's TBX in its glossary folder; `appeal import` reads OmegaT's output back and the gate finds the
error seeded in the memory.

OmegaT 3's XLIFF filter translates each <target> in place, so the letter is exported with ``--prefill source``
and the translations come from the memory: the TMX goes into ``tm/auto/``, whose exact matches OmegaT inserts.
OmegaT 3.6 reads only TBX 2008 and its console mode loads no glossary: the TBX 2008 export goes into
``glossary/`` and OmegaT's own TBX reader (through Groovy, which Debian's omegat package depends on) must read
appealkit's glossary from it in the loaded project.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from appealkit.cat_export import current_translations
from appealkit.letters import load_letter
from cat_schemas import assert_valid_tmx, assert_valid_xliff
from cat_support import GLOSSARY, appeal, copy_letter, xliff_targets

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
SLUG = "hrw-2015-nine-north-koreans"
RIGHT, SEEDED = "90多个国家", "80多个国家"

pytestmark = pytest.mark.skipif(not OMEGAT_JAR.is_file() or not shutil.which("java") or not shutil.which("groovy"),
                                reason="OmegaT not installed (Debian: apt-get install -y omegat; .ci/run does)")


def write_project(root: Path) -> None:
    """omegat.project: en → zh-CN, one segment per paragraph (the TMX is paragraph-level)."""
    for folder in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    settings = {"source_dir": "__DEFAULT__", "target_dir": "__DEFAULT__", "tm_dir": "__DEFAULT__",
                "glossary_dir": "__DEFAULT__", "glossary_file": "__DEFAULT__", "dictionary_dir": "__DEFAULT__",
                "source_lang": "EN-US", "target_lang": "ZH-CN",
                "source_tok": "org.omegat.tokenizer.LuceneEnglishTokenizer",
                "target_tok": "org.omegat.tokenizer.LuceneSmartChineseTokenizer",
                "sentence_seg": "false", "support_default_translations": "true", "remove_tags": "false"}
    omegat = etree.Element("omegat")
    project = etree.SubElement(omegat, "project", version="1.0")
    for key, value in settings.items():
        etree.SubElement(project, key).text = value
    etree.ElementTree(omegat).write(str(root / "omegat.project"), xml_declaration=True, encoding="UTF-8",
                                    standalone=True, pretty_print=True)


def seed_memory_tmx(letter: Path, glossary, path: Path) -> None:
    """A translator's earlier memory of this letter, as another tool would hand it over, with one slip in it."""
    from translate.storage.tmx import tmxfile

    source = load_letter(letter / "en.md")
    store = tmxfile(sourcelanguage="en")
    for paragraph, current in zip(source.paragraphs, current_translations(source, letter / "zh.md", "zh",
                                                                           glossary, None)):
        store.addtranslation(paragraph.text, "en", current.text.replace(RIGHT, SEEDED), "zh-CN")
    path.write_bytes(bytes(store))


def run_omegat(project: Path, home: Path) -> subprocess.CompletedProcess:
    command = ["java", "-Djava.awt.headless=true", "-Duser.language=en", f"-Duser.home={home}",
               "-jar", str(OMEGAT_JAR), str(project), "--mode=console-translate"]
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    # OmegaT 3.6 itself now and then spins in the static initialiser of its log formatter
    # (OmegaTLogFormatter.<clinit>, seen here once in many runs, before it reads the project): a run that
    # takes more than a few minutes is that hang, and is started once more. A hang on the project repeats.
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    except subprocess.TimeoutExpired:
        return subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)


def test_omegat_round_trip(tmp_path, glossary):
    letter = copy_letter(SLUG, tmp_path)
    project = tmp_path / "omegat-project"
    write_project(project)
    seed_memory_tmx(letter, glossary, tmp_path / "seed.tmx")

    def ok(*args):
        proc = appeal(*args, cwd=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc

    ok("memory", "import", tmp_path / "seed.tmx")
    ok("memory", "export", "--format", "tmx", "-o", project / "tm" / "auto" / "appealkit.tmx")
    ok("glossary", "export", "--format", "tbx-2008", "--glossary", GLOSSARY, "-o", project / "glossary" / "appealkit.tbx")
    ok("export", letter, "--to", "zh", "--prefill", "source", "--glossary", GLOSSARY,
       "-o", project / "source" / f"{SLUG}.zh.xlf")
    assert_valid_tmx(project / "tm" / "auto" / "appealkit.tmx")
    assert_valid_xliff(project / "source" / f"{SLUG}.zh.xlf")

    omegat = run_omegat(project, tmp_path / "home")
    log = omegat.stdout + omegat.stderr
    assert omegat.returncode == 0, log[-3000:]
    assert f"Loading: {SLUG}.zh.xlf" in log  # OmegaT loaded the exported file…
    assert "appealkit.tmx (TMXR_INFO_READING_FILE)" in log and "Created by: appealkit" in log  # …and the memory
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    total, remaining = (next(line for line in stats.splitlines() if line.startswith(label)).split()[1]
                        for label in ("Total:", "Remaining:"))
    assert int(total) == 19 and int(remaining) == 0  # every segment matched in the memory

    output = project / "target" / f"{SLUG}.zh.xlf"
    assert_valid_xliff(output)  # OmegaT kept it valid XLIFF 1.2, notes and appealkit data included
    targets = xliff_targets(output)
    english = [p.text for p in load_letter(letter / "en.md").paragraphs]
    assert len(targets) == 19 and all(t and t not in english for t in targets.values())
    assert SEEDED in targets["p7"]

    gate = appeal("import", output, "--glossary", GLOSSARY, "--format", "json", cwd=tmp_path)
    assert gate.returncode == 1, gate.stderr  # the seeded slip fails the gate
    findings = json.loads(gate.stdout)["findings"]
    assert [(f["rule"], f["source_text"]) for f in findings if f["severity"] == "error"] == [("figure-changed", "90")]
    assert SEEDED in load_letter(letter / "zh.md").paragraphs[6].text
    check = appeal("check", letter, "--glossary", GLOSSARY, cwd=tmp_path)
    assert check.returncode == 1 and "figure changed: source 90 ('90'), translation 80" in check.stdout

    terms = omegat_glossary(project, project / "glossary" / "appealkit.tbx", tmp_path / "home")
    assert "non-refoulement => 不驱回原则" in terms and "Xi Jinping => 习近平" in terms
    assert not any(line.endswith("=> 不遣返原则") for line in terms)  # a forbidden form is never offered


def omegat_glossary(project: Path, tbx: Path, home: Path) -> list[str]:
    """OmegaT's own TBX reader over the glossary, in the loaded project: its "English => rendering" lines."""
    java = Path(os.path.realpath(shutil.which("java") or "java"))
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env |= {"JAVA_HOME": str(java.parent.parent), "CLASSPATH": str(OMEGAT_JAR),
            "JAVA_OPTS": f"-Djava.awt.headless=true -Duser.language=en -Duser.home={home}"}
    script = Path(__file__).with_name("omegat_glossary.groovy")
    proc = subprocess.run(["groovy", str(script), str(project), str(tbx)], capture_output=True, text=True,
                          timeout=600, env=env)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    count = next(line for line in proc.stdout.splitlines() if line.startswith("glossary entries: "))
    assert int(count.split(": ")[1]) > 1000
    return proc.stdout.splitlines()
