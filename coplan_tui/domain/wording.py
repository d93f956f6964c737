"""Counts in words: "1 to-do", "2 to-dos". A "to-do(s)" reads as a form letter to a busy teacher."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
