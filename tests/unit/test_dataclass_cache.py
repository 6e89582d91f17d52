"""The methods of dataclasses compiled once and kept between runs (appealkit.dataclass_cache): the same classes as
plain ``@dataclass``, from the store on the second run, and nothing changed when the cache is off or damaged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: install() changes the dataclasses module of its process. No __future__ import
# here, so that annotations are objects, as in a module without it (compiling must not add that flag).
SCRIPT = """
import dataclasses, inspect, json, sys
from appealkit import dataclass_cache
installed = dataclass_cache.install() if sys.argv[1] == "on" else False

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: float = 0.5
    tags: tuple = ()

@dataclasses.dataclass(order=True)
class Row:
    name: str
    items: list = dataclasses.field(default_factory=list)

p, r = Point(1), Row("a")
try:
    p.x = 2
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({
    "installed": installed,
    "compiled": len(dataclass_cache._compiled), "stored": len(dataclass_cache._stored),
    "repr": [repr(p), repr(r)], "eq": [p == Point(1), r == Row("a"), r < Row("b")],
    "hash": hash(p) == hash(Point(1)), "frozen": frozen, "factory": Row("b").items is not r.items,
    "signature": [str(inspect.signature(Point)), str(inspect.signature(Row))],
    "annotation_is_type": inspect.signature(Point.__init__).parameters["x"].annotation is int,
}))
"""


def run(cache: str, mode: str = "on") -> dict:
    env = {**os.environ, "APPEAL_DATA_CACHE": cache, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, mode], env=env, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def behaviour(result: dict) -> dict:
    return {key: value for key, value in result.items() if key not in ("installed", "compiled", "stored")}


def store(folder: Path) -> list[Path]:
    return sorted(folder.glob("dataclasses-*"))


def test_classes_from_the_store_are_those_of_plain_dataclasses(tmp_path):
    plain = run("off", "off")
    first, second = run(str(tmp_path)), run(str(tmp_path))
    assert first["installed"] and first["compiled"] > 0 and first["stored"] == 0
    assert len(store(tmp_path)) == 1
    assert second["compiled"] == 0 and second["stored"] >= first["compiled"]  # every method came from the store
    assert behaviour(first) == behaviour(second) == behaviour(plain)
    assert plain["annotation_is_type"] and plain["frozen"] and plain["eq"] == [True, True, True]


@pytest.mark.parametrize("damage", [b"", b"\x00" * 40, b"not a store at all" * 10])
def test_a_damaged_store_is_ignored(tmp_path, damage):
    run(str(tmp_path))
    [path] = store(tmp_path)
    path.write_bytes(damage)
    again = run(str(tmp_path))
    assert again["stored"] == 0 and again["compiled"] > 0
    assert behaviour(again) == behaviour(run("off", "off"))


def test_off_installs_nothing(tmp_path):
    result = run("off")
    assert not result["installed"] and result["compiled"] == 0


def test_the_command_line_installs_it_and_a_library_import_does_not(tmp_path):
    env = {**os.environ, "APPEAL_DATA_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    library = "import dataclasses, appealkit.checker; print(hasattr(dataclasses, 'exec'))"
    assert subprocess.run([sys.executable, "-c", library], env=env, capture_output=True, text=True,
                          check=True).stdout.strip() == "False"
    command = [sys.executable, "-m", "appealkit", "check", str(ROOT / "letters"), "--no-cache"]
    subprocess.run(command, env=env, capture_output=True, check=True)
    assert len(store(tmp_path)) == 1
