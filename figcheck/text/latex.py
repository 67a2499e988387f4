"""LaTeX → prose with exact positions.

One left-to-right pass. Prose is the text outside commands plus the arguments of text commands
(``\\emph{…}``, ``\\section{…}``, ``\\footnote{…}`` and any brace group); masked are command names,
``%`` comments (listed in the document's comments, where ``% figcheck: …`` directives live), math
(``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``, equation/align/… environments), verbatim-like
environments (verbatim, lstlisting, minted, tikzpicture, comment, thebibliography …), the
arguments of non-prose commands (``\\label``, ``\\ref``, ``\\cite``, ``\\url``, ``\\includegraphics``,
``\\usepackage``, lengths …), environment arguments such as tabular column specs, and the
preamble (except ``\\title``).

Escapes become what they stand for, padded to their length: ``\\%`` → ``%``, ``\\$`` → ``$``
(against the figure after it), ``~`` and ``\\,`` → space (but ``1\\,000``: a thin space between
digits, so the figure stays one number), ``\\'e`` → ``é``. siunitx macros become
claims: ``\\SI{5}{\\kilo\\metre}`` and ``\\qty{5}{km}`` render as ``5 km`` starting at the figure's
own offset, ``\\num{1000}`` keeps its digits where they are, ``\\SIrange{5}{10}{\\km}`` renders as
``5 to 10 km``. A rendering that would not fit is masked. Unbalanced braces or math end at the
paragraph (TeX cannot carry them over a blank line either); unclosed environments run to the end.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .document import Document, Heading
from .prose import PURE_NUMBER, Prose, decode_align, math_symbol

_SPECIAL = re.compile(r"[\\{}$%&~]")
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")
_LINE_END = re.compile(r"\r\n?|\n")
_NAME = re.compile(r"[A-Za-z@]+\*?")
_SPACES = re.compile(r"[ \t]*(?:(?:\r\n?|\n)[ \t]*)?")  # spaces and at most one line break
_GROUP_TOKEN = re.compile(r"\\[\s\S]|[{}]|%[^\r\n]*")
_NUMBER = re.compile(r"[-+]?(?:\d[\d,.]*|\.\d+)(?:[eE][-+]?\d+)?")
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")

# Non-prose commands: the number of mandatory arguments to mask (optional ones are masked too).
MASKED_ARGS: dict[str, int] = {
    **dict.fromkeys(
        """label ref eqref pageref autoref cref Cref nameref vref cite citep citet citeauthor
        citeyear citealp parencite textcite footcite autocite nocite url href includegraphics
        input include subfile usepackage RequirePackage documentclass bibliography
        bibliographystyle addbibresource vspace hspace color pagecolor linespread geometry
        hypersetup graphicspath texttt path lstset theoremstyle pagestyle thispagestyle
        pagenumbering captionsetup bibitem index stepcounter ensuremath mathrm mathbf mathit
        cline cmidrule scalebox rotatebox raisebox lstinputlisting includepdf textcolor colorbox
        parbox excludeonly includeonly hyphenation newpage footnotemark tag""".split(),
        1,
    ),
    **dict.fromkeys(
        """newcommand renewcommand providecommand DeclareMathOperator setlength addtolength
        setcounter addtocounter fontsize numberwithin newtheorem multicolumn multirow resizebox
        inputminted mintinline fcolorbox""".split(),
        2,
    ),
    **dict.fromkeys("newenvironment renewenvironment definecolor".split(), 3),
}
# \textcolor{red}{text}, \href{url}{text}, \multicolumn{2}{c}{text}: the masked arguments come
# first and the next brace group is an ordinary (prose) group.

# Commands that start a block of their own; a brace argument is prose ending a block.
BLOCK_COMMANDS = frozenset(
    """part chapter section subsection subsubsection paragraph subparagraph caption subcaption
    footnote title author date thanks marginpar item frametitle framesubtitle""".split()
)
BREAK_COMMANDS = frozenset(
    """par newline linebreak pagebreak clearpage cleardoublepage bigskip medskip smallskip
    maketitle tableofcontents listoffigures listoftables hline toprule midrule bottomrule
    centering printbibliography appendix""".split()
)
TEXT_SYMBOLS: dict[str, str] = {
    "ldots": "\u2026", "dots": "\u2026", "textellipsis": "\u2026",
    "textdegree": "\u00b0", "degree": "\u00b0", "textpm": "\u00b1", "texttimes": "\u00d7",
    "textminus": "\u2212", "textendash": "\u2013", "textemdash": "\u2014",
    "pounds": "\u00a3", "textsterling": "\u00a3", "euro": "\u20ac", "texteuro": "\u20ac",
    "textdollar": "$", "textyen": "\u00a5", "textpercent": "%", "textperthousand": "\u2030",
    "textasciitilde": "~", "textbackslash": "\\", "textbar": "|", "textless": "<",
    "textgreater": ">", "textquoteright": "\u2019", "textquoteleft": "\u2018",
    "S": "\u00a7", "P": "\u00b6", "copyright": "\u00a9", "textregistered": "\u00ae",
    "ss": "\u00df", "o": "\u00f8", "O": "\u00d8", "ae": "\u00e6", "AE": "\u00c6",
    "oe": "\u0153", "OE": "\u0152", "aa": "\u00e5", "AA": "\u00c5", "l": "\u0142",
    "L": "\u0141", "i": "\u0131", "LaTeX": "LaTeX", "TeX": "TeX", "LaTeXe": "LaTeX2e",
    "textsuperscript2": "\u00b2",
}
THIN_SPACE = "\u2009"
# Symbols written against the figure after them (``\pounds 5`` reads "£5").
_PREFIX_SYMBOLS = frozenset("$\u00a3\u20ac\u00a5")
_OPTIONAL_ARG_WINDOW = 200  # an optional argument's "]" is looked for this far (keeps it linear)
ESCAPES: dict[str, str] = {
    "%": "%", "$": "$", "&": "&", "#": "#", "_": "_", "{": "{", "}": "}",
    ",": " ", ";": " ", ":": " ", " ": " ", "\t": " ", "\n": "\n",
}
ACCENTS: dict[str, str] = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a",
}
MATH_ENVS = frozenset(
    """equation equation* align align* alignat alignat* flalign flalign* gather gather* multline
    multline* eqnarray eqnarray* displaymath math dmath dmath*""".split()
)
VERBATIM_ENVS = frozenset(
    """verbatim verbatim* Verbatim Verbatim* BVerbatim LVerbatim lstlisting minted comment
    tikzpicture pgfpicture filecontents filecontents* alltt algorithmic algorithmic* thebibliography
    python pycode sageblock""".split()
)
ENV_ARGS: dict[str, int] = {
    "tabular": 1, "tabular*": 2, "tabularx": 2, "tabulary": 2, "longtable": 1, "xltabular": 2,
    "minipage": 1, "wrapfigure": 2, "wraptable": 2, "multicols": 1, "subfigure": 1,
    "adjustbox": 1, "otherlanguage": 1, "tcolorbox": 0,
}

# siunitx units → the text a reader sees.
SI_PREFIXES: dict[str, str] = {
    "yotta": "Y", "zetta": "Z", "exa": "E", "peta": "P", "tera": "T", "giga": "G", "mega": "M",
    "kilo": "k", "hecto": "h", "deca": "da", "deka": "da", "deci": "d", "centi": "c",
    "milli": "m", "micro": "\u00b5", "nano": "n", "pico": "p", "femto": "f",
}
SI_UNITS: dict[str, str] = {
    "metre": "m", "meter": "m", "gram": "g", "kilogram": "kg", "second": "s", "minute": "min",
    "hour": "h", "day": "d", "litre": "L", "liter": "L", "hectare": "ha", "tonne": "t",
    "ampere": "A", "kelvin": "K", "mole": "mol", "candela": "cd", "hertz": "Hz",
    "newton": "N", "pascal": "Pa", "joule": "J", "watt": "W", "coulomb": "C", "volt": "V",
    "ohm": "\u03a9", "degreeCelsius": "\u00b0C", "celsius": "\u00b0C", "degree": "\u00b0",
    "arcminute": "\u2032", "arcsecond": "\u2033", "percent": "%", "bar": "bar", "knot": "kn",
    "astronomicalunit": "au", "electronvolt": "eV", "byte": "B", "bit": "bit", "decibel": "dB",
    "mile": "mi", "miles": "mi", "foot": "ft", "feet": "ft", "inch": "in", "yard": "yd",
    "acre": "ac", "pound": "lb", "ounce": "oz", "gallon": "gal", "fahrenheit": "\u00b0F",
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "um": "\u00b5m", "nm": "nm", "kg": "kg",
    "g": "g", "mg": "mg", "s": "s", "ms": "ms", "us": "\u00b5s", "ns": "ns", "L": "L",
    "mL": "mL", "ml": "mL", "Hz": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "W": "W",
    "kW": "kW", "MW": "MW", "GW": "GW", "J": "J", "kJ": "kJ", "MJ": "MJ", "V": "V",
    "kV": "kV", "mV": "mV", "A": "A", "mA": "mA", "K": "K", "N": "N", "kN": "kN", "Pa": "Pa",
    "kPa": "kPa", "MPa": "MPa", "h": "h", "kWh": "kWh", "kmh": "km/h", "kph": "km/h",
    "mph": "mph", "ha": "ha", "t": "t", "kt": "kt",
}
# siunitx macros read as figures: the number of their brace arguments.
SIUNITX_ARGS: dict[str, int] = {
    "SI": 2, "qty": 2, "SIrange": 3, "qtyrange": 3, "num": 1, "numrange": 2, "si": 1, "unit": 1,
    "ang": 1,
}
SI_POWERS_BEFORE = {"square": "\u00b2", "cubic": "\u00b3"}
SI_POWERS_AFTER = {"squared": "\u00b2", "cubed": "\u00b3"}
_LITERAL_UNIT = [
    (re.compile(r"\^\{?2\}?"), "\u00b2"),
    (re.compile(r"\^\{?3\}?"), "\u00b3"),
    (re.compile(r"[{}]"), ""),
    (re.compile(r"[~.]"), " "),
]


def read_latex(source: str) -> Document:
    prose = Prose(source)
    _LatexReader(prose).run()
    return prose.build("latex")


def render_unit(text: str) -> str | None:
    """The reader's text of a siunitx unit argument (``\\square\\kilo\\metre`` → ``km²``)."""
    out: list[str] = []
    prefix = power = ""
    for m in re.finditer(r"\\([A-Za-z]+)|([^\\\s]+)|\s+", text):
        macro, literal = m.group(1), m.group(2)
        if macro:
            if macro == "per":
                out.append("/")
            elif macro in SI_POWERS_BEFORE:
                power = SI_POWERS_BEFORE[macro]
            elif macro in SI_POWERS_AFTER:
                if not out:
                    return None
                out[-1] += SI_POWERS_AFTER[macro]
            elif macro in SI_PREFIXES:
                prefix += SI_PREFIXES[macro]
            elif macro in SI_UNITS:
                out.append(prefix + SI_UNITS[macro] + power)
                prefix = power = ""
            else:
                return None
        elif literal:
            for pattern, repl in _LITERAL_UNIT:
                literal = pattern.sub(repl, literal)
            out.append(literal)
    if prefix or power or not out:
        return None
    rendered = ""
    for piece in out:
        if rendered and not rendered.endswith("/") and piece != "/" and not piece.startswith("\u00b2"):
            rendered += " "
        rendered += piece
    return rendered.strip() or None


# Sectioning commands, outermost first: their level as a heading.
_SECTION_LEVELS = {name: k + 1 for k, name in enumerate(
    "part chapter section subsection subsubsection paragraph subparagraph".split())}


class _LatexReader:
    """One left-to-right pass over a LaTeX source, writing its prose into a :class:`Prose`."""

    def __init__(self, prose: Prose) -> None:
        self.prose = prose
        self.src = prose.source
        self.n = len(self.src)
        self.keep_on = True
        # Open brace groups: (a separator at its close, keep_on to restore there).
        self.stack: list[tuple[bool, bool]] = []
        self.para_ends = [m.start() for m in _BLANK_LINE.finditer(self.src)]
        self._matches: dict[int, dict[int, int]] = {}
        self._line = (0, -1)  # (from, end): no line break in src[from:end], one at end (or EOF)
        self._unclosed: dict[str, tuple[int, int]] = {}  # \verb delimiter → (from, line end) it is missing in

    # -- helpers ---------------------------------------------------------------------------
    def line_end(self, pos: int) -> int:
        """Where the line holding ``pos`` ends; remembered, so a long line is searched once.

        (Robustness, docs/reliability.md: searching from every ``\\verb`` made a line of 100,000
        characters of "\\verb\\verb…" take quadratic time.)"""
        start, end = self._line
        if not start <= pos <= end:
            end = _line_end(self.src, pos)
            self._line = (pos, end)
        return end

    def verb_end(self, pos: int) -> int:
        """After ``\\verb|…|`` whose delimiter is at ``pos``; ``pos`` when it is not closed on
        its line. A delimiter once found missing from the rest of a line is not searched for
        again on that line, so no input makes this quadratic."""
        end = self.line_end(pos)
        delim = self.src[pos]
        missing_from, line_end = self._unclosed.get(delim, (0, -1))
        if line_end == end and missing_from <= pos:
            return pos
        j = self.src.find(delim, pos + 1, end)
        if j < 0:
            self._unclosed[delim] = (pos, end)
            return pos
        return j + 1

    def para_end(self, pos: int) -> int:
        k = bisect_right(self.para_ends, pos)
        return self.para_ends[k] if k < len(self.para_ends) else self.n

    def keep(self, start: int, end: int) -> None:
        if self.keep_on and start < end:
            self.prose.keep_text(start, end)

    def group_end(self, i: int) -> int:
        """Offset after the ``}`` matching the ``{`` at ``i`` (the paragraph end if unbalanced)."""
        end = self.matches(i).get(i)
        return end if end is not None else self.para_end(i)

    def balanced(self, i: int) -> bool:
        return i in self.matches(i)

    def matches(self, i: int) -> dict[int, int]:
        """``{`` offset → offset after its ``}``, for the paragraph holding ``i`` (computed once)."""
        k = bisect_right(self.para_ends, i)
        table = self._matches.get(k)
        if table is None:
            start = self.para_ends[k - 1] if k > 0 else 0
            limit = self.para_ends[k] if k < len(self.para_ends) else self.n
            table = {}
            stack: list[int] = []
            for m in _GROUP_TOKEN.finditer(self.src, start, limit):
                c = m.group()
                if c == "{":
                    stack.append(m.start())
                elif c == "}" and stack:
                    table[stack.pop()] = m.end()
            self._matches[k] = table
        return table

    def optional_end(self, i: int) -> int:
        """Offset after the ``]`` closing the optional argument at ``i`` (``i + 1`` if none)."""
        j = self.src.find("]", i + 1, min(self.para_end(i), i + _OPTIONAL_ARG_WINDOW))
        return j + 1 if j >= 0 else i + 1

    def skip_spaces(self, pos: int) -> int:
        return _SPACES.match(self.src, pos).end()

    def skip_args(self, pos: int, mandatory: int) -> int:
        """Skip optional arguments and ``mandatory`` brace (or control-sequence) arguments."""
        src = self.src
        taken = 0
        while True:
            j = self.skip_spaces(pos)
            if j < self.n and src[j] == "[":
                pos = self.optional_end(j)
            elif j < self.n and src[j] == "*":
                pos = j + 1
            elif taken < mandatory and j < self.n and src[j] == "{":
                pos = self.group_end(j)
                taken += 1
            elif taken < mandatory and j < self.n and src[j] == "\\":
                m = _NAME.match(src, j + 1)
                pos = m.end() if m else min(j + 2, self.n)
                taken += 1
            else:
                return pos

    def brace_arg(self, pos: int) -> tuple[int, int, int] | None:
        """(content start, content end, end) of a brace argument at ``pos`` after spaces."""
        j = self.skip_spaces(pos)
        if j >= self.n or self.src[j] != "{" or not self.balanced(j):
            return None
        end = self.group_end(j)
        close = end - 1 if end - 1 > j and self.src[end - 1] == "}" else end
        return j + 1, close, end

    def skip_optionals(self, pos: int) -> int:
        while True:
            j = self.skip_spaces(pos)
            if j < self.n and self.src[j] == "[":
                pos = self.optional_end(j)
            else:
                return pos

    def find_closing_dollar(self, start: int, limit: int, double: bool) -> int:
        src = self.src
        needle = "$$" if double else "$"
        j = src.find(needle, start, limit)
        while j >= 0 and src[j - 1] == "\\":
            j = src.find(needle, j + 1, limit)
        return j

    # -- the pass --------------------------------------------------------------------------
    def run(self) -> None:
        src = self.src
        begin = _BEGIN_DOCUMENT.search(src)
        if begin is None:
            self.scan(0, self.n)
        else:
            end = _END_DOCUMENT.search(src, begin.end())
            stop = end.start() if end else self.n
            self.keep_on = False
            self.scan(0, begin.end())
            self.keep_on = True
            self.stack.clear()
            self.scan(begin.end(), stop)
            self.keep_on = False
            self.scan(stop, self.n)
        for a, b in _paragraphs(src):
            self.prose.fill_masked_lines(a, b)

    def scan(self, start: int, end: int) -> None:
        src, prose = self.src, self.prose
        pos = start
        while pos < end:
            m = _SPECIAL.search(src, pos, end)
            if m is None:
                self.keep(pos, end)
                return
            i = m.start()
            self.keep(pos, i)
            c = src[i]
            if c == "%":
                eol = _LINE_END.search(src, i, end)
                stop = eol.start() if eol else end
                prose.comment(i, stop, src[i + 1 : stop].strip())
                pos = stop
            elif c == "{":
                self.stack.append((False, self.keep_on))
                pos = i + 1
            elif c == "}":
                if self.stack:
                    sep, keep_on = self.stack.pop()
                    if sep:
                        prose.separator(i)
                    self.keep_on = keep_on
                pos = i + 1
            elif c == "&":
                prose.separator(i)
                pos = i + 1
            elif c == "~":
                pos = i + 1  # a tie: an unbreakable space
            elif c == "$":
                pos = self.math_dollar(i)
            else:
                pos = self.backslash(i)

    def math_dollar(self, i: int) -> int:
        limit = self.para_end(i)
        if self.src.startswith("$$", i):
            j = self.find_closing_dollar(i + 2, limit, True)
            stop = limit if j < 0 else j + 2
            self.prose.separator(i)
            return stop
        j = self.find_closing_dollar(i + 1, limit, False)
        if j < 0:
            return limit
        if self.keep_on and PURE_NUMBER.match(self.src, i + 1, j):
            self.prose.keep(i + 1, j)  # "$300$ metres": a figure typeset as math
        elif self.keep_on and (symbol := math_symbol(self.src[i + 1 : j])) is not None:
            self.put_decoded(i, j + 1, symbol)  # "22 $\mu$m"
        return j + 1

    def backslash(self, i: int) -> int:
        """Read the control sequence at ``i``; the offset after what it covers."""
        if i + 1 >= self.n:
            return i + 1
        c = self.src[i + 1]
        if c in ESCAPES:  # the commonest in prose: \% \$ \&
            return self.escape(i, c)
        if c == "\\":
            return self.line_break(i)
        if c in "([":
            return self.bracketed_math(i, c)
        if c in ACCENTS and not c.isalpha():
            return self.accent(i, c, i + 2)
        m = _NAME.match(self.src, i + 1)
        if m is None:
            return i + 2 if c not in "\r\n" else i + 1
        return self.command(i, m.group().rstrip("*"), m.end())

    def line_break(self, i: int) -> int:
        """``\\\\`` (a line break, a table row's end) with its ``*`` and optional [length]."""
        src = self.src
        self.prose.separator(i)
        j = i + 2
        if j < self.n and src[j] == "*":
            j += 1
        k = self.skip_spaces(j)
        return self.optional_end(k) if k < self.n and src[k] == "[" else j

    def bracketed_math(self, i: int, c: str) -> int:
        """``\\(…\\)`` or ``\\[…\\]``, masked to its end (or the paragraph's)."""
        closing = "\\)" if c == "(" else "\\]"
        limit = self.para_end(i)
        j = self.src.find(closing, i + 2, limit)
        if c == "[":
            self.prose.separator(i)
        return limit if j < 0 else j + 2

    def escape(self, i: int, c: str) -> int:
        """A one-character escape (``\\%``, ``\\,``): what it stands for, in its place."""
        src = self.src
        decoded = ESCAPES[c]
        if not self.keep_on:
            return i + 2
        if c == "," and 0 < i and i + 2 < self.n and src[i - 1].isdigit() and src[i + 2].isdigit():
            # ``1\,000``: a thin space grouping digits, which the extractor reads as a
            # thousands separator (followed by padding), so the figure stays one number.
            self.prose.put(i, i + 2, THIN_SPACE)
        elif decoded.strip():
            self.put_decoded(i, i + 2, decoded)
        return i + 2

    def put_decoded(self, start: int, stop: int, decoded: str) -> None:
        """What the source's ``[start, stop)`` stands for, in its place, against the figure it
        belongs to (read from the characters on either side)."""
        src = self.src
        before = src[start - 1] if start > 0 else ""
        after = src[stop] if stop < self.n else ""
        self.prose.put(start, stop, decoded, decode_align(before, after, decoded))

    def command(self, i: int, name: str, pos: int) -> int:
        """The command ``name`` at ``i`` whose name ends at ``pos``; the offset after what
        it covers."""
        src = self.src
        if name in ("begin", "end"):
            return self.environment(i, pos, name == "begin")
        if name in ("verb", "lstinline") and pos < self.n and src[pos] not in "{[ \t\r\n":
            return self.verb_end(pos)
        if name == "lstinline":
            return self.skip_args(pos, 1)
        if name == "def":
            j = src.find("{", pos, self.para_end(pos))
            return self.group_end(j) if j >= 0 else pos
        if name in ACCENTS and len(name) == 1:
            return self.accent(i, name, pos)
        if name in SIUNITX_ARGS:
            handled = self.siunitx(i, name, pos)
            if handled is not None:
                return handled
        if name in MASKED_ARGS:
            return self.skip_args(pos, MASKED_ARGS[name])
        if name in BLOCK_COMMANDS:
            return self.block_command(i, name, pos)
        if name in BREAK_COMMANDS:
            self.prose.separator(i)
            return pos
        if name in TEXT_SYMBOLS:
            return self.text_symbol(i, name, pos)
        # Any other command: its name is masked; an optional argument right after it is masked;
        # brace groups that follow are ordinary groups (prose).
        if pos < self.n and src[pos] == "[":
            return self.optional_end(pos)
        return pos

    def block_command(self, i: int, name: str, pos: int) -> int:
        """``\\section{…}``, ``\\footnote{…}``, ``\\item``: a block of its own; its brace
        argument is prose that ends at the group's close."""
        self.prose.separator(i)
        j = self.skip_optionals(pos)
        k = self.skip_spaces(j)
        if k < self.n and self.src[k] == "{" and name != "item":
            if name in _SECTION_LEVELS:
                end = self.group_end(k)
                self.prose.headings.append(Heading(k + 1, max(k + 1, end - 1), _SECTION_LEVELS[name]))
            self.stack.append((True, self.keep_on))
            if name == "title":
                self.keep_on = True  # the title is prose even in the preamble
            return k + 1
        return j

    def text_symbol(self, i: int, name: str, pos: int) -> int:
        """``\\pounds``, ``\\ldots``: the symbol in the command's place (a currency sign
        against the figure after it, over the spaces between them)."""
        if self.keep_on:
            sym = TEXT_SYMBOLS[name]
            self.put_decoded(i, self.skip_spaces(pos) if sym in _PREFIX_SYMBOLS else pos, sym)
        return pos

    def accent(self, i: int, accent: str, pos: int) -> int:
        src = self.src
        j = pos
        if accent.isalpha():
            j = self.skip_spaces(pos)
        if j < self.n and src[j] == "{":
            end = self.group_end(j)
            letter = src[j + 1 : end - 1]
        else:
            end = j + 1
            letter = src[j : j + 1]
        if letter == "\\i":
            letter = "\u0131"
        if len(letter) == 1 and letter.isalpha() and self.keep_on:
            composed = unicodedata.normalize("NFC", letter + ACCENTS[accent])
            if len(composed) == 1:
                before = src[i - 1] if i > 0 else ""
                after = src[end] if end < self.n else ""
                # Against the word it belongs to: "Izi\'um" reads "Izi" "ú" "m" either way.
                align = "right" if (after.isalpha() and not before.isalpha()) else "left"
                self.prose.put(i, end, composed, align)
                return end
        return max(end, pos)

    def environment(self, i: int, pos: int, begin: bool) -> int:
        src, prose = self.src, self.prose
        arg = self.brace_arg(pos)
        prose.separator(i)
        if arg is None:
            return pos
        a, b, end = arg
        env = src[a:b].strip()
        if not begin:
            return end
        if env in MATH_ENVS or env in VERBATIM_ENVS:
            closing = re.compile(r"\\end\s*\{" + re.escape(env) + r"\}")
            m = closing.search(src, end)
            return self.n if m is None else m.end()
        return self.skip_args(end, ENV_ARGS.get(env, 0))

    def siunitx(self, i: int, name: str, pos: int) -> int | None:
        """Render a siunitx macro as prose; None if it is not well formed (masked as a command)."""
        src, prose = self.src, self.prose
        args = []
        j = self.skip_optionals(pos)
        for _ in range(SIUNITX_ARGS[name]):
            arg = self.brace_arg(j)
            if arg is None:
                return None
            args.append(arg)
            j = self.skip_optionals(arg[2])
        end = args[-1][2]
        if not self.keep_on:
            return end
        texts = [src[a:b] for a, b, _ in args]
        if name in ("si", "unit"):
            unit = render_unit(texts[0])
            if unit:
                prose.put(args[0][0], end, unit)
            return end
        # \ang's one argument is its figure; the last argument of the others is their unit.
        numbers = [_number(t) for t in (texts if name in ("num", "numrange", "ang") else texts[:-1])]
        if any(x is None for x in numbers):
            return end
        if name == "num":
            prose.put(args[0][0], end, numbers[0])
            return end
        unit = ""
        if name in ("SI", "qty", "SIrange", "qtyrange"):
            unit = render_unit(texts[-1])
            if unit is None:
                return end
        elif name == "ang":
            unit = "\u00b0"
        figure = numbers[0] if len(numbers) == 1 else f"{numbers[0]} to {numbers[1]}"
        glue = "" if unit[:1] in ("%", "\u00b0", "\u2032", "\u2033") and unit != "\u00b0C" else " "
        rendered = figure + (glue + unit if unit else "")
        if not prose.put(args[0][0], end, rendered):
            prose.put(i, end, rendered)
        return end


def _number(text: str) -> str | None:
    text = text.replace("{,}", ",").replace("\\,", "").replace("~", "").replace(" ", "")
    m = _NUMBER.search(text)
    return m.group() if m else None


def _line_end(text: str, pos: int) -> int:
    m = _LINE_END.search(text, pos)
    return m.start() if m else len(text)


def _paragraphs(text: str):
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)
