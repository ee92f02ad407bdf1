"""How dates and citations are written in the report's words, shared by its writers."""

from __future__ import annotations

import datetime as dt

__all__ = ["long_date"]


def long_date(day: dt.date) -> str:
    """A date written out in full, with its weekday.

    Example:
        >>> long_date(dt.date(2026, 3, 16))
        'Monday, March 16, 2026'
    """
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"
