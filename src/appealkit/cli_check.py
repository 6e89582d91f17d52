"""``appeal check``: the CI gate. Its options, output and exit codes are a stable contract."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from appealkit.cli_config import GLOSSARY_HELP, config_options
from appealkit.config import Config
from appealkit.errors import AppealInputError
from appealkit.formats import is_bilingual
from appealkit.policy import RulePolicy
from appealkit.progress import progress
from appealkit.textio import atomic_write, cannot_write

FAIL_ON = ("error", "warning", "info")
FORMATS = ("text", "json", "sarif", "junit", "github", "html")  # appealkit.reports.FORMATS, without importing it


def collect_pairs(
    paths: tuple[Path, ...], lang: str | None, exclude: Sequence[str] = (), exclude_root: Path | None = None
):
    """Two files → one explicit pair; otherwise every translation found under the paths, and every other file
    found there (appealkit.discovery): returns (pairs, files to report)."""
    from appealkit.discovery import discover, translation_lang
    from appealkit.letters import LetterPair

    if len(paths) == 2 and all(p.is_file() for p in paths) and not translation_lang(paths[0].name):
        source, target = paths
        return [LetterPair(source, target, lang or "", source.parent.name)], []
    found = discover(paths, (lang,) if lang else ("zh", "ko"), exclude, exclude_root)
    return found.pairs, found.files


def check_with_suppressions(
    paths: tuple[Path, ...],
    lang: str | None,
    glossary_path: Path | None,
    ignore_file: Path | None,
    creating: bool = False,
    policy: RulePolicy | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    exclude: Sequence[str] = (),
    exclude_root: Path | None = None,
):
    """Check the letters, then apply the ignore file, then the rule policy (selection and severities).

    Returns (results as checked, outcome with suppressions and policy applied, ignore file path, its entries).

    ``creating``: --write-baseline may name an ignore file that does not exist yet. ``jobs``: worker
    processes (default: every core); ``use_cache``: answer unchanged pairs from ``.appeal/cache`` (the policy
    applies after checking, so it is not part of what the cache stores). ``exclude``: glob patterns of files
    under the checked folders that are neither checked nor reported (relative to ``exclude_root`` when they
    contain a '/'; see appealkit.discovery.ignored).
    """
    from appealkit.batch import check_many, default_jobs
    from appealkit.result_cache import DEFAULT_CACHE_DIR, ResultCache
    from appealkit.suppressions import apply_suppressions, load_ignore_file
    from appealkit.tree_check import report_files

    if not paths:
        if not Path("letters").is_dir():
            raise click.UsageError("no PATH given and no ./letters directory here")
        paths = (Path("letters"),)
    bilingual = [p for p in paths if p.is_file() and is_bilingual(p)]
    letter_paths = tuple(p for p in paths if p not in bilingual)
    pairs, files = collect_pairs(letter_paths, lang, exclude, exclude_root) if letter_paths else ([], [])
    reported = [f for f in files if f.kind not in ("source", "translation")]
    if not pairs and not bilingual and not reported:
        raise AppealInputError(
            "no translations found (expected <slug>/en.md with zh.md or ko.md beside it)", ", ".join(map(str, paths))
        )
    path, entries = load_ignore_file(ignore_file, creating)
    glossary, digest = lazy_glossary(glossary_path)
    cache = ResultCache(DEFAULT_CACHE_DIR, digest) if use_cache else None
    with progress(len(pairs), "checking", minimum=20) as advance:
        results = check_many(pairs, glossary, advance, jobs or default_jobs(), cache)
    results += check_bilingual_files(bilingual, glossary(), lang) if bilingual else []
    results = report_files(files, results)
    outcome = apply_suppressions(results, entries)
    return results, policy.apply_to_outcome(outcome) if policy else outcome, path, entries


def lazy_glossary(path: Path | None):
    """A loader of the glossary, and its digest read without parsing it: when every pair is answered from
    the cache, the glossary is never parsed (it was valid when those answers were stored, since the key
    holds its digest)."""
    from functools import cache

    from appealkit.glossary import default_glossary_path, glossary_digest, glossary_files, load_glossary

    root = path if path is not None else default_glossary_path()
    loader = cache(lambda: load_glossary(root))
    try:
        return loader, glossary_digest(glossary_files(root))
    except OSError:  # unreadable: loading it says so, as one line
        return loader, loader().digest


def check_bilingual_files(paths: list[Path], glossary, lang: str | None):
    """Each CAT file's units (XLIFF, .sdlxliff, PO, TMX), one result per target language it holds."""
    from appealkit.checker import check_bilingual
    from appealkit.formats import read_bilingual

    return [check_bilingual(found, glossary, lang) for path in paths for found in read_bilingual(path, lang)]


def run_config(
    paths: tuple[Path, ...],
    glossary_path: Path | None,
    ignore_file: Path | None,
    fail_on: str | None = None,
    **rule_options,
) -> tuple[tuple[Path, ...], Config]:
    """The configuration of a checking command, and the paths it checks (given, else configured)."""
    from appealkit.cli_config import load_cli_config

    config = load_cli_config(
        paths, fail_on=fail_on, glossary=_text(glossary_path), ignore_file=_text(ignore_file), **rule_options
    )
    configured = () if config.settings["paths"].is_default else config.paths
    return paths or configured, config


def _text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _real(path: Path) -> Path:
    """The file a path names, through symlinks (``os.path.realpath`` never raises, even on a link loop)."""
    return Path(os.path.realpath(path))


def planned_outputs(fmt: str, output: Path | None, outputs: dict[str, Path | None]) -> list[tuple[str, Path]]:
    """Every (format, file) this run writes. One file named for two formats would silently keep only the
    last report written, so that is a usage error."""
    planned = [(name, path) for name in FORMATS if (path := outputs.get(f"output_{name}")) is not None]
    if output is not None:
        planned.append((fmt, output))
    seen: dict[Path, str] = {}
    for name, path in planned:
        first = seen.setdefault(_real(path), name)
        if first != name:
            raise click.UsageError(
                f"{path} is named for both the {first} and the {name} report: give each its own file"
            )
    return planned


def input_files(results, ignore_path: Path | None) -> list[Path]:
    """The letters checked and the ignore file read."""
    letters = [Path(p) for r in results for p in (r.pair.source, r.pair.target)]
    return [*letters, ignore_path] if ignore_path else letters


def refuse_inputs(planned: list[tuple[str, Path]], inputs: list[Path]) -> None:
    """A report must never replace what was checked (``--output letters/x/zh.md`` destroyed the translation)."""
    protected = {_real(path) for path in inputs}
    for name, path in planned:
        if _real(path) in protected:
            raise AppealInputError(f"the {name} report would overwrite this input file: write it elsewhere", path)


_DESCRIPTORS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")


def _is_stream(path: Path) -> bool:
    """A pipe, terminal, device or descriptor (/dev/stdout, /dev/null, a shell's >(...)): an atomic rename
    would replace the node itself with a regular file, and a reader waiting on it would get nothing."""
    return str(path).startswith(_DESCRIPTORS) or (path.exists() and not path.is_file())


def write_report(path: Path, text: str) -> None:
    """Write a report: atomically to a file (through a symlink to its target, keeping the link), straight
    into a stream. Any failure is an input error naming the file (exit 2), not an internal error."""
    if not _is_stream(path):
        atomic_write(_real(path), text)
        return
    try:
        with open(path, "a", encoding="utf-8") as handle:  # "a": a stdout redirected with >> keeps its text
            handle.write(text)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def output_option(fmt: str):
    return click.option(
        f"--output-{fmt}",
        f"output_{fmt}",
        type=click.Path(path_type=Path),
        metavar="FILE",
        help=f"Also write the {fmt} report to FILE (several --output-<format> may be given).",
    )


def _with_output_options(command):
    for fmt in reversed(FORMATS):
        command = output_option(fmt)(command)
    return command


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang", type=click.Choice(["zh", "ko"]), help="Target language (default: from front matter, file name or script)."
)
@click.option("--glossary", "glossary_path", type=click.Path(path_type=Path), help=GLOSSARY_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Format printed to standard output (or to --output).",
)
@click.option("--output", type=click.Path(path_type=Path), help="Write the report to FILE instead of standard output.")
@_with_output_options
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Lowest severity that makes the exit status 1 (default: error, or fail-on in the configuration).",
)
@click.option(
    "--ignore-file",
    type=click.Path(path_type=Path),
    help="Suppressions file (default: ./.appeal-ignore.yaml when present).",
)
@click.option(
    "--write-baseline",
    is_flag=True,
    help="Record every current finding as a suppression in the ignore file (needs --reason).",
)
@click.option("--reason", help="Why the findings recorded by --write-baseline are acceptable.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    help="Check with N processes (default: every core); the output is the same for any N.",
)
@click.option(
    "--no-cache", is_flag=True, help="Check every pair again instead of answering unchanged ones from .appeal/cache."
)
@config_options
def check(
    paths: tuple[Path, ...],
    lang: str | None,
    glossary_path: Path | None,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    ignore_file: Path | None,
    write_baseline: bool,
    reason: str | None,
    jobs: int | None,
    no_cache: bool,
    config_file: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore_rules: tuple[str, ...],
    severity: tuple[str, ...],
    **outputs: Path | None,
) -> None:
    """Check translations against their English source.

    \b
    appeal check SOURCE TARGET [--lang zh|ko]   one pair of files (.md or .txt)
    appeal check FILE.xlf [--lang zh|ko]         a CAT tool's bilingual file (.xlf .xliff .sdlxliff .po .tmx)
    appeal check [PATH ...]                     every <slug>/zh.md and ko.md against its en.md (default: letters/)

    Settings not given here come from the configuration file (see appeal config).
    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
    """
    from appealkit import suppressions as sup
    from appealkit.findings import at_or_above
    from appealkit.reports import render

    if write_baseline and not (reason or "").strip():
        raise click.UsageError("--write-baseline needs --reason TEXT: say why these findings are acceptable")
    if reason and not write_baseline:
        raise click.UsageError("--reason is only used with --write-baseline")
    planned = planned_outputs(fmt, output, outputs)
    paths, config = run_config(
        paths,
        glossary_path,
        ignore_file,
        fail_on,
        config_file=config_file,
        select=select,
        extend_select=extend_select,
        ignore_rules=ignore_rules,
        severity=severity,
    )
    policy = config.policy()
    ignore_file = config.ignore_file if config.ignore_file_is_explicit else None
    raw, outcome, ignore_path, entries = check_with_suppressions(
        paths,
        lang,
        config.glossary,
        ignore_file,
        creating=write_baseline,
        policy=policy,
        jobs=jobs,
        use_cache=not no_cache,
        exclude=config.exclude,
        exclude_root=config.root,
    )
    refuse_inputs(planned, input_files(raw, ignore_path))
    if write_baseline:
        new_entries = sup.baseline(outcome, entries, reason or "")
        sup.write_suppressions(ignore_path, new_entries)
        click.echo(f"appeal: wrote {len(new_entries)} suppression(s) to {ignore_path}", err=True)
        outcome = policy.apply_to_outcome(sup.apply_suppressions(raw, new_entries))  # the baseline in force
    results, suppressed = outcome.results, outcome.suppressed
    for name, target in planned:
        if target is not output:
            write_report(target, render(name, results, suppressed=suppressed))
    color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")  # no-color.org
    report = render(fmt, results, suppressed=suppressed, color=color)
    if output:
        write_report(output, report)
    else:
        click.echo(report, nl=False)
    failing = [f for r in results for f in r.findings if at_or_above(f.severity, config.fail_on)]
    sys.exit(1 if failing else 0)
