"""The ``figcheck`` command line.

Only argparse is imported at start-up; everything else is imported by the subcommand that
needs it, so ``figcheck --version`` and ``figcheck rules`` stay fast. ``figcheck server``, as
the editors start it, does not even parse a command line here (argparse and gettext: ~4 ms of the
language server's cold start): the server reads its own options, and imports the engine as it
does when started as ``python -m figcheck_lsp``.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .cli_inputs import UsageError, jobs_for, resolver_for

if TYPE_CHECKING:
    import argparse

EXIT_CLEAN, EXIT_DIAGNOSTICS, EXIT_ERROR = 0, 1, 2
OUTPUT_FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github")
TEXT_FORMATS = ("text", "markdown", "latex", "rst", "html")  # figcheck.text's readers
MAX_JOBS = 256  # worker processes; more would only exhaust memory and process slots
# The caches of what `check` and `extract` compile as they start (figcheck.start_up), kept in
# __pycache__ beside this module under this name.
START_UP = "command-line-start"

EXAMPLES = """\
examples:
  figcheck check article.md                 check one file
  figcheck check docs/ --format concise     every prose file under docs/, one line a problem
  figcheck check --fix --unsafe-fixes .     apply every available fix
  figcheck check --diff report.md           show the fixes as a diff, change nothing
  cat draft.txt | figcheck check - --stdin-filename draft.md
  pandoc -t html notes.docx | figcheck check - --stdin-format html
  figcheck check --format sarif . > figcheck.sarif
  figcheck check --files-from list.txt      check the files (paths or URLs) listed, one a line
  figcheck check --executor dask --scheduler tcp://HOST:8786 --format jsonl archive/
  figcheck extract --format json article.md the numeric claims found, as JSON
  figcheck rule FC202                       explain a rule
  figcheck playground --open                check prose in the browser (docs/playground.md)

exit status: 0 no problems, 1 problems at or above --fail-on, 2 usage, configuration or I/O error
"""


def main(argv: list[str] | None = None) -> int:
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        sys.stderr.write("figcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (`figcheck check | head`): not an error of ours
        return EXIT_DIAGNOSTICS
    except UsageError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except Exception as exc:
        from .config import ConfigError

        if isinstance(exc, ConfigError):
            _error(str(exc))
            return EXIT_ERROR
        import traceback  # a bug in figcheck: still exit 2, never 1 ("problems found")

        traceback.print_exc()
        _error(f"internal error: {type(exc).__name__}: {exc} (please report this as a figcheck bug)")
        return EXIT_ERROR


def _dispatch(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["server"]:  # everything after `server` is the server's own command line
        return cmd_server(SimpleNamespace(server_args=argv[1:]))
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    return args.handler(args)


def _error(message: str) -> None:
    sys.stderr.write(f"figcheck: error: {message}\n")


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# ---------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="figcheck",
        description="Find numeric claims in prose and flag figures that cannot all be true.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_version_action())
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_check(commands)
    _add_extract(commands)
    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=cmd_rules)
    rule = commands.add_parser("rule", help="explain one rule (by code or name)")
    rule.add_argument("code", metavar="CODE", help="a rule code (FC202) or name (unit-mixup)")
    rule.set_defaults(handler=cmd_rule)
    server = commands.add_parser("server", help="run the language server (LSP over stdio)",
                                 add_help=False)  # `figcheck server --help` is the server's
    server.add_argument("server_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    server.set_defaults(handler=cmd_server)
    from .playground import add_parser as add_playground  # argparse only; the rest when run

    add_playground(commands)
    return parser


def _version_action() -> type[argparse.Action]:
    """``--version``'s action, made with the parser (argparse is imported only then)."""
    import argparse

    class VersionAction(argparse.Action):
        """``--version``, looking the version up only when asked (importlib.metadata is slow)."""

        def __init__(self, option_strings, dest, **kwargs):
            super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

        def __call__(self, parser, namespace, values, option_string=None):
            from . import __version__

            sys.stdout.write(f"figcheck {__version__}\n")
            parser.exit()

    return VersionAction


def _add_check(commands) -> None:
    import argparse  # imported already: this builds the parser

    from .model import SEVERITIES  # not at start-up: `figcheck server` imports the engine's
    # dataclasses with the server's cache of compiled code installed (~8 ms of its cold start)

    check = commands.add_parser(
        "check",
        help="check files for figures that cannot all be true",
        description="Check files, directories (recursively) or standard input (-).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or - (default: .)")
    out = check.add_argument_group("output")
    out.add_argument("--format", "--output-format", dest="format", choices=OUTPUT_FORMATS,
                     default="full", help="how to report (default: full)")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the human formats (auto: on a terminal, unless NO_COLOR is set)")
    out.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    out.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    fixes = check.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (with --fix)")
    fixes.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    _add_selection(check)
    status = check.add_argument_group("exit status")
    status.add_argument("--fail-on", choices=SEVERITIES,
                        help="lowest severity that makes the exit status 1 (default: warning)")
    status.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    _add_common(check)
    _add_executor(check)
    check.set_defaults(handler=cmd_check)


def _add_extract(commands) -> None:
    extract = commands.add_parser(
        "extract",
        help="print the numeric claims found in files",
        description="Print every numeric claim found, in document order.",
    )
    extract.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or -")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    _add_common(extract)
    extract.set_defaults(handler=cmd_extract)


def _add_selection(parser) -> None:
    group = parser.add_argument_group("rule selection (override configuration files)")
    group.add_argument("--select", action="append", metavar="CODES",
                       help="comma-separated rules or prefixes to enable instead (FC2,FC101; ALL)")
    group.add_argument("--extend-select", action="append", metavar="CODES",
                       help="rules to enable in addition to the selected ones")
    group.add_argument("--ignore", action="append", metavar="CODES", help="rules to disable")


def _add_executor(parser) -> None:
    group = parser.add_argument_group("cluster (needs the dask extra: pip install -e '.[dask]' in a "
                                      "checkout; see docs/dask.md)")
    group.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="local: a process pool of --jobs (default); dask: a Dask cluster")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler (tcp://HOST:PORT); without it, a local cluster of "
                            "--jobs workers")


def _add_common(parser) -> None:
    config = parser.add_argument_group("configuration")
    config.add_argument("--config", metavar="PATH",
                        help="use this config file (or a TOML 'key = value') instead of searching")
    config.add_argument("--no-config", action="store_true", help="ignore every configuration file")
    config.add_argument("--stdin-filename", metavar="PATH",
                        help="the name of the text read from - (sets its format and shown path)")
    config.add_argument("--stdin-format", choices=TEXT_FORMATS,
                        help="how to read the text from -: %(choices)s (default: by the extension "
                             "of --stdin-filename, else plain text)")
    config.add_argument("--files-from", metavar="LIST",
                        help="check the files listed in LIST too: a path or URL a line "
                             "(- for standard input)")
    config.add_argument("--force-exclude", action="store_true",
                        help="apply 'exclude' to files named on the command line too")
    config.add_argument("--allow-url-scheme", action="append", metavar="SCHEMES",
                        help="let --files-from entries be read from URLs of these schemes "
                             "(comma-separated, e.g. s3,https); only local files and file:// "
                             "are read otherwise")
    run = parser.add_argument_group("performance")
    run.add_argument("-j", "--jobs", type=_positive_int, metavar="N",
                     help="files checked in parallel (default: every core)")


def _positive_int(text: str) -> int:
    import argparse  # imported already: this parses an option

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    if value > MAX_JOBS:  # each job is a process: --jobs 1000000000 would try to fork them all
        raise argparse.ArgumentTypeError(f"{value} is too many; at most {MAX_JOBS}")
    return value


# ------------------------------------------------------------------------------- commands


def cmd_check(args) -> int:
    from .start_up import starting_up

    with starting_up(__file__, START_UP):
        from .model import SEVERITY_RANK
        from .report import MACHINE_FORMATS, ReportOptions, Summary, reporter_for
        from .runner import RunOptions, warm_up

        warm_up()
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    _check_executor(args)
    resolver = resolver_for(args)
    stdin_job, jobs = jobs_for(args, resolver)
    stdin_fixed = args.fix and not args.diff and stdin_job is not None
    stdin_name = stdin_job.display if stdin_job else None
    out = _stream(sys.stdout, utf8=args.format in MACHINE_FORMATS)
    report_out = _stream(sys.stderr) if stdin_fixed or args.diff else out
    options = ReportOptions(
        color=_use_color(args.color, report_out),
        unsafe_fixes=args.unsafe_fixes,
        fix_mode=args.fix and not args.diff,
        quiet=args.quiet,
    )
    reporter = reporter_for("concise" if args.diff else args.format, report_out, _stream(sys.stderr), options)
    run = RunOptions(mode="check", fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff)
    summary, failing, changed = Summary(), False, 0
    for result in _results(args, jobs, run, ordered=not reporter.streaming):
        summary.add(result, args.unsafe_fixes)
        threshold = SEVERITY_RANK[result.fail_on]
        failing |= any(SEVERITY_RANK[d["severity"]] >= threshold for d in result.diagnostics)
        if args.diff:
            changed += _write_diff(result, out, report_out)
            continue
        if stdin_fixed and result.path == stdin_name:
            _echo_stdin(result, stdin_job, out)
        reporter.file(result)
    if args.diff:
        _diff_summary(summary, changed, report_out, args.quiet)
    else:
        reporter.finish(summary)
    out.flush()
    if summary.files == 0:
        _warn_nothing_matched(args, resolver)
    if summary.errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.diff:
        return EXIT_DIAGNOSTICS if changed else EXIT_CLEAN
    return EXIT_DIAGNOSTICS if failing else EXIT_CLEAN


def _warn_nothing_matched(args, resolver) -> None:
    """A directory that holds no file figcheck reads: say so, and which files it reads."""
    from pathlib import Path

    directories = [p for p in (args.paths or ["."]) if p != "-" and os.path.isdir(p)]
    if not directories:
        return
    include = resolver.for_path(Path(os.path.abspath(directories[0]))).settings.include
    sys.stderr.write(
        f"figcheck: warning: no file to check in {', '.join(directories)}: a directory is searched "
        f"for {' '.join(include)} (any case; the 'include' setting), and .gitignore'd and "
        "excluded files are skipped; a file named on the command line is always checked\n")


def _check_executor(args) -> None:
    if args.executor != "dask":
        if args.scheduler:
            raise UsageError("--scheduler needs --executor dask")
        return
    if args.fix and not args.diff:
        raise UsageError("--fix cannot run on a Dask cluster (a task run again after a lost worker "
                         "would write twice); use --diff, or --executor local")
    from .dask_executor import missing_dask

    problem = missing_dask()
    if problem:
        raise UsageError(problem)


def _results(args, jobs, run, ordered: bool):
    """The results of the run: from the local process pool, or from a Dask cluster."""
    from .runner import default_workers, run_all

    workers = args.jobs or default_workers()
    if args.executor == "dask":
        return _dask_results(jobs, run, args.scheduler, workers, ordered, _show_progress(args))
    return run_all(jobs, run, workers, ordered=ordered, progress=_show_progress(args))


def _dask_results(jobs, run, scheduler, workers: int, ordered: bool, progress: bool):
    from .dask_executor import DaskRunError, run_on_dask

    try:
        yield from run_on_dask(jobs, run, scheduler, workers, ordered=ordered, progress=progress)
    except DaskRunError as exc:
        raise UsageError(str(exc)) from None


def _echo_stdin(result, job, out) -> None:
    """With --fix, standard input goes back out, fixed; unfixable input goes back unchanged."""
    out.flush()
    out.buffer.write(result.fixed_bytes if result.fixed_bytes is not None else job.data)
    out.buffer.flush()


def _write_diff(result, out, err) -> int:
    from .report.human import Paint, file_error_line

    if result.error is not None:
        err.write(file_error_line(result.path, result.error, Paint(False)) + "\n")
    if result.diff:
        out.write(result.diff)
        return 1
    return 0


def _diff_summary(summary, changed: int, err, quiet: bool) -> None:
    from .report.human import plural

    if quiet:
        return
    if changed:
        err.write(f"Would fix {plural(summary.fixed, 'problem')} in {plural(changed, 'file')}.\n")
    else:
        err.write("No fixes available.\n")


def cmd_extract(args) -> int:
    from .start_up import starting_up

    with starting_up(__file__, START_UP):
        from .report.json import JsonDocumentWriter
        from .runner import RunOptions, default_workers, run_all, warm_up

        warm_up(checking=False)
    resolver = resolver_for(args)
    _, jobs = jobs_for(args, resolver)
    out = _stream(sys.stdout, utf8=args.format == "json")
    err = _stream(sys.stderr)
    writer = JsonDocumentWriter(out) if args.format == "json" else None
    errors = 0
    for result in run_all(jobs, RunOptions(mode="extract"), args.jobs or default_workers()):
        errors += result.error is not None
        if writer is not None:
            writer.entry(result.as_dict())
        else:
            _print_claims(result, out, err)
    if writer is not None:
        writer.close({})
    out.flush()
    return EXIT_ERROR if errors else EXIT_CLEAN


def _print_claims(result, out, err) -> None:
    from .printable import printable

    path = printable(result.path)
    if result.error is not None:
        err.write(f"figcheck: error: {path}: {printable(result.error['message'])}\n")
    for claim in result.claims or ():
        start = claim["start"]
        line = printable(f"{start['line']}:{start['column']}  {claim['text']}  → "
                         f"{describe_claim(claim, result.claims)}")
        out.write(f"{path}:{line}\n")


def describe_claim(claim: dict, claims: list[dict] = ()) -> str:
    """``1000 mile ** 2 (≤ 1000) [almost]``: the figure as the engine understood it.

    A restatement names the claim it restates by its text and line:column, as the other lines
    do, rather than by a number (JSON's ``converted_from`` is a 0-based index into ``claims``).
    """
    kind = claim.get("kind")
    dimension = claim.get("dimension") or ""
    if dimension.startswith("currency:"):
        unit = dimension.split(":", 1)[1]
    elif kind == "percent" or dimension == "percent":
        unit = "%"
    elif claim.get("unit"):
        unit = claim["unit"]
    else:
        unit = claim.get("counted") or "(count)"
    text = f"{_figure(claim['value'])} {unit}"
    low, high = claim.get("low"), claim.get("high")
    if (low, high) != (claim["value"], claim["value"]):
        text += f" ({_figure(low) if low is not None else '…'} – {_figure(high) if high is not None else '…'})"
    if claim.get("qualifier"):
        text += f" [{claim['qualifier']}]"
    restated = claim.get("converted_from")
    if restated is not None and 0 <= restated < len(claims):
        source = claims[restated]
        text += f" (restates “{source['text']}” at {source['start']['line']}:{source['start']['column']})"
    return text


def _figure(value) -> str:
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def cmd_rules(args) -> int:
    from .rules import REGISTRY, all_rules

    rules = all_rules()
    out = _stream(sys.stdout, utf8=args.format == "json")
    if args.format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                 "enabled_by_default": r.enabled_by_default} for r in rules]
        json.dump({"version": 1, "rules": rows}, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_CLEAN
    for r in rules:
        default = "" if r.enabled_by_default else "  (off by default)"
        out.write(f"{r.code}  {r.name:<22} {r.severity:<11} {r.summary}{default}\n")
    missing = [code for code in REGISTRY if code not in {r.code for r in rules}]
    if missing:
        out.write(f"not available in this build: {', '.join(missing)}\n")
    return EXIT_CLEAN


def cmd_rule(args) -> int:
    from .rules import REGISTRY, all_rules, rule_by_code_or_name

    rule = rule_by_code_or_name(args.code)
    if rule is None:
        if args.code.upper() in REGISTRY:
            raise UsageError(f"rule {args.code.upper()} is not available in this build")
        known = ", ".join(f"{r.code} ({r.name})" for r in all_rules()) or "none available"
        raise UsageError(f"unknown rule '{args.code}'; known rules: {known}")
    out = _stream(sys.stdout)
    default = "" if rule.enabled_by_default else ", off by default"
    out.write(f"{rule.code} {rule.name} ({rule.severity}{default})\n\n{rule.summary}\n")
    if rule.doc and rule.doc.strip() != rule.summary.strip():
        out.write(f"\n{rule.doc}\n")
    return EXIT_CLEAN


def cmd_server(args) -> int:
    from .faces import load_server_part

    try:
        serve = load_server_part("main")
    except ImportError as exc:
        raise UsageError(f"the language server is not installed with this figcheck ({exc})") from None
    result = serve(list(args.server_args))  # the server parses its own options (--stdio, ...)
    return result if isinstance(result, int) else EXIT_CLEAN


# --------------------------------------------------------------------------------- helpers


def _stream(stream, utf8: bool = False):
    """``stream`` set to never fail on a character the terminal's encoding lacks; JSON is UTF-8."""
    try:
        if utf8:
            stream.reconfigure(encoding="utf-8", errors="strict")
        else:
            stream.reconfigure(errors="replace")
    except (AttributeError, ValueError):
        pass
    return stream


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _show_progress(args) -> bool:
    """A progress bar on a terminal (the runner shows it only for a big run)."""
    if args.no_progress:
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


if __name__ == "__main__":
    sys.exit(main())
