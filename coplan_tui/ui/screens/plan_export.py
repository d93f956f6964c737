"""Writing a plan's Markdown next to the database, in ``exports/``, readable only by its owner."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ...domain.models import LessonPlan, Partnership
from ...export.plan_markdown import plan_to_markdown


def export_path(db_path: Path, plan: LessonPlan) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", plan.title.lower()).strip("-")[:40] or "plan"
    return db_path.parent / "exports" / f"plan-{slug}-{plan.id[:8]}.md"


def write_plan_markdown(db_path: Path, plan: LessonPlan, partnership: Partnership) -> Path:
    """Write (or overwrite) the plan's Markdown with mode 0600; returns the path."""
    path = export_path(db_path, plan)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_suffix(".md.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(plan_to_markdown(plan, partnership))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path
