"""Parsed YAML read back from appealkit.data_cache equals a fresh parse; a bad, unwritable or disabled cache
only costs time; errors and their lines are the parser's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from appealkit import data_cache
from appealkit.errors import AppealInputError
from appealkit.glossary import load_glossary
from appealkit.polarity import parse_lexicon
from appealkit.yamlsafe import load_yaml_file, load_yaml_text, loaders, safe_load

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_FILES = sorted((ROOT / "glossary").glob("*.yaml"))
LEXICON = ROOT / "src" / "appealkit" / "lexicons" / "polarity.yaml"


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("APPEAL_DATA_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{data_cache.SUFFIX}"))


def fresh(path: Path):
    return yaml.load(path.read_text("utf-8"), Loader=loaders().pure_lines)  # noqa: S506 - a SafeLoader


def test_a_hit_equals_a_fresh_parse(folder):
    first = [load_yaml_file(path) for path in GLOSSARY_FILES]
    assert len(entries(folder)) == len(GLOSSARY_FILES)
    again = [load_yaml_file(path) for path in GLOSSARY_FILES]
    assert again == first == [fresh(path) for path in GLOSSARY_FILES]
    text = LEXICON.read_text("utf-8")
    assert load_yaml_text(text) == load_yaml_text(text) == yaml.safe_load(text)
    assert load_glossary(ROOT / "glossary").entries == load_glossary(ROOT / "glossary").entries


def test_the_entry_is_what_is_read(folder, monkeypatch):
    """A hit does not parse: the stored data is returned (proved by a parser that would fail)."""
    text = LEXICON.read_text("utf-8")
    expected = load_yaml_text(text)

    def refuse(*_args, **_kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(yaml, "load", refuse)
    assert load_yaml_text(text) == expected
    with pytest.raises(AssertionError):  # another kind of parse of the same text has its own entry
        data_cache.cached_parse(text, "another", safe_load)


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_a_miss(folder, damage):
    path = GLOSSARY_FILES[0]
    load_yaml_file(path)
    (entry,) = entries(folder)
    raw = entry.read_bytes()
    damaged = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw[:-10] + bytes([raw[-10] ^ 0xFF]) + raw[-9:],
        "empty": b"",
        "garbage": b"\x00" * 40,
    }[damage]
    entry.write_bytes(damaged)
    assert load_yaml_file(path) == fresh(path)
    assert entry.read_bytes() == raw  # rewritten whole


def test_an_unwritable_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("APPEAL_DATA_CACHE", str(blocker / "cache"))
    assert load_yaml_file(GLOSSARY_FILES[0]) == fresh(GLOSSARY_FILES[0])


@pytest.mark.parametrize("value", ["off", "0", ""])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, value):
    monkeypatch.setenv("APPEAL_DATA_CACHE", value)
    monkeypatch.chdir(tmp_path)
    assert data_cache.cache_dir() is None
    assert load_yaml_file(GLOSSARY_FILES[0]) == fresh(GLOSSARY_FILES[0])
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("APPEAL_DATA_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert data_cache.cache_dir() == tmp_path / "appealkit" / "data"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_cache.cache_dir() == tmp_path / ".cache" / "appealkit" / "data"
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home folder to be found
    assert data_cache.cache_dir() is None


def test_errors_keep_their_file_and_line_and_nothing_is_stored(folder, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries:\n" + "  - id: x\n    en: y\n" * 400 + "  - id: [unclosed\n  - id: z\n", "utf-8")
    with pytest.raises(yaml.YAMLError) as pure:
        fresh(broken)
    for _ in range(2):
        with pytest.raises(AppealInputError) as error:
            load_yaml_file(broken)
        assert (error.value.path, error.value.line) == (str(broken), pure.value.problem_mark.line + 1)
    assert entries(folder) == []


def test_small_texts_and_data_marshal_cannot_hold_are_not_stored(folder, tmp_path):
    small = tmp_path / "small.yaml"
    small.write_text("a: 1\n", "utf-8")
    assert load_yaml_file(small) == {"a": 1, "__lines__": {"": 1, "a": 1}}
    dated = "\n".join(f"k{i}: 2024-01-{i % 28 + 1:02d}" for i in range(400))
    assert load_yaml_text(dated) == yaml.safe_load(dated)
    assert entries(folder) == []


def test_old_entries_are_pruned(folder, monkeypatch):
    monkeypatch.setattr(data_cache, "MAX_ENTRIES", 3)
    texts = [f"# {i}\n" + "x: " + "y" * data_cache.MIN_CHARS for i in range(5)]
    for n, text in enumerate(texts):
        load_yaml_text(text)
        newest = max(entries(folder), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, ns=(n * 10**9, n * 10**9))  # distinct ages, whatever the clock's resolution
    assert len(entries(folder)) == 3
    kept = {path.name for path in entries(folder)}
    assert {data_cache.entry_path(folder, "yaml", t, safe_load).name for t in texts[2:]} == kept


def test_an_edited_parser_module_does_not_read_older_entries(folder, tmp_path):
    module = tmp_path / "parser.py"
    module.write_text("def parse(text):\n    return text.upper()\n", "utf-8")
    namespace: dict = {}
    exec(compile(module.read_text("utf-8"), str(module), "exec"), namespace)
    text = "x" * data_cache.MIN_CHARS
    before = data_cache.entry_path(folder, "kind", text, namespace["parse"])
    assert data_cache.cached_parse(text, "kind", namespace["parse"]) == text.upper()
    assert before.exists()
    os.utime(module, ns=(1, 1))
    data_cache._parser_identity.cache_clear()
    assert data_cache.entry_path(folder, "kind", text, namespace["parse"]) != before


def test_the_lexicon_reads_the_same_from_the_cache(folder):
    text = LEXICON.read_text("utf-8")
    cold, warm = parse_lexicon(load_yaml_text(text)), parse_lexicon(load_yaml_text(text))
    for lang in ("en", "zh", "ko"):
        assert {k: p.pattern for k, p in cold.cues[lang].items()} == {k: p.pattern for k, p in warm.cues[lang].items()}


def test_concurrent_runs_share_the_folder(folder):
    """Processes that fill the same empty folder at once each read a whole, sound entry or parse."""
    code = (
        "import json, sys; from pathlib import Path; from appealkit.yamlsafe import load_yaml_file; "
        "print(json.dumps([load_yaml_file(Path(p)) for p in sys.argv[1:] * 3], sort_keys=True))"
    )
    files = [str(path) for path in GLOSSARY_FILES]
    runs = [subprocess.Popen([sys.executable, "-c", code, *files], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(set(outputs)) == 1
    assert len(entries(folder)) == len(GLOSSARY_FILES)
    assert [load_yaml_file(path) for path in GLOSSARY_FILES] == [fresh(path) for path in GLOSSARY_FILES]
    assert not list(folder.glob("*.part"))  # no temporary file left behind


def test_a_glossary_found_clean_is_not_linted_again(folder, tmp_path, monkeypatch):
    """The clean verdict is kept per glossary text; an edited file is linted again."""
    from appealkit import glossary_lint

    glossary = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", glossary)
    first = load_glossary(glossary)

    def refuse(*_args, **_kwargs):
        raise AssertionError("linted again")

    monkeypatch.setattr(glossary_lint, "lint_documents", refuse)
    assert load_glossary(glossary).entries == first.entries
    edited = sorted(glossary.glob("*.yaml"))[0]
    edited.write_text(edited.read_text("utf-8") + "\n# edited\n", "utf-8")
    with pytest.raises(AssertionError, match="linted again"):
        load_glossary(glossary)


def test_a_broken_glossary_fails_on_every_load(folder, tmp_path):
    """Only a clean verdict is kept: a glossary with an error is linted, and refused, every time."""
    glossary = tmp_path / "broken.yaml"
    entry = "  - id: refugee\n    kind: term\n    en: refugee\n    zh: {preferred: 难民}\n    ko: {preferred: 난민}\n"
    glossary.write_text("entries:\n" + entry + entry, "utf-8")
    for _ in range(2):
        with pytest.raises(AppealInputError, match="duplicate id 'refugee'"):
            load_glossary(glossary)
