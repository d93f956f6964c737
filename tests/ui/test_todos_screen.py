"""The to-do review screen, driven by keys; checked on screen and in the DB."""

from __future__ import annotations

from datetime import date, timedelta

from coplan_tui.domain.models import Partnership, Todo, TodoStatus
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.dialogs.choice import ChoiceDialog
from coplan_tui.ui.dialogs.todo_dialog import TodoDialog
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
        assert isinstance(app.screen, TodoDialog)
        app.screen.query_one("#todo-title-input").value = ""
        await type_text(pilot, "[red]Book the cart[/red]")
        await pilot.press("tab", "tab", "tab")
        app.screen.query_one("#todo-due").value = "someday"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodoDialog)
        assert "YYYY-MM-DD" in screen_text(app)
        app.screen.query_one("#todo-due").value = "fri"
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


async def test_a_filter_that_hides_selected_rows_unselects_them(demo_store, clock):
    """Issue 10, defect 10: after p, '2 selected' with none visible, and x acted on a row not chosen."""
    lee = next(p for p in demo_store.all(Partnership) if "Lee" in p.display_name)
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False, start=lambda a: a.push_screen(TodosScreen(lee.id)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(TodoTable)
        await pilot.press("space", "space")
        picked = set(table.selected)
        assert len(picked) == 2 and "2 selected" in screen_text(app)
        for _ in range(4):  # all -> each partnership: stop on one that hides both and shows a row
            await pilot.press("p")
            await settle(pilot)
            if table.current is not None and not any(table.rows[i].id in picked for i in table.view):
                break
        else:
            raise AssertionError(f"no partnership view hides {picked} and shows a row")
        assert "selected" not in screen_text(app)
        assert not table.selected
        target = table.current.id
        await pilot.press("x")
        await settle(pilot)
    after = {t.id: t for t in Store(demo_store.path).all(Todo)}
    assert all(after[i].is_open for i in picked), "a hidden row was changed"
    assert not after[target].is_open


# --- row-level updates (issue 15): a change rebuilds its own rows, and shows what a rebuild shows


def table_text(app) -> list[str]:
    """The table's lines as drawn, header included."""
    table = app.screen.query_one(TodoTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def full_rebuild_shows(pilot) -> list[str]:
    """The same screen, every row built afresh from the store (what each change did before)."""
    from coplan_tui.domain.todo_review import ReviewView

    screen = pilot.app.screen
    screen.review, screen._seen = ReviewView(), -1
    screen.reload()
    await settle(pilot)
    return table_text(pilot.app)


async def test_a_tick_rebuilds_only_its_row_and_shows_what_a_rebuild_shows(demo_store, clock):
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("s", "s")  # all: the ticked row stays in view
        await settle(pilot)
        before = {r.id: r for r in app.screen.rows}
        target = app.screen.query_one(TodoTable).current
        await pilot.press("x")
        await settle(pilot)
        kept = [r for r in app.screen.rows if before.get(r.id) is r]
        assert len(kept) == len(before) - 1, "every row was built again for one tick"
        assert next(r for r in app.screen.rows if r.id == target.id).status != target.status
        drawn = table_text(app)
        assert drawn == await full_rebuild_shows(pilot)


async def test_a_tick_shows_while_the_disk_is_still_busy(demo_store, clock):
    """The writer cannot save (the store's write lock is held): the row changes all the same."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        first = shown(app)[0]
        demo_store._writer.acquire()
        try:
            await pilot.press("x")
            await pilot.pause(0.2)
            assert first not in shown(app)
            assert Store(demo_store.path).get(Todo, next(t.id for t in demo_store.all(Todo) if t.title == first)).is_open
        finally:
            demo_store._writer.release()
        await settle(pilot)
        assert first not in shown(app)
        assert table_text(app) == await full_rebuild_shows(pilot)


async def test_an_edit_that_moves_the_row_a_new_one_and_its_undo(demo_store, clock):
    """Sorted by title: a rename moves the row; a new to-do lands in its place; undo deletes it."""
    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_review(pilot)
        await pilot.press("greater_than_sign", "home")  # by title, the first row
        await settle(pilot)
        first = shown(app)[0]
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#todo-title-input").value = ""
        await type_text(pilot, "zz [link=x]moved[/link] 🙂 שלום")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodosScreen)
        assert shown(app)[-1] == "zz [link=x]moved[/link] 🙂 שלום" and first not in shown(app)
        assert app.screen.query_one(TodoTable).current.title == "zz [link=x]moved[/link] 🙂 שלום"  # the cursor followed it
        assert table_text(app) == await full_rebuild_shows(pilot)

        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "A first [/] task")
        await pilot.press("enter")
        await settle(pilot)
        assert shown(app)[0] == "A first [/] task"
        assert table_text(app) == await full_rebuild_shows(pilot)
        await pilot.press("u")  # undo the new one: it is deleted
        await settle(pilot)
        assert "A first [/] task" not in shown(app)
        assert not any(t.title == "A first [/] task" for t in Store(demo_store.path).all(Todo))
        assert table_text(app) == await full_rebuild_shows(pilot)


async def test_changes_saved_elsewhere_in_this_window_and_by_another_process(demo_store, clock):
    """A delete and an edit saved by another screen's code (the store's change log), then a
    rename by another process (a reload of the file): each shows what a rebuild shows."""
    import subprocess
    import sys
    from pathlib import Path

    from coplan_tui.domain.todo_changes import edited

    app = CoplanApp(demo_store.path, store=demo_store, clock=clock, poll=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_review(pilot)
        rows = {r.title: r for r in app.screen.rows}
        gone, moved = shown(app)[0], shown(app)[1]
        before = {r.id: r for r in app.screen.rows}
        app.gateway.delete(Todo, [rows[gone].id])
        app.save(edited(demo_store.get(Todo, rows[moved].id), clock(), due=date(2027, 1, 1)))
        await settle(pilot)
        assert gone not in shown(app) and shown(app)[-2] == moved  # the last dated one; the undated one stays last
        assert sum(1 for r in app.screen.rows if before.get(r.id) is r) == len(before) - 2
        assert table_text(app) == await full_rebuild_shows(pilot)

        rename = (
            "import sys\nfrom coplan_tui.store import Store\nfrom coplan_tui.domain.models import Todo\n"
            "from coplan_tui.domain.todo_changes import edited\nstore = Store(sys.argv[1])\n"
            "todo = store.get(Todo, sys.argv[2])\nstore.put(edited(todo, store.clock(), title='\\x1b]52;c;aGk=\\x07 0 first'))\n"
        )
        target = rows[shown(app)[-1]].id
        root = Path(__file__).resolve().parents[2]
        done = subprocess.run([sys.executable, "-c", rename, str(demo_store.path), target], cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        app._check_file()  # the poll, now
        await settle(pilot)
        assert next(r for r in app.screen.rows if r.id == target).title.endswith("0 first")
        assert not any("\x1b" in line or "\x07" in line for line in table_text(app))
        assert table_text(app) == await full_rebuild_shows(pilot)
