"""polarity-inverted and polarity-changed, and the sentence alignment they stand on."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit import speedups
from appealkit.checks import RULES
from appealkit.checks.polarity import (
    SOURCE_REPORTABLE,
    TARGET_REPORTABLE,
    Located,
    PolarityPair,
    inversions,
    may_report,
)
from appealkit.facts import ParagraphFacts, source_facts, target_facts
from appealkit.findings import CATEGORIES
from appealkit.polarity import KINDS, Clause, Cue, count_negations, find_cues, lost_and_added
from appealkit.sentence_alignment import SentenceRef, align_sentences, sentences_of

from test_rules import run

ISSUE_EN = ("We strongly urge the Chinese government to reveal the whereabouts of the group, abide by your international "
            "obligations to protect refugees, and under no circumstances force them back to a place where they could "
            "face persecution. Doing so will damage China's international reputation.\n")
ISSUE_ZH = ("我们强烈敦促中国政府公开这批人的下落，履行贵国保护难民的国际义务，并且在任何情况下都{}强迫他们返回可能遭受迫害的地方。"
            "强行遣返将损害中国的国际声誉。\n")
ISSUE_KO = ("저희는 중국 정부가 이들 일행의 소재를 공개하고, 난민을 보호해야 할 귀국의 국제적 의무를 준수하며, 어떠한 경우에도 이들을 "
            "박해받을 수 있는 곳으로 강제로 {} 것을 강력히 촉구합니다. 그렇게 하는 것은 중국의 국제적 평판을 손상시킬 것입니다.\n")


def polarity(findings, severity=None):
    return [f for f in findings if f.category == "meaning" and (severity is None or f.severity == severity)]


def test_rules_are_registered_in_the_meaning_category() -> None:
    assert "meaning" in CATEGORIES
    assert RULES["polarity-inverted"].category == RULES["polarity-changed"].category == "meaning"
    assert RULES["polarity-inverted"].severity == "error" and RULES["polarity-changed"].severity == "warning"


@pytest.mark.parametrize("lang, kept, inverted, cue", [
    ("zh", ISSUE_ZH.format("不得"), ISSUE_ZH.format("应"), "应"),
    ("ko", ISSUE_KO.format("돌려보내지 말"), ISSUE_KO.format("돌려보낼"), "낼 것을 강력히"),
])
def test_the_issue_example_is_one_error_at_the_clause(glossary, lang, kept, inverted, cue) -> None:
    assert polarity(run(glossary, ISSUE_EN, kept, lang)) == []
    findings = polarity(run(glossary, ISSUE_EN, inverted, lang))
    assert [f.rule for f in findings] == ["polarity-inverted"]
    finding = findings[0]
    assert ISSUE_EN[slice(*finding.source_span)] == "under no circumstances"
    assert inverted[slice(*finding.target_span)] == cue
    assert finding.source_text.startswith("and under no circumstances force them back")
    assert finding.found and "强迫他们返回" in finding.found or "돌려보낼" in finding.found


@pytest.mark.parametrize("lang, en, target", [
    ("zh", "No State Party shall expel, return or extradite a person to another State.\n", "缔约国应将任何人驱逐、遣返或引渡至另一国家。\n"),
    ("ko", "No State Party shall expel, return or extradite a person to another State.\n", "당사국은 다른 국가로 개인을 추방ㆍ송환 또는 인도해야 한다.\n"),
    ("zh", "China must not return them.\n", "中国必须遣返他们。\n"),
    ("zh", "China must release them.\n", "中国不得释放他们。\n"),
    ("ko", "China must release them.\n", "중국은 이들을 석방해서는 안 된다.\n"),
])
def test_a_certain_inversion_is_an_error(glossary, lang, en, target) -> None:
    assert [f.rule for f in polarity(run(glossary, en, target, lang), "error")] == ["polarity-inverted"]


@pytest.mark.parametrize("lang, en, target", [
    ("zh", "China must not return them.\n", "中国必须避免遣返他们。\n"),           # a negative verb keeps the prohibition
    ("zh", "China must stop returning them.\n", "中国必须停止遣返他们。\n"),
    ("ko", "China must not return them.\n", "중국은 이들의 송환을 피해야 한다.\n"),
    ("zh", "No fewer than 2,000 people were returned.\n", "至少2,000人被遣返。\n"),   # a known equivalent
    ("ko", "No fewer than 2,000 people were returned.\n", "최소 2,000명이 송환되었다.\n"),
    ("zh", "China must release them and must not return them.\n", "中国必须释放他们，不得遣返他们。\n"),
    ("zh", "China has a duty to respect the principle of non-refoulement.\n", "中国有义务尊重不驱回原则。\n"),
    ("ko", "China has a duty to respect the principle of non-refoulement.\n", "중국은 강제송환금지 원칙을 존중할 의무가 있다.\n"),
])
def test_rewordings_and_terms_are_not_inversions(glossary, lang, en, target) -> None:
    assert polarity(run(glossary, en, target, lang)) == []


@pytest.mark.parametrize("lang, en, target", [
    ("zh", "Chinese officials did not give a credible answer.\n", "中国官员作出了可信的答复。\n"),
    ("ko", "Chinese officials did not give a credible answer.\n", "중국 관리들은 신뢰할 만한 답변을 내놓았다.\n"),
    ("zh", "Chinese officials gave a credible answer.\n", "中国官员没有作出可信的答复。\n"),
    ("ko", "Chinese officials gave a credible answer.\n", "중국 관리들은 신뢰할 만한 답변을 내놓지 않았다.\n"),
])
def test_a_plain_negation_lost_or_added_is_a_warning(glossary, lang, en, target) -> None:
    findings = polarity(run(glossary, en, target, lang))
    assert [(f.rule, f.severity) for f in findings] == [("polarity-changed", "warning")]


def test_the_warning_names_the_clause(glossary) -> None:
    en = "The group was detained in March, and Chinese officials did not give a credible answer.\n"
    (finding,) = polarity(run(glossary, en, "这批人于3月被拘留，中国官员作出了可信的答复。\n", "zh"))
    assert en[slice(*finding.source_span)] == "not"
    assert finding.source_text == "and Chinese officials did not give a credible answer."
    assert finding.found == "中国官员作出了可信的答复。"


# ---------------------------------------------------------------- sentence alignment
def test_sentences_align_inside_a_paragraph_pair(glossary) -> None:
    en = ("On 4 November 2017, ten refugees were arrested. China did not reply. "
          "The Committee against Torture wrote to China in 2015.")
    zh = "2017年11月4日，10名难民被捕。中国没有回应。禁止酷刑委员会于2015年致函中国。"
    pairs = align_sentences([(0, source_facts(en, glossary))], [(0, target_facts(zh, "zh", glossary))], "zh")
    assert [(p.source[0].text, p.target[0].text) for p in pairs] == [
        ("On 4 November 2017, ten refugees were arrested.", "2017年11月4日，10名难民被捕。"),
        ("China did not reply.", "中国没有回应。"),
        ("The Committee against Torture wrote to China in 2015.", "禁止酷刑委员会于2015年致函中国。"),
    ]


def test_a_sentence_masks_the_terms_inside_it_in_its_own_offsets(glossary) -> None:
    zh = "他们被捕了。中国应遵守不驱回原则。"
    first, second = sentences_of([(0, target_facts(zh, "zh", glossary))], "zh")
    assert list(first.masked()) == []
    spans = list(second.masked())
    assert "不驱回原则" in [second.text[s:e] for s, e in spans]
    assert all(0 <= s < e <= len(second.text) for s, e in spans)


def test_two_sentences_merged_into_one_are_one_pair(glossary) -> None:
    en = "In 2015 ten refugees were arrested. They were returned in 2016. China did not reply."
    zh = "2015年有10名难民被捕，并于2016年被遣返。中国没有回应。"
    pairs = align_sentences([(0, source_facts(en, glossary))], [(0, target_facts(zh, "zh", glossary))], "zh")
    assert [(len(p.source), len(p.target)) for p in pairs] == [(2, 1), (1, 1)]


# ---------------------------------------------------------------- which pairs may be reported (speedups.reportable)
_VERB_CLAUSES = {
    "en": ["China must return them", "they refuse to force them back", "release them", "stop expelling"],
    "zh": ["应遣返他们", "强迫他们返回", "释放他们", "驱逐"],
    "ko": ["송환해야 한다", "강제로 돌려보낼 것", "석방", "추방"],
}


def _side(data, lang: str, kinds: list[str]) -> list[Located]:
    """Clauses with verbs and random cues of the given kinds, placed in order in one sentence."""
    texts = data.draw(st.lists(st.sampled_from(_VERB_CLAUSES[lang]), min_size=1, max_size=3))
    facts = ParagraphFacts(" ".join(texts))
    ref = SentenceRef(0, 0, len(facts.text), facts.text, facts)
    located, start = [], 0
    for text in texts:
        drawn = data.draw(st.lists(st.sampled_from(kinds), max_size=3))
        cues = tuple(Cue(kind, start, start + 1, text[0]) for kind in drawn)
        place = len(located) / max(1, len(texts) - 1)
        located.append(Located(ref, Clause(start, start + len(text), text, cues), place))
        start += len(text) + 1
    return located


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["zh", "ko"]), st.data())
def test_a_pair_without_a_reportable_cue_is_never_reported(lang: str, data) -> None:
    """What lets polarity_pairs drop such pairs (and skip aligning a bead without one): whatever cues of the
    other kinds either side holds, no loss, no addition and no inversion."""
    pair = PolarityPair(_side(data, "en", sorted(set(KINDS) - SOURCE_REPORTABLE)),
                        _side(data, lang, sorted(set(KINDS) - TARGET_REPORTABLE)))
    counts = [count_negations([located.clause for located in side]) for side in (pair.source, pair.target)]
    assert lost_and_added(*counts) == (0, 0)
    assert list(inversions(pair, lang)) == []


@pytest.mark.parametrize("en, zh, side, kind", [
    ("Chinese officials did not give an answer.\n", "中国官员作出了答复。\n", "en", "negation"),
    ("Chinese officials refused to give an answer.\n", "中国官员作出了答复。\n", "en", "implicit"),
    ("China must not return them.\n", "中国必须遣返他们。\n", "en", "prohibition"),
    ("Chinese officials gave an answer.\n", "中国官员没有作出答复。\n", "zh", "negation"),
    ("China must release them.\n", "中国不得释放他们。\n", "zh", "prohibition"),
])
def test_a_reportable_cue_alone_is_reported(glossary, en, zh, side, kind) -> None:
    """One reportable cue, on one side only, is a finding: the reportable kinds are not narrower than the rules."""
    reportable = SOURCE_REPORTABLE if side == "en" else TARGET_REPORTABLE
    assert [c.kind for c in find_cues(en if side == "en" else zh, side)] == [kind] and kind in reportable
    assert polarity(run(glossary, en, zh))


def test_may_report_without_the_shortcut_is_any_cue(glossary) -> None:
    en = source_facts("China must release them.", glossary)
    zh = target_facts("中国应释放他们。", "zh", glossary)
    source, target = sentences_of([(0, en)], "en"), sentences_of([(0, zh)], "zh")
    assert not may_report(source, target, "zh")
    with speedups.switched(reportable=False):
        assert may_report(source, target, "zh")
