"""The public API: golden cases from opinions, errors, and the report's shape."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import qideadlines
from qideadlines import (
    DISCLAIMER,
    DateOutOfRangeError,
    InvalidDateError,
    QiDeadlinesError,
    Regime,
    Role,
    StepKind,
    Track,
    UnknownJurisdictionError,
    compute_deadlines,
    get_rules,
    list_jurisdictions,
    load_rules,
)


def due(code: str, incident: dt.date) -> dt.date:
    return compute_deadlines(code, incident).deadlines[0].due


def test_merriweather_tennessee_one_year() -> None:
    """Merriweather v. City of Memphis, 107 F.3d 396 (6th Cir. 1997): an Oct 19, 1994 claim
    under Tennessee's one-year period was due Oct 19, 1995 (a Thursday)."""
    assert due("TN", dt.date(1994, 10, 19)) == dt.date(1995, 10, 19)


def test_sain_oregon_two_years_to_monday() -> None:
    """Sain v. City of Bend, 309 F.3d 1134 (9th Cir. 2002): Aug 14, 1998 -> Monday Aug 14, 2000."""
    assert due("OR", dt.date(1998, 8, 14)) == dt.date(2000, 8, 14)


def test_mcelwee_indiana_leap_day() -> None:
    """McElwee v. Fish (Ind. Ct. App. 2019): Feb 29, 2016 -> Feb 28, 2018 under Indiana's
    two-year period (a Wednesday, so nothing rolls)."""
    assert due("IN", dt.date(2016, 2, 29)) == dt.date(2018, 2, 28)


def test_lane_february_28() -> None:
    """Lane v. Spencer Municipal Hospital, 836 N.W.2d 666 (Iowa Ct. App. 2013): a fall on
    Feb 28, 2010 under Iowa's two-year period had to be sued on by Feb 28, 2012; Feb 29
    was a day late."""
    assert due("IA", dt.date(2010, 2, 28)) == dt.date(2012, 2, 28)


def test_garrison_saturday_rolls_to_monday_in_federal_court() -> None:
    """Garrison v. Wilson, No. CIV 05-890 (D.N.M. June 20, 2006): a § 1983 claim from
    Aug 20, 2002 under New Mexico's three years expired on Saturday, Aug 20, 2005, and
    Rule 6(a) allowed filing on Monday, Aug 22, 2005."""
    deadline = compute_deadlines("NM", dt.date(2002, 8, 20)).deadlines[0]
    assert deadline.raw_date == dt.date(2005, 8, 20)
    federal = next(
        r for r in deadline.readings if r.regime is Regime.FEDERAL and r.role is Role.RULE
    )
    assert federal.due == dt.date(2005, 8, 22)
    assert "6(a)" in federal.computation
    assert "1963" in federal.computation
    assert deadline.due <= federal.due


def test_chevere_rodriguez_puerto_rico() -> None:
    """Chévere-Rodríguez v. Barnés-Pagán, No. 04-1491 (1st Cir. 2004): a claim from
    Aug 13, 1999 filed Monday, Aug 14, 2000 was timely under Puerto Rico's one year; both
    the 365-day count (Sat Aug 12) and the anniversary (Sun Aug 13) roll to that Monday in
    federal court."""
    deadline = compute_deadlines("PR", dt.date(1999, 8, 13)).deadlines[0]
    federal = {r.due for r in deadline.readings if r.regime is Regime.FEDERAL}
    assert dt.date(2000, 8, 14) in federal
    assert deadline.due <= dt.date(2000, 8, 14)


def test_colorado_sunday_stands_in_state_court_and_rolls_in_federal_court() -> None:
    """C.R.S. § 13-80-102: two years from Mar 15, 2024 is Sunday Mar 15, 2026. Colorado's
    courts do not extend a period that ends "and not thereafter" (Gomez v. Walker, 2023 COA
    65); Fed. R. Civ. P. 6(a)(1)(C) carries the federal reading to Monday Mar 16, 2026."""
    deadline = compute_deadlines("CO", dt.date(2024, 3, 15)).deadlines[0]
    assert deadline.raw_date == deadline.due == dt.date(2026, 3, 15)
    assert not [s for s in deadline.explanation if s.kind is StepKind.ROLLED]
    federal = {r.due for r in deadline.readings if r.regime is Regime.FEDERAL}
    assert federal == {dt.date(2026, 3, 16)}
    assert any("Gomez v. Walker" in r.computation for r in deadline.readings)


def test_louisiana_arising_after_july_1_2024() -> None:
    """La. Act 423 of 2024: two years for delictual actions arising after July 1, 2024;
    an incident on July 1 itself keeps the one-year period (the safe reading)."""
    on = compute_deadlines("LA", dt.date(2024, 7, 1)).deadlines[0]
    after = compute_deadlines("LA", dt.date(2024, 7, 2)).deadlines[0]
    assert str(on.period) == "1 year"
    assert on.due == dt.date(2025, 7, 1)
    assert str(after.period) == "2 years"
    assert after.due == dt.date(2026, 7, 2)


def test_wisconsin_2018_change() -> None:
    """2017 Wis. Act 235: six years before April 5, 2018, three years from then."""
    assert str(compute_deadlines("WI", dt.date(2018, 4, 4)).deadlines[0].period) == "6 years"
    assert str(compute_deadlines("WI", dt.date(2018, 4, 5)).deadlines[0].period) == "3 years"


def test_california_2003_change() -> None:
    """Cal. CCP § 335.1 (2 years) from 2003; one year under former § 340(3) before."""
    assert str(compute_deadlines("CA", dt.date(2000, 5, 1)).deadlines[0].period) == "1 year"
    assert str(compute_deadlines("CA", dt.date(2003, 5, 1)).deadlines[0].period) == "2 years"


def test_massachusetts_saturday_extends_when_the_court_is_closed() -> None:
    """Mahoney v. DeMatteo-Flatiron LLP, 66 Mass. App. Ct. 903 (2006): injury June 5, 2001;
    the three-year c. 260, § 2A period ended Saturday, June 5, 2004; G. L. c. 4, § 9 with
    c. 220, § 6 made the Monday, June 7, 2004 complaint timely."""
    deadline = compute_deadlines("MA", dt.date(2001, 6, 5)).deadlines[0]
    assert deadline.raw_date == dt.date(2004, 6, 5)
    assert deadline.due == dt.date(2004, 6, 7)
    assert {r.due for r in deadline.readings} == {dt.date(2004, 6, 7)}


def test_tennessee_longer_period_is_a_reading_not_the_due_date() -> None:
    deadline = compute_deadlines("TN", dt.date(2020, 5, 5)).deadlines[0]
    assert deadline.due == dt.date(2021, 5, 5)
    assert any(r.role is Role.ALTERNATIVE for r in deadline.readings)
    assert all(deadline.due <= r.due for r in deadline.readings)


def test_report_shape_and_explanation_order() -> None:
    report = compute_deadlines("co", dt.date(2024, 3, 15))
    assert report.jurisdiction.code == "CO"
    assert report.jurisdiction.circuit == "10th"
    assert report.disclaimer == DISCLAIMER
    deadline = report.deadlines[0]
    assert deadline.track is Track.SECTION_1983
    kinds = [s.kind for s in deadline.explanation]
    assert kinds[:3] == [StepKind.ACCRUAL, StepKind.PERIOD, StepKind.RAW_DATE]
    assert kinds[-1] is StepKind.DUE
    assert deadline.rule.citation in deadline.explanation[1].text
    assert any("Felder v. Casey" in w for w in report.warnings)


@pytest.mark.parametrize("code", ["XX", "", "Colorado", None, 12])
def test_unknown_jurisdiction(code: object) -> None:
    with pytest.raises(UnknownJurisdictionError) as info:
        compute_deadlines(code, dt.date(2024, 1, 1))  # type: ignore[arg-type]
    assert isinstance(info.value, LookupError)
    assert "USPS code" in str(info.value)


@pytest.mark.parametrize("value", ["2024-03-15", dt.datetime(2024, 3, 15, 12, 0), 20240315, None])
def test_non_dates_are_refused(value: object) -> None:
    with pytest.raises(InvalidDateError, match=r"datetime\.date"):
        compute_deadlines("CO", value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [dt.date(1949, 12, 31), dt.date(2101, 1, 1)])
def test_out_of_range(value: dt.date) -> None:
    with pytest.raises(DateOutOfRangeError, match="supported range") as info:
        compute_deadlines("CO", value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, QiDeadlinesError)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"claim": "false-arrest", "legal_process_date": dt.date(2024, 3, 10)},
         "legal_process_date 2024-03-10 is before the incident 2024-03-15."),
        ({"exhaustion_start": dt.date(2024, 6, 1), "exhaustion_end": dt.date(2024, 5, 1)},
         "exhaustion_end 2024-05-01 is before exhaustion_start 2024-06-01."),
    ],
)  # fmt: skip
def test_a_fact_dated_too_early_names_what_it_precedes(
    facts: dict[str, object], message: str
) -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        compute_deadlines("CO", dt.date(2024, 3, 15), **facts)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_range_edges_are_accepted() -> None:
    for code in ("CO", "PR", "AS"):
        assert due(code, dt.date(1950, 1, 1)) > dt.date(1950, 1, 1)
        assert due(code, dt.date(2100, 12, 31)) > dt.date(2100, 12, 31)


def test_list_jurisdictions() -> None:
    found = list_jurisdictions()
    assert len(found) == 56
    assert [j.code for j in found] == sorted(j.code for j in found)
    assert {"DC", "PR", "GU", "VI", "MP", "AS"} <= {j.code for j in found}


def test_get_rules() -> None:
    rules = get_rules("wi")
    assert rules.jurisdiction.name == "Wisconsin"
    assert len([r for r in rules.rules if r.role is Role.RULE]) >= 2
    assert any(r.jurisdiction == "US" for r in rules.calendar)


def test_a_caller_can_use_their_own_rules(tmp_path: Path) -> None:
    from qideadlines._data import default_paths

    rules_path, *_ = default_paths()
    mine = tmp_path / "mine.csv"
    mine.write_text(
        rules_path.read_text(encoding="utf-8").replace(
            "CO,section_1983,rule,any,,,,,,2,years", "CO,section_1983,rule,any,,,,,,3,years"
        ),
        encoding="utf-8",
    )
    custom = load_rules(mine)
    assert compute_deadlines("CO", dt.date(2024, 3, 15), rules=custom).deadlines[0].due == (
        dt.date(2027, 3, 15)
    )
    assert get_rules("CO", rules=custom).rules[0].period_value == 3


def test_lazy_public_names() -> None:
    assert qideadlines.__version__
    assert "compute_deadlines" in dir(qideadlines)
    assert qideadlines.__all__ == sorted(qideadlines.__all__, key=lambda n: (not n.isupper(), n))
    with pytest.raises(AttributeError, match="no attribute"):
        _ = qideadlines.nope


def test_json_round_trip() -> None:
    report = compute_deadlines("NY", dt.date(2024, 7, 4))
    again = type(report).model_validate_json(report.model_dump_json())
    assert again == report


def test_a_presidential_closure_day_is_a_reading_never_the_due_date() -> None:
    """Executive Order 14129 closed executive departments on Dec 24, 2024. Whether such a
    day is a Rule 6(a)(6)(B) holiday is unsettled (Latham v. Dominick's, 149 F.3d 673 (7th
    Cir. 1998)), so it yields a later reading and a warning, never `due`."""
    deadline = compute_deadlines("CO", dt.date(2022, 12, 24)).deadlines[0]
    assert deadline.due == dt.date(2024, 12, 24)
    later = [r for r in deadline.readings if r.counts_unsettled_days]
    assert later
    assert max(r.due for r in later) == dt.date(2024, 12, 26)
    assert any("14129" in w for w in deadline.warnings)
