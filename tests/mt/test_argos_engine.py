"""The real Argos/CTranslate2 path through the `appeal` command, on a tiny package the test builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("ctranslate2")

from support.tiny_argos import argos_env, build_tiny_argos_package  # noqa: E402

from appealkit.letters import load_letter  # noqa: E402

pytestmark = pytest.mark.mt
ROOT = Path(__file__).resolve().parents[2]
SLUG = "aprrn-2017-ten-refugees-shenyang"


@pytest.fixture(scope="module")
def argos_home(tmp_path_factory):
    base = tmp_path_factory.mktemp("argoshome")
    env = {**os.environ, **argos_env(base)}
    env.pop("SNAP", None)
    packages = {lang: build_tiny_argos_package(base / "build", "en", lang, seed=ord(lang[0])) for lang in ("zh", "ko")}
    return env, packages


def appeal(env, *args, cwd=None):
    return subprocess.run([sys.executable, "-m", "appealkit", *map(str, args)], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_install_list_translate_and_remove(argos_home, tmp_path):
    env, packages = argos_home
    missing = appeal(env, "translate", ROOT / "letters" / SLUG / "en.md", "--to", "zh", "--out", tmp_path / "out",
                     "--memory", tmp_path / "tm.sqlite")
    assert missing.returncode == 2 and "appeal models install" in missing.stderr and "Traceback" not in missing.stderr

    for path in packages.values():
        result = appeal(env, "models", "install", "--file", path)
        assert result.returncode == 0, result.stderr
    listed = appeal(env, "models", "list")
    assert "translate-en_zh" in listed.stdout and "translate-en_ko" in listed.stdout

    result = appeal(env, "translate", ROOT / "letters" / SLUG / "en.md", "--to", "zh,ko", "--engine", "argos",
                    "--out", tmp_path / "out", "--memory", tmp_path / "tm.sqlite", "--max-length", "12",
                    "--beam-size", "2", "--n-best", "2")
    assert result.returncode in (0, 1), result.stderr  # random weights: the check may report errors
    assert "Traceback" not in result.stderr
    for lang in ("zh", "ko"):
        written = load_letter(tmp_path / "out" / SLUG / f"{lang}.md")
        assert written.meta["engine"] == "argos" and written.meta["model"] == f"translate-en_{lang}"
        assert written.meta["status"] == "draft"
        assert len(written.paragraphs) == len(load_letter(ROOT / "letters" / SLUG / "en.md").paragraphs)
        # protected facts are restored even though the prose is gibberish
        assert "2017年11月4日" in written.body or "2017년 11월 4일" in written.body

    removed = appeal(env, "models", "remove", "en-ko")
    assert removed.returncode == 0 and "translate-en_ko" in removed.stdout
    assert "translate-en_ko" not in appeal(env, "models", "list").stdout


@pytest.mark.parametrize("member", ["../evil.txt", "/abs/evil.txt", "pkg/../../evil.txt"])
def test_zip_slip_archives_are_rejected(argos_home, tmp_path, member):
    env, _ = argos_home
    archive = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("pkg/metadata.json", "{}")
        zf.writestr(member, "owned")
    result = appeal(env, "models", "install", "--file", archive)
    assert result.returncode == 2 and "escapes" in result.stderr
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_zip_is_rejected(argos_home, tmp_path):
    env, _ = argos_home
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("not a zip")
    result = appeal(env, "models", "install", "--file", bogus)
    assert result.returncode == 2 and "zip" in result.stderr and "Traceback" not in result.stderr


def test_engine_decodes_in_batches_with_nbest(argos_home, tmp_path, monkeypatch):
    """Library-level: one Translator per process, n-best hypotheses for every segment."""
    env, packages = argos_home
    for key, value in argos_env(Path(env["XDG_DATA_HOME"]).parent).items():
        monkeypatch.setenv(key, value)
    from appealkit.engines.argos import ArgosEngine

    engine = ArgosEngine(beam_size=2, max_length=8)
    outputs = engine.translate_batch(["We write to you.", "Stop the repatriation of [[1]] refugees.", "Thank you."], "zh", n_best=2)
    assert len(outputs) == 3 and all(len(h) == 2 for h in outputs)
    first = engine.load("zh").translator
    engine.translate_batch(["Again."], "zh")
    assert engine.load("zh").translator is first


def test_translation_never_imports_argostranslate_or_torch(argos_home, tmp_path):
    """The lean [mt] extra is enough: installing and decoding need only ctranslate2 and sentencepiece."""
    env, packages = argos_home
    env = {**env, "ARGOS_PACKAGES_DIR": str(tmp_path / "packages")}
    probe = ("import sys; from appealkit import models; from appealkit.engines.argos import ArgosEngine; "
             f"models.install_file({str(packages['ko'])!r}); "
             "print(ArgosEngine(beam_size=1, max_length=8).translate_batch(['Hello.'], 'ko')[0][0] != ''); "
             "print(sorted(m for m in ('argostranslate', 'torch', 'stanza', 'spacy', 'minisbd') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["True", "[]"]


def _index(env, entries) -> None:
    index_dir = Path(env["ARGOS_PACKAGE_INDEX"].removeprefix("file://"))
    index_dir.mkdir(parents=True, exist_ok=True)
    (index_dir / "index.json").write_text(json.dumps(entries), encoding="utf-8")


def test_install_from_the_package_index(argos_home, tmp_path):
    """The index → download → validate → install path, with the index and the package on file:// URLs."""
    env, packages = argos_home
    env = {**env, "ARGOS_PACKAGES_DIR": str(tmp_path / "packages")}
    older = {"type": "translate", "from_code": "en", "to_code": "zh", "package_version": "0.9", "links": ["file:///nowhere"]}
    newest = {"type": "translate", "from_code": "en", "to_code": "zh", "package_version": "1.10",
              "links": ["file:///nowhere/either.argosmodel", packages["zh"].as_uri()]}
    _index(env, [older, newest, {"type": "sbd", "from_code": "en", "to_code": "en", "links": []}])
    result = appeal(env, "models", "install", "en-zh")
    assert result.returncode == 0, result.stderr
    assert "installed translate-en_zh" in result.stdout
    assert "translate-en_zh" in appeal(env, "models", "list").stdout
    assert not list(Path(env["XDG_DATA_HOME"]).rglob("*.argosmodel"))  # the download is removed after install
    assert "no model for en→fr" in appeal(env, "models", "install", "en-fr").stderr


def test_unreachable_index_is_one_line_and_fast(argos_home):
    env = {**argos_home[0], "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    result = appeal(env, "models", "install", "en-ko")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cannot fetch the Argos package index" in result.stderr
    assert "--file" in result.stderr and "Traceback" not in result.stderr
