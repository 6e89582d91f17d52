"""libyaml's safe loader where available, with the pure loader's values and the pure loader's errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from appealkit import yamlsafe
from appealkit.errors import AppealInputError
from appealkit.letters import parse_letter
from appealkit.yamlsafe import Loaders, load_yaml_file, loaders, safe_load

ROOT = Path(__file__).resolve().parents[2]


def test_the_c_loader_is_used_when_pyyaml_has_it():
    fast = loaders().fast
    assert fast is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)
    assert issubclass(fast, yaml.constructor.SafeConstructor)
    assert issubclass(loaders().fast_lines, fast) and issubclass(loaders().pure_lines, yaml.SafeLoader)


def _front_matters() -> list[str]:
    texts = []
    for path in sorted([*ROOT.glob("letters/*/*.md"), *ROOT.glob("tests/fixtures/*/*/*.md")]):
        lines = path.read_text("utf-8").split("\n")
        if lines[0].strip() == "---":
            texts.append("\n".join(lines[1:lines.index("---", 1)]))
    return texts


def test_fast_and_pure_loaders_build_the_same_values():
    texts = _front_matters()
    assert len(texts) > 30
    assert [safe_load(t) for t in texts] == [yaml.safe_load(t) for t in texts]
    for path in sorted((ROOT / "glossary").glob("*.yaml")):
        assert load_yaml_file(path) == yaml.load(path.read_text("utf-8"), Loader=loaders().pure_lines)  # noqa: S506


@pytest.mark.parametrize("broken", ["title: [unclosed\nlang: zh", "a: b\n  c: d", "lang: zh\n\tstatus: x", "- [a\n"])
def test_errors_are_the_pure_loaders(broken):
    with pytest.raises(yaml.YAMLError) as pure:
        yaml.safe_load(broken)
    with pytest.raises(yaml.YAMLError) as fast:
        safe_load(broken)
    assert str(fast.value) == str(pure.value)
    with pytest.raises(AppealInputError) as letter:
        parse_letter(f"---\n{broken}\n---\nBody.\n", "x.md")
    assert letter.value.line == pure.value.problem_mark.line + 2


def test_without_libyaml_the_pure_loader_is_used(monkeypatch):
    calls = []
    original = yaml.load

    def spy(text, Loader):  # noqa: N803 - yaml.load's own keyword
        calls.append(Loader)
        return original(text, Loader=Loader)  # noqa: S506 - SafeLoader

    pure = loaders().pure
    monkeypatch.setattr(yamlsafe, "loaders", lambda: Loaders(pure, pure, pure, pure))
    monkeypatch.setattr(yaml, "load", spy)
    assert safe_load("a: [1, 2]") == {"a": [1, 2]}
    with pytest.raises(yaml.YAMLError):
        safe_load("a: [1")
    assert calls == [yaml.SafeLoader, yaml.SafeLoader], "one parse per document, no fallback to itself"
