"""The app asks once who you are, keeps it in your own settings file, and never again."""

from __future__ import annotations

import json

from .harness import Terminal


def test_asked_once_then_remembered_per_person(home, demo_db):
    def open_app() -> Terminal:
        term = Terminal(["demo", "--db", str(demo_db)], home=home, env={"COPLAN_USER": ""})
        return term

    first = open_app()
    try:
        first.wait_for("Who are you?")
        first.wait_for("Maria Alvarez")
        first.press("down")  # Jordan Lee, Maria Alvarez, ...: not the first name offered
        first.press("enter")
        first.wait_for(lambda s: "Who are you?" not in s)
        first.press("q")
        assert first.wait_exit() == 0
    finally:
        first.close()
    settings = json.loads((home / "config" / "coplan" / "settings.json").read_text())
    assert settings["name"] == "Maria Alvarez"
    second = open_app()
    try:
        second.wait_for("Alvarez & Lee")
        second.pump(1.0)
        assert "Who are you?" not in second.text()
    finally:
        second.close()
