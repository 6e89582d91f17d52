"""The polarity lexicon and parser: one test per cue class and language, false cues, term masking, clauses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit import polarity
from appealkit.polarity import (
    KINDS,
    clause_spans,
    clauses,
    count_negations,
    english_verbs,
    find_cues,
    lexicon,
    lost_and_added,
    split_clauses,
    target_verbs,
)
from appealkit.spans import SpanSet


def kinds(text: str, lang: str, masked=()) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in find_cues(text, lang, masked)]


def cue_kinds(text: str, lang: str) -> set[str]:
    return {c.kind for c in find_cues(text, lang)}


# ---------------------------------------------------------------- cue classes, zh
@pytest.mark.parametrize("text, kind, cue", [
    ("中国不得将难民遣返", "prohibition", "不得"),
    ("缔约国均不应将任何人驱逐", "prohibition", "不应"),
    ("切勿强迫他们返回", "prohibition", "切勿"),
    ("决不允许酷刑", "prohibition", "决不"),
    ("禁止将任何人移送至该地", "prohibition", "禁止"),
    ("立即停止强制遣返", "implicit", "停止"),
    ("中国应强迫他们返回", "obligation", "应"),
    ("中国必须释放他们", "obligation", "必须"),
    ("各国应当尊重该原则", "obligation", "应当"),
    ("我们要保护难民", "obligation", "要"),
    ("不得不撇下心爱的女儿", "obligation", "不得不"),
    ("他们没有合法证件", "negation", "没有"),
    ("中国官员未能作出答复", "negation", "未能"),
    ("他们无法前往医院", "negation", "无法"),
    ("这并非经济移民", "negation", "并非"),
    ("中国不是缔约国", "negation", "不是"),
    ("必须避免将任何人遣返", "implicit", "避免"),
    ("中国拒绝作出答复", "implicit", "拒绝"),
    ("未经许可越境", "optional", "未经"),
    ("非法越境者", "optional", "非法"),
    ("他不同意这个看法", "negation", "不"),
    ("叙利亚不会接受援助，也不会接受帮助", "repeat", "不会"),
    ("实现朝鲜半岛无核化", "bare", "无"),
    ("这是不错的开始", "optional", "不错"),
])
def test_zh_cue_classes(text: str, kind: str, cue: str) -> None:
    assert (kind, cue) in kinds(text, "zh")


# ---------------------------------------------------------------- cue classes, ko
@pytest.mark.parametrize("text, kind, cue", [
    ("다른 국가로 개인을 추방해서는 안 된다", "prohibition", "서는 안 된"),
    ("북한으로 강제송환하지 말 것", "prohibition", "지 말"),
    ("고문은 금지된다", "prohibition", "금지"),
    ("강제송환을 즉시 중단하고", "implicit", "중단"),
    ("난민을 보호해야 합니다", "obligation", "해야 합"),
    ("이들을 석방할 것을 촉구합니다", "obligation", "할 것을 촉구"),
    ("접근하는 것을 허용하지 않고 있습니다", "negation", "지 않"),
    ("치료를 받을 수 없었습니다", "negation", "없"),
    ("답변을 내놓지 못했습니다", "negation", "지 못"),
    ("그들은 난민이 아니다", "negation", "아니"),
    ("그는 안 갔다", "negation", "안 "),
    ("강제송환을 피해야 합니다", "implicit", "피"),
    ("중국은 답변을 거부했다", "implicit", "거부"),
    ("사전 허가 없이 국경을 넘는", "optional", "없이"),
    ("불법 월경자", "optional", "불법"),
])
def test_ko_cue_classes(text: str, kind: str, cue: str) -> None:
    assert (kind, cue) in kinds(text, "ko")


# ---------------------------------------------------------------- cue classes, en
@pytest.mark.parametrize("text, kind, cue", [
    ("and under no circumstances force them back", "prohibition", "under no circumstances"),
    ("China must not return them", "prohibition", "must not"),
    ("No State Party shall expel a person", "prohibition", "No State Party shall"),
    ("China is prohibited from returning refugees", "prohibition", "is prohibited from"),
    ("States should refrain from returning anyone", "prohibition", "refrain from"),
    ("We urge you to stop the forced return", "prohibition", "to stop"),
    ("China must release them", "obligation", "must"),
    ("They did not hold valid documents", "negation", "not"),
    ("China has never replied", "negation", "never"),
    ("they couldn't go", "negation", "n't"),
    ("China has failed to act", "implicit", "failed"),
    ("crossing the border without permission", "implicit", "without"),
    ("illegal economic migrants", "optional", "illegal"),
])
def test_en_cue_classes(text: str, kind: str, cue: str) -> None:
    assert (kind, cue) in kinds(text, "en")


# ---------------------------------------------------------------- false cues, built from real text
@pytest.mark.parametrize("lang, text", [
    ("zh", "这不仅仍在延续"), ("zh", "无论出于何种考量"), ("zh", "这是非常严重的"), ("zh", "不断恶化"),
    ("zh", "来自非洲的难民"), ("zh", "走向未来"), ("zh", "莫斯科表示"), ("zh", "特别报告员"), ("zh", "没收财产"),
    ("zh", "回应关切"), ("zh", "要求中国"), ("zh", "社会秩序"),
    ("ko", "안녕하십니까"), ("ko", "안전한 제3국"), ("ko", "집 안에서"), ("ko", "적지 않은 사람들"),
    ("ko", "자유를 쟁취할 뿐만 아니라"), ("ko", "틀림없이 처벌받는다"), ("ko", "마지막으로 구금"),
    ("ko", "궁금해하며"), ("ko", "대안을 제시했다"),
    ("en", "we will not only win our freedom"), ("en", "no fewer than 2,000 people"), ("en", "see No. 5"),
    ("en", "no matter what"), ("en", "the vote is expected no later than Friday"),
])
def test_false_cues_are_not_negations(lang: str, text: str) -> None:
    assert not cue_kinds(text, lang) & {"negation", "prohibition", "bare"}


def test_known_equivalents_balance() -> None:
    """no fewer than → 至少 is not a cue on either side; must not return → 必须避免遣返 balances."""
    assert lost_and_added(count_negations(clauses("no fewer than 2,000 people", "en")),
                          count_negations(clauses("至少2,000人", "zh"))) == (0, 0)
    assert lost_and_added(count_negations(clauses("China must not return them", "en")),
                          count_negations(clauses("中国必须避免遣返他们", "zh"))) == (0, 0)
    assert lost_and_added(count_negations(clauses("China must not return them", "en")),
                          count_negations(clauses("中国必须遣返他们", "zh"))) == (1, 0)


def test_a_repeated_negation_over_coordinated_verbs_is_not_an_addition() -> None:
    en = count_negations(clauses("China has failed to institute the process or to provide certificates", "en"))
    assert lost_and_added(en, count_negations(clauses("中国既未建立程序，也未提供证明", "zh"))) == (0, 0)


def test_an_english_negative_verb_needs_some_cue_in_the_translation() -> None:
    en = count_negations(clauses("the U.S. overall lacks a formal AI strategy", "en"))
    assert lost_and_added(en, count_negations(clauses("美国总体上还没有正式的 AI 战略", "zh"))) == (0, 0)
    assert lost_and_added(en, count_negations(clauses("美国总体上还有正式的 AI 战略", "zh")))[0] == 1


# ---------------------------------------------------------------- glossary renderings are masked
@pytest.mark.parametrize("lang, text, term", [
    ("zh", "尊重不驱回原则", "不驱回原则"),
    ("zh", "《禁止酷刑公约》的缔约国", "禁止酷刑公约"),
    ("ko", "강제송환금지 원칙을 존중", "강제송환금지 원칙"),
])
def test_negation_inside_a_term_belongs_to_the_term(lang: str, text: str, term: str) -> None:
    start = text.index(term)
    assert find_cues(text, lang)  # unmasked, the term's 不 / 禁止 / 금지 would count
    assert find_cues(text, lang, [(start, start + len(term))]) == []


def test_terms_are_masked_by_the_rule_with_the_glossary_own_matching(glossary) -> None:
    spans = [(t.start, t.end) for t in glossary.find_in_target("中国受不驱回原则的约束", "zh")]
    assert spans and find_cues("中国受不驱回原则的约束", "zh", spans) == []


# ---------------------------------------------------------------- clauses and verbs
def test_clauses_split_at_dividing_punctuation_not_at_list_commas() -> None:
    parts = [c.text for c in clauses("驱逐、遣返或引渡，并且不得强迫他们返回；", "zh")]
    assert parts == ["驱逐、遣返或引渡", "并且不得强迫他们返回"]
    assert [c.text.strip() for c in clauses("It rhymes, but it is not funny", "en")] == ["It rhymes", "but it is not funny"]


def test_clause_kinds() -> None:
    forbidding, demanding = clauses("不得强迫他们返回，应释放他们", "zh")
    assert forbidding.is_prohibition and not forbidding.is_bare_obligation
    assert demanding.is_bare_obligation and not demanding.is_prohibition


def test_the_same_verb_across_languages() -> None:
    english = english_verbs("under no circumstances force them back to a place", 0)
    assert english & target_verbs("都应强迫他们返回", "zh")
    assert english & target_verbs("강제로 돌려보낼 것을", "ko")
    assert not english_verbs("release them", 0) & target_verbs("应强迫他们返回", "zh")


def test_every_lexicon_class_and_language_is_present() -> None:
    for lang in ("en", "zh", "ko"):
        for kind in ("not_negation", "obligation", "prohibition", "negation", "implicit", "optional"):
            assert lexicon().cues[lang][kind].pattern != r"(?!x)x", (lang, kind)
        assert set(lexicon().cues[lang]) == set(KINDS)


# ---------------------------------------------------------------- the parser never breaks its invariants
_pieces = st.sampled_from(["不得", "不", "应", "必须", "不得不", "没有", "未经", "不仅", "，", "。", "遣返", "难民",
                           "서는 안 된다", "해야 한다", "않았다", "없이", "안녕", " 안 ", "말 것을", "지 말", ", ",
                           "must not", " not only ", "never", "no one may", "without", "(", ")", "要求", "应对"])


@given(st.lists(_pieces, max_size=30).map("".join), st.sampled_from(["en", "zh", "ko"]),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)), max_size=3))
def test_cues_are_disjoint_spans_outside_the_mask_and_clauses_tile_the_text(text, lang, raw_mask) -> None:
    mask = [(s, s + n) for s, n in raw_mask]
    cues = find_cues(text, lang, mask)
    for cue in cues:
        assert text[cue.start:cue.end] == cue.text and cue.kind in KINDS and cue.kind != "not_negation"
        # a cue never starts or ends inside a masked span: it is outside, or it holds the whole (merged) span
        assert all(cue.start <= s and e <= cue.end for s, e in SpanSet(mask).overlapping(cue.start, cue.end))
    assert all(a.end <= b.start for a, b in zip(cues, cues[1:]))
    spans = clause_spans(text, lang)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    inside = [c for clause in clauses(text, lang, mask) for c in clause.cues]
    assert all(any(s <= c.start < e for s, e in spans) for c in inside)
    # split_clauses, given the cues: each clause holds exactly the cues that start inside it
    for clause in split_clauses(text, lang, cues):
        assert list(clause.cues) == [c for c in cues if clause.start <= c.start < clause.end]


# ---------------------------------------------------------------- lower-cased English matching
_EN_WORDS = ["not", "No", "NEVER", "must", "Must Not", "shouldn’t", "stop", "ceased", "refuse", "unlawful",
             "non-binding", "a few", "Few", "under no circumstances", "ſtop", "ıllegal", "İllegal", "K", "nſt",
             "don't", "Please", "Do not", "the", "State", "Party", "shall", "(", ".", ",", "—", " ", "  "]


def _ignoring_case(text: str, lang: str) -> tuple[str, bool]:
    return text, lang == "en"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_EN_WORDS) | st.text(max_size=3), max_size=12))
def test_lower_cased_english_matching_finds_what_case_insensitive_matching_finds(words: list[str]) -> None:
    text = " ".join(words)
    fast = polarity.find_cues(text, "en")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(polarity, "_matchable", _ignoring_case)
        assert polarity.find_cues(text, "en") == fast


def test_english_cue_patterns_are_lower_case() -> None:
    """They run case-sensitively on lower-cased text: an upper-case letter in one would never match."""
    for kind, pattern in polarity.lexicon().cues["en"].items():
        assert not re.search(r"(?<!\\)[A-Z]", pattern.pattern), kind


def test_case_extras_cover_every_extra_case_of_the_re_module() -> None:
    from re import _casefix

    extras = {chr(c) for key, values in _casefix._EXTRA_CASES.items() for c in (key, *values)}
    assert {c for c in extras if not c.isascii()} <= polarity.CASE_EXTRAS


_ZH_PIECES = ["不", "不得", "应", "必须", "没有", "不仅", "避免", "遣返", "难民", "非法", "无", "未", "要求", "，", "。", "也不会"]
_KO_PIECES = ["않", "안 된다", "해야 한다", "없", "못", "거부", "송환", "난민", "지 말", "것을", " ", ",", "아니"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "zh", "ko"]), st.data())
def test_the_prefilter_finds_what_every_search_finds(lang: str, data) -> None:
    """Searching only the alternatives whose literals occur (speedups.prefilter) finds the same cues."""
    from appealkit import speedups

    pieces = {"en": _EN_WORDS, "zh": _ZH_PIECES, "ko": _KO_PIECES}[lang]
    words = data.draw(st.lists(st.sampled_from(pieces) | st.text(max_size=2), max_size=14))
    text = (" " if lang == "en" else "").join(words)
    with speedups.switched(prefilter=False):
        plain = polarity.find_cues(text, lang)
    assert polarity.find_cues(text, lang) == plain


def test_prefiltered_searches_the_possible_alternatives_of_each_class_in_matching_order() -> None:
    """What find_cues searches for a set of possible alternatives: classes in KINDS order, each the alternation of
    its possible alternatives in the lexicon's order; nothing when none may match."""
    patterns = lexicon().cues["zh"]
    possible = frozenset({("negation", 2), ("prohibition", 0), ("negation", 0)})
    assert polarity._prefiltered("zh", possible) == (
        ("prohibition", patterns.subset("prohibition", (0,))),
        ("negation", patterns.subset("negation", (0, 2))),
    )
    assert polarity._prefiltered("zh", frozenset()) == ()
    assert polarity._cue_filter("zh").possible("他们在北京") == frozenset()


def test_find_cues_reads_the_mask_only_when_a_cue_may_match() -> None:
    def unread_mask():
        raise AssertionError("the mask was read")
        yield (0, 0)

    assert find_cues("他们在北京", "zh", unread_mask()) == []
    with pytest.raises(AssertionError, match="the mask was read"):
        find_cues("中国不得遣返他们", "zh", unread_mask())
