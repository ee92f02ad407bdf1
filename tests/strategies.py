"""Named hypothesis strategies for qideadlines' tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from qideadlines import ClosedDay, Period, PeriodUnit
from qideadlines._jurisdictions import CODES

EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2100, 12, 31)


def jurisdictions() -> st.SearchStrategy[str]:
    """USPS codes of the 56 jurisdictions, in any letter case."""
    return st.sampled_from(CODES).flatmap(
        lambda code: st.sampled_from([code, code.lower(), code.title(), f" {code} "])
    )


def dates(min_value: dt.date = EARLIEST, max_value: dt.date = LATEST) -> st.SearchStrategy[dt.date]:
    """Incident dates in the supported range, with month ends and leap days weighted in."""
    edges = st.sampled_from(
        [dt.date(2016, 2, 29), dt.date(2000, 2, 29), dt.date(2023, 1, 31), dt.date(2024, 12, 31)]
    ).filter(lambda d: min_value <= d <= max_value)
    return st.one_of(edges, st.dates(min_value=min_value, max_value=max_value))


def periods() -> st.SearchStrategy[Period]:
    """Periods as statutes write them."""
    return st.one_of(
        st.builds(Period, value=st.integers(1, 10), unit=st.just(PeriodUnit.YEARS)),
        st.builds(Period, value=st.integers(1, 60), unit=st.just(PeriodUnit.MONTHS)),
        st.builds(Period, value=st.integers(1, 1000), unit=st.just(PeriodUnit.DAYS)),
    )


class SyntheticCalendar:
    """A calendar closed on weekends (optionally) and on a given set of days."""

    def __init__(self, closed: dict[dt.date, bool], *, weekends: bool) -> None:
        self.closed = closed
        self.weekends = weekends

    def __call__(self, day: dt.date) -> ClosedDay | None:
        if day in self.closed:
            return ClosedDay(date=day, name="holiday", authority="test", settled=self.closed[day])
        if self.weekends and day.weekday() >= 5:
            return ClosedDay(date=day, name="weekend", authority="test")
        return None


@st.composite
def calendars(draw: st.DrawFn, around: dt.date | None = None) -> SyntheticCalendar:
    """Synthetic holiday sets near a date, some days settled and some not."""
    centre = around or draw(dates(dt.date(1951, 1, 1), dt.date(2100, 1, 1)))
    offsets = draw(st.lists(st.integers(-3, 20), max_size=8, unique=True))
    closed = {centre + dt.timedelta(days=o): draw(st.booleans()) for o in offsets}
    return SyntheticCalendar(closed, weekends=draw(st.booleans()))
