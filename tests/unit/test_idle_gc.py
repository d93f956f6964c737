"""When the app runs the cyclic collector: after a quiet spell, or after a long gap regardless."""

from __future__ import annotations

from coplan_tui.ui.idle_gc import MAX_GAP_S, MIN_NEW_OBJECTS, QUIET_S, IdleCollector


def test_collects_only_once_keys_go_quiet():
    c = IdleCollector(last_input=0.0, last_collect=9.0)
    c.saw_input(10.0)
    assert not c.due(10.0 + QUIET_S / 2, new_objects=10_000)
    assert c.due(10.0 + QUIET_S, new_objects=10_000)


def test_collects_anyway_after_a_long_gap_of_steady_typing():
    c = IdleCollector(last_input=0.0, last_collect=0.0)
    c.saw_input(MAX_GAP_S - 0.01)
    assert not c.due(MAX_GAP_S - 0.01, new_objects=10_000)
    c.saw_input(MAX_GAP_S)
    assert c.due(MAX_GAP_S, new_objects=10_000)


def test_nothing_to_do_without_new_objects():
    c = IdleCollector(last_input=0.0, last_collect=0.0)
    assert not c.due(100.0, new_objects=MIN_NEW_OBJECTS - 1)


def test_after_a_reload_the_refreeze_waits_only_for_quiet():
    c = IdleCollector(last_input=10.0, last_collect=10.0, refreeze=True)
    assert not c.due(10.0 + QUIET_S / 2, new_objects=0)
    assert c.due(10.0 + QUIET_S, new_objects=0)
