"""Compare: every testimony's answer to one question, side by side in one column of panels."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..core.model import IN_APP_SCHEME, Summary
from ..core.questionnaire import Comparison, GivenAnswer, Question
from ..core.text import fold
from ..loading.library import Library
from ..widgets.find import FindPane
from ..widgets.footer import Footer
from ..widgets.panels import EntryPanel, TextPanel
from ..widgets.reader import PanelView
from .links import follow_hints
from .opening import Opening


class AnswerPanel(EntryPanel, can_focus=True):
    """One testimony's answer, titled with its author and project; ``enter`` opens it there."""

    BINDINGS = [Binding("enter", "choose", "Open this testimony here")]

    @dataclass
    class Chosen(Message):
        panel: AnswerPanel
        place: Opening

        @property
        def control(self) -> AnswerPanel:
            return self.panel

    def __init__(self, answer: GivenAnswer, asked: str) -> None:
        testimony = answer.testimony
        heading = testimony.author + (f" — {testimony.project}" if testimony.project else "")
        super().__init__(answer.entry, heading, asked)
        self.place = Opening(testimony.slug, (answer.section_index, answer.entry_index))

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self, self.place))


MAX_PANELS = 200
"""Answers shown at once: thousands of panels would take seconds to lay out (an export has them all)."""
MAX_NAMES = 50
"""Authors named under "Not answered by"; the others are counted."""


class CompareView(PanelView):
    def take_focus(self) -> None:
        """The first answer on screen has the keys (enter opens it), without scrolling away."""
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        shown = [panel for panel in self.panels if panel.virtual_region.bottom > top and panel.virtual_region.y < bottom]
        shown.sort(key=lambda panel: panel.virtual_region.y < top)  # one whose title shows, first
        if shown:
            shown[0].focus(scroll_visible=False)
        else:
            self.focus()

    def show(self, comparison: Comparison, more: int = 0) -> None:
        """Show ``comparison``; ``more`` answers than it holds exist and are only counted."""
        label = comparison.question.label
        widgets: list[Widget] = [AnswerPanel(answer, label) for answer in comparison.answers]
        if more:
            note = f"…and {more:,} more answers: narrow the list with the filter, or export them all (e)."
            widgets.append(Static(Content(note), classes="unanswered"))
        if unanswered := comparison.unanswered:
            names = ", ".join(testimony.author for testimony in unanswered[:MAX_NAMES])
            others = f" and {len(unanswered) - MAX_NAMES:,} more" if len(unanswered) > MAX_NAMES else ""
            widgets.append(Static(Content(f"Not answered by: {names}{others}"), classes="unanswered"))
        self.replace_content(widgets, {})


class QuestionPicker(ModalScreen[Question | None]):
    """Choose a question of the questionnaire, with how many testimonies answered it; typing narrows them."""

    BINDINGS = [
        # Escape clears what is typed first; the footer says which it does now.
        Binding("escape", "clear", "Clear"),
        Binding("escape", "dismiss(None)", "Close"),
        # From the box too: the list's keys without leaving what is typed.
        Binding("down", "move('cursor_down')", "Next question", show=False),
        Binding("up", "move('cursor_up')", "Previous question", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
        Binding("enter", "choose", "Choose", priority=True),
    ]

    def __init__(self, library: Library, testimonies: list[Summary], question: Question | None = None) -> None:
        super().__init__()
        self.questionnaire = library.questionnaire
        self.testimonies = testimonies
        self.question = question
        """Offered first (the question the reader is at): enter compares it."""
        self.options: list[tuple[str, Option]] = []
        """Each question's folded label, and its row."""

    def compose(self) -> ComposeResult:
        counts = self.questionnaire.answered_counts(self.testimonies)
        for number, (question, answered) in enumerate(zip(self.questionnaire.questions, counts, strict=True)):
            # Two columns: a question that wraps stays clear of the counts.
            label = Table.grid(padding=(0, 2))
            label.add_column(justify="right", style="dim", no_wrap=True, min_width=5)
            label.add_column()
            label.add_row(f"{answered:,}/{len(self.testimonies):,}", Text(question.label))
            self.options.append((fold(question.label), Option(label, id=str(number))))
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(Content("Compare the answers to which question?"))
            yield Input(placeholder="type to narrow the questions", id="picker-filter")
            yield OptionList(*[option for _, option in self.options])

    def on_mount(self) -> None:
        if self.question in self.questionnaire.questions:
            self._list.highlighted = self.questionnaire.questions.index(self.question)

    @property
    def _list(self) -> OptionList:
        return self.query_one(OptionList)

    @on(Input.Changed, "#picker-filter")
    def _narrow(self, event: Input.Changed) -> None:
        words = fold(event.value).split()
        shown = [option for label, option in self.options if all(word in label for word in words)]
        self._list.clear_options()
        self._list.add_options(shown or [Option(Content("No question has these words."), disabled=True)])
        self._list.highlighted = 0 if shown else None
        self.refresh_bindings()  # escape: Clear or Close

    def action_move(self, action: str) -> None:
        getattr(self._list, f"action_{action}")()

    def action_choose(self) -> None:
        options = self._list
        if options.highlighted is not None and not options.get_option_at_index(options.highlighted).disabled:
            options.action_select()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("clear", "dismiss"):
            return bool(self.query_one(Input).value) == (action == "clear")
        return True

    def action_clear(self) -> None:
        box = self.query_one(Input)
        box.value = ""
        box.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.questionnaire.questions[int(event.option.id or 0)])


class CompareScreen(Screen[Opening | None]):
    """Dismisses with the place to open, or None when closed."""

    # What fits 80 columns with the answer's own enter and the palette: export is in help.
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("c", "pick", "Question", tooltip="Compare the answers to another question"),
        Binding("ctrl+f", "find", "Find"),
        Binding("e", "export", "Export", show=False, tooltip="Write every answer shown to a file"),
        Binding("tab", "app.focus_next", "Next answer", show=False),
        Binding("f", "link_hints", "Follow a link", show=False, tooltip="Label the links on screen: type one's label to follow it", id="follow_link"),
    ]

    def __init__(self, library: Library, testimonies: list[Summary], question: Question) -> None:
        super().__init__()
        self.library = library
        self.testimonies = testimonies
        self.question = question
        self.view = CompareView(id="compare-view")

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(id="compare-head", classes="view-head"):  # over the column of answers, centred as it is
            yield Label(id="compare-question", classes="view-title")
        yield FindPane(self.view, id="compare-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.question)

    def show(self, question: Question) -> None:
        self.question = question
        self.query_one("#compare-question", Label).update(Content(question.label))
        self.sub_title = "reading the answers…"
        self._compare(question)

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, question: Question) -> None:
        """Read the answers off the screen's thread: only of who answered, and as many as are shown."""
        answered = self.library.questionnaire.answered_by(question, self.testimonies)
        who = {testimony.slug for testimony in answered}
        unanswered = tuple(testimony for testimony in self.testimonies if testimony.slug not in who)
        shown = self.library.questionnaire.compare(question, self.library.full(answered[:MAX_PANELS]))
        # Who asks it with an empty answer (a draft) did not answer it: known once their answers are read.
        comparison = Comparison(question, shown.answers, unanswered + shown.unanswered)
        self.app.call_from_thread(self._compared, comparison, len(answered) - len(shown.unanswered))

    def _compared(self, comparison: Comparison, answered: int) -> None:
        self.sub_title = f"{answered:,} of {len(self.testimonies):,} answered"
        self.view.show(comparison, more=answered - len(comparison.answers))
        self.query_one(FindPane).content_changed()
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        if panels := self.view.panels:
            panels[0].focus()
        else:
            self.view.focus()

    def action_pick(self) -> None:
        self.app.push_screen(QuestionPicker(self.library, self.testimonies), self._picked)

    def _picked(self, question: Question | None) -> None:
        if question is not None:
            self.show(question)

    async def action_find(self) -> None:
        await self.query_one(FindPane).action_find()

    def action_export(self) -> None:
        from ..formats.export import export_comparison

        question, library, testimonies = self.question, self.library, self.testimonies
        # In the export's thread: every answer, not only those shown.
        self.app.export(
            Comparison(question, ()).slug,
            lambda format: export_comparison(library.questionnaire.compare(question, library.full(testimonies)), format),
        )

    def action_link_hints(self) -> None:
        follow_hints(self.view)

    @on(TextPanel.LinkClicked)
    def _link(self, event: TextPanel.LinkClicked) -> None:
        """The main screen follows links, as from the reader: a testimony opens there, in place of compare."""
        event.stop()
        if event.href.startswith(IN_APP_SCHEME):
            self.dismiss(None)
        self.app.main.post_message(TextPanel.LinkClicked(event.panel, event.href))

    @on(AnswerPanel.Chosen)
    def _chosen(self, event: AnswerPanel.Chosen) -> None:
        self.dismiss(event.place)
