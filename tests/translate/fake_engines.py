"""Scripted engines that mangle placeholders the way NMT does, to test restoration."""

from __future__ import annotations

import re
from typing import Callable

from appealkit.engines.pseudo import pseudo_text
from appealkit.translation import translate_letter

PLACEHOLDER = re.compile(r"\[\[(\d+)\]\]")
CJK = "〇一二三四五六七八九"


def drop_first(text: str) -> str:
    return PLACEHOLDER.sub("", text, count=1)


def duplicate_all(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: m.group(0) + " " + m.group(0), text)


def reverse_order(text: str) -> str:
    tokens = PLACEHOLDER.findall(text)
    replacements = iter(reversed(tokens))
    return PLACEHOLDER.sub(lambda m: f"[[{next(replacements)}]]", text)


def change_brackets(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: f"【{m.group(1)}】", text)


def add_spaces(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: f"  [[{m.group(1)}]]  ", text)


def spaces_inside(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: f"[[ {m.group(1)} ]]", text)


def translate_inside(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: "［［" + "".join(CJK[int(d)] for d in m.group(1)) + "］］", text)


def single_bracket(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", text)


class ScriptedEngine:
    """Returns n-best lists built from mangling functions applied to a pseudo translation."""

    name = "scripted"

    def __init__(self, *manglers: Callable[[str], str]):
        self.manglers = manglers or (lambda t: t,)
        self.calls = 0

    def translate_batch(self, segments, lang, n_best=1):
        self.calls += 1
        return [[m(pseudo_text(s, lang)) for m in self.manglers][: max(n_best, 1)] for s in segments]

    def describe(self, lang):
        return {"engine": "scripted", "model": "fake", "model_version": "0"}


def run_zh(source, glossary, memory, engine, **kw):
    """Translate one letter into Chinese with ``engine`` (built once, as the CLI's engine factory does)."""
    return translate_letter(source, "zh", lambda: engine, glossary, memory, **kw)
