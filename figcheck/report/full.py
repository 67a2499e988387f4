"""The default human format: where, what, the source line with carets, related places, the fix.

    warning[FC202] unit-mixup: …message…
      --> seeds/kharkiv.txt:27:108
       |
    27 | …having liberated almost a thousand square miles of Russian-held territory…
       |                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
       |
      ::: seeds/kharkiv.txt:103:95
       |
    103| …taken ‘more than 1,000 square kilometres’ (386 square miles) from…
       |         ---------------------------------------------------- …related message…
       = help: …fix message… (unsafe: apply with --unsafe-fixes)
"""

from __future__ import annotations

import unicodedata

from ..printable import printable
from .common import Reporter, Summary
from .human import Paint, file_error_line, summary_line

MAX_WIDTH = 100  # source excerpt width in terminal cells; longer lines are cut around the span
CONTEXT = 30  # cells kept before the span when a line is cut
LONG_LINE = 10 * MAX_WIDTH  # code points; past this only a window around the span is measured
TAB = "    "


class FullReporter(Reporter):
    def __init__(self, out, err, options) -> None:
        super().__init__(out, err, options)
        self.paint = Paint(options.color)

    def file(self, result) -> None:
        if result.error is not None:
            self.err.write(file_error_line(result.path, result.error, Paint(self.options.color)) + "\n")
        for d in result.diagnostics:
            self.out.write(render(d, result.path, result.lines, self.paint, self.options.unsafe_fixes))
            self.out.write("\n")

    def finish(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.out.write(summary_line(summary, self.options) + "\n")


def render(d: dict, path: str, lines: dict[int, str], paint: Paint, unsafe_fixes: bool = False) -> str:
    """One diagnostic as a block of text ending in a newline."""
    start, end = d["start"], d["end"]
    numbers = [start["line"]] + [r["start"]["line"] for r in d["related"] if r["path"] == path]
    gutter = max(len(str(n)) for n in numbers if n is not None)
    pad = " " * gutter
    bar = paint("gutter", "|")
    out = [_header(d, paint, unsafe_fixes)]
    out.append(f"{pad}{paint('gutter', '-->')} {printable(path)}:{start['line']}:{start['column']}")
    out.append(f"{pad} {bar}")
    out.extend(_excerpt(lines, start, end, "^", paint, gutter, None, d["severity"]))
    for r in d["related"]:
        out.append(f"{pad} {bar}")
        out.extend(_related(r, path, lines, paint, gutter))
    if d["fix"] is not None:
        out.append(f"{pad} {paint('gutter', '=')} {_help(d['fix'], paint, unsafe_fixes)}")
    return "\n".join(out) + "\n"


def _header(d: dict, paint: Paint, unsafe_fixes: bool) -> str:
    severity = d["severity"]
    word = "note" if severity == "information" else severity
    fixable = d["fix"] is not None and (d["fix"]["applicability"] == "safe" or unsafe_fixes)
    marker = " [*]" if fixable else ""
    head = paint(severity, f"{word}[{d['code']}]")
    return f"{head}{marker} {paint('bold', d['name'] + ': ' + printable(d['message']))}"


def _help(fix: dict, paint: Paint, unsafe_fixes: bool) -> str:
    text = f"{paint('fix', 'help')}: {printable(fix['message'])}"
    if fix["applicability"] == "unsafe" and not unsafe_fixes:
        text += " (unsafe fix: apply with --fix --unsafe-fixes)"
    return text


def _related(r: dict, path: str, lines: dict[int, str], paint: Paint, gutter: int) -> list[str]:
    pad = " " * gutter
    start, end = r["start"], r["end"]
    where = r["path"] if start["line"] is None else f"{r['path']}:{start['line']}:{start['column']}"
    out = [f"{pad}{paint('gutter', ':::')} {printable(where)}"]
    if r["path"] != path or start["line"] not in lines:
        out.append(f"{pad} {paint('gutter', '=')} {printable(r['message'])}")
        return out
    out.append(f"{pad} {paint('gutter', '|')}")
    out.extend(_excerpt(lines, start, end, "-", paint, gutter, printable(r["message"]), "dim"))
    return out


def _excerpt(lines, start, end, mark, paint, gutter, label, style) -> list[str]:
    """The first line of a span and a marker row under it."""
    number = start["line"]
    line = lines.get(number)
    if line is None:
        return []
    first = start["column"] - 1
    last = end["column"] - 1 if end["line"] == number else len(line)
    shown, before, span = (printable(part) for part in crop(line, first, last))
    marks = mark * max(1, width(span))
    if end["line"] != number:
        marks += f" (continues to line {end['line']})"
    if label:
        marks += " " + label
    bar = paint("gutter", "|")
    return [
        f"{paint('gutter', str(number).rjust(gutter))} {bar} {shown}",
        f"{' ' * gutter} {bar} {' ' * width(before)}{paint(style, marks)}",
    ]


def crop(line: str, first: int, last: int) -> tuple[str, str, str]:
    """(shown line, text before the span, span text), tabs expanded, long lines cut around the span.

    ``first``/``last`` are code-point indexes into the raw line.
    """
    if len(line) > LONG_LINE:
        return _crop_long(line, first, last)
    first, last = _expand_tabs_index(line, first), _expand_tabs_index(line, max(first, last))
    line = line.replace("\t", TAB)  # carets must line up whatever the terminal's tab stops
    if width(line) <= MAX_WIDTH:
        return line, line[:first], line[first:last]
    left = max(0, first - CONTEXT)
    right = min(len(line), left + MAX_WIDTH)
    if right == len(line):
        left = min(first, max(0, right - MAX_WIDTH))  # use the room at the end for context
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, prefix + line[left:first], line[first : min(last, right)]


def _crop_long(line: str, first: int, last: int) -> tuple[str, str, str]:
    """:func:`crop` of a very long line, looking only at a window around the span.

    (Robustness, docs/reliability.md: measuring the whole line for every diagnostic on it made the full
    format quadratic; a 1 MB line with 15,000 diagnostics took more than five minutes.)
    """
    start = max(0, first - 3 * MAX_WIDTH)
    stop = min(len(line), max(first, last) + 3 * MAX_WIDTH, first + 6 * MAX_WIDTH)
    window = line[start:stop]
    shown, before, span = crop(window, first - start, min(last, stop) - start)
    if shown == window.replace("\t", TAB):  # the window fitted whole (combining marks): say it is cut
        if start > 0:
            shown, before = "…" + shown, "…" + before
        if stop < len(line):
            shown += "…"
    return shown, before, span


def _expand_tabs_index(line: str, index: int) -> int:
    return index + (len(TAB) - 1) * line.count("\t", 0, index)


def width(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


REPORTER = FullReporter
