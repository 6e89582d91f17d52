"""Hand-made results for unit tests of the writers: no glossary, no alignment, exactly the findings given."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Sequence

from appealkit.alignment import Bead
from appealkit.checker import PairResult
from appealkit.findings import Finding
from appealkit.letters import LetterPair, parse_letter

EN = """---
id: sample
---
We ask you to protect 2,000 North Koreans.

China is a party to the Convention against Torture.

On 4 November 2017 they were detained.
"""

ZH = """---
lang: zh
---
我们请求您保护200名朝鲜人。

中国是缔约国。

2017年11月14日他们被拘留。
"""


def letters(tmp: Path, slug: str = "sample", en: str = EN, zh: str = ZH):
    folder = tmp / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.md").write_text(en, encoding="utf-8")
    (folder / "zh.md").write_text(zh, encoding="utf-8")
    return parse_letter(en, folder / "en.md"), parse_letter(zh, folder / "zh.md")


def finding(source, target, rule: str, severity: str, category: str, src: int | None, src_text: str,
            tgt: int | None, tgt_text: str | None, message: str, expected: Sequence[str] = ()) -> Finding:
    """A finding located by the texts it points at, as the checker would report it."""
    s_par = source.paragraphs[src] if src is not None else None
    t_par = target.paragraphs[tgt] if tgt is not None else None
    s_span = (s_par.text.index(src_text), s_par.text.index(src_text) + len(src_text)) if s_par and src_text else None
    t_span = (t_par.text.index(tgt_text), t_par.text.index(tgt_text) + len(tgt_text)) if t_par and tgt_text else None
    return Finding(rule, category, severity, message, src_text, tuple(expected), str(target.path),
                   t_par.line if t_par else target.body_start_line, str(source.path),
                   s_par.line if s_par else source.body_start_line, "zh", tgt_text, src, tgt, s_span, t_span)


def sample_result(tmp: Path, slug: str = "sample", en: str = EN, zh: str = ZH, extra: Sequence[Finding] = ()):
    source, target = letters(tmp, slug, en, zh)
    findings = [
        finding(source, target, "figure-changed", "error", "figure", 0, "2,000", 0, "200",
                "figure '2,000' became '200'", ("2,000", "两千")),
        finding(source, target, "citation-instrument", "error", "citation", 1, "Convention against Torture", 1,
                None, "instrument 'Convention against Torture' is missing", ("禁止酷刑公约",)),
        finding(source, target, "date-changed", "error", "date", 2, "4 November 2017", 2, "2017年11月14日",
                "date '4 November 2017': day changed", ("2017年11月4日",)),
        finding(source, target, "figure-added", "info", "figure", None, "", 2, "14", "translation adds '14'"),
        *extra,
    ]
    context = SimpleNamespace(
        source=source, target=target, lang="zh",
        beads=[Bead((i,), (i,)) for i in range(3)],
        source_facts=[SimpleNamespace(terms=[]) for _ in range(3)],
        target_facts=[SimpleNamespace(terms=[]) for _ in range(3)],
    )
    pair = LetterPair(source.path, target.path, "zh", slug)
    return PairResult(pair, context, sorted(findings, key=Finding.sort_key))
