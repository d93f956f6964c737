"""A list to tick any number of rows, whose ticks show without colour.

Textual's SelectionList tells a ticked row from an unticked one by colour alone, so under
NO_COLOR (or to a screen reader) the resolve-comments list showed every row the same. Here
each row starts with ``[x]`` or ``[ ]``. Space and a click tick; what Enter does is the
form's choice (the checklist saves, the stage editor ticks), so the hint can say it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..text import lit


class TickList(OptionList):
    BINDINGS = [Binding("space", "select", "Tick", show=False, id="tick_list.tick")]

    def __init__(self, rows: Sequence[tuple[str | Text, str, bool]], **kwargs):
        """``rows`` are (label, value, ticked); the values are what ``ticked`` returns."""
        self._labels = [lit(label) if isinstance(label, str) else label for label, _, _ in rows]
        self._values = [value for _, value, _ in rows]
        self.given = [value for _, value, on in rows if on]
        self.chosen = set(self.given)
        super().__init__(*[Option(self._prompt(i), id=str(i)) for i in range(len(self._values))], **kwargs)

    def _prompt(self, index: int) -> Text:
        mark = "[x] " if self._values[index] in self.chosen else "[ ] "
        return Text.assemble(lit(mark), self._labels[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self._values[event.option_index]
        self.chosen ^= {value}
        self.replace_option_prompt_at_index(event.option_index, self._prompt(event.option_index))

    @property
    def ticked(self) -> list[str]:
        """In the rows' order once the ticks change; untouched, the order it was given in, so
        a list saved untouched changes nothing."""
        if self.chosen == set(self.given):
            return list(self.given)
        return [v for v in self._values if v in self.chosen]

    @property
    def changed(self) -> bool:
        return self.chosen != set(self.given)
