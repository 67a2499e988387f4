"""What a ``figcheck check``/``extract`` command line reads: the settings of each file and the
files themselves (paths, directories walked, ``--files-from`` lists, standard input).

Imported only by those commands (argparse alone is imported at start-up).
"""

from __future__ import annotations

import os
import sys


class UsageError(Exception):
    """A command line that cannot be run as given."""


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _overrides(args):
    """Settings → Settings applying the command line; validates the options now."""
    from .config import Settings, settings_from_mapping

    cli: dict = {}
    for key in ("select", "extend_select", "ignore"):
        codes = _codes(getattr(args, key, None))
        if codes is not None:
            cli[key.replace("_", "-")] = codes
    if getattr(args, "fail_on", None):
        cli["fail-on"] = args.fail_on
    checked = Settings()
    for key, value in cli.items():  # one at a time, so an error names the option
        checked = settings_from_mapping({key: value}, f"option --{key}", checked)

    def apply(settings: Settings) -> Settings:
        changes = {}
        if "select" in cli:
            changes["select"] = checked.select
        if "extend-select" in cli:
            changes["extend_select"] = settings.extend_select + checked.extend_select
        if "ignore" in cli:
            changes["ignore"] = settings.ignore + checked.ignore
        if "fail-on" in cli:
            changes["fail_on"] = checked.fail_on
        return settings.with_overrides(**changes) if changes else settings

    return apply


def resolver_for(args):
    """The settings of each file: from --config, the configuration files found, or defaults,
    with the command line's options on top."""
    from pathlib import Path

    from .config import Settings, settings_from_mapping
    from .config_files import ConfigResolver, parse_inline

    if args.config and args.no_config:
        raise UsageError("--config and --no-config cannot be used together")
    overrides = _overrides(args)
    if args.config and not os.path.exists(args.config) and "=" in args.config:
        settings = settings_from_mapping(parse_inline(args.config), "--config", Settings())
        return ConfigResolver.fixed(overrides(settings))
    if args.config and not os.path.isfile(args.config):
        raise UsageError(f"--config {args.config}: {_path_problem(args.config) or 'not a regular file'}")
    explicit = Path(args.config) if args.config else None
    return ConfigResolver(explicit, not args.no_config, overrides)


def jobs_for(args, resolver):
    """(the standard input job or None, an iterator over every job in order).

    Paths and the ``--files-from`` list are checked now; the files are listed as the iterator
    is consumed, so a run over millions of files never holds their list. Standard input is read
    now (workers have no stdin).
    """
    from pathlib import Path

    from .discovery import Job, collect_listed, iter_jobs
    from .remote import url_refusal

    paths = list(args.paths) or (["-"] if args.stdin_filename or args.stdin_format else [] if args.files_from else ["."])
    if paths.count("-") + (args.files_from == "-") > 1:
        raise UsageError("standard input (-) can be read only once")
    if args.stdin_format and "-" not in paths:
        raise UsageError("--stdin-format says how to read standard input: add - to the paths")
    listed = _files_from(args.files_from) if args.files_from else None
    stdin_job = None
    if "-" in paths:
        name = args.stdin_filename or "-"
        resolved = resolver.for_path(Path(os.path.abspath(name)) if args.stdin_filename else Path.cwd())
        stdin_job = Job(name, "-", resolved, sys.stdin.buffer.read(resolved.settings.max_file_size + 1),
                        format=args.stdin_format)

    allowed = _codes(getattr(args, "allow_url_scheme", None)) or []

    def jobs():
        for path in paths:
            if path == "-":
                yield stdin_job
                continue
            # each path on its own: a file named twice is checked twice, as it was named
            yield from iter_jobs([path], resolver, args.force_exclude, _notice)
        if listed is not None:
            yield from collect_listed(listed, resolver, args.force_exclude, _notice,
                                      lambda url: url_refusal(url, allowed))

    if getattr(args, "fix", False) and not getattr(args, "diff", False):
        return stdin_job, _once_per_file(jobs())
    return stdin_job, jobs()


def _once_per_file(jobs):
    """With --fix, each file once, however many names reach it (a symlink, a repeated list
    entry): two workers fixing one file would refuse each other's write (issue #19)."""
    from .remote import is_url

    seen: set[str] = set()
    for job in jobs:
        if job.is_stdin or job.error is not None or is_url(job.path):
            yield job
            continue
        try:
            key = os.path.normcase(os.path.realpath(job.path))
        except (OSError, ValueError):
            yield job
            continue
        if key not in seen:
            seen.add(key)
            yield job


def _path_problem(path: str) -> str | None:
    """Why a path named on the command line cannot be used, as a person would say it."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or directory"
    except PermissionError:
        return "permission denied (a directory on the way may not be entered)"
    except (OSError, ValueError):
        return "cannot be read"
    if os.path.isdir(path):
        return "is a directory, not a file"
    return None


def _notice(path: str, message: str) -> None:
    from .printable import printable

    sys.stderr.write(f"figcheck: notice: {printable(path)}: {printable(message)}\n")


def _files_from(name: str):
    """The entries of the --files-from list, opened now so that a missing list stops the run."""
    from .remote import INSTALL_HINT, list_entries, open_list

    try:
        return list_entries(open_list(name, sys.stdin))
    except ImportError:
        raise UsageError(f"--files-from {name}: reading a URL needs fsspec ({INSTALL_HINT})") from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"--files-from {name}: {getattr(exc, 'strerror', None) or exc}") from None
