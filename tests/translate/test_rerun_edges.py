"""Re-running the pipeline the way translators really work: repeated paragraphs, approved files, review flags,
mixed engines, broken memories and unwritable outputs."""

import sqlite3

import pytest

from appealkit.engines.pseudo import PseudoEngine
from appealkit.errors import AppealInputError
from appealkit.letters import load_letter
from appealkit.memory import TranslationMemory
from appealkit.protection import protect, restore

from fake_engines import ScriptedEngine, drop_first, run_zh

MACHINE_THANKS = "〔zh〕 Thåñk ýõû fõr ýõûr åttéñtîõñ."


def _replace_nth(text: str, old: str, new: str, n: int) -> str:
    at = -1
    for _ in range(n + 1):
        at = text.index(old, at + 1)
    return text[:at] + new + text[at + len(old):]


def test_an_edit_of_one_of_two_identical_paragraphs_is_kept(work, glossary, tmp_path):
    english = work.read_text(encoding="utf-8").rstrip("\n")
    work.write_text(english + "\n\nThank you for your attention.\n\nSincerely,\n\nThank you for your attention.\n",
                    encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        target = run_zh(work, glossary, memory, ScriptedEngine()).target
        text = target.read_text(encoding="utf-8")
        target.write_text(_replace_nth(text, MACHINE_THANKS, "首先，感谢您的关注。", 0), encoding="utf-8")
        run_zh(work, glossary, memory, ScriptedEngine())
    paragraphs = [p.text for p in load_letter(target).paragraphs]
    assert paragraphs[-3] == "首先，感谢您的关注。"  # the edit was not replaced by the other copy's MT
    assert paragraphs[-1] == MACHINE_THANKS


def test_approved_status_and_translator_keys_survive_a_rerun(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        target = run_zh(work, glossary, memory, ScriptedEngine()).target
        text = target.read_text(encoding="utf-8").replace("status: draft", "status: approved\ntranslator: Kim")
        target.write_text(text, encoding="utf-8")
        again = run_zh(work, glossary, memory, ScriptedEngine())
        meta = load_letter(target).meta
        assert meta["status"] == "approved" and meta["translator"] == "Kim" and again.backup is None

        english = work.read_text(encoding="utf-8")
        changed = load_letter(work).paragraphs[7].text
        work.write_text(english.replace(changed, changed + " We thank you."), encoding="utf-8")
        third = run_zh(work, glossary, memory, ScriptedEngine())
    meta = load_letter(target).meta
    assert meta["status"] == "draft" and meta["translator"] == "Kim"  # new MT: to be reviewed again
    assert third.backup and "status: approved" in third.backup.read_text(encoding="utf-8")


def test_review_flags_and_terms_survive_a_rerun_and_a_fresh_output(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        first = run_zh(work, glossary, memory, ScriptedEngine(drop_first))
        assert first.review
        again = run_zh(work, glossary, memory, ScriptedEngine())
        elsewhere = run_zh(work, glossary, memory, ScriptedEngine(), out_dir=tmp_path / "out")
    for outcome in (again, elsewhere):
        assert outcome.review == first.review
        assert [s.terms for s in outcome.segments] == [s.terms for s in first.segments]
    recorded = load_letter(first.target).meta["segments"]
    assert [i for i, r in enumerate(recorded) if r.get("review")] == first.review


def test_terms_are_listed_once_per_paragraph(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        outcome = run_zh(work, glossary, memory, ScriptedEngine())
    for segment in outcome.segments:
        assert len(segment.terms) == len(set(segment.terms))


def test_pseudo_output_in_the_memory_is_never_reused_by_a_real_engine(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        run_zh(work, glossary, memory, PseudoEngine(), engine_name="pseudo")
        real = ScriptedEngine()
        outcome = run_zh(work, glossary, memory, real, engine_name="scripted", out_dir=tmp_path / "out")
        assert real.calls == 1 and outcome.count("machine") == len(outcome.segments)
        assert load_letter(outcome.target).meta["engine"] == "scripted"

        # Over the pseudo file: its paragraphs are not a translator's edits, the real output is reused.
        in_place = run_zh(work, glossary, memory, ScriptedEngine(), engine_name="scripted")
    assert in_place.count("edited") == 0 and in_place.count("memory") == len(in_place.segments)
    meta = load_letter(in_place.target).meta
    assert meta["status"] == "draft" and meta["engine"] == "scripted"


def test_provenance_is_recorded_when_everything_comes_from_memory(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        run_zh(work, glossary, memory, PseudoEngine(), engine_name="pseudo")
        outcome = run_zh(work, glossary, memory, PseudoEngine(), engine_name="pseudo", out_dir=tmp_path / "out")
    meta = load_letter(outcome.target).meta
    assert meta["engine"] == "pseudo" and meta["model"] and meta["status"] == "pseudo"


def test_a_letter_without_paragraphs_is_refused(tmp_path, glossary):
    source = tmp_path / "empty" / "en.md"
    source.parent.mkdir()
    source.write_text("---\nstatus: approved\n---\n\n", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory, pytest.raises(AppealInputError, match="no paragraphs"):
        run_zh(source, glossary, memory, ScriptedEngine())
    assert not source.with_name("zh.md").exists()


def test_an_output_that_cannot_be_written_is_an_input_error(work, glossary, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with TranslationMemory(tmp_path / "tm.sqlite") as memory, pytest.raises(AppealInputError, match="cannot write"):
        run_zh(work, glossary, memory, ScriptedEngine(), out_dir=blocker)


def test_a_corrupt_memory_is_an_input_error_naming_the_file(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(AppealInputError, match="translation memory") as caught:
        TranslationMemory(path)
    assert caught.value.path == str(path)


class _InterruptedCommit:
    """A connection whose COMMIT goes through and is then interrupted, as Ctrl-C can do."""

    def __init__(self, db):
        self.db = db

    def __getattr__(self, name):
        return getattr(self.db, name)

    def execute(self, sql, *args):
        result = self.db.execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return result


def test_an_interrupt_during_a_memory_write_stays_an_interrupt(tmp_path):
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory._db = _InterruptedCommit(memory._db)
    with pytest.raises(KeyboardInterrupt):
        memory.store_machine("Hello.", "zh", "你好。", "pseudo")
    memory.close()
    with sqlite3.connect(tmp_path / "tm.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_unknown_and_spelled_out_placeholders(glossary):
    sentence = ("In 2017, 10 refugees, 8 children, 3 women, 2 men, 4 elderly, 5 others, 6 more, 7 babies, 9 teens, "
                "11 adults, 12 cases, 13 appeals, 14 letters, 15 days, 16 weeks, 17 months, 18 years, 19 hours, "
                "20 minutes and 21 seconds were reported.")
    segment = protect(sentence, glossary, "zh")
    assert len(segment.items) >= 21
    spelled = segment.text.replace("[[20]]", "［［二十］］").replace("[[21]]", "［［二十一］］")
    result = restore(segment, [spelled], "zh")
    assert not result.missing and "二十" not in result.text

    hallucinated = restore(segment, [segment.text + " [[99]]"], "zh")
    assert hallucinated.needs_review  # a placeholder that matches no fact is shown to a reviewer


def test_moved_paragraphs_are_not_taken_for_edits_of_the_wrong_english(work, glossary, tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        target = run_zh(work, glossary, memory, ScriptedEngine()).target
        first, second = (p.text for p in load_letter(target).paragraphs[6:8])
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace(first, "@@").replace(second, first).replace("@@", second), encoding="utf-8")
        with pytest.raises(AppealInputError, match="moved"):
            run_zh(work, glossary, memory, ScriptedEngine())
        assert memory.get(load_letter(work).paragraphs[6].text, "zh").human is None  # the memory stays clean
