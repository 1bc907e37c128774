"""Testimony text to Rich renderables: literal text, styled spans, lists with hanging indents,
tables, and code highlighted for its language.

Nothing from a file is ever parsed as markup here: text goes into :class:`rich.text.Text` with
``append``. Links become click actions that carry only an index into :attr:`Renderer.links`,
so no text from a file ever reaches an action string. A marker after each link says where it
goes: :data:`IN_APP_MARKER` another testimony, :data:`WEB_MARKER` the web browser.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from itertools import groupby

from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound
from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.style import Style
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from ..core.model import IN_APP_SCHEME, Block, CodeBlock, ListBlock, Paragraph, Span, TableBlock, is_web_link
from ..core.query import phrase_spans
from ..core.text import counted

CURRENT_MATCH_META = "current_match"
LINK_META = "link"
"""The meta key of a link's text: its index in :attr:`Renderer.links` (where hints find links)."""
IN_APP_MARKER = "→"
WEB_MARKER = "↗"


def link_marker(href: str) -> str:
    """What follows a link's text: where it goes (nothing for a link that goes nowhere here)."""
    if href.startswith(IN_APP_SCHEME):
        return IN_APP_MARKER
    return WEB_MARKER if is_web_link(href) else ""


MAX_HIGHLIGHTED = 2_000
"""Characters of code highlighted for its language at most: a longer block is shown plain, as it is.
Real code takes Pygments about 4 ms a thousand characters here, but some of its lexers take time
that grows with the square of what a page can give them (20,000 blank lines of C: 20 s; 20,000
spaces of ADL: 22 s), and the page chooses the lexer. At 2,000 the worst found takes 0.3 s."""
HIGHLIGHT_SECONDS = 0.1
"""Past this, a block's highlighting stops and the block is shown plain (the tokens come one by one)."""


class Allowance:
    """Seconds of highlighting left to the blocks of one testimony: past them, its code is plain
    (200 hostile blocks at the per-block limit would hold its first paint for 20 s)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


PAGE_HIGHLIGHT_SECONDS = 0.3


def highlighted(code: str, language: str, theme: str | None, allowance: Allowance | None = None) -> Text:
    """``code`` styled by its language's tokens (none for an unknown language, past
    :data:`MAX_HIGHLIGHTED`, or once ``allowance`` is spent); its text is exactly ``code``.

    Each block is highlighted once per theme (cached): drawing it again costs nothing.
    """
    if not language or theme is None or len(code) > MAX_HIGHLIGHTED:
        return Text(code)
    if (known := _HIGHLIGHTED.get((code, language, theme))) is not None:
        return known.copy()
    if allowance is not None and allowance.seconds <= 0:
        return Text(code)
    started = time.monotonic()
    text = _tokens(code, language, theme)
    if allowance is not None:
        allowance.seconds -= time.monotonic() - started
    if len(_HIGHLIGHTED) >= MAX_CACHED_BLOCKS:
        _HIGHLIGHTED.pop(next(iter(_HIGHLIGHTED)))
    _HIGHLIGHTED[code, language, theme] = text
    return text.copy()


MAX_CACHED_BLOCKS = 256
_HIGHLIGHTED: dict[tuple[str, str, str], Text] = {}


def _tokens(code: str, language: str, theme: str) -> Text:
    try:
        # Pygments' defaults would strip blank lines at the ends and add a newline: not here.
        lexer = get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return Text(code)
    styles = Syntax.get_theme(theme)
    text = Text()
    deadline = time.monotonic() + HIGHLIGHT_SECONDS
    for token, value in lexer.get_tokens(code):
        if time.monotonic() > deadline:
            return Text(code)
        text.append(value, styles.get_style_for_token(token))
    return text if text.plain == code else Text(code)  # a lexer that changed the text is not used


MAX_DRAWN_COLUMNS = 8
"""Columns of a table drawn at most: past that, a column of 80 would be a few characters wide."""
MAX_DRAWN_CELLS = 1_000
"""Cells of a table drawn at most (a quarter of a second at 80 columns here)."""

CONTINUED = "↪ "
"""Starts the rest of a code line too long for the panel, under the line's own indent."""


def wrapped_code_line(line: Text, width: int, marker: Style) -> list[Text]:
    """``line`` in pieces of at most ``width`` cells: the first as it starts, the others after its
    indent and :data:`CONTINUED`, so that wrapped code keeps the shape of its indentation (a
    wrapped line at column 0 would read as another statement)."""
    if line.cell_len <= width:
        return [line]
    plain = line.plain
    indent = min(len(plain) - len(plain.lstrip(" ")), width // 2)
    lead = Text(" " * indent) + Text(CONTINUED, style=marker)
    room = max(width - lead.cell_len, 1)
    # One divide for all the pieces: a slice of a Text divides the whole of it (a line of a
    # million characters took 24 s cut piece by piece).
    first, *rest = line.divide(range(width, len(plain), room))
    return [first, *(lead + piece for piece in rest)]


class CodeLines:
    """A code block's lines, each wrapped by :func:`wrapped_code_line` at the width it is given."""

    def __init__(self, text: Text, marker: Style) -> None:
        self.text = text
        self.marker = marker

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 1)
        lines = [piece for line in self.text.split("\n", allow_blank=True) for piece in wrapped_code_line(line, width, self.marker)]
        joined = Text("\n").join(lines)
        joined.overflow = "fold"  # wide characters can still outgrow a line: never lost
        yield joined

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((line.cell_len for line in self.text.split("\n", allow_blank=True)), default=1)
        return Measurement(min(longest, 8), longest)


class Renderer:
    """Renders pieces of one panel, counting find matches across them in reading order."""

    def __init__(
        self,
        style: Callable[[str], Style],
        needles: tuple[str, ...] = (),
        current: int | None = None,
        syntax_theme: str | None = None,
        allowance: Allowance | None = None,
    ) -> None:
        self._style = style
        self.syntax_theme = syntax_theme
        self.allowance = allowance
        """Rich's theme for code tokens; None: code is not highlighted (counting matches needs no colour)."""
        self.needles = needles
        self.current = current
        self.matches = 0
        self.links: list[str] = []

    def text(self, text: str, style: str | None = None) -> Text:
        result = Text(text, style=self._style(style) if style else "", overflow="fold")
        self._highlight(result)
        return result

    def runs(self, pieces: Iterable[tuple[str, str | None]]) -> Text:
        """One paragraph of pieces, each in its component style (or none): a diff's words, say."""
        result = Text(overflow="fold")
        for text, style in pieces:
            result.append(text, self._style(style) if style else "")
        self._highlight(result)
        return result

    def paragraph(self, paragraph: Paragraph) -> Text:
        result = Text(overflow="fold")  # long URLs wrap instead of being cut
        ends: list[tuple[int, str]] = []  # where each link ends, and its marker
        # Spans in a row with one target are one link (a bold word inside it makes two spans).
        for href, spans in groupby(paragraph.spans, key=lambda span: span.href):
            if href:
                self.links.append(href)
            for span in spans:
                result.append(span.text, self._span_style(span))
            if href:
                ends.append((len(result), link_marker(href)))
        self._highlight(result)  # before the markers go in: find never sees them
        return self._marked(result, ends)

    def _marked(self, text: Text, ends: list[tuple[int, str]]) -> Text:
        """``text`` with each of its links followed by its marker."""
        if not any(marker for _, marker in ends):
            return text
        pieces = text.divide(offset for offset, _ in ends)
        result = Text(overflow="fold")
        style = self._style("link-marker")
        for piece, (_, marker) in zip(pieces, ends, strict=False):
            result.append_text(piece)
            result.append(marker, style)
        result.append_text(pieces[-1])
        return result

    def blocks(self, blocks: tuple[Block, ...]) -> RenderableType:
        parts: list[RenderableType] = []
        for block in blocks:
            if parts and not isinstance(block, ListBlock):
                parts.append(Text())
            if isinstance(block, Paragraph):
                parts.append(self.paragraph(block))
            elif isinstance(block, CodeBlock):
                parts.append(self.code(block))
            elif isinstance(block, TableBlock):
                parts.append(self.table(block))
            else:
                parts.append(self.list(block))
        return Group(*parts)

    def code(self, block: CodeBlock) -> Padding:
        """Preformatted: its line breaks and spaces as written, on a shaded block as wide as the
        panel; a line too long goes on under its own indent (see :class:`CodeLines`)."""
        style = self._style("code")
        result = highlighted(block.text, block.language, self.syntax_theme, self.allowance)
        result.style = style  # under the tokens' colours
        self._highlight(result)
        return Padding(CodeLines(result, self._style("marker")), (0, 1), style=style, expand=True)

    def list(self, block: ListBlock) -> Table:
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(no_wrap=True, justify="right" if block.ordered else "left")
        grid.add_column(ratio=1)
        marker_style = self._style("marker")
        for number, item in enumerate(block.items, start=block.start):
            marker = Text(f"{number}." if block.ordered else "•", style=marker_style)
            grid.add_row(marker, self.blocks(item))
        return grid

    def table(self, block: TableBlock) -> RenderableType:
        """Columns as wide as their cells allow, the header in bold; each cell read like a paragraph.

        At most :data:`MAX_DRAWN_COLUMNS` columns and :data:`MAX_DRAWN_CELLS` cells are drawn (a
        note says how many more): Rich lays a table out in time that grows with its cells, and a
        page's table of 30 columns and 500 rows took 12 s to draw at 80 columns.
        """
        columns = min(block.columns, MAX_DRAWN_COLUMNS)
        rows = block.rows[: max(1, MAX_DRAWN_CELLS // max(columns, 1))]
        table = Table(
            box=box.SIMPLE_HEAD,
            show_header=bool(block.header),
            header_style=Style(bold=True),
            border_style=self._style("marker"),
            padding=(0, 1),
            collapse_padding=True,
        )
        for column in range(columns):
            table.add_column(self.paragraph(Paragraph(block.header[column])) if block.header else "")
        for row in rows:
            table.add_row(*(self.paragraph(Paragraph(cell)) for cell in row[:columns]))
        left_out = [
            counted(len(block.rows) - len(rows), "more row"),
            counted(block.columns - columns, "more column"),
        ]
        note = " and ".join(part for part in left_out if not part.startswith("0 "))
        if not note:
            return table
        return Group(table, self.text(f"({note}: `show` or an export has the whole table)", "label"))

    def _span_style(self, span: Span) -> Style:
        style = Style(bold=span.bold or None, italic=span.italic or None)
        if span.code:
            style += self._style("code")
        if span.href:
            # Textual paints text with a click action as a link (TextPanel's link-* styles).
            index = len(self.links) - 1
            style += Style(meta={"@click": f"follow_link({index})", LINK_META: index})
        return style

    def _highlight(self, text: Text) -> None:
        if not self.needles:
            return
        for start, end in phrase_spans(text.plain, self.needles):
            if self.matches == self.current:
                style = self._style("current-match") + Style(meta={CURRENT_MATCH_META: True})
            else:
                style = self._style("match")
            text.stylize(style, start, end)
            self.matches += 1
