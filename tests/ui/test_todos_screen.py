"""The to-do review screen, driven by keys; checked on screen and in the DB."""

from __future__ import annotations

from datetime import date, timedelta

from coplan_tui.domain.models import Partnership, Todo, TodoStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.todo_dialogs import ChoiceDialog, TodoEditor
from coplan_tui.ui.screens.todos import TodosScreen
from coplan_tui.ui.widgets.todo_table import TodoTable

from .helpers import screen_text, settle, type_text


def shown(app) -> list[str]:
    table = app.screen.query_one(TodoTable)
    return [table.rows[i].title for i in table.view]


async def open_review(pilot):
    """T on the home dashboard: every partnership's to-dos."""
    await settle(pilot)
    await pilot.press("T")
    await settle(pilot)
    assert isinstance(pilot.app.screen, TodosScreen)


async def test_opens_from_home_and_filters_by_one_key_each(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        assert len(shown(app)) == 9
        assert "Book the lab cart for Thursday" in screen_text(app)
        await pilot.press("s")  # done
        assert len(shown(app)) == 3
        await pilot.press("s")  # all
        assert len(shown(app)) == 12
        await pilot.press("s", "d")  # open, overdue
        assert shown(app) == ["Book the lab cart for Thursday"]
        await pilot.press("d")  # this week
        assert "Citation mini-lesson slides" in shown(app) and "Set up the database guest logins" not in shown(app)
        await pilot.press("d")  # no deadline
        assert shown(app) == ["Set up the database guest logins"]
        await pilot.press("d", "p")  # any deadline, first partnership
        assert set(shown(app)) == {t.title for t in demo_store.all(Todo) if t.is_open and t.partnership_id == app.screen.filters.partnership_id}
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TodosScreen)


async def test_mine_asks_once_who_i_am_and_remembers(demo_store, clock, tmp_path):
    """Asked at the first start, kept in the person's settings file: "mine" asks nothing more."""
    import json

    settings = tmp_path / "jordan" / "settings.json"
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False, settings_file=settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog) and "Who are you?" in screen_text(app)
        await pilot.press("enter")  # the first name: Jordan Lee
        await settle(pilot)
        await app.workers.wait_for_complete()
        # The person's own settings remember it, not the database the partners share.
        assert json.loads(settings.read_text())["name"] == "Jordan Lee"
        assert Store(demo_store.path).setting("me") is None
        await open_review(pilot)
        await pilot.press("o")  # mine: no question
        await settle(pilot)
        assert isinstance(app.screen, TodosScreen)
        assert set(shown(app)) == {
            "Draft the exit ticket for energy flow",
            "Print 8 sets of food web cards",
            "Email parents about the field trip form",
        }
        await pilot.press("o")  # partner's
        await settle(pilot)
        assert set(shown(app)) == {"Book the lab cart for Thursday", "Bell-work slides for next week"}


async def test_mine_asks_who_i_am_when_nobody_said(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # Maria Alvarez, the second name
        await settle(pilot)
        assert app.user == "Maria Alvarez" and isinstance(app.screen, TodosScreen)
        assert "Book the lab cart for Thursday" in shown(app)


async def test_search_as_you_type_and_sort(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("slash")
        await type_text(pilot, "cards")
        assert shown(app) == ["Print 8 sets of food web cards"]
        await pilot.press("escape")
        assert len(shown(app)) == 9
        await pilot.press("greater_than_sign")  # sort by title
        assert shown(app) == sorted(shown(app), key=str.lower)
        await pilot.press("r")
        assert shown(app) == sorted(shown(app), key=str.lower, reverse=True)


async def test_toggle_done_select_many_reassign_and_undo(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        first = shown(app)[0]
        await pilot.press("x")
        await settle(pilot)
        assert first not in shown(app)
        by_title = {t.title: t for t in Store(demo_store.path).all(Todo)}
        assert by_title[first].status == TodoStatus.DONE and by_title[first].done_at is not None
        await pilot.press("u")
        await settle(pilot)
        assert Store(demo_store.path).get(Todo, by_title[first].id).status == TodoStatus.OPEN
        assert shown(app)[0] == first

        picked = shown(app)[:2]
        await pilot.press("home", "space", "space", "w")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("end", "enter")  # "Both of us", the last choice
        await settle(pilot)
        fresh = {t.title: t for t in Store(demo_store.path).all(Todo)}
        assert all(fresh[title].owner == "both" for title in picked)
        await pilot.press("u")
        await settle(pilot)
        fresh = {t.title: t for t in Store(demo_store.path).all(Todo)}
        assert [fresh[title].owner for title in picked] == [by_title[title].owner for title in picked]

        await pilot.press("v", "x")  # select all shown, mark all done
        await settle(pilot)
        assert shown(app) == []
        assert not any(t.is_open for t in Store(demo_store.path).all(Todo))


async def test_edit_in_place_refuses_a_bad_date_and_keeps_the_typing(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_review(pilot)
        target = shown(app)[0]
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, TodoEditor)
        app.screen.query_one("#edit-title").value = ""
        await type_text(pilot, "[red]Book the cart[/red]")
        await pilot.press("tab", "tab", "tab")
        app.screen.query_one("#edit-due").value = "someday"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodoEditor)
        assert "YYYY-MM-DD" in screen_text(app)
        app.screen.query_one("#edit-due").value = "fri"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodosScreen)
        todo = next(t for t in Store(demo_store.path).all(Todo) if t.title.endswith("Book the cart[/red]"))
        assert todo.due == date(2026, 11, 27)
        assert target not in shown(app)
        assert "[red]Book the cart[/red]" in screen_text(app)  # shown literally


async def test_new_todo_and_export_says_where_the_file_went(demo_store, clock, tmp_path):
    demo_store.set_setting("export_dir", str(tmp_path))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_review(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Laminate cards")
        await pilot.press("tab")
        await type_text(pilot, "TC")
        await pilot.press("tab", "tab")
        await type_text(pilot, "+3d")
        await pilot.press("enter")
        await settle(pilot)
        new = next(t for t in Store(demo_store.path).all(Todo) if t.title == "Laminate cards")
        assert new.due == date(2026, 11, 26)
        assert "Laminate cards" in shown(app)
        await pilot.press("E")
        await settle(pilot)
        await pilot.press("enter")  # ics, the first format
        await settle(pilot)
        target = tmp_path / "coplan-todos-2026-11-23.ics"
        assert target.exists() and b"Laminate cards" in target.read_bytes()
        assert any(str(target) in str(n.message) for n in app._notifications)


async def test_10000_todos_filter_renders_only_a_screenful(tmp_path, clock):
    store = Store(tmp_path / "big.json", clock=clock)
    from coplan_tui.commands.demo import seed_demo

    seed_demo(store)
    partnership = store.all(Partnership)[0]
    now = clock()
    todos = [
        Todo(title=f"Task {i}", partnership_id=partnership.id, due=now.date() + timedelta(days=i % 30 - 5), created_at=now, updated_at=now)
        for i in range(10_000)
    ]
    store.commit(puts=todos)
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot)
        table = app.screen.query_one(TodoTable)
        assert len(table.view) > 9_000
        for keys in (["d"], ["slash", "7", "7"], ["escape"], ["greater_than_sign"], ["pagedown", "end"]):
            table.rendered_rows = 0
            await pilot.press(*keys)
            await settle(pilot)
            assert 0 < table.rendered_rows <= 3 * table.size.height, keys  # a repaint or few, never the table
        assert table.current is not None and table.cursor == len(table.view) - 1


async def test_reachable_from_the_command_palette(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "Review to-dos")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodosScreen)


async def test_export_the_minutes_of_a_todos_session(demo_store, clock, tmp_path):
    demo_store.set_setting("export_dir", str(tmp_path))
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("slash")
        await type_text(pilot, "lab cart")
        await pilot.press("enter", "M")
        await settle(pilot)
        [written] = list(tmp_path.glob("coplan-minutes-*.md"))
        text = written.read_text()
        assert "## Decisions" in text and "Book the lab cart for Thursday" in text
        assert any(str(written) in str(n.message) for n in app._notifications)


async def test_who_i_am_belongs_to_the_person_not_the_database(demo_store, clock, tmp_path):
    """Two partners on one database each have their own "mine"."""
    import json

    for person, name in (("jordan", "Jordan Lee"), ("maria", "Maria Alvarez")):
        settings = tmp_path / person / "settings.json"
        settings.parent.mkdir()
        settings.write_text(json.dumps({"name": name}))
        app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False, settings_file=settings)
        async with app.run_test(size=(120, 30)) as pilot:
            await open_review(pilot)
            await pilot.press("o")  # mine, without a question
            await settle(pilot)
            assert isinstance(app.screen, TodosScreen)
            rows = set(shown(app))
        member_of = {p.id: m.id for p in demo_store.all(Partnership) for m in p.members if m.name == name}
        mine = {t.title for t in demo_store.all(Todo) if t.is_open and member_of.get(t.partnership_id) is not None and t.owner in (member_of[t.partnership_id], "both")}
        assert rows == mine and mine, person


async def test_undo_puts_back_only_what_it_changed_when_the_partner_edited_since(demo_store, clock, tmp_path):
    """A ticks a to-do, B (another process) renames it, A presses u: open again, B's title kept."""
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    rename = textwrap.dedent(
        """
        import sys
        from coplan_tui.store import Store
        from coplan_tui.domain.models import Todo
        from coplan_tui.domain.todo_changes import edited
        store = Store(sys.argv[1]); store.user = "Jordan Lee"
        todo = store.get(Todo, sys.argv[2])
        store.put(edited(todo, store.clock(), title="Renamed by Jordan"))
        """
    )
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        first = shown(app)[0]
        todo = next(t for t in demo_store.all(Todo) if t.title == first)
        await pilot.press("x")
        await settle(pilot)
        root = Path(__file__).resolve().parents[2]
        done = subprocess.run([sys.executable, "-c", rename, str(demo_store.path), todo.id], cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        app._check_file()  # the poll, now
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
    final = Store(demo_store.path).get(Todo, todo.id)
    assert final.status == TodoStatus.OPEN and final.title == "Renamed by Jordan"
