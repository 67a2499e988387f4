"""Which files a ``figcheck check PATH...`` run reads, with the settings for each.

Directories are walked recursively in sorted order; a file is taken when it matches the
``include`` globs of its settings, is not ``exclude``d and not ignored by a ``.gitignore``.
Files named on the command line are always taken (pre-commit and editors name files
explicitly), unless ``--force-exclude`` asks for ``exclude`` to apply to them too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .config_files import ConfigResolver, Resolved
from .remote import is_url

# Never worth descending into, whatever the settings say.
ALWAYS_SKIPPED = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox",
     ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis"}
)


@dataclass(frozen=True, slots=True)
class Job:
    """One file to check: ``display`` is the path as the user will see it."""

    display: str
    path: str  # where to read it ("-" for standard input)
    resolved: Resolved
    data: bytes | None = None  # standard input, read by the parent (workers have no stdin)
    format: str | None = None  # how to read it (--stdin-format); None: by the file name's extension

    @property
    def relative(self) -> str:
        """The path relative to the config root, which per-file-ignores globs are written against."""
        if self.path == "-" or is_url(self.path):
            return self.display
        try:
            rel = Path(os.path.abspath(self.path)).relative_to(self.resolved.root)
        except ValueError:
            rel = Path(self.display)
        return rel.as_posix()


class PathError(Exception):
    """A command-line path that does not exist."""


def _spec(lines: tuple[str, ...]):
    # Globs from configuration and .gitignore files are untrusted: matched in bounded time.
    from .globs import gitignore_spec

    return gitignore_spec(lines)


def _relative(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


def is_excluded(path: Path, resolved: Resolved, is_dir: bool = False) -> bool:
    patterns = resolved.settings.exclude
    if not patterns:
        return False
    rel = _relative(path, resolved.root) or path.name
    return bool(_spec(tuple(patterns)).match_file(rel + ("/" if is_dir else "")))


def is_included(path: Path, resolved: Resolved) -> bool:
    """Whether ``include`` takes the file; an extension matches in any case (``README.MD``)."""
    rel = _relative(path, resolved.root) or path.name
    spec = _spec(tuple(resolved.settings.include))
    if spec.match_file(rel):
        return True
    suffix = path.suffix
    return suffix != suffix.lower() and bool(spec.match_file(rel[: len(rel) - len(suffix)] + suffix.lower()))


class GitIgnores:
    """The ``.gitignore`` files that apply to a walk, nearest last."""

    def __init__(self, root: Path) -> None:
        self._specs: dict[Path, object | None] = {}
        self._top = _git_top(root)

    def _spec_for(self, directory: Path):
        if directory not in self._specs:
            try:
                path = directory / ".gitignore"
                if not path.is_file():  # a FIFO named .gitignore would block the walk (docs/reliability.md)
                    raise FileNotFoundError(path)
                lines = path.read_text(encoding="utf-8", errors="replace")
                self._specs[directory] = _spec(tuple(lines.splitlines()))
            except OSError:
                self._specs[directory] = None
        return self._specs[directory]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Nearest .gitignore decides, as in git (a deeper ``!pattern`` re-includes)."""
        if self._top is None:
            return False
        for directory in (path.parent, *path.parent.parents):
            spec = self._spec_for(directory)
            if spec is not None:
                rel = path.relative_to(directory).as_posix() + ("/" if is_dir else "")
                result = spec.check_file(rel)
                if result.include is not None:
                    return bool(result.include)
            if directory == self._top:
                break
        return False


def _git_top(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return None


def collect(paths: list[str], resolver: ConfigResolver, force_exclude: bool = False) -> list[Job]:
    """Every file to check, in command-line order, directories expanded in sorted order."""
    jobs: list[Job] = []
    seen: set[str] = set()
    for given in paths:
        for job in _expand(given, resolver, force_exclude):
            key = os.path.normcase(os.path.abspath(job.path))
            if key not in seen:
                seen.add(key)
                jobs.append(job)
    return jobs


def collect_listed(entries: Iterable[str], resolver: ConfigResolver,
                   force_exclude: bool = False) -> Iterator[Job]:
    """The files of a ``--files-from`` list, as they are read (a list can name millions).

    Each entry is taken as if named on the command line (a directory is walked), except that a
    missing file is that file's error, not the run's, and entries are not de-duplicated. A URL
    gets the settings of the current directory (or ``--config``): configuration files are
    looked up on this machine only.
    """
    for entry in entries:
        if is_url(entry):
            yield Job(entry, entry, resolver.for_path(resolver.cwd))
        elif os.path.isdir(entry):
            yield from _walk(Path(entry), resolver)
        else:
            absolute = Path(os.path.abspath(entry))
            resolved = resolver.for_path(absolute)
            if not (force_exclude and is_excluded(absolute, resolved)):
                yield Job(entry, entry, resolved)


def _expand(given: str, resolver: ConfigResolver, force_exclude: bool):
    path = Path(given)
    if path.is_dir():
        yield from _walk(path, resolver)
        return
    # A path that does not exist is taken as a file: reading it gives that file's error
    # (not-found), and the other paths are still checked, as in a --files-from list.
    absolute = Path(os.path.abspath(path))
    resolved = resolver.for_path(absolute)
    if force_exclude and is_excluded(absolute, resolved):
        return
    yield Job(given, given, resolved)


def _walk(top: Path, resolver: ConfigResolver):
    top_abs = Path(os.path.abspath(top))
    gitignores = GitIgnores(top_abs)
    for dirpath, dirnames, filenames in os.walk(top_abs):
        directory = Path(dirpath)
        resolved = resolver.for_path(directory)
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in ALWAYS_SKIPPED
            and not is_excluded(directory / d, resolved, is_dir=True)
            and not gitignores.ignored(directory / d, is_dir=True)
        )
        for name in sorted(filenames):
            file = directory / name
            if not is_included(file, resolved) or is_excluded(file, resolved):
                continue
            if gitignores.ignored(file, is_dir=False):
                continue
            display = os.path.join(str(top), os.path.relpath(file, top_abs))
            yield Job(os.path.normpath(display), str(file), resolved)
