"""Letters: front matter, paragraphs with line numbers, plain files, hashes, strict reading."""

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from appealkit.errors import AppealInputError
from appealkit.letters import body_sha256, detect_language, language_from_script, load_letter, parse_letter, split_paragraphs


def test_front_matter_and_paragraph_lines():
    letter = parse_letter("---\nlang: zh\nstatus: draft\n---\n第一段。\n\n第二段，\n续行。\n", "x/zh.md")
    assert letter.meta == {"lang": "zh", "status": "draft"}
    assert [(p.text, p.line, p.end_line) for p in letter.paragraphs] == [("第一段。", 5, 5), ("第二段，\n续行。", 7, 8)]
    assert letter.lang == "zh"


def test_plain_text_without_front_matter():
    letter = parse_letter("Dear President,\n\nWe write.\n", "letter.txt")
    assert letter.meta == {} and [p.line for p in letter.paragraphs] == [1, 3]


@pytest.mark.parametrize("name,lang", [("zh.md", "zh"), ("x.ko.txt", "ko"), ("letter_en.md", "en")])
def test_language_from_file_name(name, lang):
    assert detect_language(Path(name), {}, "") == lang


@pytest.mark.parametrize("text,lang", [
    ("我们致信阁下，关于难民问题。" * 3, "zh"), ("저희는 난민 문제에 관해 서한을 드립니다." * 2, "ko"),
    ("十名难民被拘留。", "zh"), ("난민 열 명이 구금되었다.", "ko"), ("Ten refugees were held.", "en"),
    ("十名", None), ("OK", None),
])
def test_language_from_script(text, lang):
    assert detect_language(Path("letter.txt"), {}, text) == lang


def test_malformed_front_matter_names_file_and_line():
    with pytest.raises(AppealInputError) as info:
        parse_letter("---\nlang: zh\nstatus: [draft\n---\nbody\n", "bad.md")
    assert info.value.path == "bad.md" and info.value.line is not None
    assert str(info.value).startswith("bad.md:")


def test_unclosed_front_matter():
    with pytest.raises(AppealInputError, match="never closed"):
        parse_letter("---\nlang: zh\nbody\n", "bad.md")


def test_front_matter_must_be_mapping():
    with pytest.raises(AppealInputError, match="mapping"):
        parse_letter("---\n- a\n- b\n---\nbody\n", "bad.md")


def test_non_utf8_binary_and_missing(tmp_path):
    latin = tmp_path / "latin1.md"
    latin.write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(AppealInputError, match="UTF-8") as info:
        load_letter(latin)
    assert info.value.line == 1
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(AppealInputError, match="binary"):
        load_letter(binary)
    with pytest.raises(AppealInputError, match="no such file"):
        load_letter(tmp_path / "missing.md")


def test_hash_ignores_trailing_space_and_outer_blank_lines():
    assert body_sha256("\nA \n\nB\n\n") == body_sha256("A\n\nB")
    assert body_sha256("A\n\nB") != body_sha256("A\n\nC")


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1), max_size=8))
def test_split_paragraphs_never_loses_text(blocks):
    body = "\n\n".join(blocks)
    paragraphs = split_paragraphs(body)
    kept = "".join("".join(p.text.split()) for p in paragraphs)
    assert kept == "".join(body.split())
    assert all(p.line <= p.end_line for p in paragraphs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9 ,é가힣ᄀᇿ一鿿〇ａ\u3000中국xyz"  # and the edges of the UTF-16 count:
                                          "\ud700\ud7a3\ud7a4\ud7ff\u4dff\ua000\u10ff\u1200\U0002000b\ud800"),
               max_size=60))
def test_script_counts_are_those_of_a_character_loop(text):
    """language_from_script counts with regexes; the same counts as testing every character."""
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff")
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if hangul + han < 4 and latin < 10:
        expected = None
    elif hangul >= han and hangul * 4 >= latin:
        expected = "ko"
    elif han > hangul and han * 4 >= latin:
        expected = "zh"
    else:
        expected = "en"
    assert language_from_script(text) == expected
