"""How long the live alignment check and the editor's redraw take on every edit.

Run: python tests/benchmarks/plan_alignment.py. One JSON object per line. The issue sets no
figure; the baseline is the same measure on the demo's 4-segment lesson, in the same run.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from coplan_tui.domain.alignment import check  # noqa: E402
from coplan_tui.domain.catalogue import Approach  # noqa: E402
from coplan_tui.domain.demo import build_demo  # noqa: E402
from coplan_tui.domain.models import Assessment, LessonPlan, Objective, Partnership, Segment  # noqa: E402

NOW = datetime(2026, 11, 23, 15, 30, tzinfo=timezone.utc)


def big_unit(partnership: Partnership, objectives: int = 40, segments: int = 200) -> LessonPlan:
    """A long unit: many objectives, an assessment each, segments linked round-robin."""
    ids = [m.id for m in partnership.members]
    objs = [Objective(text=f"Students will be able to do thing {n}") for n in range(objectives)]
    tests = [Assessment(text=f"Check {n}", objective_ids=[o.id]) for n, o in enumerate(objs)]
    segs = [
        Segment(
            title=f"Task {n}",
            minutes=10,
            objective_ids=[objs[n % objectives].id],
            approach=list(Approach)[n % 7] if n % 5 else None,
            roles={ids[0]: "leads", **({ids[1]: "supports"} if n % 3 else {})},
        )
        for n in range(segments)
    ]
    return LessonPlan(partnership_id=partnership.id, title="Big unit", kind="unit", length_minutes=1800, objectives=objs, assessments=tests, segments=segs)


def per_call_ms(fn, repeat: int) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) * 1000 / repeat


async def redraw_ms(plan: LessonPlan, docs: list, repeat: int = 20) -> float:
    """Time from apply(edited plan) to the outline and alignment panel rebuilt, in a headless app."""
    from coplan_tui.store import Store
    from coplan_tui.ui.app import CoplanApp
    from coplan_tui.ui.screens.plan_editor import PlanEditor

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.json", clock=lambda: NOW)
        store.put(*docs, plan)
        app = CoplanApp(store.path, store=store, clock=lambda: NOW, poll=False, start=lambda a: a.open_plan(plan.id))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            editor = app.screen.query_one(PlanEditor)
            total = 0.0
            for n in range(repeat):
                edited = plan.model_copy(update={"title": f"{plan.title} {n}"})
                start = time.perf_counter()
                editor.apply(edited)
                total += time.perf_counter() - start
                await pilot.pause()
            app.gateway.flush()
        return total * 1000 / repeat


def main() -> None:
    docs = build_demo(NOW.date(), NOW)
    science = docs[0]
    demo_plan = next(d for d in docs if isinstance(d, LessonPlan))
    unit = big_unit(science)
    baseline = per_call_ms(lambda: check(demo_plan, science), 2000)
    value = per_call_ms(lambda: check(unit, science), 200)
    print(json.dumps({"name": "alignment_check_200_segments", "value": round(value, 3), "unit": "ms", "target": None, "baseline": round(baseline, 4)}))
    small = asyncio.run(redraw_ms(demo_plan, docs[:2]))
    large = asyncio.run(redraw_ms(unit, docs[:2]))
    print(json.dumps({"name": "editor_redraw_200_segments", "value": round(large, 2), "unit": "ms", "target": None, "baseline": round(small, 2)}))


if __name__ == "__main__":
    main()
