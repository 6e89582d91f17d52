"""``appeal report``: the review page, one self-contained HTML file for people (``appeal check`` is for CI)."""

from __future__ import annotations

from pathlib import Path

import click

from appealkit.cli_config import GLOSSARY_HELP, config_options


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--html",
    "html_path",
    required=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Write the review page to FILE.",
)
@click.option("--lang", type=click.Choice(["zh", "ko"]), help="Only this target language.")
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path), help=GLOSSARY_HELP)
@click.option(
    "--ignore-file",
    type=click.Path(path_type=Path),
    help="Suppressions file (default: ./.appeal-ignore.yaml when present).",
)
@click.option("--title", default="Translation review", show_default=True, help="Heading of the page.")
@config_options
def report(
    paths: tuple[Path, ...],
    html_path: Path,
    lang: str | None,
    glossary_path: Path | None,
    ignore_file: Path | None,
    title: str,
    **rule_options,
) -> None:
    """Write an HTML review page: summary per letter and language, aligned paragraphs, highlighted findings.

    PATH as for `appeal check` (default: letters/). Exit status: 0 when the page is written, 2 on input errors
    (findings do not fail this command; gate with `appeal check`). Settings not given here come from the
    configuration file, as for `appeal check`.
    """
    from appealkit.cli_check import check_with_suppressions, input_files, refuse_inputs, run_config, write_report
    from appealkit.reports import render

    paths, config = run_config(paths, glossary_path, ignore_file, **rule_options)
    ignore_file = config.ignore_file if config.ignore_file_is_explicit else None
    raw, outcome, ignore_path, _ = check_with_suppressions(
        paths,
        lang,
        config.glossary,
        ignore_file,
        policy=config.policy(),
        exclude=config.exclude,
        exclude_root=config.root,
    )
    refuse_inputs([("html", html_path)], input_files(raw, ignore_path))
    write_report(html_path, render("html", outcome.results, suppressed=outcome.suppressed, title=title))
    findings = sum(len(r.findings) for r in outcome.results)
    click.echo(f"appeal: wrote {html_path} ({len(outcome.results)} translation(s), {findings} finding(s))", err=True)
