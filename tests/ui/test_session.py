"""A whole session driven by keys with a fake clock: nothing sleeps in real time."""

from __future__ import annotations

from datetime import timedelta

from coplan_tui.domain import timebox
from coplan_tui.domain.models import Session, SessionStatus, Todo, TodoStatus
from coplan_tui.store import Store
from coplan_tui.ui.screens.session import SessionScreen
from coplan_tui.ui.widgets.countdown import Countdown

from .helpers import screen_text, settle, type_text
from .session_driver import add_todo, autosave, session_app, start_session, tick


def _session(store: Store) -> Session:
    store.reload_if_changed()
    (running,) = [s for s in store.all(Session) if s.status != SessionStatus.DONE]
    return running


async def test_run_a_session_quit_mid_step_and_reopen(demo_store, clock):
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        s = _session(demo_store)
        assert s.status == SessionStatus.RUNNING and s.template.name.startswith("Weekly")
        assert s.steps[0].intervals[0].start == clock.now
        assert s.leader_id is not None  # the suggested leader, recorded

        # typing into the notes editor inserts text and triggers nothing
        await pilot.press(*"n a q", "enter", *"Groups of four worked.")
        await tick(pilot, clock, 30)
        await autosave(pilot)
        assert app.screen is screen and screen.session.current_step == 0
        assert _session(demo_store).steps[0].notes == "n a q\nGroups of four worked."

        await add_todo(pilot, "Draft exit ticket", owner_moves=1, feedback="tomorrow", due="fri")
        await add_todo(pilot, "Book the lab", owner_moves=2, due="2026-12-01")
        await add_todo(pilot, "Email parents")
        mine = [t for t in demo_store.all(Todo) if t.session_id == s.id]
        assert sorted(t.title for t in mine) == ["Book the lab", "Draft exit ticket", "Email parents"]
        draft = next(t for t in mine if t.title == "Draft exit ticket")
        assert draft.feedback_by.isoformat() == "2026-11-24" and draft.due.isoformat() == "2026-11-27"
        assert draft.owner != "both"

        # overrun step 1 (12 min) by 90 s: the countdown shows overtime
        await tick(pilot, clock, 12 * 60 - 30 + 90)
        countdown = screen.query_one(Countdown)
        assert countdown.value == "+1:30" and countdown.has_class("-overrun")
        await pilot.press("plus", "plus")  # extend by 2 min: back in time
        await tick(pilot, clock, 0)
        assert countdown.value == "0:30" and countdown.has_class("-last-minute")
        await pilot.press("n")
        await settle(pilot)
        s = _session(demo_store)
        assert s.current_step == 1
        assert s.steps[0].ended_at == clock.now
        assert [e.minutes for e in s.steps[0].extensions] == [1, 1]
        assert timebox.step_elapsed(s.steps[0], clock.now) == timedelta(minutes=13, seconds=30)

        # pause and resume: paused time does not count
        await tick(pilot, clock, 60)
        await pilot.press("space")
        await tick(pilot, clock, 600)
        assert "PAUSED" in screen_text(app)
        await pilot.press("space")
        await tick(pilot, clock, 60)
        assert countdown.value == "6:00"  # 8 min step, 2 min run

        # leave mid-step: the session is paused and saved
        await pilot.press("q")
        await pilot.press("l")
        await settle(pilot)
        assert not isinstance(app.screen, SessionScreen)
    s = _session(demo_store)
    assert s.status == SessionStatus.PAUSED and s.current_step == 1
    assert timebox.step_remaining(s, 1, clock.now) == timedelta(minutes=6)

    # reopen an hour later: same step, same remaining time, still paused
    clock.advance(minutes=60)
    again = session_app(Store(demo_store.path), clock, resume=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, SessionScreen)
        assert again.screen.session.current_step == 1
        assert again.screen.query_one(Countdown).value == "6:00"
        assert "PAUSED" in screen_text(again)


async def test_delete_and_undo_and_toggle(demo_store, clock):
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        await add_todo(pilot, "Only one", due="tomorrow")
        todo_list = app.screen.query_one("#todo-list")
        ids = [todo_list.get_option_at_index(i).id for i in range(todo_list.option_count)]
        target = next(t for t in demo_store.all(Todo) if t.title == "Only one")
        todo_list.highlighted = ids.index(target.id)
        await pilot.press("x")
        await settle(pilot)
        assert demo_store.get(Todo, target.id).status == TodoStatus.DONE
        await pilot.press("x")
        await settle(pilot)
        assert demo_store.get(Todo, target.id).status == TodoStatus.OPEN
        await pilot.press("d")
        await settle(pilot)
        assert demo_store.get(Todo, target.id) is None
        assert "Only one" not in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        assert demo_store.get(Todo, target.id) == target
        assert "Only one" in screen_text(app)


async def test_markup_in_a_title_renders_literally(demo_store, clock):
    app = session_app(demo_store, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await start_session(pilot)
        await add_todo(pilot, "[bold red]x[/] [link=http://a]y", due="tomorrow")
        assert "[bold red]x[/] [link=http://a]y" in screen_text(app)


async def test_finish_reflect_and_see_the_summary(demo_store, clock):
    from coplan_tui.ui.screens.history import SessionSummaryScreen

    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        await type_text(pilot, "We agreed on stations.")
        await add_todo(pilot, "Draft the rubric", owner_moves=1, due="fri")
        await tick(pilot, clock, 300)
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("space", "tab", "tab", "space", "tab", "tab")
        await type_text(pilot, "TC leads next")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionSummaryScreen)
        text = screen_text(app)
        assert "Draft the rubric" in text and "We agreed on stations." in text
    done = [s for s in demo_store.all(Session) if s.status == SessionStatus.DONE and s.finished_at == clock.now]
    assert len(done) == 1
    r = done[0].reflection
    assert (r.shared_ideas, r.talked_equally, r.took_up_ideas, r.decided_together) == (True, False, True, False)
    assert r.notes == "TC leads next"
    assert done[0].steps[0].notes == "We agreed on stations."


async def test_a_planning_step_opens_the_linked_plan_beside_it(demo_store, clock):
    from coplan_tui.domain.models import LessonPlan
    from coplan_tui.ui.screens.plan_editor import PlanEditor

    app = session_app(demo_store, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await start_session(pilot)
        await pilot.press("escape", "n")  # step 2 plans the standard and concept
        await settle(pilot)
        assert "press L to create or link" in screen_text(app)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("1")  # link the demo's plan
        await settle(pilot)
        plan = demo_store.all(LessonPlan)[0]
        editor = app.screen.query_one(PlanEditor)
        assert editor.plan_id == plan.id and app.screen.query_one("#plan-pane").display
        assert "Energy flow in ecosystems" in screen_text(app)
        assert "To-dos (" in screen_text(app)  # the to-do pane stays visible
        assert _session(demo_store).plan_id == plan.id
        await pilot.press("L")  # hide it again
        await settle(pilot)
        assert not app.screen.query_one("#plan-pane").display
        await pilot.press("p", "L")  # a step that does not plan: the plan stays closed
        await settle(pilot)
        assert not app.screen.query_one("#plan-pane").display


async def test_a_plan_created_on_a_planning_step_opens_beside_it(demo_store, clock):
    from coplan_tui.domain.models import LessonPlan
    from coplan_tui.ui.screens.plan_editor import PlanEditor

    from .session_driver import wait_until

    app = session_app(demo_store, clock)
    async with app.run_test(size=(160, 48)) as pilot:
        await start_session(pilot)
        await pilot.press("escape", "n", "L")
        await settle(pilot)
        await pilot.press("n")  # a new plan
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id is not None, "the plan form")
        await type_text(pilot, "Density of liquids")
        await pilot.press("ctrl+s")
        await settle(pilot)
        plan = next(p for p in demo_store.all(LessonPlan) if p.title == "Density of liquids")
        await wait_until(pilot, lambda: bool(app.screen.query(PlanEditor)), "the plan beside the step")
        assert app.screen.query_one(PlanEditor).plan_id == plan.id and app.screen.query_one("#plan-pane").display
        await settle(pilot)
        assert "Density of liquids" in screen_text(app) and "OBJECTIVES (0)" in screen_text(app)
        assert _session(demo_store).plan_id == plan.id


async def test_coplan_session_shows_a_picker_when_nothing_matches(demo_store, clock):
    from coplan_tui.ui.screens.session_start import StartSessionScreen

    app = session_app(demo_store, clock, partnership="nobody", template="nothing")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartSessionScreen)
        text = screen_text(app)
        assert "Alvarez & Lee" in text and "Okafor & Nair" in text and "Weekly coplanning" in text
        notes = [n.message for n in app._notifications]
        assert "No partnership matches 'nobody': pick one." in notes
        assert "No template matches 'nothing': pick one." in notes


async def test_ticking_down_the_pane_goes_row_by_row_and_x_again_reopens(demo_store, clock):
    """A ticked to-do, carried forward or made here, stays under the cursor, struck through."""
    app = session_app(demo_store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await start_session(pilot)
        await pilot.press("escape")  # from the notes to the to-do pane, on its first row
        todo_list = app.screen.query_one("#todo-list")
        first = todo_list.get_option_at_index(0).id
        assert demo_store.get(Todo, first).session_id != app.screen.session_id  # carried forward
        await pilot.press("x")
        await settle(pilot)
        assert demo_store.get(Todo, first).status == TodoStatus.DONE
        assert todo_list.get_option_at_index(0).id == first and todo_list.highlighted == 0
        assert todo_list.get_option_at_index(0).prompt.plain.startswith("☑")
        await pilot.press("x")  # a slip: x again takes it back
        await settle(pilot)
        assert demo_store.get(Todo, first).status == TodoStatus.OPEN
        await pilot.press("x", "down", "x")
        await settle(pilot)
        second = todo_list.get_option_at_index(1).id
        assert {demo_store.get(Todo, i).status for i in (first, second)} == {TodoStatus.DONE}
        assert todo_list.highlighted == 1


async def test_long_prompts_scroll_in_their_own_box_and_never_crowd_out_the_notes(demo_store, clock):
    from coplan_tui.domain.models import SessionTemplate, TemplateStep
    from coplan_tui.ui.widgets.prompt_view import PromptView

    many = [f"Prompt number {i}: what does the evidence from the lab say?" for i in range(20)]
    template = SessionTemplate(
        name="Long prompts",
        steps=[
            TemplateStep(title="Many questions", minutes=10, prompts=many),
            TemplateStep(title="One", minutes=5, prompts=["Short."]),
            TemplateStep(title="Wrap up", minutes=5),
        ],
    )
    demo_store.put(template)
    app = session_app(demo_store, clock, template="long prompts")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the template was matched: enter on the leader starts
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        prompts = app.screen.query_one(PromptView)
        notes = app.screen.query_one("#notes")
        assert prompts.size.height <= 0.4 * prompts.parent.content_region.height
        assert notes.size.height >= 4 and prompts.can_focus
        assert "Prompt number 0" in screen_text(app) and "Prompt number 19" not in screen_text(app)
        prompts.focus()
        for _ in range(40):
            await pilot.press("down")
        await settle(pilot)
        assert "Prompt number 19" in screen_text(app)
        await pilot.press("n")  # a short step: the box shrinks to its text and is no tab stop
        await settle(pilot)
        assert prompts.size.height == 1 and not prompts.can_focus and "Short." in screen_text(app)
        assert app.focused is not prompts  # nor does it keep the keys
