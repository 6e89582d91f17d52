"""The review page: one self-contained HTML file (no network, no external assets) for a person to read.

A summary table per letter and language, then each letter's aligned source and target paragraphs side by side
with every finding highlighted at its span in both languages and explained (rule, message, what was expected).
Filters by severity and category are a little inline JavaScript on top of a page that is complete without it.

Accessibility choices, because reviewers include screen-reader users and people printing in black and white:
real tables with ``<caption>`` and ``<th scope>``; severity always written as text next to its icon, and
highlights differ by underline style as well as colour; ``lang`` on every cell so that Chinese and Korean get
the right fonts, line breaking and speech.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from appealkit import __version__
from appealkit.findings import CATEGORIES, SEVERITIES, SEVERITY_RANK, Finding, summarize
from appealkit.reports import LANG_NAMES, LANG_TAGS, clause_pair, where_in_unit

if TYPE_CHECKING:
    from appealkit.checker import PairResult
    from appealkit.suppressions import SuppressedFinding

ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}


# ------------------------------------------------------------------ numbers for the summary


def glossary_adherence(ctx) -> tuple[int, int]:
    """(occurrences rendered with the preferred form, source occurrences) over the aligned beads.

    Each source occurrence of a glossary term that has a rendering for the language counts once; it is
    adherent when the aligned target paragraphs hold as many preferred renderings of the same entry.
    """
    kept = total = 0
    for bead in ctx.beads:
        wanted = Counter(
            t.entry.id
            for i in bead.source
            for t in ctx.source_facts[i].terms
            if t.entry.rendering(ctx.lang) is not None
        )
        preferred = Counter(
            t.entry.id for j in bead.target for t in ctx.target_facts[j].terms if t.quality == "preferred"
        )
        total += sum(wanted.values())
        kept += sum(min(count, preferred[entry]) for entry, count in wanted.items())
    return kept, total


def adherence_text(kept: int, total: int) -> str:
    return f"{round(100 * kept / total)}% ({kept} of {total})" if total else "n/a (no glossary terms)"


# ------------------------------------------------------------------ placing findings


@dataclass
class Placed:
    """A finding with its number on the page and where it shows."""

    finding: Finding
    number: int
    bead: int | None  # None: a whole-letter finding

    @property
    def key(self) -> str:
        return f"f{self.number}"


@dataclass
class PairView:
    result: PairResult
    anchor: str
    placed: list[Placed] = field(default_factory=list)
    suppressed: list[SuppressedFinding] = field(default_factory=list)

    def in_bead(self, index: int) -> list[Placed]:
        return [p for p in self.placed if p.bead == index]


def _bead_of(result: PairResult, finding: Finding) -> int | None:
    if finding.file != str(result.pair.target):
        return None  # e.g. an unused suppression: it belongs to the ignore file, not to a paragraph
    for index, bead in enumerate(result.context.beads):
        if finding.source_paragraph is not None and finding.source_paragraph in bead.source:
            return index
        if finding.source_paragraph is None and finding.target_paragraph in bead.target:
            return index
    return None


def _errors_first(results: Sequence[PairResult]) -> list[PairResult]:
    """Letters with errors first, then with warnings, each group in the checked order: a reviewer starts with
    what fails the gate."""

    def rank(result: PairResult) -> tuple[int, int]:
        counts = summarize(result.findings)
        return -counts["error"], -counts["warning"]

    return sorted(results, key=rank)


def _views(results: Sequence[PairResult], suppressed: Sequence[SuppressedFinding]) -> list[PairView]:
    views: list[PairView] = []
    used: set[str] = set()
    number = 0
    for result in _errors_first(results):
        anchor = _unique(f"{result.pair.slug}-{result.pair.lang}", used)
        view = PairView(result, anchor, suppressed=[s for s in suppressed if s.finding.file == str(result.pair.target)])
        for finding in result.findings:
            number += 1
            view.placed.append(Placed(finding, number, _bead_of(result, finding)))
        views.append(view)
    return views


def _unique(anchor: str, used: set[str]) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in anchor) or "letter"
    candidate, n = safe, 1
    while candidate in used:
        n += 1
        candidate = f"{safe}-{n}"
    used.add(candidate)
    return candidate


# ------------------------------------------------------------------ highlighting text


@dataclass(frozen=True)
class Mark:
    key: str
    number: int
    severity: str
    start: int
    end: int
    side: str  # "src" or "tgt": makes the badge's id unique per language


def _badge(mark: Mark, note: str = "") -> str:
    label = f"{LABELS[mark.severity]}, finding {mark.number}{': ' + note if note else ''}"
    text = f"{ICONS[mark.severity]}\u2009{mark.number}{' ' + note if note else ''}"
    return (
        f'<a class="ref sev-{mark.severity}" id="{mark.key}-{mark.side}" href="#{mark.key}" '
        f'data-f="{mark.key}" aria-label="{escape(label)}">{escape(text)}</a>'
    )


def highlight(text: str, marks: Sequence[Mark], trailing: Sequence[tuple[Mark, str]] = ()) -> str:
    """Escape ``text`` and wrap each span in ``<mark>``; overlapping spans are split into segments, each
    styled by the worst severity covering it, and a numbered badge follows the end of every span."""
    valid = [m for m in marks if 0 <= m.start <= m.end <= len(text)]
    trailing = [*trailing, *((m, "") for m in marks if m not in valid)]  # a bad span still gets its badge
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out = [_badge(m) for m in valid if m.start == m.end == 0]
    for a, b in itertools.pairwise(cuts):
        covering = [m for m in valid if m.start <= a and b <= m.end and m.start < m.end]
        segment = escape(text[a:b])
        if covering:
            worst = max(covering, key=lambda m: SEVERITY_RANK[m.severity]).severity
            keys = " ".join(m.key for m in covering)
            segment = f'<mark class="hl sev-{worst}" data-f="{keys}">{segment}</mark>'
        out.append(segment)
        out += [_badge(m) for m in valid if m.end == b]
    out += [_badge(m, note) for m, note in trailing]
    return "".join(out)


def _marks(placed: Iterable[Placed], side: str, paragraph: int) -> tuple[list[Mark], list[tuple[Mark, str]]]:
    """Marks for one paragraph; findings that point at it without a span get a badge at its end."""
    marks, trailing = [], []
    for p in placed:
        f = p.finding
        index, span = (f.source_paragraph, f.source_span) if side == "src" else (f.target_paragraph, f.target_span)
        if index != paragraph:
            continue
        start, end = span if span is not None else (0, 0)
        mark = Mark(p.key, p.number, f.severity, start, end, side)
        if span is None:
            trailing.append((mark, "" if side == "src" else "not found here"))
        else:
            marks.append(mark)
    return marks, trailing


# ------------------------------------------------------------------ page parts


def _summary_table(views: Sequence[PairView]) -> str:
    rows = []
    for view in views:
        ctx, counts = view.result.context, summarize(view.result.findings)
        stale = sum(1 for f in view.result.findings if f.category == "stale")
        lang = view.result.pair.lang
        cells = [
            f'<th scope="row"><a href="#{view.anchor}">{escape(view.result.pair.slug)}</a></th>',
            f"<td>{escape(LANG_NAMES.get(lang, lang))} ({escape(lang)})</td>",
            *(f'<td class="num">{_count(sev, counts[sev])}</td>' for sev in SEVERITIES),
            f"<td>{'⚠ stale: the English changed' if stale else 'current'}</td>",
            f'<td class="num">{escape(adherence_text(*glossary_adherence(ctx)))}</td>',
            f'<td class="num">{len(view.suppressed)}</td>',
        ]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Letter", "Language", "Errors", "Warnings", "Info", "Stale", "Glossary adherence", "Suppressed")
    )
    return (
        f'<table class="summary"><caption>Findings per letter and language</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _count(severity: str, n: int) -> str:
    if not n:
        return "0"
    return f'<span class="sev-text sev-{severity}"><span aria-hidden="true">{ICONS[severity]}</span> {n}</span>'


def _with_cue(text: str, cue: Sequence[int] | None) -> str:
    """The clause escaped, with its negation cue (a meaning finding's ``extra``) in <mark class="cue">."""
    if not cue or not 0 <= cue[0] < cue[1] <= len(text):
        return escape(text)
    start, end = cue
    return f'{escape(text[:start])}<mark class="cue">{escape(text[start:end])}</mark>{escape(text[end:])}'


def _finding_item(p: Placed, target_lang: str) -> str:
    f = p.finding
    pair = clause_pair(f)
    details = []
    if f.source_text:
        linked = p.bead is not None and f.source_paragraph is not None
        where = f' (<a href="#{p.key}-src">line {f.source_line}</a>)' if linked else ""
        details.append(
            f"<dt>English{where}</dt>"
            f'<dd lang="en">{_with_cue(f.source_text, f.extra.get("source_cue") if pair else None)}</dd>'
        )
    if f.expected and f.category != "stale":
        details.append(f'<dt>Expected</dt><dd lang="{target_lang}">{escape(" | ".join(f.expected[:6]))}</dd>')
    if f.found:
        label = "Translation" if pair else "Found"
        details.append(
            f"<dt>{label}</dt>"
            f'<dd lang="{target_lang}">{_with_cue(f.found, f.extra.get("target_cue") if pair else None)}</dd>'
        )
    details.append(f"<dt>Where</dt><dd>{escape(f.file)} {escape(where_in_unit(f))}line {f.line}</dd>")
    return (
        f'<li class="finding sev-{f.severity}" id="{p.key}" data-severity="{f.severity}" '
        f'data-category="{escape(f.category)}" data-f="{p.key}">'
        f'<p class="head"><span class="sev-text sev-{f.severity}"><span aria-hidden="true">{ICONS[f.severity]}'
        f'</span> {LABELS[f.severity]}</span> <span class="num">#{p.number}</span> '
        f'<code class="rule">{escape(f.rule)}</code> <span class="cat">{escape(f.category)}</span></p>'
        f'<p class="msg">{escape(f.message)}</p><dl>{"".join(details)}</dl></li>'
    )


def _findings_list(placed: Sequence[Placed], target_lang: str) -> str:
    return f'<ul class="findings">{"".join(_finding_item(p, target_lang) for p in placed)}</ul>'


def _paragraph_html(
    text: str, line: int, marks: list[Mark], trailing: list[tuple[Mark, str]], unit: str | None = None
) -> str:
    label = f"unit {escape(unit)}, line {line}" if unit is not None else f"line {line}"
    return f'<p><span class="ln">{label}</span> <span class="text">{highlight(text, marks, trailing)}</span></p>'


def _cell(view: PairView, side: str, indices: Sequence[int], placed: Sequence[Placed]) -> str:
    """One side of a bead. Findings without a paragraph on this side (a fact missing from the translation)
    get a "missing here" badge after the bead's last paragraph, so they show in both languages."""
    ctx = view.result.context
    letter = ctx.source if side == "src" else ctx.target
    lang = "en" if side == "src" else LANG_TAGS.get(view.result.pair.lang, view.result.pair.lang)
    note = "missing here" if side == "tgt" else ""
    orphans = [
        (Mark(p.key, p.number, p.finding.severity, 0, 0, side), note)
        for p in placed
        if (p.finding.source_paragraph if side == "src" else p.finding.target_paragraph) is None
    ]
    if not indices:
        empty = "No translated paragraph is aligned with this one." if side == "tgt" else "No source paragraph."
        badges = "".join(_badge(mark, text) for mark, text in orphans)
        return f'<td class="{side}" lang="{lang}"><p class="empty"><em lang="en">{empty}</em> {badges}</p></td>'
    parts = []
    for n, i in enumerate(indices):
        marks, trailing = _marks(placed, side, i)
        if n == len(indices) - 1 and side == "tgt":
            trailing += orphans
        paragraph = letter.paragraphs[i]
        parts.append(_paragraph_html(paragraph.text, paragraph.line, marks, trailing, paragraph.unit))
    return f'<td class="{side}" lang="{lang}">{"".join(parts)}</td>'


def _aligned_table(view: PairView) -> str:
    ctx, lang = view.result.context, view.result.pair.lang
    name = LANG_NAMES.get(lang, lang)
    tag = LANG_TAGS.get(lang, lang)
    rows = []
    for index, bead in enumerate(ctx.beads):
        placed = view.in_bead(index)
        keys = " ".join(p.key for p in placed)
        flagged = ' class="bead flagged"' if placed else ' class="bead"'
        label = _bead_label(bead)
        rows.append(
            f'<tr{flagged} data-f="{keys}"><th scope="row">{label}</th>'
            f"{_cell(view, 'src', bead.source, placed)}{_cell(view, 'tgt', bead.target, placed)}</tr>"
        )
        if placed:
            rows.append(
                f'<tr class="notes" data-f="{keys}"><th scope="row"><span class="sr-only">Findings for '
                f'{label}</span></th><td colspan="2">{_findings_list(placed, tag)}</td></tr>'
            )
    head = (
        f'<th scope="col">Paragraph</th><th scope="col">English source</th>'
        f'<th scope="col">{escape(name)} translation</th>'
    )
    return (
        f'<table class="aligned"><caption>Aligned paragraphs of {escape(view.result.pair.slug)}: English and '
        f"{escape(name)}, with findings</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _bead_label(bead) -> str:
    def numbers(indices: Sequence[int]) -> str:
        return (
            "–".join(str(i + 1) for i in (indices[0], indices[-1]))
            if len(indices) > 1
            else (str(indices[0] + 1) if indices else "—")
        )

    return f"¶ {numbers(bead.source)} ↔ {numbers(bead.target)}"


def _suppressed_block(view: PairView) -> str:
    if not view.suppressed:
        return ""
    items = "".join(
        f"<li><code>{escape(s.finding.rule)}</code> {escape(s.finding.message)} — reason: "
        f"{escape(s.suppression.reason)}</li>"
        for s in view.suppressed
    )
    return (
        f'<details class="suppressed"><summary>{len(view.suppressed)} suppressed finding(s)</summary>'
        f"<ul>{items}</ul></details>"
    )


def _pair_section(view: PairView) -> str:
    pair, counts = view.result.pair, summarize(view.result.findings)
    name = LANG_NAMES.get(pair.lang, pair.lang)
    letter_level = [p for p in view.placed if p.bead is None]
    whole = ""
    if letter_level:
        whole = (
            f"<h3>Findings about the whole letter</h3>"
            f"{_findings_list(letter_level, LANG_TAGS.get(pair.lang, pair.lang))}"
        )
    status = f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    return (
        f'<section class="pair" id="{view.anchor}" aria-labelledby="{view.anchor}-h">'
        f'<h2 id="{view.anchor}-h">{escape(pair.slug)} — {escape(name)}</h2>'
        f'<p class="files">English <code>{escape(str(pair.source))}</code>, translation '
        f"<code>{escape(str(pair.target))}</code>: {status}.</p>"
        f"{whole}{_suppressed_block(view)}{_aligned_table(view)}</section>"
    )


def _filters(views: Sequence[PairView]) -> str:
    """Hidden until the script runs: without JavaScript every finding is shown and no dead control is."""
    findings = [p.finding for v in views for p in v.placed]
    by_sev, by_cat = Counter(f.severity for f in findings), Counter(f.category for f in findings)
    sev = "".join(
        f'<label><input type="checkbox" name="severity" value="{s}" checked> '
        f'<span aria-hidden="true">{ICONS[s]}</span> {LABELS[s]} ({by_sev[s]})</label>'
        for s in SEVERITIES
    )
    cats = [c for c in CATEGORIES if by_cat[c]] + sorted(c for c in by_cat if c not in CATEGORIES)
    cat = (
        "".join(
            f'<label><input type="checkbox" name="category" value="{escape(c)}" checked> '
            f"{escape(c)} ({by_cat[c]})</label>"
            for c in cats
        )
        or "<span>none</span>"
    )
    return (
        '<form id="filters" class="filters" hidden aria-label="Filter findings">'
        f"<fieldset><legend>Severity</legend>{sev}</fieldset>"
        f"<fieldset><legend>Category</legend>{cat}</fieldset>"
        # The page opens on the paragraphs with findings when there are any; one click shows the rest.
        f'<fieldset><legend>Paragraphs</legend><label><input type="checkbox" id="only-flagged"'
        f"{' checked' if findings else ''}> Only paragraphs with findings</label></fieldset>"
        f'<p id="filter-status" role="status" aria-live="polite">Showing all {len(findings)} findings.</p></form>'
    )


def render(
    results: Sequence[PairResult],
    suppressed: Sequence[SuppressedFinding] = (),
    title: str = "Translation review",
    **_: object,
) -> str:
    views = _views(results, suppressed)
    findings = [f for r in results for f in r.findings]
    counts = summarize(findings)
    letters = len({r.pair.slug for r in results})
    intro = (
        f"{len(results)} translation(s) of {letters} letter(s) checked by appealkit {__version__}: "
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info, "
        f"{len(suppressed)} suppressed."
    )
    body = (
        f'<a class="skip" href="#summary">Skip to the summary</a><header><h1>{escape(title)}</h1>'
        f"<p>{escape(intro)}</p></header>{_filters(views)}"
        '<noscript><p class="note">Filters need JavaScript; every finding is shown.</p></noscript>'
        f'<main><section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>'
        f"{_summary_table(views)}</section>{''.join(_pair_section(v) for v in views)}</main>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="appealkit {__version__}">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head>\n<body>{body}<script>{SCRIPT}</script>"
        f"</body></html>\n"
    )


CSS = """
:root { --error: #b3261e; --error-bg: #fde2e1; --warning: #7a4f00; --warning-bg: #fff0c2;
  --info: #1f4fa3; --info-bg: #e2ecff; --line: #c9ccd1; --muted: #555b66; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 90rem; padding: 1rem 1.5rem 3rem; color: #1b1d21; background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", sans-serif; line-break: strict; }
:lang(ko) { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans K", "Apple SD Gothic Neo",
  "Malgun Gothic", sans-serif; word-break: keep-all; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin-top: 2.5rem; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; vertical-align: top; text-align: left; }
thead th { background: #f1f3f5; }
.summary td.num { font-variant-numeric: tabular-nums; }
.aligned td.src, .aligned td.tgt { width: 44%; }
.aligned th[scope=row] { width: 6rem; font-weight: normal; color: var(--muted); white-space: nowrap; }
.aligned p { margin: 0 0 .5rem; white-space: pre-line; }
.ln { display: block; font-size: .75rem; color: var(--muted); }
tr.flagged > th, tr.flagged > td { background: #fcfcfd; }
tr.notes td { background: #f7f8fa; }
mark.hl { color: inherit; padding: 0 .1em; border-bottom: 3px solid; }
mark.cue { background: #ffe08a; color: inherit; font-weight: 600; padding: 0 .1em; }
mark.sev-error { background: var(--error-bg); border-color: var(--error); border-bottom-style: solid; }
mark.sev-warning { background: var(--warning-bg); border-color: var(--warning); border-bottom-style: dashed; }
mark.sev-info { background: var(--info-bg); border-color: var(--info); border-bottom-style: dotted; }
mark.filtered { background: none; border-bottom: none; }
a.ref { font: 600 .75rem/1 system-ui, sans-serif; text-decoration: none; border: 1px solid; border-radius: .6rem;
  padding: .05rem .35rem; margin: 0 .15rem; vertical-align: super; white-space: nowrap; }
a.ref.filtered, li.finding[hidden], tr[hidden] { display: none; }
.sev-error, a.ref.sev-error { color: var(--error); } .sev-warning, a.ref.sev-warning { color: var(--warning); }
.sev-info, a.ref.sev-info { color: var(--info); }
.sev-text { font-weight: 700; }
ul.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border-left: 4px solid; padding: .3rem .6rem; margin: .4rem 0; background: #fff; }
li.finding.sev-error { border-left-style: solid; } li.finding.sev-warning { border-left-style: dashed; }
li.finding.sev-info { border-left-style: dotted; }
li.finding:target { outline: 3px solid #1b1d21; }
li.finding, a.ref { scroll-margin-top: 7rem; } /* anchors land below the sticky filter bar */
li.finding p { margin: 0; color: #1b1d21; } .finding .num, .finding .cat { color: var(--muted); }
li.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .3rem 0 0;
  color: #1b1d21; }
li.finding dt { color: var(--muted); } li.finding dd { margin: 0; }
.filters { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid var(--line);
  padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
.filters[hidden] { display: none; } /* the flex layout above must not undo [hidden] when JS is off */
.filters fieldset { border: 1px solid var(--line); padding: .2rem .6rem; margin: 0; }
.filters label { margin-right: .8rem; white-space: nowrap; }
#filter-status { margin: 0; color: var(--muted); }
details.suppressed { margin: .5rem 0; }
@media (max-width: 50rem) { .aligned td.src, .aligned td.tgt { width: auto; } }
@media print {
  body { font-size: 10pt; max-width: none; padding: 0; color: #000; }
  .filters, .skip, noscript { display: none !important; }
  section.pair { break-before: page; } tr, li.finding { break-inside: avoid; }
  thead { display: table-header-group; }
  mark.hl { background: none; border-bottom-color: #000; }
  a { color: #000; text-decoration: none; } a.ref { border-color: #000; color: #000; }
  tr.flagged > th, tr.flagged > td, tr.notes td, thead th { background: none; }
}
"""

SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  function checked(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function update() {
    var sev = checked('severity'), cat = checked('category');
    var only = document.getElementById('only-flagged').checked;
    var shown = {}, visible = 0, total = 0;
    document.querySelectorAll('li.finding').forEach(function (li) {
      var on = sev[li.dataset.severity] !== false && cat[li.dataset.category] !== false;
      li.hidden = !on; total += 1;
      if (on) { shown[li.id] = true; visible += 1; }
    });
    function anyShown(el) {
      return (el.dataset.f || '').split(' ').some(function (key) { return key && shown[key]; });
    }
    document.querySelectorAll('mark.hl, a.ref').forEach(function (el) {
      el.classList.toggle('filtered', !anyShown(el));
    });
    document.querySelectorAll('tr.notes').forEach(function (row) { row.hidden = !anyShown(row); });
    document.querySelectorAll('tr.bead').forEach(function (row) { row.hidden = only && !anyShown(row); });
    document.getElementById('filter-status').textContent =
      visible === total ? 'Showing all ' + total + ' findings.' : 'Showing ' + visible + ' of ' + total + ' findings.';
  }
  form.addEventListener('change', update);
  update();
})();
"""
