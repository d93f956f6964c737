"""Which backups to keep: the newest few, then thinning out with age.

Keeping only the newest N fails when every CLI command is a run: 200 `coplan todo add`s
in a script made 200 backups, and the newest 10 covered two seconds. Thinning by time
keeps yesterday's copy (and last month's) whatever happened in the last minute.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

NEWEST = 10
TIERS: tuple[tuple[timedelta, str], ...] = (
    (timedelta(days=1), "%Y%m%d%H"),  # one an hour for a day
    (timedelta(days=30), "%Y%m%d"),  # one a day for 30 days
    (timedelta(days=365), "%G%V"),  # one an ISO week for a year
)


def backups_to_keep(stamps: Sequence[datetime], now: datetime, newest: int = NEWEST) -> set[int]:
    """Indexes into ``stamps`` worth keeping: the ``newest`` most recent, plus the newest
    one of each hour of the last day, each day of the last 30 and each week of the last year."""
    order = sorted(range(len(stamps)), key=lambda i: stamps[i], reverse=True)
    keep = set(order[:newest])
    seen: set[tuple[int, str]] = set()
    for i in order:
        age = now - stamps[i]
        for tier, (span, bucket) in enumerate(TIERS):
            if age <= span:
                key = (tier, stamps[i].strftime(bucket))
                if key not in seen:
                    seen.add(key)
                    keep.add(i)
                break
    return keep
