"""The ``appeal`` command line: a thin layer over the library.

Exit codes: 0 nothing at or above --fail-on; 1 findings (or lint errors); 2 usage or input errors.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import sys
from pathlib import Path

import click

from appealkit import dataclass_cache
from appealkit.cli_config import GLOSSARY_HELP
from appealkit.errors import INPUT_ERROR_EXIT, AppealInputError

# The subcommands kept in their own modules: name → ("module:attribute", summary). They are imported only when
# run or when their own help is shown, so ``appeal --help`` loads none of the checker, the glossary or the MT
# engines. The summary is the first sentence of the command's docstring (tests/cli/test_lazy_commands.py pins
# them equal), which ``appeal --help`` shortens as click does.
COMMANDS = {
    "check": ("appealkit.cli_check:check", "Check translations against their English source."),
    "config": (
        "appealkit.cli_config:config_command",
        "Print the effective configuration for PATH (default: here) and where each value came from.",
    ),
    "export": (
        "appealkit.cli_cat:export",
        "Export letters (folders or en.md) as XLIFF for post-editing in a CAT tool.",
    ),
    "import": (
        "appealkit.cli_cat:import_",
        "Write post-edited XLIFF back into zh.md / ko.md, remember the edits, and check the result.",
    ),
    "memory": ("appealkit.cli_cat:memory_group", "Move the translation memory in and out of CAT tools (TMX 1.4b)."),
    "report": (
        "appealkit.cli_report:report",
        "Write an HTML review page: summary per letter and language, aligned paragraphs, highlighted findings.",
    ),
    "score": (
        "appealkit.cli_translate:score",
        "chrF and BLEU of HYPOTHESIS against REFERENCE (sacrebleu; tokenize=zh for Chinese).",
    ),
    "stats": (
        "appealkit.cli_translate:stats",
        "Post-edit distance per letter and language: TER and chrF of the stored machine output against the "
        "approved or edited translation (how much translators had to change).",
    ),
    "translate": (
        "appealkit.cli_translate:translate",
        "Machine-translate approved English letters into zh and ko under the glossary.",
    ),
}
# The command's process builds hundreds of thousands of objects that live until it exits (compiled patterns, the
# glossary, the facts of every paragraph): at Python's default threshold (700 new objects) the cyclic collector
# walks them again and again, about 8% of a check of letters/. A collection every 20,000 objects keeps memory
# bounded at a fraction of that cost.
CLI_GC_THRESHOLDS = (20_000, 50, 100)
GLOSSARY_COMMANDS = {
    "export": (
        "appealkit.cli_cat:glossary_export",
        "Export the glossary for a termbase: TBX v3 (TBX-Basic), TBX 2008 for OmegaT 3 (correct forms only), or "
        "a CSV/TSV table for memoQ and Trados.",
    ),
    "import": (
        "appealkit.cli_cat:glossary_import",
        "Merge a termbase (.tbx, .csv, .tsv) into a glossary file, then lint the glossary.",
    ),
}


class QuietPipe:
    """Standard output that survives its reader going away (``appeal rules | head -1``): the first write into
    a closed pipe points the descriptor at /dev/null, and the command runs on to its own exit status (a gate
    piped into ``head`` still fails on errors) without a traceback or "Exception ignored" at exit."""

    def __init__(self, stream):
        self._stream = stream
        self.closed_by_reader = False

    def _silence(self) -> None:
        self.closed_by_reader = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)

    def write(self, text: str) -> int:
        if not self.closed_by_reader:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._silence()
        return len(text)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._silence()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def usage_line(exc: click.UsageError) -> str:
    """A usage error as one line, like an input error (click's own is a usage block and two more lines)."""
    message = " ".join(exc.format_message().split())
    where = exc.ctx.command_path if exc.ctx else "appeal"
    return f"appeal: error: {message} (see '{where} --help')"


class LazyGroup(click.Group):
    """A group whose commands in ``lazy_commands`` are imported on first use; listing them (its help) reads
    only their summaries."""

    def __init__(self, *args, lazy_commands: dict[str, tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands or {}
        self._listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            where, summary = self.lazy_commands[cmd_name]
            if self._listing:  # a stand-in that click shortens to the same line as the real command
                return click.Command(cmd_name, help=summary)
            module, _, attribute = where.partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # click >= 8.4 suggests close names, from the loaded commands only
            no_such = getattr(click.exceptions, "NoSuchCommand", None)
            if no_such is None or not isinstance(exc, no_such):
                raise
            raise no_such(exc.command_name, possibilities=self.list_commands(ctx), ctx=ctx) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False


class AppealGroup(LazyGroup):
    """Turns input and usage errors into one line and exit 2, never shows a traceback for them, and lets
    every command survive a closed pipe."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        # At shutdown the interpreter walks every object once more for cycles before freeing them all (7 ms of a
        # one-pair check). At exit, what the command built is frozen and that walk skips it; the memory goes back
        # to the system as always.
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)
        dataclass_cache.install()  # before the command's modules define their classes
        gc.set_threshold(*CLI_GC_THRESHOLDS)
        if not isinstance(sys.stdout, QuietPipe) and sys.stdout is not None:
            sys.stdout = QuietPipe(sys.stdout)
        try:
            result = super().main(args, prog_name or "appeal", complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare ``appeal``: the help, as click shows it
                click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
            else:
                click.echo(usage_line(exc), err=True)
            sys.exit(INPUT_ERROR_EXIT)
        except click.ClickException as exc:
            click.echo(f"appeal: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("appeal: aborted", err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe is found here, not in "Exception ignored" at exit
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AppealInputError as exc:
            click.echo(f"appeal: error: {exc}", err=True)
            sys.exit(INPUT_ERROR_EXIT)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("appeal: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the last line of defence: one line, not a traceback
            if os.environ.get("APPEAL_DEBUG"):
                raise
            click.echo(
                f"appeal: internal error: {type(exc).__name__}: {exc} (set APPEAL_DEBUG=1 for details)", err=True
            )
            sys.exit(3)


@click.group(cls=AppealGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="appealkit", prog_name="appeal", message="%(prog)s %(version)s")
def main() -> None:
    """appealkit: translate appeal letters into zh and ko and check that no fact was lost."""


def _glossary(path: Path | None):
    from appealkit.glossary import load_glossary

    return load_glossary(_configured_glossary(path))


def _configured_glossary(path: Path | None) -> Path | None:
    """--glossary when given, else the configuration's ``glossary`` (None: ./glossary or the bundled copy)."""
    from appealkit.config import load_config

    return path if path is not None else load_config().glossary


glossary_option = click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(path_type=Path),
    help=GLOSSARY_HELP,
)


# ---------------------------------------------------------------- glossary
@main.group(cls=LazyGroup, lazy_commands=GLOSSARY_COMMANDS)
def glossary() -> None:
    """Inspect, validate, export and import the glossary."""


@glossary.command("lint")
@click.argument("path", required=False, type=click.Path(path_type=Path))
def glossary_lint(path: Path | None) -> None:
    """Validate glossary files: schema, duplicate ids, contested English forms, contradictions, provenance
    (treaties, laws and UN bodies need an attested source) and context rules.

    Warns about common English words without context and regex syntax in forms (matched literally).
    Prints problems as file:line: message. Exit 1 when there are errors, 2 when a file cannot be read.
    """
    from appealkit.glossary import default_glossary_path, glossary_files
    from appealkit.glossary_lint import common_word_check_available, errors_only, lint_documents, read_documents

    root = _configured_glossary(path) or default_glossary_path()
    documents = read_documents(glossary_files(root))
    problems = lint_documents(documents)
    for problem in problems:
        click.echo(str(problem))
    entries = sum(1 for doc in documents for _ in doc.entries())
    errors = len(errors_only(problems))
    click.echo(
        f"{len(documents)} file(s), {entries} entries, {errors} error(s), {len(problems) - errors} warning(s)", err=True
    )
    if not common_word_check_available():
        click.echo("note: common-word warnings need wordfreq (pip install 'appealkit[lint]')", err=True)
    sys.exit(1 if errors else 0)


@glossary.command("show")
@click.argument("term")
@glossary_option
def glossary_show(term: str, glossary_path: Path | None) -> None:
    """Show the entry for TERM (an id, an English form or any rendering): its renderings, the contexts in which
    it applies, and where its renderings are attested. Suggests the nearest entries when none matches."""
    glossary = _glossary(glossary_path)
    entries = glossary.lookup(term)
    if not entries:
        nearest = glossary.nearest(term)
        hint = f"; did you mean: {', '.join(e.id for e in nearest)}?" if nearest else ""
        click.echo(f"appeal: no glossary entry matches '{term}'{hint}", err=True)
        sys.exit(1)
    for entry in entries:
        click.echo(describe_entry(entry))


def describe_entry(entry) -> str:
    """An entry as ``appeal glossary show`` prints it."""
    official = ", UN" if entry.un else ""
    lines = [
        f"{entry.id}  ({entry.kind}{official}{', ' + str(entry.year) if entry.year else ''})  "
        f"{entry.file}:{entry.line}",
        f"  en: {'; '.join(entry.en)}",
    ]
    lines += [f"  context: {rule.describe()}" for rule in entry.contexts]
    if entry.stands_for:
        lines.append(
            f"  stands for: {', '.join(entry.stands_for)} (a capital for its government: a warning, not an error)"
        )
    for lang, rendering in entry.targets.items():
        unverified = "  (unverified: findings are warnings)" if not rendering.verified else ""
        lines.append(f"  {lang}: preferred {rendering.preferred}{unverified}")
        if rendering.accepted:
            lines.append(f"      accepted    {'; '.join(rendering.accepted)}")
        if rendering.short:
            lines.append(f"      short       {'; '.join(rendering.short)} (after the full name)")
        for label, forms in (("discouraged", rendering.discouraged), ("forbidden", rendering.forbidden)):
            for form in forms:
                reason = rendering.reason(form)
                lines.append(f"      {label:<11} {form}{' — ' + reason if reason else ''}")
    if entry.note:
        lines.append(f"  note: {entry.note}")
    if entry.source:
        lines.append(f"  source: {entry.source} (not attested: no address or document symbol)")
    lines += [f"  source: {source.describe()}" for source in entry.sources]
    return "\n".join(lines)


# ---------------------------------------------------------------- rules
@main.command("rules")
@click.argument("rule_id", required=False)
def rules(rule_id: str | None) -> None:
    """List the checker's rules, or show the documentation of one, with why each has its default severity.

    A team sets its own severities and selection in the configuration (see 'appeal config').
    """
    from appealkit.reports import rule_catalogue

    catalogue = {rule.id: rule for rule in rule_catalogue()}
    if rule_id:
        if rule_id not in catalogue:
            raise click.BadParameter(f"unknown rule '{rule_id}'", param_hint="RULE_ID")
        rule = catalogue[rule_id]
        click.echo(
            f"{rule.id}  [{rule.category}, {rule.severity}]\n\n{rule.doc}\n\n"
            f"Why {rule.severity} by default: {rule.rationale}"
        )
        return
    for rule in sorted(catalogue.values(), key=lambda r: (r.category, r.id)):
        click.echo(f"{rule.id:<30} {rule.category:<13} {rule.severity:<8} {rule.summary}")
        click.echo(f"{'':<53}why {rule.severity}: {rule.rationale}")


# ---------------------------------------------------------------- models
@main.group()
def models() -> None:
    """Manage Argos Translate model packages (en→zh, en→ko)."""


@models.command("list")
def models_list() -> None:
    """List installed Argos packages."""
    from appealkit.models import installed_models

    found = installed_models()
    if not found:
        click.echo(
            "no Argos models installed: 'appeal models install en-zh en-ko' (needs internet) "
            "or 'appeal models install --file PATH.argosmodel'"
        )
    for model in found:
        click.echo(f"{model.name:<18} {model.version:<10} {model.path}")


@models.command("install")
@click.argument("pairs", nargs=-1)
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Install from a local .argosmodel file (offline). Repeatable.",
)
def models_install(pairs: tuple[str, ...], files: tuple[Path, ...]) -> None:
    """Install models: PAIRS like en-zh en-ko from the Argos package index, or --file for offline archives."""
    from appealkit.models import install_file, install_from_index
    from appealkit.progress import progress

    if not pairs and not files:
        raise click.UsageError("name language pairs (en-zh en-ko) or give --file PATH.argosmodel")
    for path in files:
        model = install_file(path)
        click.echo(f"installed {model.name} {model.version} from {path}")
    for pair in pairs:
        with progress(1000, f"downloading {pair}") as advance:
            model = install_from_index(pair, progress=_byte_progress(advance))
        click.echo(f"installed {model.name} {model.version}")


def _byte_progress(advance):
    """Turn (bytes done, bytes total) reports into steps of a 1000-step bar."""
    shown = [0]

    def report(done: int, total: int) -> None:
        if total:
            step = min(1000, done * 1000 // total)
            advance(step - shown[0])
            shown[0] = step

    return report


@models.command("remove")
@click.argument("pairs", nargs=-1, required=True)
def models_remove(pairs: tuple[str, ...]) -> None:
    """Remove installed models, by language pair (en-zh)."""
    from appealkit.models import remove

    for pair in pairs:
        model = remove(pair)
        click.echo(f"removed {model.name} {model.version}")


# ---------------------------------------------------------------- stamp
@main.command("stamp")
@click.argument("targets", nargs=-1, required=True, type=click.Path(path_type=Path))
def stamp(targets: tuple[Path, ...]) -> None:
    """Record that TARGETS (zh.md / ko.md) now match their en.md: update source_sha256 after a review."""
    from appealkit.letters import stamp_source_hash

    for target in targets:
        digest = stamp_source_hash(target)
        click.echo(f"{target}: source_sha256 {digest[:12]}…")
