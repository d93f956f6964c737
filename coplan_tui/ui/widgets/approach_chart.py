"""A small bar chart of the coteaching approaches a partnership's plans use."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...domain.balance import Balance
from ...domain.catalogue import Approach
from ..text import lit
from .plan_rows import SHORT

BAR = 16


def chart_text(balance: Balance, plans: int) -> Text:
    """One bar per approach; ◆ marks what the release plan expects now."""
    out = lit(f"Approach balance: {balance.total} segment{'s' if balance.total != 1 else ''} in {plans} plan{'s' if plans != 1 else ''}", "bold")
    top = max(balance.counts.values(), default=0)
    for approach, count in balance.counts.items():
        bar = "█" * (max(1, round(count / top * BAR)) if count and top else 0)
        style = "red" if approach is Approach.ONE_TEACH_ONE_ASSIST and balance.over_assist else "cyan"
        mark = "◆" if approach in balance.expected else " "
        out.append(f"\n{mark}{SHORT[approach]:<13} ")
        out.append(bar.ljust(BAR), style=style)
        out.append(f" {count}")
    if balance.expected:
        out.append("\n◆ expected now by the release plan", style="dim")
    for n, line in enumerate(balance.findings()):
        out.append("\n" + line, style="bold red" if balance.over_assist and n == 0 else "yellow")
    return out


class ApproachChart(Static):
    def show(self, balance: Balance, plans: int) -> None:
        self.update(chart_text(balance, plans))
