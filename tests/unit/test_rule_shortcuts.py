"""The rules' shortcuts: a rule (or a match it shares) that finds nothing to look for in a bead's English returns
at once, without reading the translation. Each test builds a bead where the shortcut applies and the translation
has what the skipped work would have read, and pins what the full computation gives there; the rule still does
its full work when the English has the fact."""

from dataclasses import replace

from appealkit.alignment import Bead
from appealkit.checker import build_context
from appealkit.checks.citations import citation_year
from appealkit.checks.context import BeadContext
from appealkit.checks.dates import DateMatch, match_dates, match_weekdays
from appealkit.checks.figures import figure_added, match_figures
from appealkit.checks.structure import inline_code_lost
from appealkit.letters import parse_letter


def bead(glossary, en: str, target: str, lang: str = "zh") -> BeadContext:
    """The first aligned bead of a one-paragraph pair."""
    ctx = build_context(parse_letter(en, "en.md"), parse_letter(target, f"{lang}.md"), lang, glossary)
    return BeadContext(ctx, ctx.beads[0], 0)


def test_bead_context_lists_the_facts_of_its_paragraphs(glossary):
    ctx = build_context(
        parse_letter("One.\n\nTwo 2.\n", "en.md"), parse_letter("一。\n\n二 2。\n", "zh.md"), "zh", glossary
    )
    joined = BeadContext(ctx, Bead((0, 1), (0, 1)), 0)
    assert joined.sources() == [(0, ctx.source_facts[0]), (1, ctx.source_facts[1])]
    assert joined.targets() == [(0, ctx.target_facts[0]), (1, ctx.target_facts[1])]
    assert BeadContext(ctx, Bead((1,), ()), 1).targets() == []


def test_no_english_date_matches_nothing_whatever_dates_the_translation_has(glossary):
    ctx = bead(glossary, "They were detained on Tuesday.\n", "他们于2017年11月4日星期五被拘留。\n")
    source, target = ctx.sources()[0][1], ctx.targets()[0][1]
    assert source.weekdays and not source.dates and target.dates  # a weekday and no date in the English
    assert match_dates(ctx) == DateMatch()  # nothing matched, changed or missing: the loop over English dates is empty
    changed, missing = match_weekdays(ctx)
    assert [(day.text, found.text) for _, day, _, found in changed] == [("Tuesday", "星期五")] and missing == []


def test_no_english_weekday_matches_nothing(glossary):
    ctx = bead(glossary, "They were detained on 4 November 2017.\n", "他们于2017年11月4日星期五被拘留。\n")
    assert match_weekdays(ctx) == ([], [])
    assert len(match_dates(ctx).matched) == 1


def test_a_citation_without_a_year_needs_no_year(glossary):
    ctx = bead(glossary, "Article 33 of the Refugee Convention applies.\n", "1915年《难民公约》第33条适用。\n")
    assert ctx.sources()[0][1].citations and not any(c.year for c in ctx.sources()[0][1].citations)
    assert list(citation_year(ctx)) == []
    dated = bead(glossary, "Article 33 of the 1951 Refugee Convention applies.\n", "1915年《难民公约》第33条适用。\n")
    assert [h.found for h in citation_year(dated)] == ["1915"]  # the full path still runs when the English has one


def test_every_figure_matched_leaves_the_extra_numbers_over_without_change_candidates(glossary):
    ctx = bead(glossary, "Release the 10 refugees.\n", "释放这10名难民和他们的3个孩子。\n")
    match = match_figures(ctx)
    assert [found.value for *_, found in match.matched] == [10] and match.changed == match.missing == []
    assert [n.value for _, n in match.leftover] == [3]
    assert [h.found for h in figure_added(ctx)] == ["3"]


def test_a_changed_figure_is_still_found_among_the_candidates(glossary):
    match = match_figures(bead(glossary, "Release the 10 refugees.\n", "释放这100名难民。\n"))
    assert [(figure.value, found.value) for _, figure, _, found in match.changed] == [(10, 100)]


def test_no_figure_left_over_adds_nothing(glossary):
    ctx = bead(glossary, "Release the 10 refugees.\n", "释放这10名难民。\n")
    assert match_figures(ctx).leftover == [] and list(figure_added(ctx)) == []


def test_a_source_without_inline_codes_loses_none(glossary):
    ctx = bead(glossary, "Release them.\n", "释放他们。\n")
    letter = ctx.letter
    letter.target.paragraphs[0] = replace(letter.target.paragraphs[0], codes=("x:1",))
    assert list(inline_code_lost(ctx)) == []  # codes only in the translation: nothing lost
    letter.source.paragraphs[0] = replace(letter.source.paragraphs[0], codes=("x:1", "x:2"))
    assert [h.source_text for h in inline_code_lost(ctx)] == ["x:2"]
