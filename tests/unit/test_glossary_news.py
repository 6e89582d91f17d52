"""Glossary terms as professional news translators write them (issue 9, NTREX development half): classes of
false alarms, each fixed as a class, and the slips that must stay errors."""

import pytest

from appealkit.checker import check_letters
from appealkit.letters import parse_letter


def run(glossary, en: str, target: str, lang: str):
    source = parse_letter(en + "\n", "letters/x/en.md")
    translated = parse_letter(target + "\n", f"letters/x/{lang}.md")
    return check_letters(source, translated, glossary, lang).findings


def term_findings(findings, severity=None):
    return [(f.rule, f.source_text) for f in findings
            if f.category in ("term", "citation") and (severity is None or f.severity == severity)]


@pytest.mark.parametrize("text", ["the South China Morning Post reported on Sunday", "ships in the East China Sea",
                                  "the South China Sea"])
def test_china_inside_a_longer_name_is_that_names_own(glossary, text):
    assert "china" not in [m.entry.id for m in glossary.find_in_english(text)]


def test_china_as_a_word_before_a_lower_case_noun_is_still_china(glossary):
    assert "china" in [m.entry.id for m in glossary.find_in_english("president of Google's China branch")]
    assert "china" in [m.entry.id for m in glossary.find_in_english("North Korea and China agreed")]


@pytest.mark.parametrize("lang, en, target", [
    ("zh", "Mr Park said tighter border controls between North Korea and China were key factors.",
     "朴炳锡称关键因素是中朝之间严格的边境控制政策。"),
    ("zh", "North Korea said sanctions deepened its mistrust in the United States.", "朝鲜表示，制裁加深了朝美双方的不信任。"),
])
def test_a_country_pair_compound_renders_both_countries_without_a_warning(glossary, lang, en, target):
    assert term_findings(run(glossary, en, target, lang)) == []


def test_a_compound_inside_the_border_term_does_not_stand_for_a_dropped_country(glossary):
    en = "Over 600 were held near the North Korea-China border. We were sent back to North Korea ourselves."
    findings = run(glossary, en, "600余人被关押在中朝边境附近。", "zh")
    assert ("term-missing", "North Korea") in term_findings(findings, "error")


@pytest.mark.parametrize("lang, en, target", [
    ("ko", "Seoul says more than 30,000 North Koreans have crossed the border.",
     "한국 정부는 3만 명 이상의 북한 주민들이 국경을 넘어왔다고 말한다."),
    ("ko", "The Dominican Republic and Panama had already recognized Beijing.", "도미니카 공화국과 파나마가 벌써 중국을 인정했다."),
])
def test_a_capital_standing_for_its_government_is_a_warning_that_says_why(glossary, lang, en, target):
    findings = run(glossary, en, target, lang)
    assert term_findings(findings, "error") == []
    assert any("stands for" in f.message and f.severity == "warning" for f in findings)


@pytest.mark.parametrize("lang, en, target", [
    ("zh", "leaders either in exile or in detention awaiting trial", "领袖不是自我放逐，就是在押，等待受审"),
    ("ko", "he could be imprisoned for up to a year", "최대 징역 1년을 선고받을 수 있다"),
    ("ko", "the last time a man was executed in New York", "뉴욕에서 사형을 마지막으로 실행한 것"),
    ("ko", "the Netherlands-based UN body", "네덜란드에 본부를 둔 UN 기구"),
    ("ko", "president of Google's China branch", "구글 차이나 지사장"),
    ("ko", "The Security Council boosted sanctions on North Korea.", "안보리는 대북 제재를 강화했다."),
    ("ko", "North Korea defector numbers drop under Kim", "김정은 정권하에서 탈북자 숫자 감소"),
])
def test_attested_news_renderings_are_accepted(glossary, lang, en, target):
    assert term_findings(run(glossary, en, target, lang), "error") == []


@pytest.mark.parametrize("lang, en, target, term", [
    ("ko", "China's State Council issued its plan in July 2017.", "중국의 국무 회의는 2017년 7월 계획을 발표했다.", "State Council"),
    ("ko", "said Paz Zarate, a Chilean expert in international law.", "라고 말했다.", "international law"),
    ("ko", "within a month of being detained", "체류 후 1달 이내에", "detained"),
    ("zh", "the number living with HIV in China has risen", "感染HIV的人员增加了", "China"),
])
def test_real_slips_stay_errors(glossary, lang, en, target, term):
    assert ("term-missing", term) in term_findings(run(glossary, en, target, lang), "error")
