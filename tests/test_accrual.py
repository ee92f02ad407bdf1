"""Claim kinds, federal accrual, minority tolling and prisoners' warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qideadlines import (
    Claim,
    DateOutOfRangeError,
    InvalidFactError,
    MissingFactError,
    RuleDataError,
    StepKind,
    TollingEffect,
    TollingKind,
    Track,
    compute_batch,
    compute_deadlines,
    load_rules,
)
from qideadlines._accrual import majority_day
from qideadlines._authorities import ACCRUAL
from qideadlines._cli import main
from qideadlines._data import default_paths
from qideadlines._jurisdictions import CODES

from strategies import dates, jurisdictions

D = dt.date
SECTION = ["section_1983"]

# The keyword and CLI flag each claim needs, as the documentation promises.
NEEDS = {
    Claim.FALSE_ARREST: ("legal_process_date", "--legal-process-date"),
    Claim.MALICIOUS_PROSECUTION: ("favorable_termination_date", "--favorable-termination-date"),
    Claim.FABRICATED_EVIDENCE: ("favorable_termination_date", "--favorable-termination-date"),
    Claim.HECK_DEFERRED: ("conviction_invalidated_date", "--conviction-invalidated-date"),
}


def _section(code: str, incident: dt.date, **facts: object):  # type: ignore[no-untyped-def]
    report = compute_deadlines(code, incident, tracks=SECTION, **facts)  # type: ignore[arg-type]
    (deadline,) = report.deadlines
    return report, deadline


# -- claim kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize("claim", [Claim.EXCESSIVE_FORCE, Claim.UNLAWFUL_SEARCH])
def test_force_and_search_accrue_on_the_incident(claim: Claim) -> None:
    report, deadline = _section("CO", D(2024, 3, 15), claim=claim)
    assert report.accrual_date == deadline.start_date == D(2024, 3, 15)
    # 2026-03-15 is a Sunday, and Colorado's courts do not extend a limitation period that
    # ends on one (Morin v. ISS Facility Servs., 2021 COA 55): the federal Monday is a reading.
    assert deadline.due == D(2026, 3, 15)
    assert "Wallace v. Kato" in deadline.explanation[0].authority


@pytest.mark.parametrize(
    ("claim", "keyword", "authority"),
    [
        (Claim.FALSE_ARREST, "legal_process_date", "Wallace v. Kato"),
        (Claim.MALICIOUS_PROSECUTION, "favorable_termination_date", "Thompson v. Clark"),
        (Claim.FABRICATED_EVIDENCE, "favorable_termination_date", "McDonough v. Smith"),
        (Claim.HECK_DEFERRED, "conviction_invalidated_date", "Heck v. Humphrey"),
    ],
)
def test_later_accrual_events_start_the_federal_clock(
    claim: Claim, keyword: str, authority: str
) -> None:
    # Illinois borrows 2 years (735 ILCS 5/13-202); 2027-06-01 is a Tuesday.
    report, deadline = _section("IL", D(2024, 3, 15), claim=claim, **{keyword: D(2025, 6, 1)})
    assert report.claim is claim
    assert deadline.start_date == D(2025, 6, 1)
    assert deadline.due == D(2027, 6, 1)
    first = deadline.explanation[0]
    assert first.kind is StepKind.ACCRUAL
    assert authority in first.authority


@pytest.mark.parametrize("claim", list(NEEDS))
def test_a_missing_accrual_fact_names_the_keyword_and_flag(claim: Claim) -> None:
    keyword, flag = NEEDS[claim]
    assert ACCRUAL[claim].fact == keyword
    with pytest.raises(MissingFactError) as caught:
        compute_deadlines("CO", D(2024, 3, 15), claim=claim)
    assert keyword in str(caught.value)
    assert keyword in caught.value.facts
    assert caught.value.worded(lambda k: "--" + k.replace("_", "-")).count(flag) == 1
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("claim", list(NEEDS))
def test_the_cli_reports_a_missing_flag_on_one_line(
    claim: Claim, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["compute", "CO", "2024-03-15", "--claim", claim.value, "--today", "2024-04-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert NEEDS[claim][1] in err
    assert err.count("\n") == 1


def test_the_cli_computes_a_claim_with_its_date(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compute", "IL", "2024-03-15", "--claim", "false-arrest",
            "--legal-process-date", "2024-03-18", "--tracks", "section_1983",
            "--format", "csv", "--today", "2024-04-01"]  # fmt: skip
    assert main(argv) == 0
    assert "2026-03-18" in capsys.readouterr().out


def test_unknown_claims_and_out_of_order_dates_are_errors() -> None:
    with pytest.raises(InvalidFactError, match="not one of"):
        compute_deadlines("CO", D(2024, 3, 15), claim="wrongful-death")
    with pytest.raises(DateOutOfRangeError, match="legal_process_date"):
        compute_deadlines(
            "CO", D(2024, 3, 15), claim="false-arrest", legal_process_date=D(2024, 3, 1)
        )
    with pytest.raises(DateOutOfRangeError, match="birth_date"):
        compute_deadlines("CO", D(2024, 3, 15), birth_date=D(2024, 4, 1))
    with pytest.raises(MissingFactError, match="exhaustion_end"):
        compute_deadlines("CO", D(2024, 3, 15), exhaustion_start=D(2024, 4, 1))


def test_claim_ids_are_forgiving_about_case_and_underscores() -> None:
    report, _ = _section("CO", D(2024, 3, 15), claim="Unlawful_Search")
    assert report.claim is Claim.UNLAWFUL_SEARCH


def test_a_given_accrual_date_is_used_and_explained() -> None:
    report, deadline = _section("CO", D(2024, 3, 15), accrual_date=D(2024, 6, 3))
    assert deadline.start_date == report.accrual_date == D(2024, 6, 3)
    assert deadline.due == D(2026, 6, 3)
    assert "accrual date given" in deadline.explanation[0].text
    assert any("Sunday, March 15, 2026" in w and "relies on" in w for w in deadline.warnings)


def test_an_unused_fact_is_said_to_be_unused() -> None:
    report, deadline = _section("CO", D(2024, 3, 15), legal_process_date=D(2024, 3, 18))
    assert deadline.start_date == D(2024, 3, 15)
    assert any(w.startswith("legal_process_date is not used") for w in report.next_steps)


def test_the_default_claim_is_stated() -> None:
    report, _ = _section("CO", D(2024, 3, 15))
    assert any(w.startswith("Dates assume an excessive-force") for w in report.next_steps)
    named, _ = _section("CO", D(2024, 3, 15), claim="excessive-force")
    assert not any(w.startswith("Dates assume") for w in named.warnings)


def test_state_notices_still_run_from_the_incident() -> None:
    """A notice of claim counted from the occurrence is not moved by federal accrual."""
    report = compute_deadlines(
        "NY",
        D(2024, 3, 15),
        claim="false-arrest",
        legal_process_date=D(2024, 5, 1),
        tracks=["section_1983", "local_tort_notice"],
        defendants=["local"],
    )
    by_track = {d.track: d for d in report.deadlines}
    assert by_track[Track.SECTION_1983].start_date == D(2024, 5, 1)
    assert by_track[Track.LOCAL_TORT_NOTICE].start_date == D(2024, 3, 15)


def test_the_accrual_date_picks_the_rule_window() -> None:
    """Louisiana's two years reach delictual actions arising after July 1, 2024."""
    _, early = _section("LA", D(2024, 6, 1))
    _, late = _section("LA", D(2024, 6, 1), claim="heck-deferred",
                       conviction_invalidated_date=D(2024, 9, 1))  # fmt: skip
    assert str(early.period) == "1 year"
    assert str(late.period) == "2 years"


# -- minority tolling ------------------------------------------------------------------------


def test_majority_is_counted_from_the_day_before_the_birthday() -> None:
    assert majority_day(D(2008, 3, 15), 18) == D(2026, 3, 14)
    assert majority_day(D(2008, 2, 29), 18) == D(2026, 2, 27)


def test_texas_minority_tolling_moves_due_and_keeps_the_untolled_date() -> None:
    # Tex. Civ. Prac. & Rem. Code § 16.001: the period runs from the 18th birthday.
    _, deadline = _section("TX", D(2024, 3, 15), birth_date=D(2010, 1, 1))
    assert deadline.untolled_due == D(2026, 3, 16)
    assert deadline.due == D(2029, 12, 31)
    assert deadline.tolling is not None
    assert "16.001" in deadline.tolling.citation
    assert any(s.kind is StepKind.TOLLING for s in deadline.explanation)
    assert any("relies on minority tolling" in w for w in deadline.warnings)


def test_alabama_majority_is_nineteen() -> None:
    """Ala. Code § 6-2-8: under 19 at accrual, the lesser of 3 years or the period (2) after."""
    row = load_rules().tolling_for("AL", TollingKind.MINORITY, D(2024, 3, 15))
    assert row is not None
    assert row.majority_age == 19
    assert row.confidence == "high"
    _, deadline = _section("AL", D(2024, 3, 15), birth_date=D(2010, 1, 1))
    # 19th birthday 2029-01-01, counted from the day before; two years on is a Tuesday.
    assert deadline.untolled_due == D(2026, 3, 16)
    assert deadline.due == D(2030, 12, 31)


def test_west_virginia_runs_the_period_from_full_age_within_twenty_years() -> None:
    """W. Va. Code § 55-2-15: an infant may sue within the like number of years after
    becoming of full age, but never more than 20 years after the right accrues."""
    row = load_rules().tolling_for("WV", TollingKind.MINORITY, D(2024, 3, 15))
    assert row is not None
    assert (row.effect, row.cap_value, row.confidence) == (TollingEffect.SUSPEND, 20, "high")
    _, deadline = _section("WV", D(2024, 3, 15), birth_date=D(2012, 1, 1))
    # Full age from 2029-12-31 (the day before the birthday); two years on is a Wednesday.
    assert deadline.due == D(2031, 12, 31)
    assert deadline.untolled_due == D(2026, 3, 16)
    # The birthday reading is a later reading, and outside California Shalabi is an example.
    later = [r for r in deadline.readings if "birthday itself" in r.label]
    assert later
    assert all(r.due > deadline.due for r in later)
    assert all("as California counts it" in r.label for r in later)


def test_vermont_runs_the_full_period_after_eighteen_and_warns_of_emancipation() -> None:
    """12 V.S.A. § 551(a) with 1 V.S.A. § 173: the three years run from majority at 18."""
    _, deadline = _section("VT", D(2024, 3, 15), birth_date=D(2010, 6, 1))
    # Majority from 2028-05-31; three years on is Saturday 2031-05-31, so Monday.
    assert deadline.due == D(2031, 6, 2)
    assert deadline.untolled_due == D(2027, 3, 15)
    assert deadline.tolling is not None
    assert "§ 551(a)" in deadline.tolling.citation
    assert any("emancipation" in w for w in deadline.warnings)


def test_florida_and_montana_minority_rules_are_warnings_with_their_limits() -> None:
    """Fla. Stat. § 95.051(1)(h) tolls only while no parent or guardian can sue, within 7
    years; Montana gave one year after majority (Livingston v. Livingston, Mont. 1988)."""
    for code, words in (("FL", "7 years"), ("MT", "1 year after")):
        row = load_rules().tolling_for(code, TollingKind.MINORITY, D(2024, 3, 15))
        assert row is not None
        assert row.effect is TollingEffect.WARN
        _, deadline = _section(code, D(2024, 3, 15), birth_date=D(2012, 1, 1))
        assert deadline.untolled_due is None
        assert any(words in w for w in deadline.warnings), code


def test_an_adult_is_not_tolled() -> None:
    _, deadline = _section("TX", D(2024, 3, 15), birth_date=D(1990, 1, 1))
    assert deadline.untolled_due is None
    assert deadline.due == D(2026, 3, 16)


def test_tolling_below_high_confidence_is_only_a_warning() -> None:
    rules = load_rules()
    weak = next(
        r for r in rules.tolling_rows
        if r.kind is TollingKind.MINORITY and r.effect is TollingEffect.SUSPEND
        and r.confidence != "high" and r.accrual_from is None and r.accrual_to is None
    )  # fmt: skip
    _, deadline = _section(weak.jurisdiction, D(2024, 3, 15), birth_date=D(2012, 1, 1))
    assert deadline.untolled_due is None
    assert any("may move the last day" in w for w in deadline.warnings)


def test_tolling_reaches_state_tracks_only_where_the_data_says() -> None:
    report = compute_deadlines("TX", D(2024, 3, 15), birth_date=D(2010, 1, 1),
                               tracks=["local_tort_suit"], defendants=["local"])  # fmt: skip
    (deadline,) = report.deadlines
    assert deadline.untolled_due is None
    assert any("reaches the local_tort_suit deadline is not recorded" in w
               for w in deadline.warnings)  # fmt: skip


def test_federal_periods_are_not_offered_state_tolling() -> None:
    """The FTCA and the § 242 charging period are federal: the state's tolling is not theirs."""
    report = compute_deadlines("ID", D(2024, 3, 15), birth_date=D(2012, 1, 1),
                               tracks=["ftca_claim", "criminal_242"])  # fmt: skip
    by_track = {d.track.value: d for d in report.deadlines}
    assert any("not borrowed from Idaho" in w for w in by_track["ftca_claim"].warnings)
    crime = by_track["criminal_242"]
    assert crime.due == D(2029, 3, 15)
    assert any("18 U.S.C. § 3283" in w for w in crime.warnings)
    assert not any("5-230" in w for d in report.deadlines for w in d.warnings)


def test_an_adult_gets_no_minor_notes_on_federal_periods() -> None:
    report = compute_deadlines("ID", D(2024, 3, 15), birth_date=D(2000, 3, 15),
                               tracks=["criminal_242", "ftca_claim"])  # fmt: skip
    assert not any("3283" in w or "not borrowed" in w
                   for d in report.deadlines for w in d.warnings)  # fmt: skip


def test_the_child_charging_note_ends_on_the_eighteenth_birthday() -> None:
    report = compute_deadlines("ID", D(2024, 3, 15), birth_date=D(2006, 3, 15),
                               tracks=["criminal_242"])  # fmt: skip
    (crime,) = report.deadlines
    assert not any("3283" in w for w in crime.warnings)


@pytest.mark.parametrize("code", CODES)
def test_every_jurisdiction_tolls_a_minor_or_says_why_not(code: str) -> None:
    """A child's § 1983 deadline is tolled, or its warnings say why the date is untolled."""
    _, deadline = _section(code, D(2024, 3, 15), birth_date=D(2012, 1, 1))
    row = load_rules().tolling_for(code, TollingKind.MINORITY, D(2024, 3, 15))
    if deadline.untolled_due is not None:
        assert row is not None
        assert deadline.tolling is not None
        assert deadline.tolling.citation == row.citation
    else:
        said = " ".join(deadline.warnings)
        assert ("not recorded" in said or "untolled" in said or "may move the last day" in said
                or "does not toll" in said), code  # fmt: skip


def test_disability_tolling_is_explained_not_applied() -> None:
    report, deadline = _section("CA", D(2024, 3, 15))
    assert any("352.1" in w and "Not applied" in w for w in report.warnings)  # imprisonment
    assert any(w.startswith("California tolls for incapacity") for w in report.warnings)
    assert deadline.due == D(2026, 3, 16)
    assert deadline.untolled_due is None


# -- prisoners -------------------------------------------------------------------------------


def test_plra_exhaustion_is_computed_as_a_warning_only() -> None:
    report, deadline = _section(
        "IL", D(2024, 3, 15), exhaustion_start=D(2024, 5, 1), exhaustion_end=D(2024, 8, 1)
    )
    # 5 ILCS 70/1.11 carries a Sunday last day to Monday.
    assert deadline.due == D(2026, 3, 16)
    (plra,) = [w for w in deadline.warnings if w.startswith("PLRA exhaustion")]
    assert "92 days" in plra
    assert "Johnson v. Rivera" in plra
    assert "Monday, June 15, 2026" in plra
    assert any("Houston v. Lack" in w for w in report.warnings)


def test_a_prisoner_is_told_about_the_mailbox_rule_and_exhaustion() -> None:
    report, _ = _section("TX", D(2024, 3, 15), prisoner=True)
    assert any("Houston v. Lack" in w for w in report.warnings)
    assert any("1997e(a)" in w and "5th Circuit" in w for w in report.warnings)


# -- batch -----------------------------------------------------------------------------------


def test_batch_reads_the_accrual_columns() -> None:
    rows = [
        {"jurisdiction": "IL", "incident_date": "2024-03-15", "claim": "false-arrest",
         "legal_process_date": "2024-03-18"},
        {"jurisdiction": "IL", "incident_date": "2024-03-15", "claim": "false-arrest"},
        {"jurisdiction": "TX", "incident_date": "2024-03-15", "birth_date": "2010-01-01"},
        {"jurisdiction": "TX", "incident_date": "2024-03-15", "prisoner": "maybe"},
    ]  # fmt: skip
    out = list(compute_batch(rows, tracks=SECTION))
    assert out[0]["due_section_1983"] == "2026-03-18"
    assert "legal_process_date" in out[1]["error"]
    assert out[2]["due_section_1983"] == "2029-12-31"
    assert "prisoner" in out[3]["error"]


# -- data ------------------------------------------------------------------------------------

_HEADER = (
    "jurisdiction,kind,accrual_from,accrual_to,majority_age,effect,grace_value,grace_unit,"
    "cap_value,cap_unit,max_age,tracks,warning,citation,case,source_url,verified,confidence,notes"
)
_CITE = "Stat. § 1,,https://example.org/s,2026-11-22,high,"


@pytest.mark.parametrize(
    ("line", "column"),
    [
        (f"TX,imprisonment,,,,suspend,,,,,,,,{_CITE}", "effect"),
        (f"TX,minority,,,,suspend,,,,,,,,{_CITE}", "majority_age"),
        (f"TX,minority,,,18,grace,,,,,,,,{_CITE}", "grace_value"),
        (f"TX,minority,,,18,suspend,,,,,,section_1983,,{_CITE}", "tracks"),
        (f"TX,minority,,,18,suspend,,,2,,,,,{_CITE}", "cap_unit"),
        (f"ZZ,minority,,,18,suspend,,,,,,,,{_CITE}", "jurisdiction"),
    ],
)
def test_bad_tolling_rows_name_their_line_and_column(
    tmp_path: Path, line: str, column: str
) -> None:
    path = tmp_path / "tolling.csv"
    path.write_text(f"{_HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(RuleDataError) as caught:
        load_rules(tolling=path)
    assert caught.value.line == 2
    assert caught.value.column == column


def test_overlapping_tolling_windows_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "tolling.csv"
    row = f"TX,minority,,,18,suspend,,,,,,,,{_CITE}"
    path.write_text(f"{_HEADER}\n{row}\n{row}\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="overlaps"):
        load_rules(tolling=path)


def test_the_packaged_tolling_file_sits_beside_the_rules() -> None:
    rules = load_rules()
    assert rules.tolling_path == default_paths()[0].with_name("tolling.csv")
    assert all(r.source_url.startswith("http") for r in rules.tolling_rows)


# -- properties ------------------------------------------------------------------------------


@given(jurisdictions(), dates(D(1960, 1, 1), D(2090, 1, 1)), st.integers(0, 3000))
def test_a_later_accrual_never_gives_an_earlier_deadline(
    code: str, incident: dt.date, delay: int
) -> None:
    """Within one rule window; a change in the law (Wisconsin's 2018 cut) is the exception."""
    _, base = _section(code, incident)
    _, later = _section(code, incident, accrual_date=incident + dt.timedelta(days=delay))
    if (base.period, base.rule.citation) == (later.period, later.rule.citation):
        assert later.due >= base.due


@given(jurisdictions(), dates(D(1960, 1, 1), D(2090, 1, 1)), st.integers(0, 25 * 366))
@settings(max_examples=150)
def test_tolling_never_makes_a_deadline_earlier(code: str, incident: dt.date, age: int) -> None:
    birth = incident - dt.timedelta(days=age)
    report = compute_deadlines(code, incident, birth_date=birth)
    plain = compute_deadlines(code, incident)
    for tolled, untolled in zip(report.deadlines, plain.deadlines, strict=True):
        assert tolled.track is untolled.track
        assert tolled.due >= untolled.due
        if tolled.untolled_due is not None:
            assert tolled.untolled_due == untolled.due
            assert tolled.due > tolled.untolled_due


@given(
    jurisdictions(),
    dates(D(1960, 1, 1), D(2090, 1, 1)),
    st.sampled_from(list(NEEDS)),
    st.sampled_from([*sorted({a.fact for a in ACCRUAL.values() if a.fact}), None]),
)
def test_a_missing_fact_is_always_the_documented_error(
    code: str, incident: dt.date, claim: Claim, given_fact: str | None
) -> None:
    facts = {} if given_fact is None else {given_fact: incident + dt.timedelta(days=30)}
    if given_fact == NEEDS[claim][0]:
        report = compute_deadlines(code, incident, claim=claim, **facts)  # type: ignore[arg-type]
        assert report.accrual_date == incident + dt.timedelta(days=30)
    else:
        with pytest.raises(MissingFactError):
            compute_deadlines(code, incident, claim=claim, **facts)  # type: ignore[arg-type]


# -- golden cases from opinions --------------------------------------------------------------
# Each: the borrowed period, the accrual event the opinion dates, and the filing date it
# held timely or untimely. The deadline is the library's; the holding is the court's.

GOLDEN = [
    # McDonough v. Smith, 588 U.S. 109 (2019): acquitted Dec. 21, 2012, sued Dec. 18, 2015
    # under New York's 3 years; timely, because the claim accrued on acquittal. The 2009
    # incident's day is immaterial to this claim's accrual.
    ("NY", D(2009, 9, 1), {"claim": "fabricated-evidence",
                           "favorable_termination_date": D(2012, 12, 21)},
     D(2015, 12, 21), D(2015, 12, 18), True),
    # Spak v. Phillips, No. 15-3525 (2d Cir. 2017): arrested June 24, 2010, nolle prosequi
    # Sept. 10, 2010, sued Oct. 29, 2013 under Connecticut's 3 years; untimely.
    ("CT", D(2010, 6, 24), {"claim": "malicious-prosecution",
                            "favorable_termination_date": D(2010, 9, 10)},
     D(2013, 9, 10), D(2013, 10, 29), False),
    # Savory v. Cannon, 947 F.3d 409 (7th Cir. 2020) (en banc): pardoned Jan. 12, 2015, sued
    # Jan. 11, 2017 under Illinois' 2 years; timely under Heck.
    ("IL", D(1977, 1, 20), {"claim": "heck-deferred",
                            "conviction_invalidated_date": D(2015, 1, 12)},
     D(2017, 1, 12), D(2017, 1, 11), True),
    # Molthan v. Vanderbilt Univ., No. 3:17-cv-00706 (M.D. Tenn. 2018): arrested Apr. 5,
    # 2016, probable cause found by a judicial commissioner Apr. 6, sued Apr. 10, 2017 under
    # Tennessee's 1 year; untimely.
    ("TN", D(2016, 4, 5), {"claim": "false-arrest", "legal_process_date": D(2016, 4, 6)},
     D(2017, 4, 6), D(2017, 4, 10), False),
    # Divelbiss v. Kneubuhler, No. 23-cv-258 (W.D. Wis. 2023): initial appearance Mar. 28,
    # 2019, sued April 2023 under Wisconsin's 3 years; untimely.
    ("WI", D(2019, 3, 20), {"claim": "false-arrest", "legal_process_date": D(2019, 3, 28)},
     D(2022, 3, 28), D(2023, 4, 1), False),
]  # fmt: skip


@pytest.mark.parametrize(("code", "incident", "facts", "due", "filed", "timely"), GOLDEN)
def test_golden_accrual_cases(  # noqa: PLR0913, PLR0917 - one case's facts
    code: str,
    incident: dt.date,
    facts: dict[str, object],
    due: dt.date,
    filed: dt.date,
    timely: bool,  # noqa: FBT001 - a table column
) -> None:
    _, deadline = _section(code, incident, **facts)
    assert deadline.due == due
    assert (filed <= deadline.due) is timely


def test_golden_minority_tolling_shalabi() -> None:
    """Shalabi v. City of Fontana (Cal. 2021): born Dec. 3, 1993, father killed May 14, 2011;
    the last day was Dec. 3, 2013, and the suit filed that day was timely. The library's `due`
    counts majority from the day before the birthday, one day earlier, and lists the
    court's date as a reading."""
    _, deadline = _section("CA", D(2011, 5, 14), birth_date=D(1993, 12, 3))
    assert deadline.untolled_due == D(2013, 5, 14)
    assert deadline.due == D(2013, 12, 2)
    assert D(2013, 12, 3) in {r.due for r in deadline.readings}
    assert any("Shalabi" in r.label for r in deadline.readings if r.due == D(2013, 12, 3))
    # In California, Shalabi is the state's own rule, not an example from elsewhere.
    assert not any("as California counts it" in r.label for r in deadline.readings)


@given(jurisdictions(), dates(D(1990, 1, 1), D(2060, 1, 1)), st.integers(0, 20 * 366))
@settings(max_examples=60)
def test_batch_tolling_equals_the_report(code: str, incident: dt.date, age: int) -> None:
    birth = incident - dt.timedelta(days=age)
    row = {"jurisdiction": code, "incident_date": incident.isoformat(),
           "birth_date": birth.isoformat()}  # fmt: skip
    (out,) = compute_batch([row])
    report = compute_deadlines(code, incident, birth_date=birth)
    for track in Track:
        dues = [d.due for d in report.deadlines if d.track is track]
        assert out[f"due_{track.value}"] == (min(dues).isoformat() if dues else ""), track


def test_text_and_csv_show_the_untolled_date(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compute", "TX", "2024-03-15", "--birth-date", "2010-01-01",
            "--tracks", "section_1983", "--today", "2024-04-01"]  # fmt: skip
    assert main([*argv, "--explain"]) == 0
    assert "untolled    Mon 2026-03-16" in capsys.readouterr().out
    assert main([*argv, "--format", "csv"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    assert header.endswith("untolled_due,tolling")
    assert ",2026-03-16," in row


def test_idaho_tolls_minority_for_at_most_six_years() -> None:
    """Idaho Code § 5-230: the time of minority is not counted, but the period is not
    tolled for more than six years; with § 5-219(4)'s two years, eight from accrual."""
    _, older = _section("ID", D(2024, 3, 15), birth_date=D(2012, 1, 1))
    assert older.due == D(2031, 12, 31)  # two years from the day before the 18th birthday
    _, infant = _section("ID", D(2024, 3, 15), birth_date=D(2022, 1, 1))
    assert infant.due == D(2032, 3, 15)  # the six-year limit: accrual + 6 + 2 years
