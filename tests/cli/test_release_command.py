"""`coplan release`: every option, hostile names, no textual, and the same answer as the screens."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone

import pytest
from textual.widgets import RadioButton

from coplan_tui.cli import main
from coplan_tui.commands import release as release_command
from coplan_tui.domain.catalogue import Level, Phase, Role
from coplan_tui.domain.models import Member, Partnership, Schedule, Session, SessionStatus, Weekday
from coplan_tui.domain.templates import WEEKLY
from coplan_tui.store import Store
from coplan_tui.ui.app import CoplanApp
from coplan_tui.ui.screens.release_view import ReleaseScreen
from coplan_tui.ui.screens.session_start import StartSessionScreen

from ..conftest import FIXED_NOW
from ..ui.helpers import screen_text, settle

TODAY = FIXED_NOW.date()
HOSTILE = "[/]" + "[link=x]y[/link] \x1b]52;c;aGk=\x07 نص 🙂"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(release_command, "now", lambda: FIXED_NOW)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def cp3_pair(store: Store, name: str = "Kim & Ortiz") -> Partnership:
    """CP III from 2 Nov for 12 weeks: Q1 2-22 Nov plans 20-40% TC-led, Q2 from 23 Nov 40-60%."""
    p = Partnership(
        name=name,
        members=[Member(name="Dana Kim", role=Role.CT), Member(name="Luis Ortiz", role=Role.TC)],
        phase=Phase.CP3,
        placement_start=date(2026, 11, 2),
        placement_end=date(2027, 1, 24),
        schedule=Schedule(weekday=Weekday.MON, start_time=time(17, 0)),
    )
    store.put(p)
    return p


def record(store: Store, p: Partnership, leaders: list[tuple[int, Role]], hour: int = 9) -> None:
    store.put(
        *[
            Session(
                partnership_id=p.id, template=WEEKLY, leader_id=p.member_with_role(role).id, day=TODAY - timedelta(days=d),
                status=SessionStatus.DONE, created_at=datetime.combine(TODAY - timedelta(days=d), time(hour), tzinfo=timezone.utc),
            )  # fmt: skip
            for d, role in leaders
        ]
    )


def test_table_says_stage_share_status_and_who_leads_next(store, capsys):
    p = cp3_pair(store)
    record(store, p, [(0, Role.TC)])  # earlier today: it counts
    code, out, _ = run(capsys, "release", "--db", str(store.path))
    assert code == 0
    assert out.splitlines() == [
        "Kim & Ortiz",
        "  Stage   Q2 of Clinical Practice III, 2026-11-23 to 2026-12-13: plans 40–60% TC-led",
        "  So far  1 of 1 session TC-led (100%)",
        "  Status  on plan",
        "  Next    Dana Kim (CT) leads",
        "  Why     1 of 1 session in Q2 so far was TC-led (100%); Q2 plans 40–60%: the CT leads next. "
        "(The TC leading would make it 2 of 2, 100%.) The CT hands the TC more of the lead, session by session.",
    ]


def test_json_and_as_of_a_past_date(store, capsys):
    p = cp3_pair(store)
    record(store, p, [(20, Role.CT), (13, Role.TC), (12, Role.CT), (0, Role.TC)])
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--as-of", "2026-11-16", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert row["as_of"] == "2026-11-16T23:59:59+00:00"
    assert row["stage"]["label"] == "Q1" and (row["stage"]["tc_share_min"], row["stage"]["tc_share_max"]) == (20, 40)
    assert (row["sessions"], row["tc_led"], row["status"]) == (3, 1, "on plan")
    assert row["next_leader"] == {"id": p.member_with_role(Role.CT).id, "name": "Dana Kim", "role": "CT"}
    assert row["why"].startswith("1 of the 3 sessions in Q1 so far were TC-led (33%)")
    # --as-of today means now; a relative date works too
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--as-of", "today", "--format", "json")
    assert json.loads(out)[0]["as_of"] == FIXED_NOW.isoformat(timespec="seconds")
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--as-of", "+1w", "--format", "json")
    assert json.loads(out)[0]["as_of"].startswith("2026-11-30T23:59:59")


def test_partnership_filter_bad_date_and_missing_db(store, tmp_path, capsys):
    cp3_pair(store)
    cp3_pair(store, name="Other pair")
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--partnership", "kim", "--format", "json")
    assert code == 0 and [r["partnership"] for r in json.loads(out)] == ["Kim & Ortiz"]
    code, _, err = run(capsys, "release", "--db", str(store.path), "--partnership", "nobody")
    assert code == 1 and "no partnership matches 'nobody'" in err and "Other pair" in err
    code, _, err = run(capsys, "release", "--db", str(store.path), "--as-of", "someday")
    assert code == 2 and "--as-of" in err and "not" in err
    code, _, err = run(capsys, "release", "--db", str(tmp_path / "none.json"))
    assert code == 1 and "there is no database" in err and not (tmp_path / "none.json").exists()


def test_levels_cooperation_no_leader_coordination_the_named_lead(store, capsys):
    lib, cls = Member(name="Sam Okafor", role=Role.LIBRARIAN), Member(name="Priya Nair", role=Role.CLASSROOM_TEACHER)
    store.put(Partnership(name="Coop", members=[lib, cls], level=Level.COOPERATION))
    store.put(Partnership(name="Coord", members=[lib, cls], level=Level.COORDINATION, lead_id=cls.id))
    code, out, _ = run(capsys, "release", "--db", str(store.path))
    assert code == 0
    coop, coord = out.split("\n\n")
    assert "Next    nobody suggested" in coop and "no coplanning" in coop
    assert "Next    Priya Nair (CLS) leads" in coord and "others support" in coord


def test_hostile_names_print_as_text_never_as_terminal_codes(store, capsys):
    p = cp3_pair(store, name=HOSTILE + "x" * (10_000 - len(HOSTILE)))
    code, out, _ = run(capsys, "release", "--db", str(store.path))
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert out.splitlines()[0].startswith("[/][link=x]y[/link] \ufffd]52;c;aGk=\ufffd نص 🙂xxx")
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--format", "json")
    assert json.loads(out)[0]["partnership"] == p.name  # JSON keeps the text exactly, escaped by JSON


def test_release_command_does_not_import_textual(store):
    cp3_pair(store)
    code = (
        "import sys; from coplan_tui.cli import main; "
        f"main(['release', '--db', {str(store.path)!r}]); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("CLEAN")


def squash(text: str) -> str:
    return "".join(text.split())


async def test_cli_home_start_screen_and_release_view_agree_on_the_same_day(store, clock, capsys):
    p = cp3_pair(store)
    # Q1 sessions, and two TC-led sessions earlier today (Q2 starts today); the regular time is 17:00 today
    record(store, p, [(20, Role.CT), (13, Role.TC), (6, Role.CT), (0, Role.TC)])
    record(store, p, [(0, Role.TC)], hour=11)
    code, out, _ = run(capsys, "release", "--db", str(store.path), "--format", "json")
    [row] = json.loads(out)
    assert (row["sessions"], row["tc_led"], row["next_leader"]["name"]) == (2, 2, "Dana Kim")
    why = squash(row["why"])
    app = CoplanApp(store.path, store=store, clock=clock, poll=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        home = screen_text(app)
        assert why in squash(home) and "led by Dana Kim (CT)" in home
        assert "today 17:00" not in home  # today's meeting took place: the next is a week on
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StartSessionScreen)
        assert why in squash(screen_text(app))
        chosen = [b for b in app.screen.query(RadioButton) if b.value]
        assert [str(b.label) for b in chosen] == ["Dana Kim (CT)"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        assert why in squash(screen_text(app))
