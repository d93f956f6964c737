"""Every option of every picker can be chosen, by keyboard and by mouse, and is the one saved.

Defects 1-3 of issue 10: the radio list pressed its first row on mount, so the suggestion or
the to-do's owner was silently replaced by the first member, and the arrows started a row off.
"""

from __future__ import annotations

import pytest

from coplan_tui.domain.models import BOTH, Partnership, Session, Todo
from coplan_tui.store import Store
from coplan_tui.ui.screens.session import SessionScreen
from coplan_tui.ui.widgets.choice_set import ChoiceSet

from .helpers import settle, type_text
from .session_driver import session_app, wait_for_focus, wait_until


def _partnership(store, word: str) -> Partnership:
    return next(p for p in store.all(Partnership) if word in p.name)


async def _to_leader(pilot) -> ChoiceSet:
    await wait_for_focus(pilot, "start-templates")
    await pilot.press("enter")
    await wait_for_focus(pilot, "start-leader")
    return pilot.app.focused


async def _started(pilot, store) -> Session:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SessionScreen), "the session screen")
    await settle(pilot)
    store.reload_if_changed()
    sid = pilot.app.screen.session.id
    return Store(store.path).get(Session, sid)  # as it is on disk


@pytest.mark.parametrize("word", ["Okafor", "Lee"])
@pytest.mark.parametrize("index", [0, 1])
async def test_every_leader_can_be_chosen_by_arrows(demo_store, clock, word, index):
    p = _partnership(demo_store, word)
    app = session_app(demo_store, clock, partnership=word.lower())
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await _to_leader(pilot)
        start = picker.chosen_index()
        assert picker._selected == start, "the cursor starts on the suggested leader"
        steps = index - start
        for _ in range(abs(steps)):
            await pilot.press("down" if steps > 0 else "up")
        assert picker.chosen_index() == index
        await pilot.press("enter")
        s = await _started(pilot, demo_store)
    assert s.leader_id == p.members[index].id


@pytest.mark.parametrize("index", [0, 1])
async def test_every_leader_can_be_chosen_by_space(demo_store, clock, index):
    p = _partnership(demo_store, "Okafor")
    app = session_app(demo_store, clock, partnership="okafor")
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await _to_leader(pilot)
        # Down, Down from the suggestion wraps back to it: the choice then is the suggestion.
        while picker._selected != index:
            await pilot.press("down")
        await pilot.press("space", "enter")
        s = await _started(pilot, demo_store)
    assert s.leader_id == p.members[index].id


async def test_leader_down_down_enter_saves_the_row_under_the_cursor(demo_store, clock):
    """Issue 10, defect 1: Okafor & Nair, Down, Down, Enter saved Sam Okafor whatever the cursor showed."""
    app = session_app(demo_store, clock, partnership="okafor")
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await _to_leader(pilot)
        await pilot.press("down", "down")
        row = picker._selected
        assert picker.chosen_index() == row, "the row under the cursor is the one marked"
        await pilot.press("enter")
        s = await _started(pilot, demo_store)
    p = _partnership(demo_store, "Okafor")
    assert s.leader_id == p.members[row].id


@pytest.mark.parametrize("index", [0, 1])
async def test_every_leader_can_be_chosen_by_click(demo_store, clock, index):
    p = _partnership(demo_store, "Okafor")
    app = session_app(demo_store, clock, partnership="okafor")
    async with app.run_test(size=(100, 30)) as pilot:
        picker = await _to_leader(pilot)
        button = list(picker.query("Choice"))[index]
        await pilot.click(button)
        await pilot.pause()
        assert picker.chosen_index() == index
        await pilot.press("enter")
        s = await _started(pilot, demo_store)
    assert s.leader_id == p.members[index].id


# --- the approach picker of a plan segment: every option, by keys and by click -------------

from coplan_tui.domain.catalogue import Approach  # noqa: E402
from coplan_tui.domain.models import LessonPlan  # noqa: E402
from coplan_tui.ui.dialogs.choice import ChoiceDialog  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from .plan_helpers import cursor_to, plan_app  # noqa: E402

APPROACHES = [*Approach, None]


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("approach", APPROACHES, ids=lambda a: a.value if a else "unset")
async def test_every_approach_can_be_chosen_and_is_saved(demo_store, clock, approach, how):
    plan = next(iter(demo_store.all(LessonPlan)))
    segment = plan.segments[0]
    app = plan_app(demo_store, clock, plan.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, segment.id)
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the approach picker")
        options = app.screen.query_one(OptionList)
        start = APPROACHES.index(segment.approach)
        assert options.highlighted == start, "the cursor starts on the saved approach"
        target = APPROACHES.index(approach)
        if how == "keys":
            for _ in range(target - start) if target > start else ():
                await pilot.press("down")
            for _ in range(start - target) if start > target else ():
                await pilot.press("up")
            await pilot.press("enter")
        else:
            y = options._index_to_line[target] - int(options.scroll_offset.y)  # the option's first line on screen
            await pilot.click(OptionList, offset=(4, y + options.gutter.top))
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
    assert Store(demo_store.path).get(LessonPlan, plan.id).segments[0].approach == approach


# --- the session template picker: every template offered, by keys and by click --------------

from coplan_tui.domain.models import SessionTemplate, TemplateStep  # noqa: E402
from coplan_tui.domain.templates import BUILTIN_TEMPLATES  # noqa: E402
from coplan_tui.ui.screens.session_start import StartSessionScreen  # noqa: E402

CUSTOM = "Quick check-in (15 min) (copy)"
"""What copying a built-in names the copy: its name holds the built-in's whole name."""
TEMPLATE_NAMES = [CUSTOM, *(t.name for t in BUILTIN_TEMPLATES)]


def _with_custom_template(store) -> SessionTemplate:
    custom = SessionTemplate(name=CUSTOM, steps=[TemplateStep(title="Celebrations", minutes=3), TemplateStep(title="Next steps", minutes=7)])
    store.put(custom)
    return custom


def _offered(store, name: str) -> SessionTemplate:
    return next(t for t in [*store.all(SessionTemplate), *BUILTIN_TEMPLATES] if t.name == name)


@pytest.mark.parametrize("how", ["keys", "click"])
@pytest.mark.parametrize("word", ["lee", "okafor"])
@pytest.mark.parametrize("name", TEMPLATE_NAMES)
async def test_every_template_can_be_chosen_and_is_saved(demo_store, clock, name, word, how):
    """Every template offered, suggested or not, custom or built-in, is the one the session saves."""
    _with_custom_template(demo_store)
    chosen = _offered(demo_store, name)
    app = session_app(demo_store, clock, partnership=word)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_focus(pilot, "start-templates")
        await settle(pilot)
        options = app.screen.query_one("#start-templates", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert len(ids) == len(TEMPLATE_NAMES), "every template is offered"
        target = ids.index(chosen.id)
        if how == "keys":
            start = options.highlighted
            for _ in range(abs(target - start)):
                await pilot.press("down" if target > start else "up")
            await pilot.press("enter")
        else:
            y = options._index_to_line[target] - int(options.scroll_offset.y)
            await pilot.click(options, offset=(4, y + options.gutter.top))
        await wait_for_focus(pilot, "start-leader")
        await settle(pilot)
        await pilot.press("enter")
        s = await _started(pilot, demo_store)
    assert (s.template.id, s.template.name, s.template.steps) == (chosen.id, chosen.name, chosen.steps)


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
async def test_every_template_can_be_named_with_the_template_query(demo_store, clock, name):
    """`coplan session PARTNERSHIP --template NAME`: the template named is the one saved."""
    _with_custom_template(demo_store)
    chosen = _offered(demo_store, name)
    app = session_app(demo_store, clock, partnership="lee", template=name)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, StartSessionScreen), "the start screen")
        await settle(pilot)
        if app.focused.id == "start-templates":
            await pilot.press("enter")
        await wait_for_focus(pilot, "start-leader")
        await pilot.press("enter")
        s = await _started(pilot, demo_store)
    assert (s.template.id, s.template.name, s.template.steps) == (chosen.id, chosen.name, chosen.steps)
