"""The English sentence splitter that feeds the MT engine (argostranslate's own splitters need downloads)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from appealkit.segmentation import split_sentences


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_sentences(paragraph)]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("They were detained. China must act.", ["They were detained.", "China must act."]),
        ("Is this lawful? No! It is not.", ["Is this lawful?", "No!", "It is not."]),
        ("See Resolution No. 2397 of the Council. It binds China.",
         ["See Resolution No. 2397 of the Council.", "It binds China."]),
        ("Under art. 3 of the Convention, no one may be returned. That is clear.",
         ["Under art. 3 of the Convention, no one may be returned.", "That is clear."]),
        ("The U.N. Special Rapporteur wrote. China did not reply.",
         ["The U.N. Special Rapporteur wrote.", "China did not reply."]),
        ("Signed by J. Smith and Mr. Kim. Copied to Dr. Lee.", ["Signed by J. Smith and Mr. Kim.", "Copied to Dr. Lee."]),
        ("He said: \"Stop the returns.\" The minister did not answer.",
         ["He said: \"Stop the returns.\"", "The minister did not answer."]),
        ("On 4 Nov. 2017 ten people were held. 2,000 more are at risk.",
         ["On 4 Nov. 2017 ten people were held.", "2,000 more are at risk."]),
        ("The fine was 3.5 million. It was paid.", ["The fine was 3.5 million.", "It was paid."]),
        ("e.g. the 1951 Convention", ["e.g. the 1951 Convention"]),
        ("no final stop", ["no final stop"]),
        ("   ", []),
    ],
)
def test_split_sentences(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_lowercase_after_a_stop_is_not_a_new_sentence() -> None:
    assert texts("They fled to approx. three countries.") == ["They fled to approx. three countries."]


def test_offsets_point_into_the_paragraph() -> None:
    paragraph = "First sentence. Second one!  Third?"
    for sentence in split_sentences(paragraph):
        assert paragraph[sentence.start:sentence.end] == sentence.text


_words = st.sampled_from(["China", "refugees", "No.", "art.", "U.N.", "J.", "2,000", "were", "held", "Mr.", "the"])
_punct = st.sampled_from(["", "", ".", "!", "?", ",", "\u201d"])
_paragraphs = st.lists(st.tuples(_words, _punct), max_size=40).map(
    lambda parts: " ".join(word + punct for word, punct in parts)
)


@given(_paragraphs)
def test_sentences_cover_the_paragraph_in_order_without_loss(paragraph: str) -> None:
    """Whatever the text, the sentences are exact slices, in order, and together hold every non-space character."""
    sentences = split_sentences(paragraph)
    previous_end = 0
    for sentence in sentences:
        assert paragraph[sentence.start:sentence.end] == sentence.text
        assert sentence.start >= previous_end and sentence.text.strip() == sentence.text
        assert paragraph[previous_end:sentence.start].strip() == ""
        previous_end = sentence.end
    assert paragraph[previous_end:].strip() == ""


# ---------------------------------------------------------------- translations (sentence alignment)
@pytest.mark.parametrize("lang, paragraph, expected", [
    ("zh", "他们被拘留。中国必须采取行动！是否遣返？", ["他们被拘留。", "中国必须采取行动！", "是否遣返？"]),
    ("zh", "他说：“不得遣返。”随后离开。", ["他说：“不得遣返。”", "随后离开。"]),
    ("zh", "依据第4条第1款，联合国难民署（UNHCR）无法接触他们", ["依据第4条第1款，联合国难民署（UNHCR）无法接触他们"]),
    ("zh", "Mr. Kim 表示反对。See No. 5 below.", ["Mr. Kim 表示反对。", "See No. 5 below."]),
    ("ko", "이들은 구금되었습니다. 중국은 행동해야 합니다.", ["이들은 구금되었습니다.", "중국은 행동해야 합니다."]),
    ("ko", "“송환해서는 안 된다.” 그는 말했다.", ["“송환해서는 안 된다.”", "그는 말했다."]),
])
def test_split_translation_sentences(lang: str, paragraph: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(paragraph, lang)] == expected


_zh_pieces = st.sampled_from(["中国", "不得", "遣返", "难民", "。", "！", "？", "”", "，", " ", "2,000名", "Mr.", "。。"])


@given(st.lists(_zh_pieces, max_size=40).map("".join), st.sampled_from(["zh", "ko"]))
def test_translation_sentences_are_ordered_slices_that_lose_no_text(paragraph: str, lang: str) -> None:
    sentences = split_sentences(paragraph, lang)
    position = 0
    for sentence in sentences:
        assert paragraph[sentence.start:sentence.end] == sentence.text and sentence.text.strip()
        assert sentence.start >= position and not paragraph[position:sentence.start].strip()
        position = sentence.end
    assert not paragraph[position:].strip()


_MIXED = st.sampled_from(["China", "must", "act", ".", "..", "…", "!", "?", "”", ")", " ", "\u3000", "\n", "Mr.", "J.",
                          "No.", "2,000", "中国", "。", "！", "？", "」", "遣返", "다.", "Art. 3"])


@given(st.lists(_MIXED, max_size=30).map("".join), st.sampled_from(["en", "zh", "ko"]))
def test_boundaries_are_those_of_the_plain_patterns(paragraph: str, lang: str) -> None:
    """The boundary patterns start with a character class (fast to skip to) and Chinese boundaries skip spaces with
    a search: the same cuts as [.!?…]+ and str.lstrip give."""
    import re

    from appealkit.segmentation import _boundaries, _is_abbreviation

    plain = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff\uac00-\ud7a3])")
    cuts = [(m.end(2), m.end(3)) for m in plain.finditer(paragraph)
            if not (m.group(1) == "." and _is_abbreviation(paragraph, m.start(1)))]
    if lang == "zh":
        for m in re.finditer(r"[。！？!?]+[”’」』）)》\]]*", paragraph):
            cuts.append((m.end(), len(paragraph) - len(paragraph[m.end():].lstrip())))
    assert _boundaries(paragraph, lang) == sorted(set(cuts))
