"""Files: what discovery found under a checked tree that is not a letter pair, and letters' front matter."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from appealkit.checks.registry import Hit, rule
from appealkit.discovery import LANG_ALIASES, TreeFile, translation_lang
from appealkit.letters import FRONT_MATTER_KEYS, LANGUAGE_NAMES, STATUSES, Letter


def _closest(word: str, known: Sequence[str], cutoff: float = 0.6) -> list[str]:
    """The known word closest to a misspelt one, if any (difflib is imported only when a word is unknown)."""
    import difflib

    return difflib.get_close_matches(word, known, n=1, cutoff=cutoff)


@dataclass
class FileContext:
    """What a file rule sees: a file found under a checked tree, and the letter in it when it is one. (Here,
    not in checks.context: a run answered from the result cache runs the file rules without the checker.)"""

    file: TreeFile
    letter: Letter | None


@rule(
    "file-orphan-translation",
    "file",
    "error",
    scope="file",
    rationale="A translation with nothing to check it against would otherwise pass the gate unseen.",
)
def orphan_translation(ctx: FileContext) -> Iterator[Hit]:
    """A translation (zh.md, ko.md or an alias such as zh-Hans.md) has no en.md beside it.

    It cannot be checked, and a green run must not mean it was: rename the English to en.md, or move the
    translation next to it.
    """
    if ctx.file.kind == "orphan":
        yield Hit(ctx.file.hint, line=1)


@rule(
    "file-unknown",
    "file",
    "warning",
    scope="file",
    rationale="Usually a misnamed letter (En.md, zh.txt) the gate would skip; a warning, since notes and "
    "exports may live beside letters on purpose (ignore them in the configuration).",
)
def unknown_file(ctx: FileContext) -> Iterator[Hit]:
    """A file under a checked folder is not a letter file, so it is not checked.

    Letters are ``en.md``, ``zh.md`` and ``ko.md`` (``zh-Hans.md``, ``zh-CN.md``, ``zh_CN.md`` and ``ko-KR.md``
    are read as zh and ko). Hidden files and the backups ``appeal translate`` writes are skipped silently;
    anything else is reported, unless the configuration's ``exclude`` patterns name it.
    """
    if ctx.file.kind == "unknown":
        yield Hit(f"{ctx.file.path.name} is not checked: {ctx.file.hint}", line=1)


@rule(
    "file-untranslated-letter",
    "file",
    "info",
    scope="file",
    rationale="An approved English letter waiting for its translations is normal work in progress, not a "
    "defect; it is listed so that a green run never hides a letter nobody checked.",
)
def untranslated_letter(ctx: FileContext) -> Iterator[Hit]:
    """An ``en.md`` under a checked folder has no translation beside it (no zh.md, ko.md or alias), so nothing
    in its folder was checked."""
    if ctx.file.kind != "source":
        return
    folder = ctx.file.path.parent
    if not any(p.is_file() and translation_lang(p.name) for p in folder.iterdir()):
        yield Hit(f"{folder.name}/en.md has no translation beside it (zh.md, ko.md): nothing here was checked", line=1)


def _declared_lang(value: object) -> str:
    text = str(value).strip()
    return LANG_ALIASES.get(text.lower()) or text.lower().replace("_", "-").split("-")[0]


@rule(
    "file-front-matter-lang",
    "file",
    "error",
    scope="file",
    rationale="A letter that says it is in another language than its file name is a mix-up of files; "
    "checking it under either language could be wrong.",
)
def front_matter_lang(ctx: FileContext) -> Iterator[Hit]:
    """The front matter's ``lang`` contradicts the file name (``lang: ko`` in zh.md).

    The file name decides what the letter is checked as; the contradiction is reported at the key's line.
    """
    letter, expected = ctx.letter, ctx.file.lang
    if letter is None or not expected:
        return
    for key in ("lang", "language"):
        if key in letter.meta and _declared_lang(letter.meta[key]) != expected:
            yield Hit(
                f"front matter says {key}: {letter.meta[key]} but the file is {ctx.file.path.name} "
                f"({LANGUAGE_NAMES[expected]}); checked as {expected}",
                found=str(letter.meta[key]),
                expected=(expected,),
                line=letter.meta_lines.get(key, 2),
            )


@rule(
    "file-front-matter-status",
    "file",
    "error",
    scope="file",
    rationale="The status decides what may be sent and translated; a value no tool knows (aproved) makes "
    "that decision silently wrong.",
)
def front_matter_status(ctx: FileContext) -> Iterator[Hit]:
    """The front matter's ``status`` is not a known value: en.md draft or approved; translations draft,
    approved or pseudo."""
    letter = ctx.letter
    if letter is None or "status" not in letter.meta:
        return
    known = STATUSES["en" if ctx.file.kind == "source" else "translation"]
    value = letter.meta["status"]
    if str(value) not in known:
        close = _closest(str(value), known)
        hint = f": did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
        yield Hit(
            f"unknown status '{value}'{hint}", found=str(value), expected=known, line=letter.meta_lines.get("status", 2)
        )


@rule(
    "file-front-matter-key",
    "file",
    "warning",
    scope="file",
    rationale="A misspelt key (stauts, sorce_sha256) is silently ignored, so the value it carries is lost; "
    "a warning, as translators may add keys of their own.",
)
def front_matter_key(ctx: FileContext) -> Iterator[Hit]:
    """A front-matter key looks like a misspelling of a known key (``stauts`` for ``status``).

    Keys of a team's own (``reviewer``) are kept and not reported: only a near miss of a known key is.
    """
    letter = ctx.letter
    if letter is None:
        return
    for key in letter.meta:
        if key in FRONT_MATTER_KEYS:
            continue
        close = _closest(str(key), FRONT_MATTER_KEYS, cutoff=0.75)
        if close:
            yield Hit(
                f"unknown front-matter key '{key}': did you mean '{close[0]}'?",
                found=str(key),
                expected=(close[0],),
                line=letter.meta_lines.get(str(key), 2),
            )
