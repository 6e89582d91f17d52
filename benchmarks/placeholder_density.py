#!/usr/bin/env python
"""Placeholder density, glossary adherence and checker findings of `appeal translate`'s output.

Issue 15 made three choices about what the engine sees: whole expressions as one placeholder, glossary verbs
visible (enforced on the output instead), and a bound on the share of a sentence's words that may be
placeholders. This script measures what each choice does, per corpus, engine and language, in three
configurations of ``protection.protect``:

  hidden    every fact and every glossary term a placeholder (verbs too, no bound): the behaviour before
  verbs     glossary verbs visible and enforced on the output, no bound
  bounded   verbs visible and at most --max-share of a sentence's words placeholders (the default of
            `appeal translate`): glossary nouns and places beyond it are left visible and enforced too

Reported per row: sentences; placeholders per sentence; mean placeholder share of the sentences of four or
more words (shorter lines, datelines and addresses, are facts by nature); those of them over the bound; glossary terms the engine saw in English per sentence; terms repaired in place and
inserted after the sentence (review); glossary adherence of the output (1 - term errors of `appeal check` /
glossary terms the English names, per paragraph); and `appeal check`'s error findings on the output by
category (figure, date, term, citation).

Corpora: the English of every letter under letters/ and of the NTREX-128 development half (62 news
documents, one sentence per line; --ntrex DIR, default benchmarks/corpora/ntrex-dev).

Engines:
  pseudo    the pseudo-localisation engine (the prose stays accented English: adherence measures the
            enforcement machinery, not a model)
  tiny      a random-weight Argos package built offline by tests/support/tiny_argos.py (garbage prose: again
            the machinery, on real CTranslate2 n-best output with mangled placeholders)
  argos     real models given by path (--model translate-en_zh.argosmodel --model translate-en_ko.argosmodel),
            installed into a temporary, isolated Argos home. No model can be downloaded on the
            build machines, so real-model quality has NOT been measured here: run this with real models to
            measure it.

    .venv/bin/python benchmarks/placeholder_density.py                          # pseudo and tiny
    .venv/bin/python benchmarks/placeholder_density.py --engines pseudo --corpus letters
    .venv/bin/python benchmarks/placeholder_density.py --engines argos --model PATH_zh --model PATH_ko
    .venv/bin/python benchmarks/placeholder_density.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))  # support.tiny_argos

from appealkit.checker import check_letters
from appealkit.facts import source_facts
from appealkit.glossary import load_glossary
from appealkit.letters import Letter, load_letter, parse_letter
from appealkit.protection import MAX_PLACEHOLDER_SHARE, MIN_SENTENCE_WORDS, restore
from appealkit.translation import SENTENCE_JOINER, _units, protect_units  # the pipeline's own steps

CONFIGS: dict[str, dict[str, object]] = {"hidden": {"verbs_visible": False, "max_share": 1.0},
                                         "verbs": {"verbs_visible": True, "max_share": 1.0},
                                         "bounded": {"verbs_visible": True}}
CATEGORIES = ("figure", "date", "term", "citation")


@dataclass
class Row:
    corpus: str
    engine: str
    lang: str
    config: str
    sentences: int = 0
    placeholders: int = 0
    share_sum: float = 0.0
    long_sentences: int = 0
    over_bound: int = 0
    visible: int = 0
    repaired: int = 0
    inserted: int = 0
    source_terms: int = 0
    errors: Counter = field(default_factory=Counter)
    warnings: int = 0

    def summary(self) -> dict[str, object]:
        n = max(self.sentences, 1)
        adherence = 1 - self.errors["term"] / self.source_terms if self.source_terms else 1.0
        return {"corpus": self.corpus, "engine": self.engine, "lang": self.lang, "config": self.config,
                "sentences": self.sentences, "placeholders_per_sentence": round(self.placeholders / n, 3),
                "mean_share": round(self.share_sum / max(self.long_sentences, 1), 3), "over_bound": self.over_bound,
                "visible_terms_per_sentence": round(self.visible / n, 3), "repaired": self.repaired,
                "inserted": self.inserted, "glossary_adherence": round(adherence, 4),
                "errors": {c: self.errors[c] for c in CATEGORIES}, "warnings": self.warnings}


def corpus_documents(name: str, ntrex: Path) -> list[Letter]:
    if name == "letters":
        return [load_letter(p) for p in sorted((ROOT / "letters").glob("*/en.md"))]
    return [load_letter(p) for p in sorted(ntrex.glob("*/en.txt"))]


def translate_document(source: Letter, engine, glossary, lang: str, config: dict, row: Row, n_best: int,
                       max_share: float) -> Letter:
    """Protect, decode in one batch, restore and enforce, as translation._decode does, keeping the statistics."""
    settings = {"max_share": max_share, **config}
    units = [(p.index, unit) for p in source.paragraphs for unit in _units(p.index, p.text)]
    segments = protect_units([u for _, u in units], {p.index: p.text for p in source.paragraphs}, glossary, lang,
                             **settings)
    hypotheses = engine.translate_batch([s.text for s in segments], lang, n_best) if segments else []
    restored = iter(zip(segments, hypotheses))
    lines: dict[int, list[str]] = {}
    for index, unit in units:
        parts = []
        for _ in unit.sentences:
            segment, nbest = next(restored)
            result = restore(segment, nbest, lang, glossary)
            parts.append(result.text)
            words = len(segment.text.split())
            row.sentences += 1
            row.placeholders += len(segment.items)
            if words >= MIN_SENTENCE_WORDS:  # datelines and address lines are all facts by nature
                row.share_sum += segment.share
                row.long_sentences += 1
            row.over_bound += segment.share > max_share and words >= MIN_SENTENCE_WORDS
            row.visible += len(segment.visible)
            row.repaired += len(result.repaired_terms)
            row.inserted += len(result.inserted_terms)
        lines.setdefault(index, []).append(unit.prefix + SENTENCE_JOINER[lang].join(parts))
    body = "\n\n".join("\n".join(lines[p.index]) for p in source.paragraphs)
    return parse_letter(f"---\nlang: {lang}\n---\n{body}\n", source.path.with_name(f"{lang}.md"))


def measure(corpus: str, documents: list[Letter], engine_name: str, engine, glossary, lang: str, config: str,
            n_best: int, max_share: float, listing: bool = False) -> Row:
    row = Row(corpus, engine_name, lang, config)
    for source in documents:
        target = translate_document(source, engine, glossary, lang, CONFIGS[config], row, n_best, max_share)
        result = check_letters(source, target, glossary, lang)
        row.source_terms += sum(len({t.entry.id for t in source_facts(p.text, glossary).terms})
                                for p in source.paragraphs)
        for finding in result.findings:
            if finding.severity == "error" and finding.category in CATEGORIES:
                row.errors[finding.category] += 1
                if listing:
                    where = finding.target_paragraph
                    text = target.paragraphs[where].text[:300] if where is not None else ""
                    print(f"    {config} {source.path.parent.name}: {finding.rule}: {finding.message}\n      {text}")
            row.warnings += finding.severity == "warning"
    return row


def engines(names: list[str], models: list[Path], work: Path, max_length: int, beam: int):
    """(name, engine) per engine; Argos packages are installed into an isolated Argos home under ``work``."""
    import os

    from appealkit.engines.pseudo import PseudoEngine

    for name in names:
        if name == "pseudo":
            yield name, PseudoEngine()
            continue
        from support.tiny_argos import argos_env, build_tiny_argos_package

        from appealkit.engines.argos import ArgosEngine
        from appealkit.models import install_file

        if name == "argos" and not models:
            raise SystemExit("--engines argos needs --model PATH.argosmodel (one per language)")
        home = work / name
        saved = dict(os.environ)
        os.environ.update(argos_env(home))
        try:
            packages = models if name == "argos" else [
                build_tiny_argos_package(home / "build", "en", lang, seed=ord(lang[0]), eos_bias=0.0)
                for lang in ("zh", "ko")]
            for package in packages:
                install_file(Path(package))
            yield name, ArgosEngine(beam_size=beam, max_length=max_length)
        finally:
            os.environ.clear()
            os.environ.update(saved)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engines", default="pseudo,tiny", help="comma-separated: pseudo, tiny, argos")
    parser.add_argument("--model", action="append", type=Path, default=[], help="a real .argosmodel (engine argos)")
    parser.add_argument("--corpus", default="letters,ntrex", help="comma-separated: letters, ntrex")
    parser.add_argument("--ntrex", type=Path, default=ROOT / "benchmarks" / "corpora" / "ntrex-dev")
    parser.add_argument("--langs", default="zh,ko")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--max-share", type=float, default=MAX_PLACEHOLDER_SHARE)
    parser.add_argument("--n-best", type=int, default=4)
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=64, help="decoding length for the Argos engines")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--list", action="store_true", help="print every error finding with its translated paragraph")
    args = parser.parse_args(argv)

    glossary = load_glossary(ROOT / "glossary")
    corpora = {name: corpus_documents(name, args.ntrex) for name in args.corpus.split(",")}
    rows: list[Row] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        for engine_name, engine in engines(args.engines.split(","), args.model, Path(work), args.max_length,
                                           args.beam_size):
            for corpus, documents in corpora.items():
                for lang in args.langs.split(","):
                    for config in args.configs.split(","):
                        rows.append(measure(corpus, documents, engine_name, engine, glossary, lang, config,
                                            args.n_best, args.max_share, args.list))
                        print_row(rows[-1])
    print(f"\n{time.perf_counter() - started:.1f} s; bound {args.max_share:.0%} of a sentence's words; "
          f"adherence = 1 - term errors / glossary terms named per paragraph")
    if args.json:
        args.json.write_text(json.dumps([r.summary() for r in rows], indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


HEADER = (f"{'corpus':<8} {'engine':<7} {'lang':<4} {'config':<8} {'sent':>6} {'ph/sent':>7} {'share':>6} "
          f"{'over':>5} {'vis/sent':>8} {'repair':>6} {'insert':>6} {'adher.':>7} {'fig':>4} {'date':>4} "
          f"{'term':>4} {'cit':>4}")
_printed = False


def print_row(row: Row) -> None:
    global _printed
    if not _printed:
        print(HEADER)
        print("-" * len(HEADER))
        _printed = True
    s = row.summary()
    e = s["errors"]
    print(f"{row.corpus:<8} {row.engine:<7} {row.lang:<4} {row.config:<8} {s['sentences']:>6} "
          f"{s['placeholders_per_sentence']:>7.2f} {s['mean_share']:>6.2f} {s['over_bound']:>5} "
          f"{s['visible_terms_per_sentence']:>8.2f} {s['repaired']:>6} {s['inserted']:>6} "
          f"{s['glossary_adherence']:>7.1%} {e['figure']:>4} {e['date']:>4} {e['term']:>4} {e['citation']:>4}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
