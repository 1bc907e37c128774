"""Search every answer of every testimony; ``enter`` opens the one chosen at that answer."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, RenderOptions, Visual
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ..core.search import SearchHit
from ..core.text import counted
from ..loading.library import Library
from ..widgets.footer import Footer
from ..widgets.sidebar import MATCH_STYLE
from .opening import Opening

SHOWN_ANSWERS = 500
"""Enough to read; the count says when there were more."""


class Stack(Visual):
    """Visuals one under the other, each wrapped to the whole width."""

    def __init__(self, *visuals: Visual) -> None:
        self._visuals = visuals

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        strips = [strip for visual in self._visuals for strip in visual.render_strips(width, None, style, options)]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(visual.get_optimal_width(rules, container_width) for visual in self._visuals)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(visual.get_height(rules, width) for visual in self._visuals)


def hit_prompt(hit: SearchHit) -> Visual:
    """Where the answer is, then its snippet indented (a snippet that wraps stays indented)."""
    where = Content.assemble(
        (hit.author, "bold"), (" · ", "dim"), (hit.section, "dim"), (" · ", "dim"), hit.question
    )
    snippet = Content(hit.snippet)
    for start, end in hit.spans:
        snippet = snippet.stylize(MATCH_STYLE, start, end)
    return Stack(where, Padding(snippet, Spacing(0, 0, 1, 2)))


class SearchScreen(Screen[Opening | None]):
    """Dismisses with the chosen answer to open, the query to highlight there."""

    # q goes back as in compare and insights (in the box it is a letter), never quits from here.
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("down", "focus_results", "Results"),
    ]

    def __init__(self, library: Library, query: str = "") -> None:
        super().__init__()
        self.library = library
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            value=self.initial,
            placeholder='search all answers: words, "a phrase", project:ironic, -asyncio',
            id="search-input",
        )
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "search all answers"
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        # As in the filter box: enter opens the first (highlighted) answer.
        results = self.query_one(OptionList)
        if results.option_count:
            results.highlighted = results.highlighted or 0
            results.action_select()

    def action_focus_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = results.highlighted or 0

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, text: str) -> None:
        worker = get_current_worker()
        # One more than is shown: enough to say there are more, without reading every testimony.
        hits = self.library.search(text, stop=lambda: worker.is_cancelled, limit=SHOWN_ANSWERS + 1)
        if not worker.is_cancelled:  # the next keystroke's search has the say
            self.app.call_from_thread(self._show_hits, text, hits)

    def _show_hits(self, text: str, hits: list[SearchHit]) -> None:
        self.hits = hits[:SHOWN_ANSWERS]
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(hit), id=str(n)) for n, hit in enumerate(self.hits)])
        if not text.strip():
            self.sub_title = "search all answers"
        elif len(hits) > SHOWN_ANSWERS:
            self.sub_title = f"more than {SHOWN_ANSWERS} answers match: the first {SHOWN_ANSWERS} (narrow the search)"
        else:
            self.sub_title = counted(len(hits), "answer matches", "answers match")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[int(event.option.id or 0)]
        self.dismiss(Opening(hit.slug, (hit.section_index, hit.entry_index), self.query_one(Input).value))
