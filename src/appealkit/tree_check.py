"""The files around the pairs: the file rules run on every file discovery found under a checked tree, and each
finding joins the result of its letter, so every report format shows it (an orphan translation or a folder
of unknown files gets a result of its own, marked not checked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from appealkit.checks.files import FileContext  # the file rules, without the checker's modules
from appealkit.checks.registry import RULES
from appealkit.discovery import SOURCE_NAME, TreeFile
from appealkit.findings import Finding, PairResult
from appealkit.letters import Letter, LetterPair, load_letter

LETTER_KINDS = ("source", "translation", "orphan")


def file_findings(item: TreeFile, letter: Letter | None) -> list[Finding]:
    """Every file rule on one file."""
    ctx = FileContext(item, letter)
    path = str(item.path)
    return [
        Finding(
            rule.id,
            rule.category,
            hit.severity or rule.severity,
            hit.message,
            hit.source_text,
            tuple(hit.expected),
            path,
            hit.line or 1,
            path,
            hit.line or 1,
            item.lang or "",
            hit.found,
        )
        for rule in RULES.values()
        if rule.scope == "file"
        for hit in rule.check(ctx)
    ]


def _empty(path: Path) -> Letter:
    return Letter(path, {}, "", 1, [])


def _file_result(item: TreeFile, letter: Letter | None) -> PairResult:
    from appealkit.checks.context import LetterContext

    pair = LetterPair(item.path.with_name(SOURCE_NAME), item.path, item.lang or "", item.path.parent.name)
    context = LetterContext(_empty(pair.source), letter or _empty(item.path), pair.lang, None, [], [])  # type: ignore[arg-type]
    return PairResult(pair, context, [], checked=False)


def _letters_of(results: list[PairResult]) -> Callable[[Path], Letter]:
    """A letter by its path: the one a result already holds (read and parsed by the check, or by a context
    answered from the cache, from the text it already read), else read from disk."""
    held: dict[Path, tuple[PairResult, str]] = {}
    for result in results:
        held.setdefault(result.pair.source, (result, "source"))
        held.setdefault(result.pair.target, (result, "target"))

    def letter_of(path: Path) -> Letter:
        if path in held:
            result, side = held[path]
            return getattr(result.context, side)
        return load_letter(path)

    return letter_of


def report_files(files: Sequence[TreeFile], results: list[PairResult]) -> list[PairResult]:
    """The results with the file rules' findings attached: a translation's to its own result, an en.md's or
    an unknown file's to the first result of its folder, else to a new unchecked result for the file."""
    by_target = {r.pair.target: r for r in results}
    by_folder: dict[Path, PairResult] = {}
    for result in results:
        by_folder.setdefault(result.pair.source.parent, result)
    extra: list[PairResult] = []
    letter_of = _letters_of(results)
    for item in files:
        letter = letter_of(item.path) if item.kind in LETTER_KINDS else None
        found = file_findings(item, letter)
        if not found:
            continue
        home = by_target.get(item.path) or by_folder.get(item.path.parent)
        if home is None:
            home = by_folder[item.path.parent] = _file_result(item, letter)
            extra.append(home)
        home.findings[:] = sorted(home.findings + found, key=Finding.sort_key)
    return results + extra
