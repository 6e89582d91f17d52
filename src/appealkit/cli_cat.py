"""The CAT-tool commands: ``appeal export`` / ``appeal import`` (XLIFF round trip), ``appeal memory export|import``
(TMX) and ``appeal glossary export|import`` (TBX, CSV, TSV). Thin: the work is in cat_export, cat_import,
formats.tmx_memory and glossary_exchange."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from appealkit.memory import DEFAULT_PATH

memory_option = click.option(
    "--memory",
    "memory_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_PATH,
    show_default=True,
    help="Translation memory (SQLite).",
)
glossary_option = click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(path_type=Path),
    help="Glossary directory or file (default: ./glossary when present, else the bundled copy).",
)


def _languages(value: str) -> list[str]:
    from appealkit.cli_translate import _languages as parse

    return parse(value)


def _write_or_print(data: bytes, output: Path | None) -> None:
    from appealkit.cli_check import write_report

    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_report(output, data.decode("utf-8"))


@click.command("export")
@click.argument("letters", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to", default="zh,ko", show_default=True, help="Target languages, comma-separated.")
@click.option("--format", "fmt", type=click.Choice(["xliff"]), default="xliff", show_default=True)
@click.option(
    "--version", "version", type=click.Choice(["1.2", "2.1"]), default="1.2", show_default=True, help="XLIFF version."
)
@click.option(
    "--segment",
    type=click.Choice(["paragraph", "sentence"]),
    default="paragraph",
    show_default=True,
    help="One unit per paragraph, or one segment per sentence.",
)
@click.option(
    "--prefill",
    type=click.Choice(["translation", "source"]),
    default="translation",
    show_default=True,
    help="What each target holds: the current translation, or a copy of the English for tools that "
    "translate the target in place (OmegaT 3); those take the translations from the memory's TMX.",
)
@click.option(
    "-o", "--output", help="Output file (one language) or directory; default: beside the letter (<slug>/zh.xlf)."
)
@glossary_option
@memory_option
def export(
    letters: tuple[Path, ...],
    to: str,
    fmt: str,
    version: str,
    segment: str,
    prefill: str,
    output: str | None,
    glossary_path: Path | None,
    memory_path: Path,
) -> None:
    """Export letters (folders or en.md) as XLIFF for post-editing in a CAT tool.

    Each unit holds an English paragraph (or sentence), the current translation or MT draft with its state,
    the facts it must keep as notes, and the hashes 'appeal import' needs.
    """
    from appealkit.cat_export import export_letter
    from appealkit.glossary import load_glossary
    from appealkit.memory import TranslationMemory

    langs = _languages(to)
    if output and len(letters) > 1 and not output.endswith(("/", "\\")) and not Path(output).is_dir():
        raise click.UsageError("several letters: -o must name a directory")
    glossary = load_glossary(glossary_path)
    memory = TranslationMemory(memory_path) if memory_path.is_file() else None
    try:
        for letter in letters:
            for lang, path in export_letter(letter, langs, glossary, memory, version, segment, output, prefill).items():
                click.echo(f"{path}  ({lang}, XLIFF {version}, {segment}s)")
    finally:
        if memory:
            memory.close()


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--letter",
    type=click.Path(path_type=Path),
    help="The letter folder (default: the en.md the XLIFF names, relative to it).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Take the XLIFF's text where the Markdown was also edited since the "
    "export (a backup of the Markdown is kept).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Format of the check report.",
)
@glossary_option
@memory_option
def import_(
    files: tuple[Path, ...], letter: Path | None, force: bool, fmt: str, glossary_path: Path | None, memory_path: Path
) -> None:
    """Write post-edited XLIFF back into zh.md / ko.md, remember the edits, and check the result.

    Refuses a file whose English no longer matches the letter. Exit status as 'appeal check': 0 clean,
    1 errors found in the imported translation, 2 input error.
    """
    from appealkit.cat_import import import_xliff
    from appealkit.glossary import load_glossary
    from appealkit.memory import TranslationMemory
    from appealkit.reports import render

    if letter and len(files) > 1:
        raise click.UsageError("--letter applies to one file")
    glossary = load_glossary(glossary_path)
    results = []
    with TranslationMemory(memory_path) as memory:
        for path in files:
            outcome = import_xliff(path, glossary, memory, letter, force)
            kept = [p.number for p in outcome.paragraphs if p.kept_markdown]
            click.echo(
                f"appeal: {path} → {outcome.target}: {len(outcome.paragraphs)} paragraph(s), "
                f"{len(outcome.edited)} edited (stored in {memory_path} as human edits), status "
                f"{outcome.status}"
                + ("" if outcome.source_unchanged else "; source_sha256 not updated: the English body changed")
                + (f"; Markdown edits kept in paragraphs {', '.join(map(str, kept))}" if kept else "")
                + (f"; backup {outcome.backup}" if outcome.backup else ""),
                err=True,
            )
            results.append(outcome.result)
    click.echo(render(fmt, results), nl=False)
    sys.exit(1 if any(f.severity == "error" for r in results for f in r.findings) else 0)


@click.group("memory")
def memory_group() -> None:
    """Move the translation memory in and out of CAT tools (TMX 1.4b)."""


@memory_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["tmx"]), default="tmx", show_default=True)
@click.option("--to", "to", default="zh,ko", show_default=True, help="Languages, comma-separated.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: standard output).")
@memory_option
def memory_export(fmt: str, to: str, output: Path | None, memory_path: Path) -> None:
    """Export the memory as TMX: human edits and MT drafts told apart by <prop type="x-appealkit-origin">."""
    from appealkit.errors import AppealInputError
    from appealkit.formats.tmx_memory import export_tmx
    from appealkit.memory import TranslationMemory

    if not memory_path.is_file():
        raise AppealInputError("no translation memory here (appeal translate and appeal import create it)", memory_path)
    with TranslationMemory(memory_path) as memory:
        _write_or_print(export_tmx(memory, tuple(_languages(to))), output)


@memory_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--prefer-file",
    is_flag=True,
    help="Where the memory and the file hold different human translations of a segment, take the file's.",
)
@memory_option
def memory_import(file: Path, prefer_file: bool, memory_path: Path) -> None:
    """Merge a TMX into the memory without losing edits: exit 1 when human translations conflict."""
    from appealkit.formats.tmx_memory import import_tmx
    from appealkit.memory import TranslationMemory

    with TranslationMemory(memory_path) as memory:
        report = import_tmx(file, memory, prefer_file)
    for lang, source, kept, offered in report.conflicts:
        click.echo(
            f"conflict [{lang}] {source[:60]!r}: kept the memory's {kept[:40]!r}, not the file's "
            f"{offered[:40]!r} (--prefer-file takes the file's)",
            err=True,
        )
    click.echo(
        f"appeal: {file}: {report.human_added} human and {report.machine_added} machine translation(s) "
        f"added, {report.replaced} replaced, {report.unchanged} already known, {len(report.conflicts)} "
        "conflict(s)",
        err=True,
    )
    sys.exit(1 if report.conflicts else 0)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["tbx", "tbx-2008", "csv", "tsv"]), default="tbx", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: standard output).")
@glossary_option
def glossary_export(fmt: str, output: Path | None, glossary_path: Path | None) -> None:
    """Export the glossary for a termbase: TBX v3 (TBX-Basic), TBX 2008 for OmegaT 3 (correct forms only), or a
    CSV/TSV table for memoQ and Trados."""
    from appealkit.glossary import load_glossary
    from appealkit.glossary_exchange import export_glossary

    _write_or_print(export_glossary(load_glossary(glossary_path).entries, fmt), output)


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    help="Glossary YAML file to merge into (default: imported.yaml in the glossary directory).",
)
@glossary_option
def glossary_import(file: Path, into: Path | None, glossary_path: Path | None) -> None:
    """Merge a termbase (.tbx, .csv, .tsv) into a glossary file, then lint the glossary.

    Exit 1 when the merged glossary has lint problems (printed as file:line: message).
    """
    from appealkit.glossary import default_glossary_path
    from appealkit.glossary_exchange import merge_into, read_termbase

    root = glossary_path or default_glossary_path()
    target = into or (root if root.is_dir() else root.parent) / "imported.yaml"
    report = merge_into(read_termbase(file), target, root)
    for note in report.notes:
        click.echo(note, err=True)
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(
        f"appeal: {file} → {target}: {len(report.added)} added, {len(report.merged)} merged, "
        f"{len(report.unchanged)} unchanged, {len(report.problems)} lint problem(s)",
        err=True,
    )
    sys.exit(1 if report.problems else 0)
