"""Letters: Markdown or plain-text files, optional YAML front matter, paragraphs with line numbers.

A letter folder is ``letters/<slug>/en.md`` plus its translations ``zh.md`` and ``ko.md``.
Files without front matter and plain ``.txt`` files load too: paragraphs are separated by blank lines.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appealkit.errors import AppealInputError
from appealkit.textio import read_text
from appealkit.yamlsafe import plain_mapping, safe_load, yaml_error

FRONT_MATTER_FENCE = "---"
KNOWN_LANGS = ("en", "zh", "ko")
_LANG_IN_NAME = re.compile(r"(?:^|[._-])(en|zh|ko)(?:[._-]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    """One blank-line-separated block of the body, with the file line where it starts.

    Read from a bilingual file (XLIFF, PO, TMX), a paragraph is one unit: ``unit`` is its id and ``codes``
    the inline codes taken out of its text."""

    index: int
    text: str
    line: int
    end_line: int
    unit: str | None = None
    codes: tuple[str, ...] = ()


@dataclass
class Letter:
    path: Path
    meta: dict[str, Any]
    body: str
    body_start_line: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    meta_lines: dict[str, int] = field(default_factory=dict)  # front-matter key → file line

    @property
    def lang(self) -> str | None:
        return detect_language(self.path, self.meta, self.body)

    @property
    def status(self) -> str | None:
        value = self.meta.get("status")
        return str(value) if value is not None else None

    @property
    def body_sha256(self) -> str:
        return body_sha256(self.body)


def body_sha256(body: str) -> str:
    """Hash of the body that ignores trailing spaces and surrounding blank lines (editor noise)."""
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    canonical = unicodedata.normalize("NFC", "\n".join(lines).strip("\n"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict[str, Any], str, int]:
    """Return (meta, body, line number where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return {}, text, 1
    closing = next(
        (i for i, line in enumerate(lines[1:], start=1) if line.strip() in (FRONT_MATTER_FENCE, "...")), None
    )
    if closing is None:
        raise AppealInputError("front matter opened with '---' is never closed", path, 1)
    meta = _parse_front_matter("\n".join(lines[1:closing]), path)
    return meta, "\n".join(lines[closing + 1 :]), closing + 2


def _parse_front_matter(yaml_text: str, path: Path | str) -> dict[str, Any]:
    plain = plain_mapping(yaml_text)  # the usual lang/status/translator lines, without PyYAML
    if plain is not None:
        return dict(plain)
    try:
        meta = safe_load(yaml_text)
    except yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 0-based, +1 for the opening fence
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise AppealInputError(f"malformed front matter: {problem}", path, line) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise AppealInputError("front matter must be a YAML mapping (key: value lines)", path, 2)
    return meta


_TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:]*?)\s*:(?:\s|$)")


def front_matter_lines(text: str, body_line: int) -> dict[str, int]:
    """The file line of each top-level front-matter key (the safe loader forgets positions)."""
    lines: dict[str, int] = {}
    for lineno, line in enumerate(text.split("\n")[1 : max(body_line - 2, 1)], start=2):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            lines.setdefault(match.group(1).strip(), lineno)
    return lines


def split_paragraphs(body: str, first_line: int = 1) -> list[Paragraph]:
    """Blank-line-separated blocks, each with the 1-based file line where it starts and ends."""
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = first_line
    for offset, line in enumerate(body.split("\n")):
        lineno = first_line + offset
        if line.strip():
            if not block:
                start = lineno
            block.append(line.rstrip())
        elif block:
            paragraphs.append(Paragraph(len(paragraphs), "\n".join(block), start, lineno - 1))
            block = []
    if block:
        end = first_line + len(body.split("\n")) - 1
        paragraphs.append(Paragraph(len(paragraphs), "\n".join(block), start, end))
    return paragraphs


# The longest paragraph of the corpus is under 3,000 characters. A 200,000-character paragraph is not a
# letter but a broken export or the wrong file: say so at once instead of checking it for minutes.
MAX_PARAGRAPH_CHARS = 200_000


def parse_letter(text: str, path: Path | str = "<text>") -> Letter:
    meta, body, body_line = split_front_matter(text, path)
    paragraphs = split_paragraphs(body, body_line)
    for paragraph in paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            raise AppealInputError(
                f"paragraph of {len(paragraph.text):,} characters is not a letter paragraph "
                f"(limit {MAX_PARAGRAPH_CHARS:,}): wrong file or missing line breaks?",
                path,
                paragraph.line,
            )
    lines = front_matter_lines(text, body_line) if meta else {}
    return Letter(Path(path), meta, body, body_line, paragraphs, lines)


def load_letter(path: Path | str) -> Letter:
    return parse_letter(read_text(path), path)


def language_from_name(path: Path | str) -> str | None:
    match = _LANG_IN_NAME.search(Path(path).stem.lower()) or _LANG_IN_NAME.search(Path(path).name.lower())
    return match.group(1).lower() if match else None


# Scripts are counted in C, by bytes.translate: a Python loop over every character of every letter cost 5 ms a
# pair. Latin letters: every byte of the UTF-8 text but A-Z and a-z is dropped (bytes of other characters are all
# ≥ 0x80). Hangul (U+AC00–U+D7A3, U+1100–U+11FF) and Han (U+4E00–U+9FFF) by the high byte of each UTF-16 unit:
# all of AC–D6, 11 and 4E–9F are theirs; of D7 only U+D700–U+D7A3, counted apart (surrogates are D8–DF).
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_NOT_HANGUL_HIGH = bytes(b for b in range(256) if not (0xAC <= b <= 0xD6 or b == 0x11))
_NOT_HAN_HIGH = bytes(b for b in range(256) if not 0x4E <= b <= 0x9F)
_HANGUL_D7 = re.compile("[\ud700-\ud7a3]")


def _cjk_counts(text: str) -> tuple[int, int]:
    """How many Hangul and how many Han characters ``text`` holds."""
    high = text.encode("utf-16-be", "surrogatepass")[0::2]
    hangul = len(high.translate(None, _NOT_HANGUL_HIGH))
    if b"\xd7" in high:
        hangul += len(_HANGUL_D7.findall(text))
    return hangul, len(high.translate(None, _NOT_HAN_HIGH))


def language_from_script(text: str) -> str | None:
    """Guess zh/ko/en from the dominant script; None when there is too little text to tell."""
    hangul, han = _cjk_counts(text)
    latin = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER))
    if hangul + han < 4 and latin < 10:  # a CJK character says as much as a word of Latin letters
        return None
    if hangul >= han and hangul * 4 >= latin:
        return "ko"
    if han > hangul and han * 4 >= latin:
        return "zh"
    return "en"


LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "ko": "Korean"}
STATUSES = {"en": ("draft", "approved"), "translation": ("draft", "approved", "pseudo")}
# Every key a letter's front matter is documented to carry (README "Formats"), English and translations;
# appeal translate writes the provenance keys.
FRONT_MATTER_KEYS = (
    "id",
    "title",
    "date",
    "addressees",
    "signatories",
    "status",
    "source",
    "lang",
    "language",
    "source_sha256",
    "translator",
    "engine",
    "model",
    "model_version",
    "glossary_version",
    "pseudo",
    "segments",
)
# Tried at token starts only: "\S+@" from every offset of a 100 KB token without "@" would be quadratic.
_LATIN_NOISE = re.compile(r"(?<!\S)(?:https?://\S+|www\.\S+|[^\s@]+@\S+)")


def written_language(text: str) -> str | None:
    """The language a whole text is written in, by script (URLs and e-mail addresses left out), or None."""
    if "://" in text or "www." in text or "@" in text:  # what _LATIN_NOISE needs (it is slow on CJK runs)
        text = _LATIN_NOISE.sub(" ", text)
    return language_from_script(text)


def detect_language(path: Path | str, meta: dict[str, Any], body: str) -> str | None:
    declared = meta.get("lang") or meta.get("language")
    if declared:
        return str(declared).lower().split("-")[0].split("_")[0]
    return language_from_name(path) or language_from_script(body)


@dataclass(frozen=True)
class LetterPair:
    """An English source and one translation of it."""

    source: Path
    target: Path
    lang: str
    slug: str


def discover_pairs(paths: Iterable[Path | str], langs: Iterable[str] = ("zh", "ko")) -> list[LetterPair]:
    """Every ``<slug>/zh.md`` and ``<slug>/ko.md`` beside an ``en.md`` under the given paths, sorted."""
    wanted = tuple(langs)
    pairs: dict[tuple[str, str], LetterPair] = {}
    for root in map(Path, paths):
        if not root.exists():
            raise AppealInputError("no such file or directory", root)
        sources = [root] if root.is_file() else sorted(root.rglob("en.md"))
        for source in sources:
            for lang in wanted:
                target = source.with_name(f"{lang}.md")
                if target.is_file():
                    pair = LetterPair(source, target, lang, source.parent.name)
                    pairs[(str(target.resolve()), lang)] = pair
    return sorted(pairs.values(), key=lambda p: (str(p.source), p.lang))


_HASH_LINE = re.compile(r"^source_sha256:.*$", re.MULTILINE)


def stamp_source_hash(target: Path | str, source: Path | str | None = None) -> str:
    """Record in a translation's front matter the hash of the English it now matches.

    Edits only the ``source_sha256`` line (adding it when absent) so the translator's formatting and
    comments survive; the write is atomic.
    """
    from appealkit.textio import atomic_write

    target = Path(target)
    source = Path(source) if source else target.with_name("en.md")
    digest = load_letter(source).body_sha256
    text = read_text(target)
    if not text.startswith(FRONT_MATTER_FENCE):
        text = f"---\nsource_sha256: {digest}\n---\n{text}"
    else:
        closing = text.find("\n---", 3)
        head, rest = text[:closing], text[closing:]
        if _HASH_LINE.search(head):
            head = _HASH_LINE.sub(f"source_sha256: {digest}", head, count=1)
        else:
            head += f"\nsource_sha256: {digest}"
        text = head + rest
    parse_letter(text, target)  # never write a file we could not read back
    atomic_write(target, text)
    return digest
