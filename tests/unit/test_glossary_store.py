"""A loaded glossary read back from appealkit.glossary_store matches exactly as a fresh load; an edited file, a
damaged entry or an entry naming anything but a glossary's classes is a miss."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from appealkit import data_cache, glossary_lint, glossary_store
from appealkit.errors import AppealInputError
from appealkit.glossary import glossary_digest, glossary_files, load_glossary

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = [
    "China must respect the principle of non-refoulement under Article 33 of the 1951 Refugee Convention.",
    "The Committee against Torture said that 2,000 North Korean refugees face forced repatriation.",
    "We, Human Rights Watch and Amnesty International, urge President Xi Jinping to act.",
]
TARGET = {
    "zh": ["中国必须遵守1951年《关于难民地位的公约》第33条规定的不驱回原则。", "禁止酷刑委员会表示，2000名朝鲜难民面临强制遣返。"],
    "ko": ["중국은 1951년 난민협약 제33조의 강제송환금지 원칙을 준수해야 합니다.", "고문방지위원회는 탈북 난민 2,000명이 강제송환 위기에 있다고 밝혔다."],
}


@pytest.fixture()
def glossary(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("APPEAL_DATA_CACHE", str(tmp_path / "cache"))
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path / "glossary"


def matches(loaded) -> list:
    found = [[(m.entry.id, m.start, m.end, m.quality) for m in loaded.find_in_english(text)] for text in ENGLISH]
    for lang, texts in TARGET.items():
        found += [[(m.entry.id, m.start, m.end, m.quality) for m in loaded.find_in_target(t, lang)] for t in texts]
    return found


def refuse(*_args, **_kwargs):
    raise AssertionError("read again")


def test_a_stored_glossary_matches_as_a_fresh_load(glossary, monkeypatch):
    fresh = load_glossary(glossary)
    expected = matches(fresh)
    monkeypatch.setattr(glossary_lint, "read_documents", refuse)
    stored = load_glossary(glossary)
    assert stored is not fresh and stored.entries == fresh.entries
    assert (stored.files, stored.digest) == (fresh.files, fresh.digest)
    assert matches(stored) == expected and all(expected)
    assert {"_joined_memo", "_bindings", "_english_automaton"}.isdisjoint(
        pickle.loads(pickle.dumps(stored)).__dict__
    )


def test_an_edited_file_is_read_again(glossary, monkeypatch):
    load_glossary(glossary)
    terms = glossary / "terms.yaml"
    terms.write_text(terms.read_text("utf-8").replace("preferred: 难民", "preferred: 难民们", 1), "utf-8")
    edited = load_glossary(glossary)
    assert edited.by_id["refugee"].targets["zh"].preferred == "难民们"
    monkeypatch.setattr(glossary_lint, "read_documents", refuse)
    assert load_glossary(glossary).by_id["refugee"].targets["zh"].preferred == "难民们"


def entry_file(glossary: Path) -> Path:
    files = glossary_files(glossary)
    text, sources = glossary_store._address(files, glossary_digest(files))
    return data_cache._entry_path(data_cache.cache_dir(), glossary_store.KIND, text, sources)


class Payload:
    def __reduce__(self):
        return (os.system, ("echo unpickled",))


@pytest.mark.parametrize("payload", [pickle.dumps(Payload()), b"\x80\x05garbage", pickle.dumps({"not": "a glossary"})])
def test_an_entry_that_is_not_a_clean_glossary_is_a_miss(glossary, payload, capfd):
    expected = load_glossary(glossary).entries
    path = entry_file(glossary)
    assert path.exists()
    data_cache._write(path, payload)  # a well-formed entry (digest included) holding something else
    assert glossary_store.recall(glossary_files(glossary), glossary_digest(glossary_files(glossary))) is None
    assert load_glossary(glossary).entries == expected
    assert "unpickled" not in capfd.readouterr().out


def test_a_glossary_with_errors_is_never_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("APPEAL_DATA_CACHE", str(tmp_path / "cache"))
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries:\n  - id: refugee\n    kind: nonsense\n    en: refugee\n", "utf-8")
    with pytest.raises(AppealInputError, match="invalid glossary"):
        load_glossary(broken)
    assert entry_file(broken).exists() is False


def test_a_glossary_that_cannot_be_pickled_is_loaded_all_the_same(glossary, monkeypatch):
    def cannot(*_args, **_kwargs):
        raise pickle.PicklingError("not today")

    monkeypatch.setattr(glossary_store.pickle, "dumps", cannot)
    assert load_glossary(glossary).by_id["refugee"].targets["zh"].preferred == "难民"
    assert not entry_file(glossary).exists()
