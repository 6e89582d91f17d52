"""Entities: URLs, e-mails, phones and postcodes; the cheap pre-checks never hide one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit import entities
from appealkit.entities import Entity, find_entities
from appealkit.letters import load_letter

ROOT = Path(__file__).resolve().parents[2]


def every_pattern(text: str) -> list[Entity]:
    """find_entities without the pre-checks: every pattern run on every text."""
    found: list[Entity] = []

    def add(kind: str, start: int, value: str) -> None:
        end = start + len(value)
        if value and not any(e.start < end and start < e.end for e in found):
            found.append(Entity(kind, start, end, value))

    for match in entities._URL.finditer(text):
        add("url", match.start(), entities._strip_trailing(match[0]))
    for match in entities._EMAIL.finditer(text):
        add("email", match.start(), entities._strip_trailing(match[0]))
    for match in entities._PHONE.finditer(text):
        if sum(ch.isdigit() for ch in match[1]) >= 7:
            add("phone", match.start(1), match[1].strip())
    for match in entities._POSTCODE.finditer(text):
        group = 1 if match[1] else 2
        add("postcode", match.start(group), match[group])
    return sorted(found, key=lambda e: e.start)


def test_known_entities():
    text = "Write to hrw@hrw.org or www.hrw.org/news, Tel: +1 212 290 4700, Washington, DC 20005."
    assert [(e.kind, e.text) for e in find_entities(text)] == [
        ("email", "hrw@hrw.org"), ("url", "www.hrw.org/news"), ("phone", "+1 212 290 4700"), ("postcode", "20005")]


def test_pre_checks_change_nothing_on_the_corpora():
    paths = [*ROOT.glob("letters/*/*.md"), *ROOT.glob("tests/fixtures/*/*/*.md"),
             *ROOT.glob("benchmarks/corpora/ntrex-dev/*/*.txt")]
    texts = [p.text for path in paths for p in load_letter(path).paragraphs]
    assert len(texts) > 3000
    assert [find_entities(t) for t in texts] == [every_pattern(t) for t in texts]
    assert sum(map(len, map(find_entities, texts))) > 20


_pieces = st.sampled_from(["Tel", "fax:", "+", "+82 ", "2", "20", "12345", "123456", "(02)", "-", ".", " ", "@",
                           "a@b.co", "www.", "WWW.", "wWw.", "http://x.org/", "HTTPS://", "DC ", ", ", "邮编：", "电话", "٣", "２", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=25).map("".join))
def test_pre_checks_change_nothing_on_generated_text(text):
    assert find_entities(text) == every_pattern(text)


@pytest.mark.parametrize(
    "text",
    ["Tel: 555 1234", "Fax: (12) (345) 67", "Tel. +1 (212) 290-4700", "t: (02) 2345-678", "+82 (2) 123-4567",
     "phone: 1.2.3.4.5.6.7"],
)
def test_a_phone_with_seven_digits_close_together_is_found(text):
    """Seven digits, at most a bracket, a separator and a bracket between two: the phone pre-check lets them by."""
    assert any(e.kind == "phone" for e in every_pattern(text))
    assert find_entities(text) == every_pattern(text)
