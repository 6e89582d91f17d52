"""Context-bound glossary entries: a common English word is a glossary term only in its context.

One mechanism for issue 13 (President, Director, CAT in document symbols, legal status, bare trafficking) and
issue 9 (a glossary that knows its context): rules are data in the entry (``context:``), evaluated by
``glossary_context`` while matching English.
"""

import pytest

from appealkit.checker import check_letters
from appealkit.glossary_context import FormContext, Paragraph, applies
from appealkit.letters import parse_letter


def ids(glossary, text: str) -> list[str]:
    return [m.entry.id for m in glossary.find_in_english(text)]


def run(glossary, en: str, target: str, lang: str = "zh"):
    source = parse_letter(en, "en.md")
    translated = parse_letter(target, f"{lang}.md")
    return check_letters(source, translated, glossary, lang).findings


def errors(findings):
    return sorted(f.rule for f in findings if f.severity == "error")


@pytest.mark.parametrize("text", [
    "Dear President Xi Jinping,",
    "We call on President Xi Jinping to act.",
    "President\nXI Jinping Guojia Zhuxi\nThe State Council General Office",
])
def test_president_is_xis_title_beside_his_name(glossary, text):
    assert "title-president" in ids(glossary, text)


@pytest.mark.parametrize("text", [
    "Why has President Trump given up so much?",
    "The President said on Saturday that the American people saw it.",
    "He was president of Google's China branch.",
])
def test_president_elsewhere_is_not_a_glossary_term(glossary, text):
    assert "title-president" not in ids(glossary, text)


def test_president_of_the_prc_needs_no_context(glossary):
    assert "title-president" in ids(glossary, "the President of the People's Republic of China")


def test_director_only_for_the_liaoning_psd_director(glossary):
    block = "Director\nWang Dawei\nLiaoning Public Security Department\nSalutation: Dear Director"
    assert ids(glossary, block).count("title-director") == 2
    for text in ("Guy Cecil, director of Priorities USA, said so.", "the Executive Director of HanVoice",
                 "Marvin Cooke, Toyota's managing director at Burnaston"):
        assert "title-director" not in ids(glossary, text)


@pytest.mark.parametrize("symbol", ["CAT/C/GC/4", "CAT/C/CHN/CO/5", "see CAT/C/GC/4, para. 5"])
def test_cat_inside_a_document_symbol_is_not_the_convention(glossary, symbol):
    assert "convention-against-torture" not in ids(glossary, symbol)


def test_cat_in_running_text_is_the_convention(glossary):
    assert ids(glossary, "China is a party to the CAT.") == ["china", "convention-against-torture"]


def test_legal_status_of_an_agreement_is_not_a_persons_status(glossary):
    assert "legal-status" not in ids(glossary, "the legal status of the 1998 agreement is unclear")
    assert "legal-status" in ids(glossary, "granting a legal status to the North Korean escapees")


def test_drug_trafficking_is_not_human_trafficking(glossary):
    assert "human-trafficking" not in ids(glossary, "He was jailed for drug trafficking in China.")
    assert "human-trafficking" not in ids(glossary, "Drug trafficking is rising.")
    assert "human-trafficking" in ids(glossary, "North Korean women in China face trafficking and forced marriage.")
    assert "human-trafficking" in ids(glossary, "human trafficking")  # the multi-word form applies anywhere


def test_the_electric_chair_is_not_a_title(glossary):
    assert "title-chair" not in ids(glossary, "Both were put to death by the electric chair on June 19, 1953.")
    assert "title-chair" in ids(glossary, "Chair, East Asia Working Group")


def test_foreign_minister_is_the_prc_title_only_beside_china(glossary):
    assert "title-foreign-minister" in ids(glossary, "China's Foreign Minister Wang Yi")
    assert "title-foreign-minister" not in ids(glossary, "North Korea's foreign minister told the United Nations.")


def test_executed_means_capital_punishment_only_in_its_context(glossary):
    assert "execution" in ids(glossary, "North Koreans returned from China were executed.")
    assert "execution" not in ids(glossary, "The team executed the plan well.")


def test_outside_its_context_a_common_word_is_never_an_error(glossary):
    findings = run(glossary, "President Trump met the director of the FBI.\n", "特朗普总统会见了联邦调查局局长。\n")
    assert errors(findings) == []


def test_a_dropped_term_in_its_context_stays_an_error(glossary):
    findings = run(glossary, "We urge President Xi Jinping to act.\n", "我们敦促习近平采取行动。\n")
    assert errors(findings) == ["term-missing"]
    ko = run(glossary, "We urge President Xi Jinping to act.\n", "시진핑 대통령이 행동하기를 촉구합니다.\n", "ko")
    assert errors(ko) == ["term-missing"]


def test_document_symbol_citation_gives_no_spurious_treaty(glossary):
    findings = run(glossary, "See CAT/C/GC/4, paragraph 5.\n", "见CAT/C/GC/4第5段。\n")
    assert errors(findings) == []


class _Entry:
    def __init__(self, entry_id: str, kind: str = "person"):
        self.id, self.kind = entry_id, kind


class _Match:
    def __init__(self, entry_id: str, start: int, end: int, kind: str = "person"):
        self.entry, self.start, self.end = _Entry(entry_id, kind), start, end


def test_rules_compose_and_scopes_are_honoured():
    text = "The President spoke. Later Xi Jinping arrived."
    xi = _Match("xi-jinping", text.index("Xi"), text.index("Xi") + len("Xi Jinping"))
    span = (text.index("President"), text.index("President") + len("President"))
    paragraph_view = Paragraph(text, [xi])
    sentence = FormContext(near=("xi-jinping",))
    paragraph = FormContext(near=("xi-jinping",), within="paragraph")
    assert not applies([sentence], paragraph_view, *span)
    assert applies([paragraph], paragraph_view, *span)
    assert not applies([FormContext(near=("xi-jinping",), within=3)], paragraph_view, *span)
    assert applies([FormContext(near=("xi-jinping",), within=5)], paragraph_view, *span)
    assert applies([FormContext(near_kind=("person",), within="paragraph")], paragraph_view, *span)
    assert not applies([paragraph, FormContext(not_after=("the",))], paragraph_view, *span)


def test_many_bound_forms_in_one_paragraph(glossary):
    """Each sentence is judged on its own (the speed of this is benchmarks/hostile_input.py's business)."""
    text = "President " * 2000 + "Xi Jinping. " + "The President said. " * 2000
    matches = glossary.find_in_english(text)
    assert sum(m.entry.id == "title-president" for m in matches) == 2000  # only the sentence that names Xi


@pytest.mark.parametrize("lang, title", [("zh", "主席"), ("ko", "주석")])
def test_machine_translation_protects_a_bound_form_only_in_its_context(glossary, lang, title):
    from appealkit.protection import protect

    xi = protect("We urge President Xi Jinping to act.", glossary, lang)
    assert title in [item.target for item in xi.items]
    trump = protect("President Trump met the Director of the FBI.", glossary, lang)
    assert trump.items == [] and "President" in trump.text and "Director" in trump.text  # translated freely
    symbol = protect("See CAT/C/GC/4.", glossary, lang)
    assert [item.kind for item in symbol.items] == ["symbol"]
