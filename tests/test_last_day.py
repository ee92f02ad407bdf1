"""The last day of a period, held to the opinions that decided it.

Each golden case is a last day a court decided: the day the period ended, the day the
court accepted (or refused), and the rule it applied. The property at the end holds
every jurisdiction to the same standard: where both the federal rule and the
jurisdiction's own verified rule move a closed last day, no deadline lands on it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

from qideadlines import Regime, RunsFrom, Scope, Track, compute_deadlines, load_rules
from qideadlines._periods import roll_forward
from qideadlines._registry import REGISTRY

from strategies import dates, jurisdictions

D = dt.date


def _settled(code: str, day: dt.date, scope: Scope = Scope.SUITS) -> dt.date:
    """Where a last day on `day` lands under the jurisdiction's own rule, settled days only."""
    calendar = load_rules().calendar(code, Regime.STATE, scope)
    return roll_forward(day, calendar, settled_only=True)[0]


def _reading(code: str, day: dt.date, scope: Scope = Scope.SUITS) -> dt.date:
    """Where it lands if every day some authority closes is counted."""
    return roll_forward(day, load_rules().calendar(code, Regime.STATE, scope))[0]


# -- golden cases: a Saturday, Sunday or holiday last day of a statute --------------------


@pytest.mark.parametrize(
    ("code", "last_day", "timely", "opinion"),
    [
        # One-year limitation ended Saturday, March 9, 1985, clerk's office closed.
        ("AL", D(1985, 3, 9), D(1985, 3, 11), "Young v. Michael Dwain Mfg., 504 So. 2d 287"),
        # Six months under I.C. § 45-510 ended Saturday, April 12, 1980; filed Monday.
        ("ID", D(1980, 4, 12), D(1980, 4, 14), "Cather v. Kelso, 103 Idaho 684"),
        # KRS 413.140's year ended Saturday, Dec. 17, 2016; filed Monday.
        ("KY", D(2016, 12, 17), D(2016, 12, 19), "Kellar v. MH Equip. Corp. (W.D. Ky. 2017)"),
        # c. 260, § 2A's three years ended Saturday, June 5, 2004 (court closed).
        ("MA", D(2004, 6, 5), D(2004, 6, 7), "Mahoney v. DeMatteo-Flatiron, 66 Mass. App. Ct. 903"),
        # § 41-4-15's two years ended Saturday, Feb. 20, 1988; filed Monday.
        ("NM", D(1988, 2, 20), D(1988, 2, 22), "Dutton v. McKinley County, 113 N.M. 51"),
        # NRS 11.190(4)(e)'s two years ended Saturday, Dec. 14, 1968; filed Monday.
        ("NV", D(1968, 12, 14), D(1968, 12, 16), "Romaine v. State Farm, 87 Nev. 257"),
        # Six years ended Saturday, Sept. 21, 2013; Monday under GCL § 25-a(1).
        ("NY", D(2013, 9, 21), D(2013, 9, 23), "Deutsche Bank v Sewdial, 173 AD3d 685"),
        # Two years ended Saturday, May 3, 1975; Monday under R.C. 1.14 with Civ.R. 6(A).
        ("OH", D(1975, 5, 3), D(1975, 5, 5), "Rahm v. Hemsoth, 53 Ohio App. 2d 147"),
        # Two years ended Sunday, Oct. 30, 1994; Monday under ORS 174.120.
        ("OR", D(1994, 10, 30), D(1994, 10, 31), "Stupek v. Wyle Laboratories, 327 Or. 433"),
        # The six-year period from Nov. 23, 1985 ended on a Saturday; Monday was timely.
        ("SC", D(1991, 11, 23), D(1991, 11, 25), "Creech v. N.D.T. Industries, 815 F. Supp. 165"),
        # A six-month nonsuit period ended on a Saturday; Monday under former § 1-13.3:1.
        ("VA", D(1997, 3, 1), D(1997, 3, 3), "Ward v. Insurance Co. of N. Am., 253 Va. 232"),
    ],
)
def test_a_court_accepted_the_next_open_day(
    code: str, last_day: dt.date, timely: dt.date, opinion: str
) -> None:
    assert last_day < timely
    assert _settled(code, last_day) == timely, opinion
    rule = load_rules().calendar(code, Regime.STATE).rule(last_day)
    assert rule is not None


def test_a_weekend_then_a_holiday_whose_list_is_below_high_is_read_not_relied_on() -> None:
    """David v. Sturm, Ruger & Co., 557 P.2d 1133 (Alaska 1976): two years ended Saturday,
    July 3, 1976; Monday was a legal holiday; Tuesday's filing was timely. Kinlaw v. Norfolk
    S. Ry., 269 N.C. 110 (1967): two years ended Sunday, Sept. 2, 1962; Monday was Labor Day;
    Tuesday was timely. The weekend is settled; the two states' holiday lists are recorded
    below high, so the holiday gives the later reading the courts accepted."""
    assert _settled("AK", D(1976, 7, 3)) == D(1976, 7, 5)
    assert _reading("AK", D(1976, 7, 3)) == D(1976, 7, 6)
    assert _settled("NC", D(1962, 9, 2)) == D(1962, 9, 3)
    assert _reading("NC", D(1962, 9, 2)) == D(1962, 9, 4)


def test_colorado_keeps_a_saturday_last_day_of_a_limitation_period() -> None:
    """Morin v. ISS Facility Servs., 2021 COA 55: two years ended Saturday, July 13, 2019;
    the Monday filing was barred. The federal court reading still moves it."""
    assert _settled("CO", D(2019, 7, 13)) == _reading("CO", D(2019, 7, 13)) == D(2019, 7, 13)
    deadline = compute_deadlines("CO", D(2017, 7, 13), tracks=["section_1983"]).deadlines[0]
    assert deadline.due == D(2019, 7, 13)
    assert {r.due for r in deadline.readings if r.regime is Regime.FEDERAL} == {D(2019, 7, 15)}


def test_connecticut_keeps_a_holiday_last_day() -> None:
    """Kim v. Emt, 153 Conn. App. 563 (2014): Memorial Day did not extend § 52-584."""
    assert _reading("CT", D(2012, 5, 28)) == D(2012, 5, 28)


def test_washington_saturday_before_stikes_woods_is_a_reading() -> None:
    """Stikes Woods v. City of Lacey, 124 Wn.2d 459 (1994): the thirtieth day was Saturday,
    Aug. 7, 1993, and the Monday filing was timely; the decision overruled Tarabochia on
    Sept. 1, 1994. Before it, a Saturday is a later reading; after it, settled."""
    assert _settled("WA", D(1993, 8, 7)) == D(1993, 8, 7)
    assert _reading("WA", D(1993, 8, 7)) == D(1993, 8, 9)
    assert _settled("WA", D(1995, 8, 5)) == D(1995, 8, 7)


def test_a_holiday_on_which_a_texas_county_may_stay_open_is_only_a_reading() -> None:
    """Lowe v. Rivera, 60 S.W.3d 366 (Tex. App.-Dallas 2001): the last day was Presidents'
    Day, Feb. 21, 2000, the county offices were open, and the next-day filing was barred;
    Frasier v. Shafeeq (Tex. App.-Fort Worth 2022) extended over Veterans Day though the
    offices were open. The weekend before Veterans Day 2019 is settled; the holiday is not."""
    assert _settled("TX", D(2000, 2, 21)) == D(2000, 2, 21)
    assert _settled("TX", D(2019, 11, 9)) == D(2019, 11, 11)
    assert _reading("TX", D(2019, 11, 9)) == D(2019, 11, 12)


# -- notices of claim ------------------------------------------------------------------------


def test_a_new_jersey_notice_due_on_a_saturday_rolls_to_monday() -> None:
    """Estate of Harrington v. City of Linden, 338 N.J. Super. 500 (App. Div. 2001): the
    ninetieth day after Oct. 25, 1998 was Saturday, Jan. 23, 1999; the notice delivered
    Monday, Jan. 25 was timely."""
    report = compute_deadlines(
        "NJ", D(1998, 10, 25), defendants=["local"], tracks=["local_tort_notice"]
    )
    (notice,) = report.deadlines
    assert notice.raw_date == D(1999, 1, 23)
    assert notice.due == D(1999, 1, 25)
    assert any("Harrington" in step.authority for step in notice.explanation)


def test_an_oregon_notice_due_on_a_saturday_does_not_roll() -> None:
    """Tyree v. Tyree, 116 Or. App. 317 (1992): the one-year ORS 30.275 notice period ended
    Saturday, Sept. 9, 1989; notice received Monday; dismissal affirmed. ORS 187.010(3)
    rolls only a holiday, which includes Sunday."""
    assert _reading("OR", D(1989, 9, 9), Scope.NOTICES) == D(1989, 9, 9)
    assert _settled("OR", D(1989, 9, 10), Scope.NOTICES) == D(1989, 9, 11)
    assert _settled("OR", D(1989, 9, 9)) == D(1989, 9, 11)  # a suit's last day does move


def test_a_colorado_notice_rolling_over_a_closed_holiday_is_a_reading() -> None:
    """Matthews v. City & County of Denver (Colo. App. 2000): the CGIA notice filed on day
    181 was timely because day 180 was a legal holiday with the City's offices closed. Since
    Morin and Gomez it is not settled, so the rolled day is a reading, never `due`."""
    assert _settled("CO", D(2024, 12, 25), Scope.NOTICES) == D(2024, 12, 25)
    assert _reading("CO", D(2024, 12, 25), Scope.NOTICES) == D(2024, 12, 26)


def test_a_massachusetts_presentment_rolls_over_sunday_and_reads_over_saturday() -> None:
    """G. L. c. 4, § 9 reaches a presentment due on a Sunday or holiday; a Saturday only
    where the office is closed that day (c. 41, § 110A; Miller v. City of Boston (1988))."""
    assert _settled("MA", D(2026, 3, 15), Scope.NOTICES) == D(2026, 3, 16)
    assert _settled("MA", D(2026, 3, 14), Scope.NOTICES) == D(2026, 3, 14)
    assert _reading("MA", D(2026, 3, 14), Scope.NOTICES) == D(2026, 3, 16)


def test_iowa_moves_only_a_sunday_for_a_claim() -> None:
    """Iowa Code § 4.1(34): a Saturday or holiday extends only commencing an action, a
    filing in one, or an appeal; any other act moves only off a Sunday."""
    assert _reading("IA", D(2026, 3, 14), Scope.NOTICES) == D(2026, 3, 14)
    assert _settled("IA", D(2026, 3, 15), Scope.NOTICES) == D(2026, 3, 16)
    assert _settled("IA", D(2026, 3, 14)) == D(2026, 3, 16)


def test_where_no_rule_reaches_notices_nothing_moves() -> None:
    """Virginia's § 1-210(E) reaches acts due at a closed state or local office only from
    July 1, 2010; before it no rule reaches a notice."""
    assert _reading("VA", D(2009, 3, 14), Scope.NOTICES) == D(2009, 3, 14)
    assert _settled("VA", D(2011, 3, 12), Scope.NOTICES) == D(2011, 3, 14)


def test_the_ftca_claim_keeps_its_unrolled_receipt_reading() -> None:
    """28 U.S.C. § 2401(b): the claim must be received by the agency; the reading that
    extends nothing stays, so a Saturday last day is the date to act by."""
    report = compute_deadlines("CO", D(2024, 3, 16), tracks=["ftca_claim"])
    (claim,) = report.deadlines
    assert claim.raw_date == claim.due == D(2026, 3, 16)
    saturday = compute_deadlines("CO", D(2024, 3, 14), tracks=["ftca_claim"]).deadlines[0]
    assert saturday.due == D(2026, 3, 14)
    assert any(r.regime is Regime.NONE for r in saturday.readings)


# -- the property ----------------------------------------------------------------------------


@settings(max_examples=150)
@given(jurisdictions(), dates(dt.date(1950, 1, 1), dt.date(2100, 6, 30)))
def test_no_due_date_lands_on_a_day_both_rules_settle_as_closed(
    code: str, incident: dt.date
) -> None:
    """Where Fed. R. Civ. P. 6(a) and the jurisdiction's verified rule both move a last day
    off a weekend or holiday, no deadline is due on it. Exempt: a reading that extends
    nothing by design (the FTCA claim's receipt) and a presentment counted back from a
    suit deadline (it must be made before the suit's day, and earlier is safe)."""
    rules = load_rules()
    report = compute_deadlines(code, incident, denial_date=incident + dt.timedelta(days=90))
    for deadline in report.deadlines:
        spec = REGISTRY[deadline.track]
        if Regime.NONE in spec.regimes or deadline.runs_from is RunsFrom.SUIT_DEADLINE:
            continue
        federal = rules.calendar(report.jurisdiction.code, Regime.FEDERAL, spec.scope)
        state = rules.calendar(report.jurisdiction.code, Regime.STATE, spec.scope)
        on_federal, on_state = federal(deadline.due), state(deadline.due)
        both = (
            on_federal is not None
            and on_federal.settled
            and on_state is not None
            and on_state.settled
        )
        assert not both, (deadline.track, deadline.due, on_federal, on_state)


def test_every_jurisdiction_has_a_rule_for_suits_and_says_whether_one_reaches_notices() -> None:
    rules = load_rules()
    for code in {r.jurisdiction for r in rules.calendar_rows} - {"US"}:
        assert rules.calendar(code, Regime.STATE).rule(D(2024, 3, 15)) is not None, code
    assert Track.FTCA_CLAIM in REGISTRY
