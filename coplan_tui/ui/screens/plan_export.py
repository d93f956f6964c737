"""The file name of a plan's Markdown export: its title, made safe for any file system."""

from __future__ import annotations

import re

from ...domain.models import LessonPlan


def plan_file_name(plan: LessonPlan) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", plan.title.lower()).strip("-")[:40] or "plan"
    return f"plan-{slug}-{plan.id[:8]}.md"
