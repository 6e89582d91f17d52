"""One or more tests per rule: what each rule must catch, and what it must leave alone."""

import pytest

from appealkit.checker import check_letters
from appealkit.checks import RULES
from appealkit.glossary import is_latin_acronym
from appealkit.letters import body_sha256, parse_letter


def run(glossary, en: str, target: str, lang: str = "zh", meta: str = ""):
    source = parse_letter(en, "letters/x/en.md")
    translated = parse_letter(f"---\nlang: {lang}\n{meta}---\n{target}" if meta else target, f"letters/x/{lang}.md")
    return check_letters(source, translated, glossary, lang).findings


def rules(findings, severity=None):
    return sorted(f.rule for f in findings if severity is None or f.severity == severity)


def errors(findings):
    return rules(findings, "error")


def test_every_rule_is_documented_with_valid_metadata():
    for rule in RULES.values():
        assert rule.doc and rule.summary, rule.id
        assert rule.id == rule.id.lower() and " " not in rule.id


# ---------------------------------------------------------------- figures
@pytest.mark.parametrize("lang,target", [
    ("zh", "据报道，2,000名朝鲜人被遣返。"), ("zh", "据报道，2000名朝鲜人被遣返。"), ("zh", "据报道，两千名朝鲜人被遣返。"),
    ("zh", "据报道，二千名朝鲜人被遣返。"), ("zh", "据报道，2千名朝鲜人被遣返。"),
    ("ko", "보도에 따르면 북한 주민 2,000명이 송환되었습니다."), ("ko", "보도에 따르면 북한 주민 2천 명이 송환되었습니다."),
    ("ko", "보도에 따르면 북한 주민 이천 명이 송환되었습니다."),
])
def test_thousands_in_every_notation(glossary, lang, target):
    assert "figure-missing" not in errors(run(glossary, "Reportedly 2,000 North Koreans were returned.\n", target + "\n", lang))


@pytest.mark.parametrize("lang,target", [
    ("zh", "九名朝鲜人"), ("zh", "9名朝鲜人"), ("ko", "북한 주민 아홉 명"), ("ko", "북한 주민 9명"),
])
def test_number_words(glossary, lang, target):
    assert errors(run(glossary, "nine North Koreans\n", target + "\n", lang)) == []


@pytest.mark.parametrize("lang,target", [("zh", "一名四岁儿童"), ("zh", "一名4岁儿童"), ("ko", "네 살 아이"), ("ko", "4세 아동")])
def test_ages(glossary, lang, target):
    for en in ("a four-year-old child\n", "a four year old child\n"):
        assert errors(run(glossary, en, target + "\n", lang)) == []


@pytest.mark.parametrize("lang,target", [("zh", "第十九届亚运会"), ("zh", "第19届亚运会"), ("ko", "제19회 아시안게임"), ("ko", "제19차 아시안게임")])
def test_ordinals(glossary, lang, target):
    assert "figure-missing" not in errors(run(glossary, "the 19th Asian Games\n", target + "\n", lang))


def test_dropped_figure_is_an_error(glossary):
    findings = run(glossary, "Release the 10 refugees.\n", "释放这些难民。\n")
    assert errors(findings) == ["figure-missing"]
    assert findings[0].source_text == "10" and "10" in findings[0].expected


def test_changed_figure_reports_both_values(glossary):
    findings = run(glossary, "about 60 refugees\n", "约600名难民\n")
    changed = [f for f in findings if f.rule == "figure-changed"]
    assert changed and "60" in changed[0].message and "600" in changed[0].message


def test_figure_given_twice_but_translated_once(glossary):
    findings = run(glossary, "10 refugees were detained; the 10 refugees face torture.\n", "10名难民被拘留，他们面临酷刑。\n")
    assert "figure-count" in errors(findings)


@pytest.mark.parametrize("target,expected", [("60名难民", ["figure-qualifier"]), ("约60名难民", []), ("60余名难民", [])])
def test_dropped_qualifier_is_a_warning(glossary, target, expected):
    findings = run(glossary, "about 60 refugees\n", target + "\n")
    assert errors(findings) == [] and rules(findings, "warning") == expected


@pytest.mark.parametrize("en,target", [("more than 670 people", "670여 명"), ("at least 92 people", "최소 92명")])
def test_qualifiers_kept_in_korean(glossary, en, target):
    findings = run(glossary, en + "\n", target + "\n", "ko")
    assert "figure-qualifier" not in rules(findings)


def test_figure_moved_to_neighbouring_paragraph(glossary):
    en = "Ten people were arrested in 2017.\n\nThey are at risk of torture.\n"
    zh = "有人于2017年被捕。\n\n这10人面临酷刑风险。\n"
    findings = [f for f in run(glossary, en, zh) if f.rule == "figure-missing"]
    assert findings and "neighbouring" in findings[0].message


def test_merged_paragraphs_are_not_omissions(glossary):
    en = "We write about 10 refugees.\n\nThey were arrested on 4 November 2017 in Shenyang.\n\nThank you.\n"
    zh = "我们就10名难民致信。他们于2017年11月4日在沈阳被捕。\n\n谢谢。\n"
    assert errors(run(glossary, en, zh)) == []


SIGNATORIES_EN = ("Signed:\n\n- Amnesty International\n- Human Rights Watch\n- Christian Solidarity Worldwide\n"
                  "- Committee for Human Rights in North Korea\n- Citizens\u2019 Alliance for North Korean Human Rights\n"
                  "- Asia Pacific Refugee Rights Network\n\nThank you.\n")


def test_a_list_split_into_more_than_three_paragraphs_is_aligned(glossary):
    """A signatory list split into one paragraph per name: the beads stop at 1-3, the pieces join the list."""
    pieces = ["- 国际特赦组织", "- 人权观察", "- Christian Solidarity Worldwide（世界基督徒团结会）", "- 朝鲜人权委员会",
              "- 朝鲜人权市民联合", "- 亚太难民权利网络"]
    zh = "签署：\n\n" + "\n\n".join(pieces) + "\n\n谢谢。\n"
    assert errors(run(glossary, SIGNATORIES_EN, zh)) == []
    dropped = "签署：\n\n" + "\n\n".join(pieces[:3] + pieces[4:]) + "\n\n谢谢。\n"
    assert "term-missing" in errors(run(glossary, SIGNATORIES_EN, dropped))


def test_five_paragraphs_merged_into_one_are_aligned(glossary):
    en = "".join(f"{n} refugees were held in {place}.\n\n" for n, place in
                 ((2, "Shenyang"), (3, "Tumen"), (4, "Beijing"), (5, "Jilin"), (6, "Liaoning")))
    zh = "沈阳有2名难民被拘留，图们有3名，北京有4名，吉林有5名，辽宁有6名。\n"
    assert errors(run(glossary, en, zh)) == []
    dropped = run(glossary, en + "Seven more are at risk of torture in Dandong.\n", zh)
    lost = {f.source_text for f in dropped if f.severity == "error"}
    assert {"Seven", "torture"} <= lost or "structure-missing-paragraph" in errors(dropped)


def test_added_figure_is_info_only(glossary):
    findings = run(glossary, "Release the refugees.\n", "释放这些难民（共10人）。\n")
    assert errors(findings) == [] and "figure-added" in rules(findings, "info")


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize("en,lang,target", [
    ("on 4 November 2017", "zh", "于2017年11月4日"), ("on November 4, 2017", "ko", "2017년 11월 4일에"),
    ("since mid-March 2017", "zh", "自2017年3月中旬起"), ("since mid-March 2017", "ko", "2017년 3월 중순부터"),
    ("in July 1998", "zh", "于1998年7月"), ("in early 2020", "ko", "2020년 초에"),
    ("(23 September to 8 October 2023)", "zh", "（2023年9月23日至10月8日）"), ("in 2014", "zh", "2014年"),
])
def test_dates_in_every_notation(glossary, en, lang, target):
    assert errors(run(glossary, en + "\n", target + "\n", lang)) == []


@pytest.mark.parametrize("target", ["于2017年11月", "于2017年11月5日", "于2017年12月4日"])
def test_lost_or_changed_day_or_month(glossary, target):
    assert "date-changed" in errors(run(glossary, "on 4 November 2017\n", target + "\n"))


def test_lost_date(glossary):
    assert "date-missing" in errors(run(glossary, "on 4 November 2017\n", "最近\n"))


def test_lost_part_of_month_is_a_warning(glossary):
    findings = run(glossary, "since mid-March 2017\n", "自2017年3月起\n")
    assert errors(findings) == [] and "date-part" in rules(findings, "warning")


# ---------------------------------------------------------------- citations
ART33 = "This violates Article 33 of the 1951 Refugee Convention.\n"


@pytest.mark.parametrize("lang,target", [
    ("zh", "这违反了1951年《难民公约》第33条。"), ("zh", "这违反了1951年《关于难民地位的公约》第三十三条。"),
    ("ko", "이는 1951년 「난민의 지위에 관한 협약」 제33조를 위반합니다."),
])
def test_full_citation_kept(glossary, lang, target):
    assert [f.rule for f in run(glossary, ART33, target + "\n", lang) if f.category == "citation"] == []


def test_citation_parts_are_reported_separately(glossary):
    assert errors(run(glossary, ART33, "这违反了1951年《难民公约》。\n")) == ["citation-article"]
    assert errors(run(glossary, ART33, "这违反了1951年第33条。\n")) == ["citation-instrument"]
    findings = run(glossary, ART33, "这违反了《关于难民地位的公约》第33条。\n")
    assert errors(findings) == [] and "citation-year" in rules(findings, "warning")


def test_citation_paragraph(glossary):
    en = "Under article 4(1) of the Exit and Entry Administration Law, they must be screened.\n"
    assert errors(run(glossary, en, "根据《中华人民共和国出境入境管理法》第4条第1款，应当进行甄别。\n")) == []
    assert "citation-paragraph" in errors(run(glossary, en, "根据《中华人民共和国出境入境管理法》第4条，应当进行甄别。\n"))


def test_un_symbol_must_survive(glossary):
    en = "See the report A/70/302 and CAT/C/GC/4.\n"
    assert errors(run(glossary, en, "见报告A/70/302和CAT/C/GC/4。\n")) == []
    assert "citation-symbol" in errors(run(glossary, en, "见报告A/70/320和CAT/C/GC/4。\n"))


# ---------------------------------------------------------------- terms
def test_glossary_term_preferred_accepted_forbidden_missing(glossary):
    en = "China must respect the principle of non-refoulement.\n"
    assert [f for f in run(glossary, en, "中国必须尊重不驱回原则。\n") if f.category == "term"] == []
    assert errors(run(glossary, en, "中国必须尊重不遣返原则。\n")) == ["term-forbidden"]
    assert errors(run(glossary, en, "中国必须尊重国际法。\n")) == ["term-missing"]
    accepted = run(glossary, en, "중국은 강제송환금지원칙을 존중해야 합니다.\n", "ko")
    assert errors(accepted) == []


def test_term_variant_is_a_warning(glossary):
    findings = run(glossary, "China must respect the principle of non-refoulement.\n", "中国必须尊重不推回原则。\n")
    assert errors(findings) == [] and "term-variant" in rules(findings, "warning")


def test_official_treaty_wording_with_a_bracketed_word_is_one_term(glossary):
    """CAT art. 3 reads "expel, return (refouler) or extradite": the bracket does not split the term, so the
    official zh/ko wording (no 'refouler') is not a missing "refouler"."""
    en = "No State Party shall expel, return (refouler) or extradite a person to another State.\n"
    assert errors(run(glossary, en, "任何缔约国不得将任何人驱逐、遣返或引渡至另一国家。\n")) == []
    assert errors(run(glossary, en, "어떠한 당사국도 개인을 다른 나라로 추방ㆍ송환 또는 인도하여서는 아니 된다.\n", "ko")) == []


def test_number_inside_a_name_is_not_required_when_a_correct_rendering_lacks_it(glossary):
    en = "Restrictions during the COVID-19 pandemic kept them in China.\n"
    assert errors(run(glossary, en, "新冠疫情期间的限制使他们滞留中国。\n")) == []
    assert "figure-changed" in errors(run(glossary, en, "新冠（COVID-18）疫情期间的限制使他们滞留中国。\n"))
    games = "They wrote ahead of the 19th Asian Games Hangzhou 2022.\n"
    assert errors(run(glossary, games, "他们在第19届亚运会之前致信。\n")) == []
    assert "figure-changed" in errors(run(glossary, games, "他们在杭州2023年第19届亚运会之前致信。\n"))


def test_a_document_symbol_in_a_translators_note_adds_no_figure(glossary):
    en = "In February 2014 the UN Commission of Inquiry released its report.\n"
    ko = "2014년 2월, 유엔 북한인권조사위원회는 보고서를 발표했다. [역자 주: 문서번호는 A/HRC/25/CRP.1이다.]\n"
    assert [f for f in run(glossary, en, ko, "ko") if f.category == "figure"] == []


def test_a_finding_about_the_translation_only_points_at_the_aligned_english(glossary):
    en = "Title\n\nTen refugees were held.\n"
    findings = run(glossary, en, "标题\n\n十名难民被拘留，另有3人。\n")
    (added,) = [f for f in findings if f.rule == "figure-added"]
    assert added.source_line == 3 and added.line == 3


def test_a_name_without_its_number_does_not_take_another_figures_number(glossary):
    """COVID-19 → 新冠疫情 needs no 19; the 19 of 第19届亚运会 belongs to "19th Asian Games" in the same paragraph."""
    en = "Returns had stopped since the Covid-19 pandemic, and athletes will attend the 19th Asian Games.\n"
    zh = "自新冠疫情以来遣返已停止，运动员将参加第19届亚运会。\n"
    assert errors(run(glossary, en, zh)) == []
    assert "figure-changed" in errors(run(glossary, en, zh.replace("第19届", "第18届")))


def test_digits_inside_a_target_name_are_not_added_figures(glossary):
    findings = run(glossary, "Signed: Korean War POW Family Association\n", "서명: 6·25국군포로가족회\n", "ko")
    assert [f.rule for f in findings if f.category == "figure"] == []


def test_stand_alone_korean_numeral_counts(glossary):
    en = "Two women were held. Two other women were released.\n"
    assert errors(run(glossary, en, "여성 두 명이 구금되었다. 또 다른 여성 둘은 석방되었다.\n", "ko")) == []


def test_gap_forms_accept_a_modifier_inside_a_rendering(glossary):
    """朝鲜…难民 in the glossary: a relative clause between the parts is a variant, not a missing term."""
    en = "China must not return North Korean refugees.\n"
    assert rules(run(glossary, en, "中国不得遣返逃离朝鲜的难民。\n")) == ["term-variant"]
    assert rules(run(glossary, en, "중국은 북한을 탈출하는 난민을 돌려보내서는 안 됩니다.\n", "ko")) == ["term-variant"]
    assert "term-missing" in errors(run(glossary, en, "中国不得遣返朝鲜人。中国难民署另行处理。\n"))  # not across a sentence


MOVED_EN = (
    "China's forcible repatriation would violate the Convention against Torture. The Committee against Torture "
    "said, with reference to nationals of the DPRK, that:\n\n"
    "\u201cUnder no circumstance should the State party expel, return or extradite a person to another State where "
    "there are substantial grounds for believing that he or she would be in danger of being subjected to torture.\u201d\n"
)
MOVED_KO = (
    "중국의 강제송환은 고문방지협약을 위반하는 것입니다.\n\n"
    "{committee} 북한 국적자와 관련하여 다음과 같이 밝혔습니다. \u201c당사국은 어떠한 경우에도 고문을 받을 위험이 있다고 "
    "믿을 만한 상당한 근거가 있는 다른 국가로 개인을 추방·송환 또는 인도해서는 안 된다.\u201d\n"
)


def test_sentence_moved_across_a_paragraph_break_joins_the_two_pairs(glossary):
    """The translator moved "The Committee ... said that:" into the quote's paragraph: both terms are there."""
    findings = run(glossary, MOVED_EN, MOVED_KO.format(committee="고문방지위원회는"), "ko")
    assert errors(findings) == []
    (joined,) = [f for f in findings if f.rule == "structure-joined-paragraphs"]
    assert joined.severity == "info" and "paragraphs 1–2" in joined.message


def test_a_moved_sentence_that_also_lost_a_fact_is_still_an_error(glossary):
    findings = run(glossary, MOVED_EN, MOVED_KO.format(committee="위원회는"), "ko")
    assert "term-missing" in errors(findings)


def test_a_single_moved_citation_is_reported_with_where_it_went(glossary):
    en = ("The expulsion is based on article 4(1) of the agreement. Article 4, paragraph 2 adds more.\n\n"
          "This violates article 33 of the Refugee Convention.\n")
    zh = "驱逐的依据是该协定第4条第1款。\n\n该协定第4条第2款还有规定。这违反《难民公约》第33条。\n"
    (finding,) = [f for f in run(glossary, en, zh) if f.severity == "error"]
    assert finding.rule == "citation-paragraph" and "neighbouring paragraph" in finding.message


def test_short_form_after_the_full_name_is_not_a_variant(glossary):
    en = "The DPRK punishes defectors.\n\nThe DPRK must stop.\n"
    full_then_short = "朝鲜民主主义人民共和国惩罚叛逃者。\n\n朝鲜必须停止。\n"
    assert [f for f in run(glossary, en, full_then_short) if f.rule == "term-variant" and f.source_text == "DPRK"] == []
    short_only = "朝鲜惩罚叛逃者。\n\n朝鲜必须停止。\n"
    assert [f.source_text for f in run(glossary, en, short_only) if f.rule == "term-variant"].count("DPRK") == 2


def test_listed_short_form_after_the_full_name_is_not_a_variant_in_korean(glossary):
    en = "The DPRK is a party.\n\nThe DPRK must act.\n"
    findings = run(glossary, en, "조선민주주의인민공화국은 당사국이다.\n\n북한은 행동해야 한다.\n", "ko")
    assert [f for f in findings if f.category == "term"] == []
    early = run(glossary, en, "북한은 당사국이다.\n\n북한은 행동해야 한다.\n", "ko")
    assert [f.message for f in early if f.rule == "term-variant"][0].startswith("'북한' is the short form")


@pytest.mark.parametrize("en, target, lang, warned", [
    ("The words of a North Korean mother echo the reality.\n", "一位朝鲜母亲的话道出了现实。\n", "zh", False),
    ("The words of a North Korean mother echo the reality.\n", "한 북한 어머니의 글은 현실을 보여 줍니다.\n", "ko", False),
    ("He is a North Korean who fled.\n", "他是一名逃离的朝鲜。\n", "zh", True),  # a noun: 朝鲜人 expected
])
def test_demonym_before_a_noun_takes_its_modifier_form(glossary, en, target, lang, warned):
    assert ("term-variant" in rules(run(glossary, en, target, lang), "warning")) is warned


def test_organization_acronym_kept_in_latin_script_is_preferred(glossary):
    findings = run(glossary, "APRRN calls on China to act.\n", "APRRN 呼吁中国采取行动。\n")
    assert [f for f in findings if f.category == "term"] == []


@pytest.mark.parametrize("form, acronym", [("USA", True), ("HRNK", True), ("KontraS", True), ("KARAPATAN", True),
                                           ("ILGA 아시아", False), ("New", False), ("U", False), ("Norway", False)])
def test_latin_acronyms(form, acronym):
    assert is_latin_acronym(form) is acronym


def test_short_acronym_kept_in_an_address_is_not_missing(glossary):
    findings = run(glossary, "New York, NY 10016-4309, USA\n", "New York, NY 10016-4309, USA\n")
    assert errors(findings) == []


def test_acronym_with_the_country_translated(glossary):
    assert errors(run(glossary, "Signed by ACAT – Belgique.\n", "ACAT 벨기에가 서명했다.\n", "ko")) == []
    assert errors(run(glossary, "Signed by ACAT – Belgique.\n", "ACAT比利时签署。\n")) == []


def test_accepted_form_embedding_the_preferred_one_is_not_a_variant(glossary):
    """联合国禁止酷刑委员会 contains the preferred 禁止酷刑委员会 verbatim: a fuller official name, no warning."""
    findings = run(glossary, "the Committee against Torture\n", "联合国禁止酷刑委员会\n")
    assert [f for f in findings if f.category == "term"] == []
    assert rules(run(glossary, "They were detained in Shenyang.\n", "他们在沈阳市被拘留。\n", "zh"), "warning") == []


# ---------------------------------------------------------------- entities, untranslated, structure, stale
def test_entities_survive_verbatim(glossary):
    en = "Write to info@example.org or see https://www.hrw.org/news. Fax: +86 10 6532 6806.\n"
    assert errors(run(glossary, en, "请致信info@example.org或见https://www.hrw.org/news。传真：+86 10 6532 6806。\n")) == []
    broken = errors(run(glossary, en, "请致信info@example.com或见网站。传真：+86 10 6532 6808。\n"))
    assert broken.count("entity-missing") == 3


def test_short_english_sentence_left_untranslated(glossary):
    en = "Thank you for your attention. Together, we can work towards a more just and humane world.\n"
    zh = "感谢您的关注。Together, we can work towards a more just and humane world.\n"
    assert "untranslated-sentence" in errors(run(glossary, en, zh))


@pytest.mark.parametrize("target, part", [("他们于2016年11月4日被拘留。", "year changed"),
                                          ("他们于2017年11月14日被拘留。", "day changed"),
                                          ("他们于2017年12月4日被拘留。", "month changed"),
                                          ("他们于2017年11月被拘留。", "day lost")])
def test_date_changed_names_the_part(glossary, target, part):
    findings = run(glossary, "They were detained on 4 November 2017.\n", target + "\n")
    assert [f.message.split(": ", 1)[1].split(" in the")[0] for f in findings if f.rule == "date-changed"] == [part]


@pytest.mark.parametrize("en, target, lang", [
    ("At least 1,170 people were held.\n", "至少1710人被关押。\n", "zh"),  # neighbouring digits swapped
    ("For three decades China has returned them.\n", "중국은 20여 년 동안 이들을 돌려보냈다.\n", "ko"),  # 30 → 20
])
def test_figure_changed_not_just_missing(glossary, en, target, lang):
    assert errors(run(glossary, en, target, lang)) == ["figure-changed"]


def test_untranslated_english_sentence(glossary):
    en = "We are writing to express our concern about the situation.\n"
    zh = "We are writing to express our concern about the situation.\n"
    assert "untranslated-sentence" in errors(run(glossary, en, zh))
    names = "Human Rights Watch; Amnesty International; Committee for Human Rights in North Korea\n"
    assert "untranslated-sentence" not in rules(run(glossary, names, names))


def test_missing_paragraph(glossary):
    risk = "Their safety is at risk, and they urgently need the protection that international law guarantees. " * 3
    en = f"We write to you about the refugees.\n\n{risk}\n\nSincerely,\n"
    zh = "我们就难民问题致信阁下。\n\n此致\n"
    assert "structure-missing-paragraph" in errors(run(glossary, en, zh))


def test_added_paragraph_is_info(glossary):
    en = "We write to you about the refugees.\n"
    zh = "【译者注：本文为非官方译文，仅供参考，如有出入，以英文原文为准；译文由志愿者完成并经审校。】\n\n我们就难民问题致信阁下。\n"
    findings = run(glossary, en, zh)
    assert errors(findings) == [] and "structure-added-paragraph" in rules(findings, "info")


def test_stale_translation_is_a_warning(glossary):
    en = "We write to you about the refugees.\n"
    fresh = run(glossary, en, "我们就难民问题致信阁下。\n", meta=f"source_sha256: {body_sha256(en)}\n")
    assert "stale-source" not in rules(fresh)
    stale = run(glossary, en, "我们就难民问题致信阁下。\n", meta="source_sha256: 0000\n")
    assert "stale-source" in rules(stale, "warning")


def test_pseudo_output_cannot_be_approved(glossary):
    findings = run(glossary, "We write.\n", "〔zh〕 Wé wrîté.\n", meta="engine: pseudo\nstatus: approved\n")
    assert "structure-pseudo-approved" in errors(findings)


def test_paragraphs_moved_within_the_window_are_realigned(glossary):
    en = ("We write about the 10 refugees arrested on 4 November 2017.\n\n"
          "China ratified the Convention against Torture in 1988.\n\n"
          "About 60 North Koreans were sent back in 2019.\n")
    zh = ("中国于1988年批准了《禁止酷刑公约》。\n\n"
          "我们就2017年11月4日被捕的10名难民致信阁下。\n\n"
          "2019年约有60名朝鲜人被遣返。\n")
    assert errors(run(glossary, en, zh)) == []
