"""Compiled patterns kept between runs (appealkit.regex_cache): the same patterns as re.compile, from the store."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from appealkit import regex_cache
from appealkit.polarity import lexicon

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = [
    (r"(?P<y>(?:19|20)[0-9]{2})年(?P<m>[0-9]{1,2})月", 0),
    (r"(?<![0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(?=[名个岁])", 0),
    (r"\b(?:not|no|never)\b|n[’']t\b", int(re.IGNORECASE)),
    (r"[A-Za-z0-9\-]++(?:\.[A-Za-z0-9\-]++)++", 0),
    (r"[\uac00-\ud7a3\u1100-\u11ff][\uac00-\ud7a3\u1100-\u11ff]*", 0),
    (r"^\s*#\s*(.*)$", int(re.MULTILINE)),
    (r"(a)(?P<b>b)?(?(2)c|d)", 0),
    *((p.pattern, 0) for lang in ("en", "zh", "ko") for p in lexicon().cues[lang].values()),
]
TEXTS = ["2017年11月4日，10名难民被捕。", "They must not, under no circumstances, return 2,000 refugees.", "don’t stop",
         "한국 2017년 11월 4일 열 명", "# heading\n  # second", "abc ad ab", "www.example.org mail@x.org", "不得强迫"]


def _behaviour(pattern: re.Pattern[str]) -> tuple:
    return (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex),
            [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in TEXTS])


def test_patterns_built_from_engine_code_are_those_re_compiles() -> None:
    for pattern, flags in PATTERNS:
        built = regex_cache._build(pattern, regex_cache.code_of(pattern, flags))
        assert _behaviour(built) == _behaviour(re._compiler.compile(pattern, flags))


@settings(max_examples=150, deadline=None)
@given(st.from_regex(r"(?:[a-z0-9]|\\d|\\b|\[a-c\]|\(\?:x\|y\)|\*|\+|\?|\{1,2\}){1,12}", fullmatch=True),
       st.text(alphabet="abcxy019 ", max_size=30))
def test_any_pattern_round_trips(pattern: str, text: str) -> None:
    try:
        plain = re._compiler.compile(pattern, 0)
    except re.error:
        return
    built = regex_cache._build(pattern, regex_cache.code_of(pattern))
    assert [m.span() for m in built.finditer(text)] == [m.span() for m in plain.finditer(text)]


_RUN = """
import json, re, sys
import appealkit
from appealkit import regex_cache
patterns = json.loads(sys.argv[1])
found = [re.compile(p, f) for p, f in patterns]
print(json.dumps({"preloaded": len(regex_cache._preloaded),
                  "from_store": sum(p is regex_cache._preloaded.get((p.pattern, int(f))) for p, (_, f) in zip(found, patterns)),
                  "behaviour": [[p.pattern, p.flags, p.groups, dict(p.groupindex),
                                 [[list(m.span()) for m in p.finditer(t)] for t in json.loads(sys.argv[2])]] for p in found]}))
"""


def _run(store: str) -> dict:
    env = {**os.environ, "APPEAL_DATA_CACHE": store, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", _RUN, json.dumps(PATTERNS[:7]), json.dumps(TEXTS)], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_a_second_run_reads_its_patterns_from_the_store(tmp_path) -> None:
    first, second = _run(str(tmp_path)), _run(str(tmp_path))
    assert first["from_store"] == 0
    assert second["preloaded"] >= len(PATTERNS[:7]) and second["from_store"] == len(PATTERNS[:7])
    assert second["behaviour"] == first["behaviour"]
    assert len(list(tmp_path.glob("regex-*.sre"))) == 1


def test_a_corrupt_store_is_ignored(tmp_path) -> None:
    _run(str(tmp_path))
    (store,) = tmp_path.glob("regex-*.sre")
    store.write_bytes(store.read_bytes()[:-7] + b"garbage")
    again = _run(str(tmp_path))
    assert again["from_store"] == 0
    assert again["behaviour"] == _run(str(tmp_path))["behaviour"]


def test_off_means_no_store(tmp_path) -> None:
    assert _run("off")["preloaded"] == 0
    assert not list(tmp_path.iterdir())


def test_the_store_is_named_by_the_engine(monkeypatch, tmp_path) -> None:
    """Another Python (another engine MAGIC or version) reads another file."""
    monkeypatch.setenv("APPEAL_DATA_CACHE", str(tmp_path))
    name = regex_cache.store_path().name
    monkeypatch.setattr(regex_cache, "_ENGINE", "another python")
    assert regex_cache.store_path().name != name
