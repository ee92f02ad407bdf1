"""The pure arithmetic: periods and rolling, without data or the holidays package."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from qideadlines import ClosedDay, Period, PeriodUnit
from qideadlines._periods import add_period, roll_forward

from strategies import SyntheticCalendar, calendars, dates, periods

YEAR = Period(value=1, unit=PeriodUnit.YEARS)
TWO_YEARS = Period(value=2, unit=PeriodUnit.YEARS)


def test_merriweather_one_year_is_the_anniversary() -> None:
    """Merriweather v. City of Memphis, 107 F.3d 396 (6th Cir. 1997): Oct 19, 1994 ->
    Oct 19, 1995."""
    assert add_period(dt.date(1994, 10, 19), YEAR) == dt.date(1995, 10, 19)


def test_sain_two_years_are_not_730_days() -> None:
    """Sain v. City of Bend, 309 F.3d 1134 (9th Cir. 2002): Aug 14, 1998 -> Aug 14, 2000,
    although 730 days would end on Aug 13, 2000 (2000 is a leap year)."""
    assert add_period(dt.date(1998, 8, 14), TWO_YEARS) == dt.date(2000, 8, 14)
    assert dt.date(1998, 8, 14) + dt.timedelta(days=730) == dt.date(2000, 8, 13)


def test_mcelwee_leap_day_ends_on_february_28() -> None:
    """McElwee v. Fish (Ind. Ct. App. 2019): Feb 29, 2016 -> Feb 28, 2018."""
    assert add_period(dt.date(2016, 2, 29), TWO_YEARS) == dt.date(2018, 2, 28)


def test_lane_february_28_stays_february_28_in_a_leap_year() -> None:
    """Lane: Feb 28, 2010 -> Feb 28, 2012 (not Feb 29)."""
    assert add_period(dt.date(2010, 2, 28), TWO_YEARS) == dt.date(2012, 2, 28)


def test_months_are_added_at_once_and_clamped() -> None:
    """N.Y. Gen. Constr. Law § 30: Jan 31 + 6 months is Jul 31, not Jul 28."""
    assert add_period(dt.date(2023, 1, 31), Period(value=6, unit=PeriodUnit.MONTHS)) == dt.date(
        2023, 7, 31
    )
    assert add_period(dt.date(2023, 8, 31), Period(value=6, unit=PeriodUnit.MONTHS)) == dt.date(
        2024, 2, 29
    )


def test_days_exclude_the_trigger_day() -> None:
    assert add_period(dt.date(2024, 1, 1), Period(value=30, unit=PeriodUnit.DAYS)) == dt.date(
        2024, 1, 31
    )


@given(dates(), periods())
def test_raw_date_agrees_with_relativedelta(start: dt.date, period: Period) -> None:
    amount = {
        PeriodUnit.YEARS: relativedelta(years=period.value),
        PeriodUnit.MONTHS: relativedelta(months=period.value),
        PeriodUnit.DAYS: relativedelta(days=period.value),
    }[period.unit]
    assert add_period(start, period) == start + amount


@given(dates(), periods())
def test_raw_date_is_after_the_event(start: dt.date, period: Period) -> None:
    assert add_period(start, period) > start


@given(dates(), dates(), periods())
def test_add_period_is_monotone(a: dt.date, b: dt.date, period: Period) -> None:
    early, late = sorted((a, b))
    assert add_period(early, period) <= add_period(late, period)


@given(st.data())
def test_roll_lands_on_the_first_open_day(data: st.DataObject) -> None:
    calendar = data.draw(calendars())
    raw = data.draw(dates(dt.date(1951, 1, 1), dt.date(2100, 1, 1)))
    due, passed = roll_forward(raw, calendar)
    assert due >= raw
    assert calendar(due) is None
    for offset in range((due - raw).days):
        assert calendar(raw + dt.timedelta(days=offset)) is not None
    assert [p.date for p in passed] == [raw + dt.timedelta(days=i) for i in range((due - raw).days)]


@given(st.data())
def test_rolling_is_idempotent(data: st.DataObject) -> None:
    calendar = data.draw(calendars())
    raw = data.draw(dates(dt.date(1951, 1, 1), dt.date(2100, 1, 1)))
    for settled_only in (False, True):
        due, _ = roll_forward(raw, calendar, settled_only=settled_only)
        assert roll_forward(due, calendar, settled_only=settled_only) == (due, ())


@given(st.data())
def test_settled_only_is_never_later(data: st.DataObject) -> None:
    calendar = data.draw(calendars())
    raw = data.draw(dates(dt.date(1951, 1, 1), dt.date(2100, 1, 1)))
    strict, passed = roll_forward(raw, calendar, settled_only=True)
    assert strict <= roll_forward(raw, calendar)[0]
    assert all(day.settled for day in passed)


@given(st.data())
def test_roll_is_monotone(data: st.DataObject) -> None:
    calendar = data.draw(calendars())
    a = data.draw(dates(dt.date(1951, 1, 1), dt.date(2100, 1, 1)))
    b = a + dt.timedelta(days=data.draw(st.integers(0, 30)))
    assert roll_forward(a, calendar)[0] <= roll_forward(b, calendar)[0]


def test_a_broken_calendar_is_reported_not_looped() -> None:
    def always(day: dt.date) -> ClosedDay:
        return ClosedDay(date=day, name="closed", authority="test")

    with pytest.raises(AssertionError, match="closes every day"):
        roll_forward(dt.date(2024, 1, 1), always)


def test_saturday_sunday_then_holiday() -> None:
    """Sat Jul 3 2027 -> Sun -> Mon Jul 5 (observed) -> Tue Jul 6."""
    calendar = SyntheticCalendar({dt.date(2027, 7, 5): True}, weekends=True)
    due, passed = roll_forward(dt.date(2027, 7, 3), calendar)
    assert due == dt.date(2027, 7, 6)
    assert [p.name for p in passed] == ["weekend", "weekend", "holiday"]
