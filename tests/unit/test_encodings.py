"""Legacy encodings are named in the error, with line and column: pinned on short and long letter text."""

from pathlib import Path

import pytest

from appealkit.encodings import guess_encoding, locate_bad_utf8, utf16_name
from appealkit.errors import AppealInputError
from appealkit.letters import load_letter
from appealkit.textio import read_text

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "letters" / "hrw-2015-nine-north-koreans"
TRADITIONAL = "我們致函懇請您緊急停止強制遣返目前被中國羈押的九名朝鮮難民，並允許他們前往安全的第三國尋求庇護。"


def body(lang: str) -> str:
    return load_letter(LETTER / f"{lang}.md").body


@pytest.mark.parametrize("text, codec, lang, name", [
    (body("zh"), "gb18030", "zh", "GBK"), (TRADITIONAL, "big5", "zh", "Big5"),
    (body("ko"), "cp949", "ko", "EUC-KR"), ("We urge you — “now” — to act.", "cp1252", "en", "Windows-1252"),
])
@pytest.mark.parametrize("length", [4, 8, 20, 100000])
def test_guess_with_the_file_language(text, codec, lang, name, length):
    for start in range(0, max(1, len(text) - length), max(1, len(text) // 25)):
        data = text[start:start + length].encode(codec)
        if not data.isascii():
            assert guess_encoding(data, lang) == name, text[start:start + length]


@pytest.mark.parametrize("text, codec, name", [(body("zh"), "gb18030", "GBK"), (TRADITIONAL, "big5", "Big5"),
                                               (body("ko"), "cp949", "EUC-KR")])
def test_guess_of_a_whole_letter_without_a_language(text, codec, name):
    assert guess_encoding(text.encode(codec)) == name


def test_utf16_by_bom_and_by_nul_pattern():
    assert utf16_name("公开信".encode("utf-16")) == "UTF-16"
    assert utf16_name("Open letter\n".encode("utf-16-le")) == "UTF-16"
    assert utf16_name("x".encode("utf-32")) == "UTF-32"
    assert utf16_name(b"plain ascii text") is None


def test_line_and_column_not_byte_offset():
    data = "Open letter\nsubject: 朝鲜难民遭驱回问题\n".encode("gb18030")
    with pytest.raises(UnicodeDecodeError) as info:
        data.decode("utf-8")
    bad = locate_bad_utf8(data, info.value, "zh")
    assert (bad.line, bad.column, bad.encoding) == (2, 10, "GBK")


@pytest.mark.parametrize("codec, name, lang", [("gb18030", "GBK", "zh"), ("cp949", "EUC-KR", "ko"),
                                               ("utf-16", "UTF-16", "zh")])
def test_read_text_says_how_to_fix(tmp_path, codec, name, lang):
    path = tmp_path / f"{lang}.md"
    path.write_bytes((LETTER / f"{lang}.md").read_text(encoding="utf-8").encode(codec))
    with pytest.raises(AppealInputError, match=f"looks like {name}: re-save as UTF-8") as info:
        read_text(path)
    assert info.value.line is not None and "byte" not in info.value.message
