"""Writing a plan's Markdown next to the database, in ``exports/``, readable only by its owner."""

from __future__ import annotations

import re
from pathlib import Path

from ...domain.models import LessonPlan, Partnership
from ...store.private_files import write_new_file
from ...export.plan_markdown import plan_to_markdown


def export_path(db_path: Path, plan: LessonPlan) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", plan.title.lower()).strip("-")[:40] or "plan"
    return db_path.parent / "exports" / f"plan-{slug}-{plan.id[:8]}.md"


def write_plan_markdown(db_path: Path, plan: LessonPlan, partnership: Partnership) -> Path:
    """Write the plan's Markdown with mode 0600 under a name not yet taken; returns the path."""
    return write_new_file(export_path(db_path, plan), plan_to_markdown(plan, partnership).encode("utf-8"))
