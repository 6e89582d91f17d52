"""`appeal memory export --format tmx` / `appeal memory import FILE.tmx`: TMX 1.4b valid against the DTD, human
edits and MT drafts told apart by properties, merging without losing edits."""

from __future__ import annotations

from lxml import etree

from appealkit.formats.tmx_memory import export_tmx, import_tmx
from appealkit.memory import TranslationMemory
from cat_schemas import assert_valid_tmx
from cat_support import appeal

EN1, EN2, EN3 = "Nine people were detained.", "They are at risk.", "Release them."


def filled(path):
    memory = TranslationMemory(path)
    memory.store_machine(EN1, "zh", "九人被拘留。", "argos", terms=[], review=True)
    memory.store_human(EN1, "zh", "九人遭到拘留。", "approved")
    memory.store_machine(EN2, "ko", "그들은 위험에 처해 있다.", "argos")
    memory.store_machine(EN3, "zh@pseudo", "[Ŕéļéàšé ţĥéɱ]", "pseudo")
    return memory


def test_export_is_valid_tmx_with_origin_properties(tmp_path):
    with filled(tmp_path / "tm.sqlite") as memory:
        data = export_tmx(memory)
    assert_valid_tmx(data)
    root = etree.fromstring(data)
    assert root.get("version") == "1.4" and root.find("header").get("creationtool") == "appealkit"
    tus = root.findall(".//tu")
    props = [{p.get("type"): p.text for p in tu.findall("prop")} for tu in tus]
    assert sorted(props, key=str) == sorted([  # the order follows the memory's hash order
        {"x-appealkit-origin": "human", "x-appealkit-status": "approved"},
        {"x-appealkit-origin": "machine", "x-appealkit-engine": "argos", "x-appealkit-review": "yes"},
        {"x-appealkit-origin": "machine", "x-appealkit-engine": "argos", "x-appealkit-review": "no"},
    ], key=str)
    human = next(tu for tu in tus if tu.find("prop").text == "human")
    assert [tuv.find("seg").text for tuv in human.findall("tuv")] == [EN1, "九人遭到拘留。"]
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"en", "zh-CN", "ko-KR"}  # pseudo output is not exported
    assert b"\xc5\x94" not in data


def test_round_trip_into_an_empty_memory_keeps_everything(tmp_path):
    with filled(tmp_path / "a.sqlite") as memory:
        (tmp_path / "tm.tmx").write_bytes(export_tmx(memory))
        before = {(e.source, e.lang, e.human, e.human_status, e.machine, e.engine, e.review)
                  for e in memory.entries() if "@" not in e.lang}
    with TranslationMemory(tmp_path / "b.sqlite") as memory:
        report = import_tmx(tmp_path / "tm.tmx", memory)
        after = {(e.source, e.lang, e.human, e.human_status, e.machine, e.engine, e.review) for e in memory.entries()}
    assert after == before
    assert (report.human_added, report.machine_added, report.conflicts) == (1, 2, [])


def _tmx(path, *tus):
    """A TMX another tool wrote: (English, language, text, origin or None)."""
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage="en")
    for english, lang, text, origin in tus:
        store.addtranslation(english, "en", text, lang)
        if origin:
            prop = etree.Element("prop", type="x-appealkit-origin")
            prop.text = origin
            store.units[-1].xmlelement.insert(0, prop)
    path.write_bytes(bytes(store))
    return path


def test_import_never_loses_an_edit(tmp_path):
    tmx = _tmx(tmp_path / "other.tmx",
               (EN1, "zh-CN", "九人被捕。", None),  # a CAT tool's memory: a human translation, conflicting
               (EN1, "zh-CN", "九个人被拘留。", "machine"),  # an MT draft: never replaces anything
               (EN2, "zh-CN", "他们面临危险。", None),  # new
               (EN3, "ko", "그들을 석방하라.", None))  # new, language by prefix
    with filled(tmp_path / "tm.sqlite") as memory:
        report = import_tmx(tmx, memory)
        assert memory.get(EN1, "zh").human == "九人遭到拘留。"
        assert memory.get(EN1, "zh").machine == "九人被拘留。"
        assert memory.get(EN2, "zh").human == "他们面临危险。"
        assert memory.get(EN3, "ko").human == "그들을 석방하라."
    assert report.human_added == 2 and report.unchanged == 1
    assert report.conflicts == [("zh", EN1, "九人遭到拘留。", "九人被捕。")]


def test_cli_round_trip_conflict_exit_and_prefer_file(tmp_path):
    filled(tmp_path / "tm.sqlite").close()
    proc = appeal("memory", "export", "--format", "tmx", "--memory", tmp_path / "tm.sqlite", "-o", tmp_path / "tm.tmx")
    assert proc.returncode == 0, proc.stderr
    assert_valid_tmx(tmp_path / "tm.tmx")
    proc = appeal("memory", "import", tmp_path / "tm.tmx", "--memory", tmp_path / "copy.sqlite")
    assert proc.returncode == 0 and "1 human and 2 machine translation(s) added" in proc.stderr
    other = _tmx(tmp_path / "other.tmx", (EN1, "zh-CN", "九人被捕。", None))
    proc = appeal("memory", "import", other, "--memory", tmp_path / "copy.sqlite")
    assert proc.returncode == 1 and "conflict [zh]" in proc.stderr
    proc = appeal("memory", "import", other, "--memory", tmp_path / "copy.sqlite", "--prefer-file")
    assert proc.returncode == 0 and "1 replaced" in proc.stderr
    with TranslationMemory(tmp_path / "copy.sqlite") as memory:
        assert memory.get(EN1, "zh").human == "九人被捕。"


def test_export_without_a_memory_is_an_input_error(tmp_path):
    proc = appeal("memory", "export", "--memory", tmp_path / "none.sqlite")
    assert proc.returncode == 2 and "no translation memory" in proc.stderr
    assert not (tmp_path / "none.sqlite").exists()
