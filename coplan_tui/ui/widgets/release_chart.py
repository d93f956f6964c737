"""The release chart: one row per week, the planned TC-led range against the actual share.

Drawn with distinct glyphs (█ actual, ░ planned range) so it reads without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widget import Widget

from ...domain.release import WeekPoint
from ..text import lit

LABEL_WIDTH = 10  # "Q3 16 Nov▸"
SUFFIX_WIDTH = 27  # "  3 of 8 TC plan 42–51%"
# How a release status reads wherever it shows (Home, the release view, the chart's bars).
STATUS_STYLE = {"ahead": "cyan", "on plan": "green", "behind": "bold yellow"}


def stage_share(point: WeekPoint) -> float | None:
    """The TC-led share of the stage so far, as of the week's end; None before any session."""
    advice = point.advice
    if advice is None or not advice.sessions:
        return None
    return 100.0 * advice.tc_led / advice.sessions


def gridlines(width: int) -> dict[int, int]:
    """Cell -> the percentage it marks (25/50/75), shared by the axis and the bars."""
    return {width * pct // 100: pct for pct in (25, 50, 75)}


def short_label(label: str) -> str:
    for long, short in (("Week ", "W"), ("Part ", "P")):
        if label.startswith(long):
            return f"{short}{label[len(long):]}"[:3]
    return label[:3]


def bar(point: WeekPoint, width: int) -> Text:
    """``width`` cells spanning 0-100%: █ up to the actual share, ░ across the planned range."""
    low, high = point.planned or (0, 0)
    share = stage_share(point)
    style = STATUS_STYLE.get(point.advice.state, "") if point.advice else ""
    text = Text()
    grid = gridlines(width)
    for i in range(width):
        at = (i + 0.5) * 100 / width
        if share is not None and not point.future and at < share:
            text.append("█", style)
        elif point.planned and low <= at <= high or (point.planned and abs(at - low) < 50 / width):
            text.append("░", "dim" if point.future else "")
        else:
            text.append("·" if i in grid else " ", "dim")
    return text


def chart_text(points: Sequence[WeekPoint], width: int, today: date) -> Text:
    """The whole chart: legend, axis, and a row per week (this week marked ▸)."""
    bar_width = max(10, width - LABEL_WIDTH - SUFFIX_WIDTH)
    out = lit("█ TC-led share of the stage so far   ░ planned range   one row per week\n", "dim")
    axis = [" "] * bar_width
    for at, label in [(0, "0%"), *((cell, f"{pct}%") for cell, pct in gridlines(bar_width).items()), (bar_width - 4, "100%")]:
        axis[at : at + len(label)] = label
    out.append_text(lit(" " * LABEL_WIDTH + "".join(axis) + "\n", "dim"))
    for p in points:
        current = p.start <= today < p.start.fromordinal(p.start.toordinal() + 7)
        label = f"{short_label(p.stage.label) if p.stage else '':<3} {p.start:%d %b}"
        out.append_text(lit(f"{label:<{LABEL_WIDTH - 1}}", "bold" if current else ("dim" if p.future else "")))
        out.append_text(lit("▸" if current else " ", "bold"))
        out.append_text(bar(p, bar_width))
        planned = f"plan {p.planned[0]}–{p.planned[1]}%" if p.planned else ""
        if p.future:
            actual = ""
        elif p.advice is None or not p.advice.sessions:
            actual = "no sessions"
        else:
            actual = f"{p.advice.tc_led} of {p.advice.sessions} TC"
        out.append_text(lit(f" {actual:>11} {planned:<13}"[:SUFFIX_WIDTH], "dim" if p.future else ""))
        out.append("\n")
    out.rstrip()
    return out


class ReleaseChart(Widget):
    """Redraws to its width; the screen hands it new points when the data changes."""

    DEFAULT_CSS = "ReleaseChart { height: auto; }"

    def __init__(self, points: Sequence[WeekPoint], today: date, **kwargs):
        super().__init__(**kwargs)
        self.points = list(points)
        self.today = today

    def show(self, points: Sequence[WeekPoint], today: date) -> None:
        self.points = list(points)
        self.today = today
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.points) + 2

    def render(self) -> Text:
        if not self.points:
            return lit("No release plan yet: set the phase and the placement dates (e on the home screen).", "dim")
        return chart_text(self.points, self.size.width, self.today)
