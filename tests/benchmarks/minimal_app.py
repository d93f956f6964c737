"""The baseline for cold start: a minimal Textual app (a Header, a Static and a Footer).

Run by bench_tty.py as ``python -m tests.benchmarks.minimal_app`` in the same pty harness as coplan.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Minimal(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("minimal app ready")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
