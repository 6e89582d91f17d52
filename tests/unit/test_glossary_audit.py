"""The glossary audit (shared/docs/glossary-audit.md), row by row: every attested rendering the audit showed
rejected is now accepted; every wrong preferred form is fixed; doubtful ones warn with their reason."""

import pytest

from appealkit.checker import check_letters
from appealkit.letters import parse_letter
from appealkit.localize import render_term
from appealkit.protection import protect


def run(glossary, en: str, target: str, lang: str):
    source = parse_letter(en + "\n", "letters/x/en.md")
    translated = parse_letter(target + "\n", f"letters/x/{lang}.md")
    return check_letters(source, translated, glossary, lang).findings


def qualities(glossary, text: str, lang: str, entry_id: str) -> set[str]:
    return {m.quality for m in glossary.find_in_target(text, lang) if m.entry.id == entry_id}


# (audit row, entry, language, English, attested rendering that the glossary rejected before)
REJECTED_BEFORE = [
    ("W1", "political-prison-camp", "zh", "political prison camp", "政治犯监狱"),
    ("D5", "persons-of-concern", "ko", "persons of concern", "보호대상자"),
    ("D7", "coi-report-2014", "zh", "Report of the Commission of Inquiry on human rights in the DPRK",
     "朝鲜民主主义人民共和国人权调查委员会报告"),
    ("D7", "coi-report-2014", "ko", "Report of the detailed findings of the Commission of Inquiry on human rights in the DPRK",
     "A/HRC/25/CRP.1"),
    ("M1", "well-founded-fear-of-persecution", "ko", "well-founded fear of persecution",
     "박해를 받을 우려가 있다는 충분한 이유가 있는 공포"),
    ("M1", "well-founded-fear-of-persecution", "ko", "well-founded fear of persecution",
     "박해를 받을 수 있다고 인정할 충분한 근거가 있는 공포"),
    ("M1", "well-founded-fear-of-persecution", "ko", "well-founded fear of persecution",
     "박해를 받을 충분한 근거 있는 공포"),
    ("M1b", "well-founded-fear-of-persecution", "zh", "well-founded fear of persecution", "有充分理由害怕受到迫害"),
    ("M2", "refugees-sur-place", "ko", "refugees sur place", "현지 체재 중 난민"),
    ("M3", "refugee-convention-1951", "ko", "the Refugee Convention", "난민의 지위에 관한 국제협약"),
    ("M3", "refugee-convention-1951", "ko", "the Refugee Convention", "난민지위에 관한 협약"),
    ("M3", "refugee-convention-1951", "ko", "the Refugee Convention", "난민지위협약"),
    ("M4", "convention-against-torture", "ko", "the Convention against Torture",
     "고문이나 그 밖의 잔혹하고 비인도적인 또는 굴욕적인 대우나 처벌의 방지에 관한 협약"),
    ("M5", "expel-return-extradite", "zh", "expel, return or extradite", "驱逐、遣返（推回）或引渡"),
    ("M5", "expel-return-extradite", "zh", "expel, return or extradite", "驱逐、遣返(推回)或引渡"),
    ("M6", "deportation", "zh", "deportation", "递解出境"),
    ("M7", "exit-entry-administration-law", "ko", "the Exit and Entry Administration Law", "중화인민공화국 출입경관리법"),
    ("M8", "ohchr-seoul", "ko", "OHCHR Seoul", "유엔인권사무소(서울)"),
    ("M8", "ohchr-seoul", "ko", "OHCHR Seoul", "유엔인권사무소（서울）"),
    ("M9", "universal-periodic-review", "ko", "the Universal Periodic Review", "국가별 인권상황 정기검토"),
    ("M10", "wgeid", "ko", "the UN Working Group on Enforced or Involuntary Disappearances",
     "유엔 강제적⋅비자발적 실종에 관한 실무그룹"),
    ("M11", "asylum-seeker", "ko", "asylum seeker", "비호신청인"),
    ("M12", "persons-of-concern", "zh", "persons of concern", "受关注人群"),
    ("M13", "refugee-status-determination", "zh", "refugee status determination", "难民身份确定"),
    ("M13", "refugee-status-determination", "zh", "refugee status determination", "确定难民身份"),
    ("M14", "illegal-border-crosser", "ko", "illegal border crosser", "비법월경자"),
    ("M15", "political-prison-camp", "zh", "political prison camp", "政治犯收容所"),
    ("M16", "tomas-ojea-quintana", "ko", "Tomás Ojea-Quintana", "토마스 호에아 퀸타나"),
    ("M17", "marzuki-darusman", "ko", "Marzuki Darusman", "마르주끼 다루스만"),
]


@pytest.mark.parametrize("row, entry_id, lang, english, rendering", REJECTED_BEFORE,
                         ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[4]}" for r in REJECTED_BEFORE])
def test_attested_rendering_is_accepted(glossary, row, entry_id, lang, english, rendering):
    found = qualities(glossary, rendering, lang, entry_id)
    assert found & {"preferred", "accepted"} and "forbidden" not in found, (row, found)
    findings = run(glossary, english, rendering, lang)
    assert [f.rule for f in findings if f.severity == "error"] == [], (row, [f.message for f in findings])


@pytest.mark.parametrize("lang, preferred", [("zh", "政治犯收容所"), ("ko", "정치범수용소")])
def test_w1_political_prison_camp_is_no_longer_translated_as_kwanliso(glossary, lang, preferred):
    entry = glossary.by_id["political-prison-camp"]
    assert render_term(entry, lang) == preferred
    assert render_term(glossary.by_id["kwanliso"], lang) == {"zh": "管理所", "ko": "관리소"}[lang]
    items = protect("They were sent to a political prison camp (kwanliso).", glossary, lang).items
    assert [i.target for i in items if i.kind == "term"] == [preferred, render_term(glossary.by_id["kwanliso"], lang)]


def test_w1_the_letters_wording_renders_both_terms(glossary):
    en = "held in political prison camps (kwanliso)"
    assert [f for f in run(glossary, en, "关押在政治犯收容所（管理所）中", "zh") if f.category == "term"] == []
    assert [f for f in run(glossary, en, "정치범수용소(관리소)에 수감된", "ko") if f.category == "term"] == []


def test_d2_nonrefoulement_forbidden_form_is_an_error_that_says_why(glossary):
    findings = run(glossary, "China must respect the principle of non-refoulement.", "中国必须尊重不遣返原则。", "zh")
    [finding] = [f for f in findings if f.rule == "term-forbidden"]
    assert finding.severity == "error" and "遣返 is repatriation" in finding.message


def test_d3_hancheng_stays_forbidden_with_its_reason(glossary):
    findings = run(glossary, "a conference held in Seoul", "在汉城举行的会议", "zh")
    [finding] = [f for f in findings if f.rule == "term-forbidden"]
    assert finding.severity == "error" and "首尔" in finding.message


@pytest.mark.parametrize("lang, text, reason", [("zh", "非法移民", "'irregular' is not 'illegal'"),
                                                ("ko", "불법체류자", "IOM and NHRCK")])
def test_d4_illegal_migrant_is_a_warning_with_the_reason(glossary, lang, text, reason):
    findings = run(glossary, "They are irregular migrants.", f"他们是{text}。" if lang == "zh" else f"그들은 {text}이다.", lang)
    assert [f.rule for f in findings if f.severity == "error"] == []
    [finding] = [f for f in findings if f.rule == "term-discouraged"]
    assert finding.severity == "warning" and reason in finding.message


def test_d6_unattested_ministry_form_is_gone(glossary):
    assert not qualities(glossary, "인민보안국", "ko", "ministry-of-peoples-security")


def test_d7_report_without_an_official_title_only_warns(glossary):
    en = "the Report of the detailed findings of the Commission of Inquiry on human rights in the DPRK"
    findings = run(glossary, en, "调查报告", "zh")
    assert [f.rule for f in findings if f.severity == "error"] == []
    assert any(f.rule == "citation-instrument" and f.severity == "warning" for f in findings)


def test_d1_border_agreement_prefers_the_agreement_title(glossary):
    rendering = glossary.by_id["china-dprk-border-agreement-1998"].rendering("zh")
    assert rendering.preferred.endswith("协定")
    assert any(form.endswith("议定书") for form in rendering.accepted)


def test_d8_d9_context_problems_are_context_rules(glossary):
    assert glossary.by_id["legal-status"].binding("legalstatus")
    assert glossary.by_id["human-trafficking"].binding("trafficking")
    assert not glossary.by_id["human-trafficking"].binding("humantrafficking")


def test_d10_full_un_titles_are_accepted(glossary):
    assert "accepted" in qualities(glossary, "朝鲜民主主义人民共和国人权状况特别报告员", "zh", "sr-dprk")
