"""The translation pipeline end to end with scripted engines: memory, human edits, backups, atomic writes."""

import subprocess
import sys
from pathlib import Path

import pytest

from appealkit.errors import AppealInputError
from appealkit.letters import load_letter
from appealkit.memory import TranslationMemory
from appealkit.translation import translate_letter

from fake_engines import ScriptedEngine, run_zh

ROOT = Path(__file__).resolve().parents[2]


def test_first_run_writes_draft_with_provenance(work, glossary, tmp_path):
    engine = ScriptedEngine()
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        outcome = run_zh(work, glossary, memory, engine)
    target = load_letter(outcome.target)
    assert outcome.target == work.with_name("zh.md")
    assert target.meta["source_sha256"] == load_letter(work).body_sha256
    assert target.meta["status"] == "draft" and target.meta["engine"] == "scripted"
    assert target.meta["glossary_version"] == glossary.version
    assert len(target.paragraphs) == len(load_letter(work).paragraphs)
    assert engine.calls == 1  # one batched call for the whole letter
    assert any(s.terms for s in outcome.segments)


def test_rerun_unchanged_uses_memory_only_and_never_loads_the_engine(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        run_zh(work, glossary, memory, ScriptedEngine())

        def no_engine():
            raise AssertionError("engine must not be loaded")

        outcome = translate_letter(work, "zh", no_engine, glossary, memory)
    assert not outcome.engine_loaded and outcome.count("memory") == len(outcome.segments)


def test_human_edits_survive_and_only_changed_english_is_retranslated(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        first = run_zh(work, glossary, memory, ScriptedEngine())
        target = first.target
        text = target.read_text(encoding="utf-8")
        edited_para = load_letter(target).paragraphs[5].text
        target.write_text(text.replace(edited_para, "译者修改过的段落。"), encoding="utf-8")
        english = work.read_text(encoding="utf-8")
        changed = load_letter(work).paragraphs[7].text
        work.write_text(english.replace(changed, changed + " We thank you."), encoding="utf-8")
        engine = ScriptedEngine()
        second = run_zh(work, glossary, memory, engine)
    result = load_letter(second.target)
    assert result.paragraphs[5].text == "译者修改过的段落。"
    assert second.count("edited") == 1 and second.count("machine") == 1
    assert "Wé thåñk ýõû" in result.paragraphs[7].text  # the new sentence went through the engine


def test_hand_made_translation_is_not_overwritten_without_force(work, glossary, tmp_path):
    target = work.with_name("zh.md")
    target.write_text("---\nlang: zh\nstatus: approved\n---\n人工翻译。\n", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(AppealInputError, match="refusing to overwrite"):
            run_zh(work, glossary, memory, ScriptedEngine())
        assert "人工翻译" in target.read_text(encoding="utf-8")
        outcome = run_zh(work, glossary, memory, ScriptedEngine(), force=True)
    assert outcome.backup and "人工翻译" in outcome.backup.read_text(encoding="utf-8")


def test_draft_source_is_refused(work, glossary, tmp_path):
    work.write_text(work.read_text(encoding="utf-8").replace("status: approved", "status: draft"), encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory, pytest.raises(AppealInputError, match="approved"):
        run_zh(work, glossary, memory, ScriptedEngine())


WRITER = """
import sys
from appealkit.memory import TranslationMemory
with TranslationMemory(sys.argv[1]) as tm:
    for i in range(200):
        tm.store_machine(f"segment {sys.argv[2]} {i}", "zh", f"译文 {i}", "pseudo")
"""


def test_two_writers_at_once_do_not_corrupt_the_memory(tmp_path):
    db = tmp_path / "tm.sqlite"
    TranslationMemory(db).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag]) for tag in "ab"]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    with TranslationMemory(db) as tm:
        assert len(tm.entries("zh")) == 400


@pytest.mark.parametrize("mangle", ["change_brackets", "translate_inside", "spaces_inside", "reverse_order"])
def test_issue_15_examples_through_scripted_engines(tmp_path, glossary, mangle):
    """The five sentences of issue 15 through engines that mangle placeholders as NMT does: the facts come out
    as Chinese writes them and the checker finds no figure, date or term error."""
    import fake_engines
    from appealkit.checker import check_files

    source = tmp_path / "five" / "en.md"
    source.parent.mkdir()
    source.write_text((ROOT / "tests" / "fixtures" / "five_examples" / "en.md").read_text(encoding="utf-8"),
                      encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        outcome = fake_engines.run_zh(source, glossary, memory, ScriptedEngine(getattr(fake_engines, mangle)))
    body = outcome.target.read_text(encoding="utf-8")
    for form in ("1100万英镑", "22亿欧元", "五分之一的", "20世纪80年代", "36亿美元", "强制遣返"):
        assert form in body
    findings = check_files(source, outcome.target, glossary, "zh").findings
    assert not [f for f in findings if f.severity == "error" and f.category in ("figure", "date", "term")]
