"""``appeal check``: the CI gate. Its options, output and exit codes are a stable contract."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from appealkit.errors import AppealInputError
from appealkit.textio import atomic_write

FAIL_ON = ("error", "warning", "info")


def collect_pairs(paths: tuple[Path, ...], lang: str | None):
    """Two files → one explicit pair; otherwise every translation found under the paths."""
    from appealkit.letters import LetterPair, discover_pairs

    if len(paths) == 2 and all(p.is_file() for p in paths) and paths[0].name not in ("zh.md", "ko.md"):
        source, target = paths
        return [LetterPair(source, target, lang or "", source.parent.name)], True
    resolved = []
    for path in paths:
        if path.is_file() and path.name in ("zh.md", "ko.md"):
            source = path.with_name("en.md")
            if not source.is_file():
                raise AppealInputError("no en.md beside this translation", path)
            resolved.append(LetterPair(source, path, path.stem, path.parent.name))
        else:
            resolved += discover_pairs([path], (lang,) if lang else ("zh", "ko"))
    return resolved, False


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["zh", "ko"]), help="Target language (default: from front matter, file name or script).")
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path),
              help="Glossary directory or file (default: ./glossary when present, else the bundled copy).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", type=click.Path(path_type=Path), help="Write the report to FILE instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit status 1.")
def check(paths: tuple[Path, ...], lang: str | None, glossary_path: Path | None, fmt: str,
          output: Path | None, fail_on: str) -> None:
    """Check translations against their English source.

    \b
    appeal check SOURCE TARGET [--lang zh|ko]   one pair of files (.md or .txt)
    appeal check [PATH ...]                     every <slug>/zh.md and ko.md against its en.md (default: letters/)

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from appealkit.checker import check_pairs
    from appealkit.findings import at_or_above
    from appealkit.glossary import load_glossary
    from appealkit.reports import renderer

    if not paths:
        if not Path("letters").is_dir():
            raise click.UsageError("no PATH given and no ./letters directory here")
        paths = (Path("letters"),)
    pairs, explicit = collect_pairs(paths, lang)
    if not pairs:
        raise AppealInputError("no translations found (expected <slug>/en.md with zh.md or ko.md beside it)",
                               ", ".join(map(str, paths)))
    glossary = load_glossary(glossary_path)
    results = check_pairs(pairs, glossary)
    color = output is None and sys.stdout.isatty()
    report = renderer(fmt)(results, color=color)
    if output:
        atomic_write(output, report)
    else:
        click.echo(report, nl=False)
    failing = [f for r in results for f in r.findings if at_or_above(f.severity, fail_on)]
    sys.exit(1 if failing else 0)
