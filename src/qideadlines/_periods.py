"""Pure date arithmetic: adding a period, rolling a last day past closed days, days left.

Nothing here knows about jurisdictions, files or the ``holidays`` package; the
calendar is passed in as a callable, so every function is testable alone.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from ._enums import PeriodUnit, Status
from ._models import DUE_SOON_DAYS, ClosedDay, Period

__all__ = [
    "MAX_ROLL",
    "Closure",
    "add_period",
    "adder",
    "roll_forward",
    "status_on",
    "sub_period",
]

#: Answers "is a last day on this date moved, and why?" (None: it is not).
Closure = Callable[[dt.date], ClosedDay | None]

# A period can never need more rolling than this; a longer run of closed days
# means the calendar is broken, and looping forever would hide it.
MAX_ROLL = 31


def add_period(start: dt.date, period: Period) -> dt.date:
    """Return the last day of `period` counted from the event on `start`.

    Years use the anniversary method (United States v. Hurst, 322 F.3d 1256
    (10th Cir. 2003)): the same month and day, and February 28 for a
    February 29 start in a common year. Months are calendar months counted
    from the original date at once and clamped to the month's last day
    (N.Y. Gen. Constr. Law § 30). Days exclude the day of the event.

    Example:
        >>> add_period(dt.date(2016, 2, 29), Period(value=2, unit=PeriodUnit.YEARS))
        datetime.date(2018, 2, 28)
    """
    if period.unit is PeriodUnit.DAYS:
        return start + dt.timedelta(days=period.value)
    if period.unit is PeriodUnit.YEARS:
        try:
            return start.replace(year=start.year + period.value)
        except ValueError:  # February 29 in a common year
            return start.replace(year=start.year + period.value, day=28)
    index = start.year * 12 + start.month - 1 + period.value
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(start.day, last))


def sub_period(end: dt.date, period: Period) -> dt.date:
    """Return the day `period` before `end`: the last day to act so a wait ends by `end`.

    The mirror of `add_period`: years to the same month and day (February 28
    for February 29 in a common year), months clamped to the month's last day.

    Example:
        >>> sub_period(dt.date(2027, 3, 15), Period(value=40, unit=PeriodUnit.DAYS))
        datetime.date(2027, 2, 3)
    """
    if period.unit is PeriodUnit.DAYS:
        return end - dt.timedelta(days=period.value)
    if period.unit is PeriodUnit.YEARS:
        try:
            return end.replace(year=end.year - period.value)
        except ValueError:  # February 29 in a common year
            return end.replace(year=end.year - period.value, day=28)
    index = end.year * 12 + end.month - 1 - period.value
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(end.day, last))


@functools.cache
def adder(period: Period) -> Callable[[dt.date], dt.date]:
    """`add_period` for one period, as a function of the start: for work in bulk.

    Example:
        >>> adder(Period(value=2, unit=PeriodUnit.YEARS))(dt.date(2016, 2, 29))
        datetime.date(2018, 2, 28)
    """
    value = period.value
    if period.unit is PeriodUnit.DAYS:
        delta = dt.timedelta(days=value)
        return lambda start: start + delta
    if period.unit is PeriodUnit.YEARS:

        def years(start: dt.date) -> dt.date:
            try:
                return start.replace(year=start.year + value)
            except ValueError:  # February 29 in a common year
                return start.replace(year=start.year + value, day=28)

        return years
    return lambda start: add_period(start, period)


def roll_forward(
    raw: dt.date, closure: Closure, *, settled_only: bool = False
) -> tuple[dt.date, tuple[ClosedDay, ...]]:
    """Move `raw` forward to the first day `closure` does not close.

    Args:
        raw: the last day before any rolling.
        closure: the calendar of one regime.
        settled_only: count only days whose closure is settled, ignoring
            days on which the authorities differ.

    Returns:
        The day reached and the closed days passed over, in order.

    Raises:
        AssertionError: the calendar closes more than a month in a row.

    Example:
        >>> sunday = dt.date(2000, 8, 13)
        >>> def weekends(d):
        ...     weekend = d.weekday() > 4
        ...     return ClosedDay(date=d, name="weekend", authority="rule") if weekend else None
        >>> roll_forward(dt.date(2000, 8, 12), weekends)[0]
        datetime.date(2000, 8, 14)
    """
    day = raw
    passed: list[ClosedDay] = []
    for _ in range(MAX_ROLL):
        closed = closure(day)
        if closed is None or (settled_only and not closed.settled):
            return day, tuple(passed)
        passed.append(closed)
        day += dt.timedelta(days=1)
    msg = f"the calendar closes every day from {raw} for {MAX_ROLL} days"
    raise AssertionError(msg)


def status_on(due: dt.date, today: dt.date) -> tuple[int, Status]:
    """Days from `today` to `due`, and where that leaves the deadline.

    Example:
        >>> status_on(dt.date(2024, 1, 31), dt.date(2024, 1, 10))
        (21, <Status.DUE_SOON: 'due_soon'>)
    """
    days = (due - today).days
    if days < 0:
        return days, Status.EXPIRED
    return days, Status.DUE_SOON if days <= DUE_SOON_DAYS else Status.OPEN
