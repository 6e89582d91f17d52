"""The result cache: keys that change with every input, entries that read back equal, atomic writes."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.alignment import Bead
from appealkit.findings import Finding
from appealkit.result_cache import Checked, ResultCache, code_fingerprint, installed_version

SRC, TGT = Path("letters/a/en.md"), Path("letters/a/zh.md")


def _finding(**changes) -> Finding:
    base = dict(rule="figure-missing", category="figure", severity="error", message="2,000 → 200",
                source_text="2,000", expected=("2,000", "两千"), file=str(TGT), line=7, source_file=str(SRC),
                source_line=9, lang="zh", found="200", source_paragraph=2, target_paragraph=None,
                source_span=(4, 9), target_span=None)
    return Finding(**{**base, **changes})


def test_key_depends_on_every_input(tmp_path):
    cache = ResultCache(tmp_path, "g1")
    base = cache.key(SRC, TGT, "zh", "English", "中文")
    others = {
        cache.key(Path("letters/b/en.md"), TGT, "zh", "English", "中文"),
        cache.key(SRC, Path("letters/a/ko.md"), "zh", "English", "中文"),
        cache.key(SRC, TGT, None, "English", "中文"),
        cache.key(SRC, TGT, "zh", "English.", "中文"),
        cache.key(SRC, TGT, "zh", "English", "中文。"),
        cache.key(SRC, TGT, "zh", "Englis", "h中文"),  # same concatenation, different texts
        ResultCache(tmp_path, "g2").key(SRC, TGT, "zh", "English", "中文"),
        ResultCache(tmp_path, "g1", settings={"select": ["figure"]}).key(SRC, TGT, "zh", "English", "中文"),
    }
    assert base not in others and len(others) == 8
    assert ResultCache(tmp_path / "elsewhere", "g1").key(SRC, TGT, "zh", "English", "中文") == base


def test_installed_version_is_the_package_version():
    import appealkit

    assert installed_version() == appealkit.__version__


def test_code_fingerprint_follows_the_modules(tmp_path, monkeypatch):
    import appealkit

    package = tmp_path / "appealkit"
    package.mkdir()
    (package / "__init__.py").write_text("", "utf-8")
    (package / "rules.py").write_text("A = 1\n", "utf-8")
    monkeypatch.setattr(appealkit, "__file__", str(package / "__init__.py"))
    (package / "lexicons").mkdir()
    (package / "lexicons" / "words.yaml").write_text("not: [x]\n", "utf-8")
    (package / "__pycache__").mkdir()
    before = code_fingerprint()
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"bytecode")
    assert code_fingerprint() == before, "bytecode written by the interpreter is not a change"
    (package / "rules.py").write_text("A = 22\n", "utf-8")
    after_module = code_fingerprint()
    assert after_module != before
    (package / "lexicons" / "words.yaml").write_text("not: [x, y]\n", "utf-8")
    assert code_fingerprint() != after_module, "a data file the checker reads is part of the code"


_text = st.text(max_size=20)
_span = st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500))


@settings(max_examples=60, deadline=None)
@given(message=_text, expected=st.tuples(_text) | st.tuples(_text, _text), found=st.none() | _text,
       source_span=_span, target_span=_span, target_paragraph=st.none() | st.integers(0, 50),
       beads=st.lists(st.tuples(st.lists(st.integers(0, 40), max_size=3), st.lists(st.integers(0, 40), max_size=3)),
                      max_size=5))
def test_entries_read_back_equal(tmp_path_factory, message, expected, found, source_span, target_span,
                                 target_paragraph, beads):
    cache = ResultCache(tmp_path_factory.mktemp("cache"), "g")
    finding = _finding(message=message, expected=expected, found=found, source_span=source_span,
                       target_span=target_span, target_paragraph=target_paragraph)
    bead_list = [Bead(tuple(s), tuple(t)) for s, t in beads]
    checked = Checked("zh", [finding], bead_list, bead_list[:1])
    cache.put("ab" * 32, checked)
    again = cache.get("ab" * 32)
    assert again == checked
    assert [type(f.expected) for f in again.findings] == [tuple]
    assert again.findings[0].to_dict() == finding.to_dict()


def test_missing_torn_or_foreign_entries_are_misses(tmp_path):
    cache = ResultCache(tmp_path, "g")
    key = "cd" * 32
    assert cache.get(key) is None
    cache.put(key, Checked("ko", [_finding()], [Bead((0,), (0,))], []))
    path = next(tmp_path.rglob("*.json"))
    assert path.parent.name == "cd" and cache.get(key) is not None
    path.write_bytes(path.read_bytes()[:-10])
    assert cache.get(key) is None
    path.write_text(json.dumps({"format": 999}), "utf-8")
    assert cache.get(key) is None
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary files left behind"


def test_an_unwritable_cache_is_only_slower(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", "utf-8")
    cache = ResultCache(blocker, "g")
    cache.put("ef" * 32, Checked("zh", [], [], []))
    assert cache.get("ef" * 32) is None


def _writer(root: str, key: str, rounds: int) -> None:
    cache = ResultCache(root, "g")
    entry = Checked("zh", [_finding()] * 50, [Bead((i,), (i,)) for i in range(50)], [])
    for _ in range(rounds):
        cache.put(key, entry)


def test_concurrent_runs_never_see_a_torn_entry(tmp_path):
    key = "0f" * 32
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_writer, args=(str(tmp_path), key, 200)) for _ in range(3)]
    for process in writers:
        process.start()
    cache = ResultCache(tmp_path, "g")
    while any(p.is_alive() for p in writers):
        if (tmp_path / key[:2] / f"{key[2:]}.json").exists():
            entry = cache.get(key)
            assert entry is not None and len(entry.findings) == 50
    for process in writers:
        process.join()
        assert process.exitcode == 0
    assert cache.get(key) is not None
    assert list((tmp_path / key[:2]).iterdir()) == [tmp_path / key[:2] / f"{key[2:]}.json"]
