"""Whole numeric expressions protected as one unit and rendered as Chinese and Korean write them; glossary
verbs left visible to the engine; the placeholder share of a sentence bounded."""

import pytest

from appealkit.expressions import find_expressions
from appealkit.facts import source_facts
from appealkit.glossary import load_glossary
from appealkit.protection import placeholder_share, protect, restore

from fake_engines import ScriptedEngine


GLOSSARY = load_glossary(None)


def expressions(text):
    facts = source_facts(text, GLOSSARY)
    return [(x.kind, x.text) for x in find_expressions(text, facts.figures, facts.times)]


@pytest.mark.parametrize(("text", "expected"), [
    ("pulls out of £11million deal", [("money", "£11million")]),
    ("up from €2.2 billion", [("money", "€2.2 billion")]),
    ("He paid $3.6bn", [("money", "$3.6bn")]),
    ("a fine of 500 euros", [("money", "500 euros")]),
    ("US$1.2 billion", [("money", "US$1.2 billion")]),
    ("about £5m", [("money", "about £5m")]),
    ("One in five children", [("ratio", "One in five")]),
    ("3 in 10 people", [("ratio", "3 in 10")]),
    ("at about 19:30 BST", [("clock", "about 19:30 BST")]),
    ("at 7.30pm", [("clock", "7.30pm")]),
    ("at 7 p.m. on Monday", [("clock", "7 p.m.")]),
    ("at 08:30 GMT", [("clock", "08:30 GMT")]),
    ("in the 1980s", [("decade", "1980s")]),
    ("10 to 15 people", [("range", "10 to 15")]),
    ("between 3 and 5 years", [("range", "between 3 and 5")]),
    ("more than 670 people", [("figure", "more than 670")]),
    ("25% of them", [("figure", "25%")]),
    ("Five won medals", [("figure", "Five")]),  # "won" after a small number is a verb, not a currency
    ("5m away", [("figure", "5")]),  # a bare "m" is a scale only after a currency sign
])
def test_english_expressions(text, expected):
    assert expressions(text) == expected


# The five sentences of issue 15, as the target language writes their facts.
EXAMPLES = [
    ("Newcastle pulls out of £11million deal.", "1100万英镑", "1100만 파운드"),
    ("It is up from €2.2 billion.", "22亿欧元", "22억 유로"),
    ("One in five children were affected.", "五分之一的", "5명 중 1명"),
    ("The fire started at about 19:30 BST.", "英国时间晚上7点30分左右", "영국 시간 오후 7시 30분쯤"),
    ("They met at 7.30pm.", "晚上7点30分", "오후 7시 30분"),
    ("It was built in the 1980s.", "20世纪80年代", "1980년대"),
    ("He paid $3.6bn for it.", "36亿美元", "36억 달러"),
]


@pytest.mark.parametrize(("sentence", "zh", "ko"), EXAMPLES)
@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_each_expression_is_one_placeholder_rendered_natively(glossary, sentence, zh, ko, lang):
    segment = protect(sentence, glossary, lang)
    assert len(segment.items) == 1 and segment.text.count("[[") == 1
    assert segment.items[0].target == (zh if lang == "zh" else ko)
    restored = restore(segment, ScriptedEngine().translate_batch([segment.text], lang)[0], lang, glossary)
    assert (zh if lang == "zh" else ko) in restored.text and not restored.needs_review


def test_a_ratio_takes_no_counter(glossary):
    segment = protect("One in five children were affected.", glossary, "zh")
    assert "名" not in segment.items[0].target and "5名" not in segment.text


def test_counters_only_before_nouns_for_people(glossary):
    people = protect("They detained 10 refugees.", glossary, "zh")
    things = protect("They burned 10 houses.", glossary, "zh")
    assert [i.target for i in people.items if i.kind == "figure"] == ["10名"]
    assert [i.target for i in things.items if i.kind == "figure"] == ["10"]
    korean = protect("They detained 10 refugees.", glossary, "ko")
    assert [i.target for i in korean.items if i.kind == "figure"] == ["10명의"]


VERB_SENTENCE = "China must not forcibly return the 10 refugees under Article 33 of the 1951 Refugee Convention."


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_glossary_verbs_stay_visible_and_the_share_is_bounded(glossary, lang):
    segment = protect(VERB_SENTENCE, glossary, lang)
    assert "forcibly return" in segment.text  # the verb is visible to the engine
    assert "forcible-repatriation" in [t.entry.id for t in segment.visible]
    assert segment.share <= 0.34 and not segment.over_limit
    assert placeholder_share(segment.text) == segment.share
    assert "1951" not in segment.text and "Article 33" not in segment.text  # facts stay protected


def test_verb_forms_are_told_from_nouns(glossary):
    from appealkit.enforcement import is_verb_form

    found = {m.text: is_verb_form(m) for m in glossary.find_in_english(
        "They detained him, forcibly returned others, repatriate some; detention and forced repatriation.")}
    assert found["detained"] and found["forcibly returned"] and found["repatriate"]
    assert not found["detention"] and not found["forced repatriation"]


def test_a_sentence_over_the_bound_is_flagged(glossary):
    segment = protect("On 4 November 2017, 10 refugees, 2 children.", glossary, "zh", max_share=0.1)
    assert segment.over_limit and segment.share > 0.1


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_a_lower_bound_leaves_more_nouns_visible(glossary, lang):
    tight = protect(VERB_SENTENCE, glossary, lang, max_share=0.2)
    loose = protect(VERB_SENTENCE, glossary, lang, max_share=1.0)
    assert len(tight.items) < len(loose.items) and tight.share <= loose.share
