"""Which files a ``figcheck check PATH...`` run reads, with the settings for each.

Directories are walked recursively in sorted order; a file is taken when it matches the
``include`` globs of its settings, is not ``exclude``d and not ignored by a ``.gitignore``.
Files named on the command line are always taken (pre-commit and editors name files
explicitly), unless ``--force-exclude`` asks for ``exclude`` to apply to them too.

A walk never leaves its root through a symbolic link (issue #19): a symlinked file that resolves
outside the directory walked is skipped with a notice, and one inside it is checked but never
written through by ``--fix`` (only a link named on the command line or in a list is). A
directory the walk cannot enter, or a listed path that cannot even be looked at (too long, a
NUL byte, a parent that may not be searched), is that entry's error; the run goes on.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .config_files import ConfigResolver, Resolved
from .remote import is_url
from .text import path_suffix

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
    named: bool = True  # named by the user (command line, list); False: found by a walk
    error: dict | None = None  # known before reading: {"kind", "message"} (issue #19)
    root_relative: str | None = None  # :attr:`relative`, when the walk that found the file knew it


    @property
    def is_stdin(self) -> bool:
        return self.data is not None

    @property
    def relative(self) -> str:
        """The path relative to the config root, which per-file-ignores globs are written against."""
        if self.root_relative is not None:
            return self.root_relative
        if self.is_stdin or is_url(self.path) or self.error is not None:
            return self.display
        try:
            rel = Path(os.path.abspath(self.path)).relative_to(self.resolved.root)
        except ValueError:
            rel = Path(self.display)
        return rel.as_posix()


Notice = Callable[[str, str], None]  # (path shown, message): something skipped, not an error


def _no_notice(path: str, message: str) -> None:
    pass


def error_job(display: str, resolved: Resolved, kind: str, message: str) -> Job:
    """A job that is already that entry's error (the run goes on with the others)."""
    return Job(display, display, resolved, error={"kind": kind, "message": message})


def path_error(exc: OSError | ValueError) -> tuple[str, str]:
    """(kind, message) for a path that cannot be looked at."""
    if isinstance(exc, ValueError):  # os functions refuse a NUL byte with ValueError
        return "invalid-path", "the path contains a NUL byte"
    from .io import file_error

    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        return "invalid-path", "the path (or a part of it) is too long"
    error = file_error(exc)
    return error.kind, error.message


def _spec(lines: tuple[str, ...]):
    # Globs from configuration and .gitignore files are untrusted: matched in bounded time.
    from .globs import gitignore_spec

    return gitignore_spec(lines)


# A glob such as "*.md" (what ``include`` holds unless a user changes it): whether it matches a
# path is whether a component of the path ends with ".md" (git's rules: no slash in the glob,
# so it matches at any depth, and a matched directory takes what is under it).
_EXTENSION_GLOB = re.compile(r"\*\.[A-Za-z0-9]+")


@lru_cache(maxsize=64)
def include_matcher(globs: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether ``globs`` match a path relative to the config root; extension globs by a string
    test, as the glob engine would answer, without running a guarded pattern per glob and file."""
    if globs and all(_EXTENSION_GLOB.fullmatch(glob) for glob in globs):
        endings = tuple(glob[1:] for glob in globs)
        # The last component first: a file's own name is what matches, nearly always.
        return lambda rel: rel.endswith(endings) or any(part.endswith(endings) for part in rel.split("/")[:-1])
    return _spec(globs).match_file


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
    return _included(rel, path.name, include_matcher(tuple(resolved.settings.include)))


def _included(rel: str, name: str, matches: Callable[[str], bool]) -> bool:
    """Whether ``matches`` takes ``rel`` (whose file name is ``name``), or takes it with the
    extension in lower case."""
    if matches(rel):
        return True
    suffix = path_suffix(name)
    return suffix != suffix.lower() and bool(matches(rel[: len(rel) - len(suffix)] + suffix.lower()))


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

    @property
    def in_repository(self) -> bool:
        """Whether any .gitignore can apply (the walk is inside a git work tree)."""
        return self._top is not None

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
        try:
            if os.path.lexists(directory / ".git"):
                return directory
        except (OSError, ValueError):  # a parent we may not search: no repository we can see
            return None
    return None


def collect(paths: list[str], resolver: ConfigResolver, force_exclude: bool = False,
            notice: Notice = _no_notice) -> list[Job]:
    """Every file to check, in command-line order, directories expanded in sorted order."""
    return list(iter_jobs(paths, resolver, force_exclude, notice))


def iter_jobs(paths: list[str], resolver: ConfigResolver, force_exclude: bool = False,
              notice: Notice = _no_notice) -> Iterator[Job]:
    """:func:`collect`, a file at a time as the walk finds it (a directory can hold millions)."""
    seen: set[str] = set()
    for given in paths:
        for job in _expand(given, resolver, force_exclude, notice):
            # A walk's paths are absolute and normalised already (os.path.abspath costs more
            # than the rest of finding a file).
            key = os.path.normcase(job.path if not job.named else os.path.abspath(job.path))
            if key not in seen:
                seen.add(key)
                yield job


def collect_listed(entries: Iterable[str], resolver: ConfigResolver,
                   force_exclude: bool = False, notice: Notice = _no_notice,
                   url_allowed: Callable[[str], str | None] = lambda url: None) -> Iterator[Job]:
    """The files of a ``--files-from`` list, as they are read (a list can name millions).

    Each entry is taken as if named on the command line (a directory is walked), except that a
    missing file is that file's error, not the run's, and entries are not de-duplicated. A URL
    gets the settings of the current directory (or ``--config``): configuration files are
    looked up on this machine only. ``url_allowed(url)`` returns why a URL may not be read
    (None when it may). An entry that cannot be looked at is that entry's error.
    """
    for entry in entries:
        if is_url(entry):
            resolved = resolver.for_path(resolver.cwd)
            refused = url_allowed(entry)
            yield error_job(entry, resolved, "unsupported", refused) if refused else Job(entry, entry, resolved)
            continue
        try:
            if os.path.isdir(entry):
                yield from _walk(Path(entry), resolver, notice)
                continue
        except (OSError, ValueError) as exc:
            yield error_job(entry, resolver.for_path(resolver.cwd), *path_error(exc))
            continue
        # "-" in a list is a file named "-", not standard input
        yield from _named_file(entry, os.path.join(os.curdir, entry) if entry == "-" else entry,
                               resolver, force_exclude)


def _expand(given: str, resolver: ConfigResolver, force_exclude: bool, notice: Notice):
    path = Path(given)
    try:
        if os.path.isdir(path):
            yield from _walk(path, resolver, notice)
            return
        try:
            os.lstat(path)  # a path we may not even look at is that path's error (below)
        except FileNotFoundError:
            pass  # taken as a file: reading it gives that file's error (not-found), and the
            # other paths are still checked, as in a --files-from list
    except (OSError, ValueError) as exc:
        yield error_job(given, resolver.for_path(resolver.cwd), *path_error(exc))
        return
    yield from _named_file(given, given, resolver, force_exclude)


def _named_file(given: str, display: str, resolver: ConfigResolver, force_exclude: bool) -> Iterator[Job]:
    """A file the user named (on the command line or in a list): its job with the settings that
    apply to it, nothing when --force-exclude excludes it, or its error."""
    try:
        absolute = Path(os.path.abspath(given))
        resolved = resolver.for_path(absolute)
        excluded = force_exclude and is_excluded(absolute, resolved)
    except (OSError, ValueError) as exc:
        yield error_job(given, resolver.for_path(resolver.cwd), *path_error(exc))
        return
    if not excluded:
        yield Job(given, display, resolved)


def _walk(top: Path, resolver: ConfigResolver, notice: Notice = _no_notice):
    top_abs = Path(os.path.abspath(top))
    top_real = os.path.realpath(top_abs)
    gitignores = GitIgnores(top_abs)
    unreadable: list[OSError] = []

    def shown(path: Path | str) -> str:
        return os.path.normpath(os.path.join(str(top), os.path.relpath(path, top_abs)))

    for dirpath, dirnames, filenames, links in _walk_tree(str(top_abs), unreadable.append):
        yield from _unreadable(unreadable, shown, resolver)
        directory = Path(dirpath)
        resolved = resolver.for_path(directory)
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in ALWAYS_SKIPPED
            and not is_excluded(directory / d, resolved, is_dir=True)
            and not gitignores.ignored(directory / d, is_dir=True)
        )
        yield from _walk_files(directory, sorted(filenames), links, resolved, gitignores,
                               shown(directory), top, top_real, notice)
    yield from _unreadable(unreadable, shown, resolver)


Listing = tuple[str, list[str], list[str], set[str]]  # (directory, dirnames, filenames, links)


def _walk_tree(top: str, onerror: Callable[[OSError], None]) -> Iterator[Listing]:
    """``os.walk(top, onerror=onerror)`` (top-down, never into a linked directory, ``dirnames``
    pruned in place by the caller), each directory with the set of its files that are symbolic
    links: the listing says so, where ``os.path.islink`` would cost a system call a file."""
    stack = [top]
    while stack:
        directory = stack.pop()
        dirnames: list[str] = []
        filenames: list[str] = []
        links: set[str] = set()
        linked_directories: set[str] = set()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    names, linked = (dirnames, linked_directories) if _is_dir(entry) else (filenames, links)
                    names.append(entry.name)
                    if _is_symlink(entry):
                        linked.add(entry.name)
        except OSError as exc:
            onerror(exc)
            continue
        yield directory, dirnames, filenames, links
        stack.extend(os.path.join(directory, d) for d in reversed(dirnames) if d not in linked_directories)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as os.walk: an entry that cannot be looked at is not a directory
        return False


def _is_symlink(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:  # as os.path.islink
        return False


def _walk_files(directory: Path, names: list[str], links: set[str], resolved: Resolved,
                gitignores: GitIgnores, shown_directory: str, top: Path, top_real: str,
                notice: Notice) -> Iterator[Job]:
    """The jobs of one directory's files (``links``: those that are symbolic links). What is the
    same for all of them (the globs, the directory's path relative to the config root and as
    shown) is worked out once: per file, these cost more than reading a short file (issue #15)."""
    include = include_matcher(tuple(resolved.settings.include))
    exclude = _spec(tuple(resolved.settings.exclude)) if resolved.settings.exclude else None
    directory_rel = _relative(directory, resolved.root)
    prefix = None if directory_rel is None else ("" if directory_rel == "." else directory_rel + "/")
    # str(directory / name) and os.path.normpath(os.path.join(shown_directory, name)) of a
    # name from a listing (never "." or "..", no separator) in a normalised directory.
    directory_text = os.path.join(str(directory), "")
    shown_prefix = "" if shown_directory == os.curdir else os.path.join(shown_directory, "")
    for name in names:
        rel = name if prefix is None else prefix + name
        if not _included(rel, name, include) or (exclude is not None and exclude.match_file(rel)):
            continue
        file = directory_text + name
        if gitignores.in_repository and gitignores.ignored(Path(file), is_dir=False):
            continue
        display = shown_prefix + name
        if name in links and not _inside(os.path.realpath(file), top_real):
            notice(display, f"a symbolic link to {os.path.realpath(file)}, outside {top}; skipped")
            continue
        # Outside the config root, per-file-ignores globs are matched against the path shown.
        relative = rel if prefix is not None else display if os.sep == "/" else Path(display).as_posix()
        yield Job(display, file, resolved, named=False, root_relative=relative)


def _unreadable(errors: list[OSError], shown, resolver: ConfigResolver) -> Iterator[Job]:
    """A directory the walk could not list: that directory's error (os.walk skips it)."""
    while errors:
        exc = errors.pop(0)
        where = exc.filename or ""
        kind, message = path_error(exc)
        yield error_job(shown(where), resolver.for_path(Path(where).parent),
                        kind, f"cannot read this directory: {message}")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
