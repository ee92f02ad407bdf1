"""Court calendars: the package base, the cited corrections, the two regimes."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from qideadlines import CalendarKind, Regime, Scope, load_rules
from qideadlines._daylists import _easter, parse_date_rule
from qideadlines._jurisdictions import CODES


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("02-12", 2025, dt.date(2025, 2, 12)),
        ("4 FRI 09", 2025, dt.date(2025, 9, 26)),
        ("-1 MON 05", 2025, dt.date(2025, 5, 26)),
        ("3 MON 01", 1986, dt.date(1986, 1, 20)),
        ("-1 FRI 12", 2026, dt.date(2026, 12, 25)),
        ("EASTER-2", 2025, dt.date(2025, 4, 18)),
        ("THANKSGIVING+1", 2024, dt.date(2024, 11, 29)),
        ("2018-12-05", 2018, dt.date(2018, 12, 5)),
        ("2018-12-05", 2019, None),
        ("02-29", 2024, None),
    ],
)
def test_date_rules(rule: str, year: int, expected: dt.date | None) -> None:
    assert parse_date_rule(rule)(year) == expected


@pytest.mark.parametrize(
    "rule",
    ["", "13-01", "02-30", "0 MON 01", "-2 MON 01", "5 XYZ 01", "1 MON 13", "EASTER", "tomorrow"],
)
def test_bad_date_rules_are_refused(rule: str) -> None:
    with pytest.raises(ValueError, match=r"date rule|N must be|month|day is out of range"):
        parse_date_rule(rule)


def test_easter_agrees_with_dateutil() -> None:
    from dateutil.easter import easter

    for year in range(1950, 2101):
        assert _easter(year) == easter(year)


def test_every_removal_names_a_holiday_the_package_has() -> None:
    """A renamed holiday in a new `holidays` release must fail here, not silently
    stop correcting the calendar."""
    rows = load_rules().calendar_rows
    for row in (r for r in rows if r.kind is CalendarKind.REMOVE):
        first = (row.from_ or dt.date(1950, 1, 1)).year
        last = (row.to or dt.date(2030, 12, 31)).year
        names: set[str] = set()
        for year in range(max(first, 1950), min(last, 2030) + 1):
            subdiv = None if row.jurisdiction == "US" else row.jurisdiction
            for joined in holidays.country_holidays("US", subdiv=subdiv, years=year).values():
                names.update(n.strip() for n in joined.split(";"))
        assert row.holiday in names, (row.jurisdiction, row.holiday)


def test_sunday_and_saturday_close_federal_courts_everywhere() -> None:
    rules = load_rules()
    for code in CODES:
        cal = rules.calendar(code, Regime.FEDERAL)
        assert cal(dt.date(2026, 3, 15)) is not None  # a Sunday
        assert cal(dt.date(2026, 3, 14)) is not None  # a Saturday
        assert cal(dt.date(2026, 3, 16)) is None  # an ordinary Monday


def test_federal_holidays_are_settled_everywhere() -> None:
    rules = load_rules()
    for code in CODES:
        cal = rules.calendar(code, Regime.FEDERAL)
        for day in (dt.date(2025, 1, 20), dt.date(2025, 11, 27), dt.date(2024, 6, 19)):
            closed = cal(day)
            assert closed is not None, (code, day)
            assert closed.settled, (code, day)
            assert "6103" in closed.authority


def test_saturday_before_1963_did_not_extend_under_rule_6a() -> None:
    """Rule 6(a) named Saturday only from its 1963 amendment."""
    cal = load_rules().calendar("NY", Regime.FEDERAL)
    saturday_1962 = cal(dt.date(1962, 6, 16))
    assert saturday_1962 is None or not saturday_1962.settled
    assert cal(dt.date(1964, 6, 13)) is not None


def test_massachusetts_saturday_extends_a_suit_but_only_reads_for_a_state_presentment() -> None:
    """G. L. c. 220, § 6 treats a Saturday the court is closed as a legal holiday for c. 4,
    § 9 (Mahoney v. DeMatteo-Flatiron LLP, 66 Mass. App. Ct. 903 (2006)); for a presentment
    a Saturday extends only where the office is closed that day (c. 41, § 110A), so it is
    not settled."""
    rules = load_rules()
    suit = rules.calendar("MA", Regime.STATE)(dt.date(2026, 3, 14))
    assert suit is not None
    assert suit.settled
    assert "Mahoney" in suit.authority
    notice = rules.calendar("MA", Regime.STATE, Scope.NOTICES)(dt.date(2026, 3, 14))
    assert notice is not None
    assert not notice.settled
    sunday = rules.calendar("MA", Regime.STATE, Scope.NOTICES)(dt.date(2026, 3, 15))
    assert sunday is not None
    assert sunday.settled


def test_massachusetts_patriots_day_closes_both_regimes() -> None:
    rules = load_rules()
    for regime in (Regime.FEDERAL, Regime.STATE):
        closed = rules.calendar("MA", regime)(dt.date(2025, 4, 21))
        assert closed is not None
        assert "Patriots" in closed.name


def test_california_courts_close_on_lincoln_day_and_open_on_columbus_day() -> None:
    """Cal. CCP § 135 and Gov. Code § 6700: judicial holidays differ from public ones."""
    cal = load_rules().calendar("CA", Regime.STATE)
    lincoln = cal(dt.date(2025, 2, 12))
    assert lincoln is not None
    assert "Lincoln" in lincoln.name
    assert cal(dt.date(2025, 10, 13)) is None  # Columbus Day 2025: courts open
    native = cal(dt.date(2025, 9, 26))
    assert native is not None  # Native American Day, the fourth Friday of September
    susan_b_anthony = cal(dt.date(2025, 2, 15))  # a Saturday; not a judicial holiday
    assert susan_b_anthony is None or susan_b_anthony.name == "Saturday"


def test_new_york_does_not_move_a_saturday_holiday_to_friday() -> None:
    """N.Y. Gen. Constr. Law § 24 moves a Sunday holiday to Monday, never a Saturday one
    to Friday."""
    cal = load_rules().calendar("NY", Regime.STATE)
    assert cal(dt.date(2026, 7, 3)) is None  # Friday before Saturday July 4, 2026
    assert cal(dt.date(2027, 7, 5)) is not None  # Monday after Sunday July 4, 2027


def test_calendars_are_built_once_and_cached() -> None:
    rules = load_rules()
    assert rules.calendar("co", Regime.FEDERAL) is rules.calendar("CO", Regime.FEDERAL)
    cal = rules.calendar("CO", Regime.FEDERAL)
    cal(dt.date(2031, 5, 5))
    year = cal._years[2031]
    cal(dt.date(2031, 6, 6))
    assert cal._years[2031] is year


def test_juneteenth_follows_state_adoption_in_state_courts() -> None:
    """The package gives every state Juneteenth from 2021; state courts did not all close."""
    rules = load_rules()
    closed_states = [
        code
        for code in CODES
        if (c := rules.calendar(code, Regime.STATE)(dt.date(2021, 6, 18))) is not None
        and "Juneteenth" in c.name
    ]
    assert len(closed_states) < 40


def test_columbus_day_is_federal_only_from_1971() -> None:
    """Pub. L. 90-363 made Columbus Day a federal legal holiday from January 1, 1971; the
    holidays package lists it earlier."""
    rules = load_rules()
    # October 12, 1970 was a Monday; Colorado did not make it a state court holiday in
    # the package either, so only the federal list could close it.
    federal = rules.calendar("WY", Regime.FEDERAL)
    closed = federal(dt.date(1970, 10, 12))
    assert closed is None or "Columbus" not in closed.name or "6(a)(6)(C)" in closed.authority
    assert federal(dt.date(1971, 10, 11)) is not None


def test_the_us_class_loaded_alone_matches_the_public_api() -> None:
    """The calendar loads the package's U.S. module by itself for speed; its days must be
    exactly those of ``holidays.country_holidays``."""
    from qideadlines._daylists import package_days

    for code in (None, *CODES):
        for year in (1950, 1971, 2021, 2026, 2100):
            ours = {day: "; ".join(names) for day, names in package_days(code, year)}
            official = dict(holidays.country_holidays("US", subdiv=code, years=year).items())
            assert ours == official, (code, year)
