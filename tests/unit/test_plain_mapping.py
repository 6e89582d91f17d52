"""The front-matter fast path (yamlsafe.plain_mapping) reads exactly what yaml.safe_load reads, or declines."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit.yamlsafe import plain_mapping

TRICKY = ["yes", "No", "on", "OFF", "y", "n", "true", "null", "Null", "~", "1", "1.5", "1e3", "0x1F", "0o17", "1_000",
          "12:30", "2017-11-21", ".inf", ".NaN", "-5", "+5", "a: b", "a #b", "#x", "'q'", '"q"', "[a]", "{a: b}", "&a",
          "*a", "!t", "|", ">", "%x", "@x", "`x", "? x", "- x", "a,b", "(a)", "a/b", "x y", "x  y", "tr\tab", ""]
WORDS = ["zh", "ko", "approved", "draft", "appealkit maintainers", "2153ead95e689c76", "b29b0a4f", "v1.2", "a-b",
         "lang", "status", "source_sha256", "translator"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS + TRICKY), st.sampled_from(WORDS + TRICKY),
                          st.sampled_from([": ", ":  ", ":", " : ", ":\t"]), st.sampled_from(["", " ", "  # c"])),
                min_size=1, max_size=5))
def test_plain_mapping_agrees_with_the_yaml_loader(lines) -> None:
    text = "\n".join(f"{key}{sep}{value}{tail}" for key, value, sep, tail in lines)
    fast = plain_mapping(text)
    if fast is None:
        return  # declined: the caller uses yaml.safe_load
    assert fast == yaml.safe_load(text)


def test_a_letters_front_matter_takes_the_fast_path() -> None:
    text = "lang: zh\nsource_sha256: 2153ead95e689c76a0007efcc93fc8b5480a7186caac0deaebdc565829bfe967\n" \
           "translator: appealkit maintainers\nstatus: approved\n"
    assert plain_mapping(text) == yaml.safe_load(text)


def test_anything_yaml_reads_otherwise_is_declined() -> None:
    for text in ("status: yes", "count: 3", "time: 12:30", "lang: ~", "on: zh", "a: [b]", "a: 'b'", "- a", "a:\n  b: c"):
        assert plain_mapping(text) is None, text
