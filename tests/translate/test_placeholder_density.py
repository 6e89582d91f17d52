"""benchmarks/placeholder_density.py on the letters with the pseudo engine: the bound lowers the placeholder
density and leaves verbs visible, and the output keeps every figure, date and glossary term."""

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bounded_protection_is_less_dense_and_loses_nothing(tmp_path):
    spec = importlib.util.spec_from_file_location("placeholder_density", ROOT / "benchmarks" / "placeholder_density.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    out = tmp_path / "density.json"
    assert module.main(["--engines", "pseudo", "--corpus", "letters", "--langs", "zh,ko", "--json", str(out)]) == 0
    rows = {(r["lang"], r["config"]): r for r in json.loads(out.read_text(encoding="utf-8"))}
    for lang in ("zh", "ko"):
        hidden, verbs, bounded = (rows[lang, c] for c in ("hidden", "verbs", "bounded"))
        assert bounded["placeholders_per_sentence"] < verbs["placeholders_per_sentence"] < hidden["placeholders_per_sentence"]
        assert bounded["over_bound"] < hidden["over_bound"] and hidden["visible_terms_per_sentence"] == 0
        assert bounded["visible_terms_per_sentence"] > 0 and bounded["inserted"] == 0
        for row in (hidden, verbs, bounded):
            assert row["errors"] == {"figure": 0, "date": 0, "term": 0, "citation": 0}, row
            assert row["glossary_adherence"] == 1.0
