"""The parallel tracks: state acts, notices of claim, tort suits, federal officers."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings

from qideadlines import (
    DateOutOfRangeError,
    Defendant,
    Immunity,
    InvalidDateError,
    InvalidFactError,
    Regime,
    Role,
    RunsFrom,
    Track,
    compute_deadlines,
    load_rules,
)
from qideadlines._data import default_paths
from qideadlines._periods import roll_forward
from qideadlines._registry import REGISTRY
from qideadlines._rows import RuleRow
from qideadlines._validate import read_rows

from strategies import dates, jurisdictions


def deadlines(code: str, incident: dt.date, **facts: object) -> dict[tuple[str, str], dt.date]:
    report = compute_deadlines(code, incident, **facts)  # type: ignore[arg-type]
    return {(d.track.value, d.defendant.value): d.due for d in report.deadlines}


def test_new_york_notice_of_claim_is_90_days() -> None:
    """N.Y. Gen. Mun. Law § 50-e(1)(a): 90 days after the claim arises (Thursday here)."""
    assert deadlines("NY", dt.date(2024, 3, 15))["local_tort_notice", "local"] == dt.date(
        2024, 6, 13
    )


def test_new_york_local_suit_is_the_one_year_intentional_tort_period() -> None:
    """CPLR 215(3) (one year for assault, battery, false imprisonment) ends before GML
    § 50-i's year and 90 days, so it is `due`; § 50-i is a listed reading."""
    report = compute_deadlines("NY", dt.date(2024, 3, 15), defendants=["local"])
    suit = next(d for d in report.deadlines if d.track is Track.LOCAL_TORT_SUIT)
    assert suit.due == dt.date(2025, 3, 17)  # March 15, 2025 is a Saturday
    assert "215(3)" in suit.rule.citation
    assert any("50-i" in r.citation for r in suit.readings)


def test_ftca_claim_must_be_received_on_the_anniversary() -> None:
    """28 U.S.C. § 2401(b): two years to present the claim; the agency must receive it
    (28 C.F.R. § 14.2), and no rule is settled to extend a Sunday, so `due` is the
    Sunday and the federal-court Monday is a listed reading."""
    report = compute_deadlines("CO", dt.date(2024, 3, 15), defendants=["federal"])
    claim = next(d for d in report.deadlines if d.track is Track.FTCA_CLAIM)
    assert claim.due == dt.date(2026, 3, 15)
    assert {r.regime for r in claim.readings} == {Regime.FEDERAL, Regime.NONE}
    assert dt.date(2026, 3, 16) in {r.due for r in claim.readings}
    assert "Standard Form 95" in claim.content


def test_ftca_suit_needs_the_denial_date() -> None:
    """28 U.S.C. § 2401(b): six months after the mailing of the final denial."""
    without = compute_deadlines("CO", dt.date(2024, 3, 15), defendants=["federal"])
    assert Track.FTCA_SUIT not in {d.track for d in without.deadlines}
    assert any("2675(a)" in w for w in without.warnings)
    given_ = deadlines("CO", dt.date(2024, 3, 15), defendants=["federal"],
                       denial_date=dt.date(2025, 1, 10))  # fmt: skip
    assert given_["ftca_suit", "federal"] == dt.date(2025, 7, 10)
    saturday = deadlines("CO", dt.date(2024, 3, 15), defendants=["federal"],
                         denial_date=dt.date(2025, 1, 4))  # fmt: skip
    assert saturday["ftca_suit", "federal"] == dt.date(2025, 7, 4)  # a holiday: not moved


def test_ftca_police_tort_claims_start_in_1974() -> None:
    """28 U.S.C. § 2680(h) proviso (Pub. L. 93-253): claims arising on or after
    March 16, 1974."""
    before = compute_deadlines("CO", dt.date(1974, 3, 15), defendants=["federal"])
    assert Track.FTCA_CLAIM not in {d.track for d in before.deadlines}
    assert any("1974-03-16" in w for w in before.next_steps)
    after = deadlines("CO", dt.date(1974, 3, 16), defendants=["federal"])
    assert ("ftca_claim", "federal") in after


def test_bivens_borrows_the_section_1983_period_and_warns_about_egbert() -> None:
    report = compute_deadlines("OR", dt.date(1998, 8, 14), defendants=["federal"])
    bivens = next(d for d in report.deadlines if d.track is Track.BIVENS)
    assert bivens.due == dt.date(2000, 8, 14)
    assert any("Egbert v. Boule" in w for w in bivens.warnings)
    assert bivens.qualified_immunity is Immunity.YES


def test_criminal_242_is_the_prosecutors_clock() -> None:
    """18 U.S.C. § 3282(a): five years; § 3281: none where punishable by death."""
    report = compute_deadlines("TX", dt.date(2024, 3, 15))
    crime = next(d for d in report.deadlines if d.track is Track.CRIMINAL_242)
    assert crime.prosecutors_clock
    assert crime.due == dt.date(2029, 3, 15)
    assert any("3281" in w for w in crime.warnings)
    assert "not yours" in crime.action


def test_criminal_242_three_years_before_the_1954_amendment() -> None:
    """Act Sept. 1, 1954, § 12(b): five years only for offenses not barred on that date."""
    assert deadlines("TX", dt.date(1951, 8, 31))["criminal_242", "any"] == dt.date(1954, 8, 31)
    # Saturday, Sept 1, 1956: Rule 6(a) did not name Saturday until July 1, 1963.
    assert deadlines("TX", dt.date(1951, 9, 1))["criminal_242", "any"] == dt.date(1956, 9, 1)


def test_colorado_act_reaches_conduct_from_june_19_2020() -> None:
    """C.R.S. § 13-21-131 reaches conduct on or after June 19, 2020; before, the track is
    absent with a warning."""
    before = compute_deadlines("CO", dt.date(2020, 6, 18))
    assert Track.STATE_CIVIL_RIGHTS_SUIT not in {d.track for d in before.deadlines}
    assert any("2020-06-19" in w for w in before.next_steps)
    after = compute_deadlines("CO", dt.date(2020, 6, 19))
    act = next(d for d in after.deadlines if d.track is Track.STATE_CIVIL_RIGHTS_SUIT)
    assert act.qualified_immunity is Immunity.NO
    # C.R.S. § 13-80-103 (one year) is an unsettled reading; the earliest is `due`.
    assert act.due == min(r.due for r in act.readings)


def test_new_mexico_act_notice_is_one_year() -> None:
    """NMSA § 41-4A-13: notice within one year of the occurrence (from July 1, 2021)."""
    assert deadlines("NM", dt.date(2022, 5, 2))["state_civil_rights_notice", "any"] == dt.date(
        2023, 5, 2
    )


def test_defendants_select_tracks() -> None:
    local = compute_deadlines("NY", dt.date(2024, 3, 15), defendants="local")
    tracks = {d.track for d in local.deadlines}
    assert Track.LOCAL_TORT_NOTICE in tracks
    assert not tracks & {Track.BIVENS, Track.FTCA_CLAIM, Track.STATE_TORT_NOTICE}
    federal = compute_deadlines("NY", dt.date(2024, 3, 15), defendants=[Defendant.FEDERAL])
    assert {d.track for d in federal.deadlines} == {
        Track.BIVENS, Track.FTCA_CLAIM, Track.CRIMINAL_242
    }  # fmt: skip


def test_a_city_charter_rule_needs_its_locality() -> None:
    """Tyler, Tex., Charter art. IX § 79: 30 days' notice, shorter than Tex. CPRC
    § 101.101's six months; it applies only with the locality."""
    plain = compute_deadlines("TX", dt.date(2024, 3, 15), defendants=["local"])
    notice = next(d for d in plain.deadlines if d.track is Track.LOCAL_TORT_NOTICE)
    # Six months end on Sunday, Sept 15. Tex. R. Civ. P. 4 reaches a statute's period, but
    # whether it reaches a notice is not settled, so that Sunday is `due` and the Monday a
    # reading.
    assert notice.due == dt.date(2024, 9, 15)
    assert dt.date(2024, 9, 16) in {r.due for r in notice.readings}
    assert any("'tyler'" in w for w in plain.next_steps)
    tyler = deadlines("TX", dt.date(2024, 3, 15), defendants=["local"], locality="Tyler")
    assert tyler["local_tort_notice", "local"] == dt.date(2024, 4, 14)  # 30 days: a Sunday


def test_unresearched_tracks_are_said_so() -> None:
    report = compute_deadlines("GU", dt.date(2024, 3, 15), defendants=["local"])
    assert any(w.startswith("Guam's rules for the deadline to present a notice of claim")
               for w in report.next_steps)  # fmt: skip


_NO_LOCAL_NOTICE = "No deadline to present a notice of claim to the local"


def test_cited_no_notice_statements_are_reported() -> None:
    report = compute_deadlines("IA", dt.date(2024, 3, 15), defendants=["local"])
    assert Track.LOCAL_TORT_NOTICE not in {d.track for d in report.deadlines}
    assert any(w.startswith(_NO_LOCAL_NOTICE) for w in report.next_steps)


def test_the_report_says_where_qualified_immunity_reaches() -> None:
    report = compute_deadlines("NM", dt.date(2022, 5, 2))
    text = " ".join(report.immunity)
    assert "section_1983: qualified immunity can block" in text
    assert "Owen v. City of Independence" in text
    assert "state_civil_rights_suit: qualified immunity is not a defense" in text


@pytest.mark.parametrize("bad", ["county", "", ["local", "city"], [], 3])
def test_bad_defendants(bad: object) -> None:
    with pytest.raises(InvalidFactError):
        compute_deadlines("NY", dt.date(2024, 3, 15), defendants=bad)  # type: ignore[arg-type]


def test_bad_denial_dates() -> None:
    with pytest.raises(DateOutOfRangeError):
        compute_deadlines("NY", dt.date(2024, 3, 15), denial_date=dt.date(2024, 3, 1))
    with pytest.raises(InvalidDateError):
        compute_deadlines("NY", dt.date(2024, 3, 15), denial_date="2024-05-01")  # type: ignore[arg-type]


@settings(max_examples=80)
@given(jurisdictions(), dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_every_deadline_lands_on_a_day_its_reading_counts(code: str, incident: dt.date) -> None:
    rules = load_rules()
    report = compute_deadlines(code, incident, denial_date=incident + dt.timedelta(days=200))
    for deadline in report.deadlines:
        chosen = deadline.readings[0]
        assert deadline.due == chosen.due == min(r.due for r in deadline.readings)
        scope = REGISTRY[deadline.track].scope
        calendar = rules.calendar(report.jurisdiction.code, chosen.regime, scope)
        settled = not chosen.counts_unsettled_days
        assert roll_forward(chosen.due, calendar, settled_only=settled) == (chosen.due, ())
        assert deadline.due >= deadline.raw_date
        if deadline.runs_from is RunsFrom.SUIT_DEADLINE:
            # Counted back from the suit's deadline: the last day to present comes before it.
            assert deadline.raw_date < deadline.start_date
        else:
            assert deadline.raw_date >= deadline.start_date


@settings(max_examples=80)
@given(jurisdictions(), dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31)))
def test_no_track_appears_for_conduct_before_its_act(code: str, incident: dt.date) -> None:
    report = compute_deadlines(code, incident)
    rules = load_rules()
    for deadline in report.deadlines:
        source = (
            "US" if deadline.jurisdiction != report.jurisdiction.code else deadline.jurisdiction
        )
        for row in rules.rules_for(source, deadline.track):
            if row.citation == deadline.rule.citation and row.conduct_from is not None:
                assert incident >= row.conduct_from


def _without_notices(tmp_path: object) -> object:
    rules_path, *_ = default_paths()
    kept = [
        row for _, row in read_rows(rules_path, RuleRow)
        if row.track not in {Track.LOCAL_TORT_NOTICE, Track.STATE_TORT_NOTICE,
                             Track.STATE_CIVIL_RIGHTS_NOTICE}
    ]  # fmt: skip
    from pathlib import Path

    from qideadlines._validate import write_rows

    out = Path(str(tmp_path)) / "no_notices.csv"
    write_rows(kept, out)
    return load_rules(out)


def test_section_1983_never_depends_on_notice_rules(tmp_path: object) -> None:
    """Felder v. Casey, 487 U.S. 131 (1988): notice-of-claim statutes do not govern § 1983."""
    bare = _without_notices(tmp_path)
    for code, day in itertools.product(("NY", "CA", "MD", "TX", "NJ"), range(1, 29, 9)):
        incident = dt.date(2023, 2, day)
        with_notices = compute_deadlines(code, incident).deadlines[0]
        without = compute_deadlines(code, incident, rules=bare).deadlines[0]  # type: ignore[arg-type]
        assert with_notices.track is without.track is Track.SECTION_1983
        assert with_notices.due == without.due


def test_every_track_concerns_some_defendant() -> None:
    assert set(REGISTRY) == set(Track)
    assert all(spec.defendants for spec in REGISTRY.values())


def test_none_rows_carry_no_period() -> None:
    for row in load_rules():
        if row.role is Role.NONE:
            assert row.period_value is None
            with pytest.raises(ValueError, match="no period"):
                _ = row.period


def test_tracks_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    report = compute_deadlines("NY", dt.date(2024, 3, 15), tracks=["bivens", "section_1983"])
    assert [d.track for d in report.deadlines] == [Track.SECTION_1983, Track.BIVENS]
    with pytest.raises(InvalidFactError, match="not one of"):
        compute_deadlines("NY", dt.date(2024, 3, 15), tracks=["section_1985"])
    from qideadlines._cli import main

    assert main(["compute", "NY", "2024-03-15", "--tracks", "ftca_claim", "--format", "csv",
                 "--today", "2024-03-16"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert ",ftca_claim," in lines[1]


def test_a_weakly_sourced_no_notice_statement_says_so() -> None:
    report = compute_deadlines("ND", dt.date(2024, 3, 15), defendants=["local"])
    (note,) = [w for w in report.next_steps if w.startswith(_NO_LOCAL_NOTICE)]
    assert "Recorded at low confidence" in note
    strong = compute_deadlines("IA", dt.date(2024, 3, 15), defendants=["local"])
    (iowa,) = [
        w
        for w in strong.next_steps
        if w.startswith("No deadline to present a notice of claim to the local")
    ]
    assert "Recorded at" not in iowa


def test_idaho_notice_went_from_120_to_180_days_on_july_1_1985() -> None:
    """Gailey v. Jerome County, 113 Idaho 430 (1987): the amendment of I.C. § 6-906
    extending the claim period from 120 to 180 days took effect July 1, 1985, and is
    not retroactive."""
    before = deadlines("ID", dt.date(1985, 6, 30), defendants=["local"])
    after = deadlines("ID", dt.date(1985, 7, 1), defendants=["local"])
    assert before["local_tort_notice", "local"] == dt.date(1985, 10, 28)  # 120 days
    assert after["local_tort_notice", "local"] == dt.date(1985, 12, 28)  # 180 days


def test_connecticut_joint_action_against_town_and_officer_is_two_years() -> None:
    """Conn. Gen. Stat. § 7-465(a), as quoted in Cannada v. Grady (2001): the joint action
    must be commenced within two years, earlier than § 52-577's three."""
    report = compute_deadlines("CT", dt.date(2024, 3, 15), defendants=["local"])
    suit = next(d for d in report.deadlines if d.track is Track.LOCAL_TORT_SUIT)
    assert suit.due == dt.date(2026, 3, 15)  # a Sunday; no settled rule moves it
    assert "7-465" in suit.rule.citation
    assert any("52-577" in r.citation for r in suit.readings)


def test_an_unconfirmed_florida_bill_shortening_presentation_is_the_safe_reading() -> None:
    """Fla. HB 145 / SB 1366 (2026) would cut § 768.28(6) presentation from 3 years to 18
    months for claims accruing from October 1, 2026; enactment is not confirmed, so the
    shorter date is `due` and the statute's three years a later reading."""
    before = compute_deadlines("FL", dt.date(2026, 9, 30), defendants=["local"])
    after = compute_deadlines("FL", dt.date(2026, 10, 1), defendants=["local"])
    old = next(d for d in before.deadlines if d.track is Track.LOCAL_TORT_NOTICE)
    new = next(d for d in after.deadlines if d.track is Track.LOCAL_TORT_NOTICE)
    assert old.due == dt.date(2029, 9, 30)
    assert new.due == dt.date(2028, 4, 1)
    assert dt.date(2029, 10, 1) in {r.due for r in new.readings}
    assert any("HB 145" in w and "NOT confirmed" in w for w in new.warnings)


def test_new_york_city_local_law_48_needs_the_locality_and_later_conduct() -> None:
    """N.Y.C. Admin. Code § 8-801 et seq. (Local Law 48 of 2021): no qualified immunity
    (§ 8-804); absent for conduct before the Council passed it on March 25, 2021."""
    city = compute_deadlines("NY", dt.date(2024, 3, 15), defendants=["local"], locality="nyc")
    suit = next(d for d in city.deadlines if d.track is Track.STATE_CIVIL_RIGHTS_SUIT)
    assert suit.due == dt.date(2025, 6, 13)  # GML § 50-i's year and 90 days, the earlier
    assert dt.date(2027, 3, 15) in {r.due for r in suit.readings}  # three years
    assert "state_civil_rights_suit: qualified immunity is not a defense" in " ".join(city.immunity)
    before = compute_deadlines("NY", dt.date(2021, 3, 24), defendants=["local"], locality="nyc")
    assert Track.STATE_CIVIL_RIGHTS_SUIT not in {d.track for d in before.deadlines}
    upstate = compute_deadlines("NY", dt.date(2024, 3, 15), defendants=["local"])
    assert Track.STATE_CIVIL_RIGHTS_SUIT not in {d.track for d in upstate.deadlines}
