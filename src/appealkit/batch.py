"""Checking many pairs at once: the result cache, worker processes, deterministic order.

``check_many`` gives the same results, in the same order, as ``checker.check_pairs`` on the same pairs,
with or without a cache and with any number of jobs: pairs found in the cache are not checked again, the
others are checked in this process or, when there are enough of them, by worker processes, one English
letter (with all its translations) per task. An input error is the one the first bad pair in order raises.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from appealkit import speedups
from appealkit.errors import AppealInputError
from appealkit.findings import PairResult
from appealkit.letters import Letter, LetterPair, parse_letter
from appealkit.result_cache import Checked, ResultCache
from appealkit.textio import read_text

if TYPE_CHECKING:
    from appealkit.facts import ParagraphFacts
    from appealkit.glossary import Glossary

# The checking code (rules, recognisers, their compiled patterns) is imported only when a pair needs
# checking: answering from the cache starts faster without it.

# A worker process costs a fork and a pipe: below this many pairs to check per worker, one process is faster.
MIN_PAIRS_PER_WORKER = 8


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Texts:
    """Each file read once; a file that cannot be read raises its error when a check needs it, so that
    errors come in the order the checker meets them."""

    def __init__(self) -> None:
        self._texts: dict[Path, str | AppealInputError] = {}

    def get(self, path: Path) -> str | None:
        if path not in self._texts:
            try:
                self._texts[path] = read_text(path)
            except AppealInputError as exc:
                self._texts[path] = exc
        text = self._texts[path]
        return text if isinstance(text, str) else None

    def subset(self, paths: Sequence[Path]) -> Texts:
        part = Texts()
        part._texts = {path: self._texts[path] for path in paths if path in self._texts}
        return part

    def load(self, path: Path) -> Letter:
        text = self._texts.get(path)
        if isinstance(text, AppealInputError):
            raise text
        return parse_letter(text if text is not None else read_text(path), path)


class StoredContext:
    """The context of a pair checked by a worker or found in the cache, as reports read it: the beads come
    with the result; the letters, their facts and the glossary are read again only when a report asks.
    Anything else a context has is taken from the pair checked again."""

    def __init__(
        self, pair: LetterPair, checked: Checked, glossary: Callable[[], Glossary], load: Callable[[Path], Letter]
    ):
        self._pair, self._load, self._glossary = pair, load, glossary
        self.lang = checked.lang
        self.beads, self.joined = list(checked.beads), list(checked.joined)

    @cached_property
    def glossary(self) -> Glossary:
        return self._glossary()

    @cached_property
    def _checked_again(self) -> PairResult:
        from appealkit.checker import check_letters

        return check_letters(self.source, self.target, self.glossary, self.lang)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._checked_again.context, name)

    @cached_property
    def source(self) -> Letter:
        return self._load(self._pair.source)

    @cached_property
    def target(self) -> Letter:
        return self._load(self._pair.target)

    @cached_property
    def source_facts(self) -> list[ParagraphFacts]:
        from appealkit.facts import source_facts

        return [source_facts(p.text, self.glossary) for p in self.source.paragraphs]

    @cached_property
    def target_facts(self) -> list[ParagraphFacts]:
        from appealkit.facts import target_facts

        return [target_facts(p.text, self.lang, self.glossary) for p in self.target.paragraphs]


def _stored(pair: LetterPair, checked: Checked, glossary: Callable[[], Glossary], texts: Texts) -> PairResult:
    source, target = Path(pair.source), Path(pair.target)
    resolved = LetterPair(source, target, checked.lang, source.parent.name)
    return PairResult(resolved, StoredContext(pair, checked, glossary, texts.load), checked.findings)  # type: ignore[arg-type]


def _checked(result: PairResult) -> Checked:
    ctx = result.context
    return Checked(result.pair.lang, result.findings, ctx.beads, ctx.joined)


@dataclass
class _Task:
    """One English letter and the translations of it that need checking (``positions`` in the run)."""

    pairs: list[LetterPair]
    positions: list[int]
    texts: Texts


_GLOSSARY: list[Glossary] = []


def _start_worker(glossary: Glossary, flags: speedups.SpeedUps) -> None:
    _GLOSSARY[:] = [glossary]
    speedups.ACTIVE = flags


def _run_task(task: _Task) -> list[Checked] | tuple[int, AppealInputError]:
    """The task's results, or how many pairs passed before the input error that stopped it."""
    from appealkit.checker import check_pairs

    passed: list[int] = []
    try:
        results = check_pairs(task.pairs, _GLOSSARY[0], passed.append, task.texts.load)
    except AppealInputError as exc:
        return len(passed), exc
    return [_checked(result) for result in results]


def _tasks(pairs: Sequence[LetterPair], texts: Texts) -> list[_Task]:
    by_source: dict[Path, _Task] = {}
    for position, pair in enumerate(pairs):
        task = by_source.setdefault(pair.source, _Task([], [], texts))
        task.pairs.append(pair)
        task.positions.append(position)
    for task in by_source.values():  # send each worker only the texts its task reads
        task.texts = texts.subset([task.pairs[0].source, *(pair.target for pair in task.pairs)])
    return list(by_source.values())


def _check_in_workers(
    pairs: list[LetterPair],
    glossary: Callable[[], Glossary],
    texts: Texts,
    workers: int,
    progress: Callable[[int], None],
) -> list[PairResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import appealkit.checker  # noqa: F401 - imported once here, not once in every forked worker

    tasks = _tasks(pairs, texts)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    results: list[PairResult | None] = [None] * len(pairs)
    errors: list[tuple[int, AppealInputError]] = []
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(glossary(), speedups.ACTIVE),
    ) as pool:
        chunk = max(1, len(tasks) // (4 * workers))
        for task, outcome in zip(tasks, pool.map(_run_task, tasks, chunksize=chunk)):
            if isinstance(outcome, tuple):
                done, error = outcome
                errors.append((task.positions[done], error))
                continue
            for position, pair, checked in zip(task.positions, task.pairs, outcome):
                results[position] = _stored(pair, checked, glossary, texts)
            progress(len(task.pairs))
    if errors:
        raise min(errors, key=lambda item: item[0])[1]  # the error a check in order would have met first
    return results  # type: ignore[return-value]


def check_many(
    pairs: Sequence[LetterPair],
    glossary: Glossary | Callable[[], Glossary],
    progress: Callable[[int], None] = lambda n: None,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> list[PairResult]:
    """Check every pair, answering from ``cache`` where it can and checking the rest with up to ``jobs``
    processes. Results come in the order of ``pairs``. ``glossary`` may be a loader, called (once) only
    when a pair needs checking or a report reads facts."""
    if not callable(glossary):
        glossary = (lambda loaded: lambda: loaded)(glossary)
    texts = Texts()
    results: list[PairResult | None] = [None] * len(pairs)
    keys: dict[int, str] = {}
    for index, pair in enumerate(pairs):
        if cache is None:
            break
        source_text, target_text = texts.get(pair.source), texts.get(pair.target)
        if source_text is None or target_text is None:
            continue
        keys[index] = cache.key(pair.source, pair.target, pair.lang or None, source_text, target_text)
        hit = cache.get(keys[index])
        if hit is not None:
            results[index] = _stored(pair, hit, glossary, texts)
            progress(1)
    todo = [index for index, result in enumerate(results) if result is None]
    workers = min(jobs, len(todo) // MIN_PAIRS_PER_WORKER)
    to_check = [pairs[index] for index in todo]
    if workers > 1:
        checked = _check_in_workers(to_check, glossary, texts, workers, progress)
    elif to_check:
        from appealkit.checker import check_pairs

        checked = check_pairs(to_check, glossary(), progress, load=texts.load)
    else:
        checked = []
    for index, result in zip(todo, checked):
        results[index] = result
        if cache is not None and index in keys:
            cache.put(keys[index], _checked(result))
    return results  # type: ignore[return-value]
