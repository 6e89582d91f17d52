"""``appeal translate``, ``appeal score`` and ``appeal stats``: the machine-translation commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from appealkit.cli_config import GLOSSARY_HELP
from appealkit.errors import AppealInputError
from appealkit.progress import progress
from appealkit.protection import MAX_PLACEHOLDER_SHARE


def _excerpt(sentence: str, width: int = 70) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"


def _languages(value: str) -> list[str]:
    langs = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in langs if v not in ("zh", "ko")]
    if unknown or not langs:
        raise click.BadParameter(f"unsupported language(s): {', '.join(unknown) or value!r}; use zh, ko or zh,ko")
    return langs


def summary_line(outcome, counts: dict[str, int]) -> str:
    """One line per letter and language: where it went, what was translated or reused, and the check."""
    reused = outcome.count("memory") + outcome.count("human-memory")
    terms = len({t for s in outcome.segments for t in s.terms})
    parts = [
        f"{outcome.count('machine')} translated",
        f"{reused} from memory" if reused else "",
        f"{outcome.count('edited')} human edit(s) kept" if outcome.count("edited") else "",
    ]
    done = ", ".join(p for p in parts if p)
    return (
        f"{outcome.target}: {len(outcome.segments)} paragraphs ({done}), {terms} glossary term(s) "
        f"in {outcome.seconds:.1f}s; check: {counts['error']} error(s), {counts['warning']} warning(s)"
    )


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to", default="zh,ko", show_default=True, help="Target languages, comma-separated.")
@click.option("--engine", type=click.Choice(["argos", "pseudo"]), default="argos", show_default=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <slug>/<lang>.md under DIR instead of beside the source.",
)
@click.option("--force", is_flag=True, help="Replace a human-edited or hand-made translation (a backup is kept).")
@click.option(
    "--memory",
    "memory_path",
    type=click.Path(path_type=Path),
    default=Path(".appeal/tm.sqlite"),
    show_default=True,
    help="Translation memory (SQLite).",
)
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path), help=GLOSSARY_HELP)
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16))
@click.option(
    "--n-best",
    default=4,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Hypotheses offered to the glossary step.",
)
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 1024))
@click.option("--threads", default=0, show_default=True, type=click.IntRange(0, 64), help="CPU threads (0: all cores).")
@click.option(
    "--max-length",
    default=256,
    show_default=True,
    type=click.IntRange(8, 4096),
    help="Maximum decoding length in tokens.",
)
@click.option(
    "--max-placeholder-share",
    default=MAX_PLACEHOLDER_SHARE,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="Largest share of a sentence's words that may be placeholders; beyond it glossary nouns stay visible.",
)
@click.option("-v", "--verbose", is_flag=True, help="Also list the glossary entries applied, by id.")
def translate(
    sources: tuple[Path, ...],
    to: str,
    engine: str,
    out_dir: Path | None,
    force: bool,
    memory_path: Path,
    glossary_path: Path | None,
    beam_size: int,
    n_best: int,
    batch_size: int,
    threads: int,
    max_length: int,
    max_placeholder_share: float,
    verbose: bool,
) -> None:
    """Machine-translate approved English letters into zh and ko under the glossary.

    Writes <slug>/zh.md and ko.md beside each SOURCE (or under --out) with front matter recording the source
    hash, engine, model and glossary version, keeps every paragraph a translator edited, then checks the result.
    """
    from appealkit.checker import check_files
    from appealkit.cli_config import load_cli_config
    from appealkit.engines import get_engine, require_mt
    from appealkit.findings import summarize
    from appealkit.glossary import load_glossary
    from appealkit.letters import load_letter
    from appealkit.memory import TranslationMemory
    from appealkit.translation import translate_letter

    langs = _languages(to)
    if engine == "argos":
        require_mt()
    config = load_cli_config(sources[:1], None, glossary=str(glossary_path) if glossary_path else None)
    glossary = load_glossary(config.glossary)  # the glossary the gate checks with, and its rule policy below
    policy = config.policy()
    settings = {
        "beam_size": max(beam_size, n_best),
        "batch_size": batch_size,
        "threads": threads,
        "max_length": max_length,
    }
    engines: dict[str, object] = {}

    def factory():
        if engine not in engines:
            engines[engine] = get_engine(engine, **settings) if engine == "argos" else get_engine(engine)
        return engines[engine]

    failed = False
    with TranslationMemory(memory_path) as memory:
        for source in sources:
            source = source / "en.md" if source.is_dir() else source
            for lang in langs:
                with progress(len(load_letter(source).paragraphs), f"{source.parent.name} → {lang}") as advance:
                    outcome = translate_letter(
                        source,
                        lang,
                        factory,
                        glossary,
                        memory,
                        out_dir=out_dir,
                        force=force,
                        n_best=n_best,
                        progress=advance,
                        engine_name=engine,
                        max_share=max_placeholder_share,
                    )
                result = check_files(outcome.source, outcome.target, glossary, lang)
                counts = summarize(policy.apply(result.findings))
                failed |= counts["error"] > 0
                click.echo(summary_line(outcome, counts))
                terms = sorted({t for s in outcome.segments for t in s.terms})
                if verbose and terms:
                    click.echo(f"  glossary entries applied: {', '.join(terms)}")
                if outcome.review:
                    click.echo(
                        "  needs review (protected facts repaired): paragraphs "
                        + ", ".join(str(i + 1) for i in outcome.review)
                    )
                for paragraph, sentence in outcome.dense:
                    click.echo(
                        f"  over the placeholder bound ({max_placeholder_share:.0%} of the words): paragraph "
                        f"{paragraph + 1}: {_excerpt(sentence)}"
                    )
                if outcome.backup:
                    click.echo(f"  backup of the previous file: {outcome.backup}")
    sys.exit(1 if failed else 0)


@click.command()
@click.argument("hypothesis", type=click.Path(path_type=Path))
@click.argument("reference", type=click.Path(path_type=Path))
@click.option(
    "--lang", type=click.Choice(["zh", "ko"]), help="Target language (default: from front matter, file name or script)."
)
def score(hypothesis: Path, reference: Path, lang: str | None) -> None:
    """chrF and BLEU of HYPOTHESIS against REFERENCE (sacrebleu; tokenize=zh for Chinese)."""
    from appealkit.letters import load_letter
    from appealkit.scoring import score_texts

    hyp, ref = load_letter(hypothesis), load_letter(reference)
    for letter in (hyp, ref):
        if not letter.paragraphs:
            raise AppealInputError("nothing to score: the file has no paragraphs", letter.path)
    resolved = lang or ref.lang or hyp.lang
    if resolved not in ("zh", "ko"):
        raise AppealInputError("cannot tell the language: use --lang zh or --lang ko", reference)
    if not lang and {hyp.lang, ref.lang} == {"zh", "ko"}:
        raise AppealInputError(f"the hypothesis is {hyp.lang} but the reference is {ref.lang}", hypothesis)
    result = score_texts([p.text for p in hyp.paragraphs], [p.text for p in ref.paragraphs], resolved)
    click.echo(f"chrF {result.chrf:.2f}  BLEU {result.bleu:.2f}  ({result.signature})")
    if len(hyp.paragraphs) != len(ref.paragraphs):
        click.echo(f"note: {len(hyp.paragraphs)} paragraphs against {len(ref.paragraphs)}: scored as one document")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--memory", "memory_path", type=click.Path(path_type=Path), default=Path(".appeal/tm.sqlite"), show_default=True
)
def stats(paths: tuple[Path, ...], memory_path: Path) -> None:
    """Post-edit distance per letter and language: TER and chrF of the stored machine output against the
    approved or edited translation (how much translators had to change)."""
    from appealkit.scoring import post_edit_stats

    rows = post_edit_stats(paths or (Path("letters"),), memory_path)
    if not rows:
        click.echo("no machine-translated letters with a stored machine output found")
        return
    click.echo(f"{'letter':<40} {'lang':<4} {'segments':>8} {'edited':>6} {'TER':>6} {'chrF':>6}")
    for row in rows:
        click.echo(f"{row.slug:<40} {row.lang:<4} {row.segments:>8} {row.edited:>6} {row.ter:>6.1f} {row.chrf:>6.1f}")
