"""State-law tracks: presentments before suit, periods from a denial or a notice, state
accrual of false arrest and malicious prosecution, defendant-specific rows, and tolling
while charges are pending."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qideadlines import RunsFrom, Sued, Track, compute_deadlines, load_rules
from qideadlines._batch import compute_batch

D = dt.date


def _one(code: str, incident: dt.date, track: str, **facts: object):  # type: ignore[no-untyped-def]
    report = compute_deadlines(code, incident, tracks=[track], **facts)  # type: ignore[arg-type]
    found = [d for d in report.deadlines if d.track.value == track]
    return report, found


def test_a_rhode_island_presentment_is_due_forty_days_before_the_suit() -> None:
    """R.I. Gen. Laws § 45-15-5: suit against a town only if the claim is not satisfied
    within forty days after its presentment to the council; no deadline of its own."""
    _, (notice,) = _one("RI", D(2024, 3, 15), "local_tort_notice", defendants=["local"])
    assert notice.runs_from is RunsFrom.SUIT_DEADLINE
    assert notice.start_date == D(2027, 3, 15)  # three years, § 9-1-25
    assert notice.due == notice.raw_date == D(2027, 2, 3)
    assert "40 days before" in notice.explanation[2].text


def test_a_presentment_is_never_rolled_later() -> None:
    """Forty days before Thursday, April 22, 2027 is Saturday, March 13: the presentment
    stays on that Saturday (earlier is safe); it does not move to Monday."""
    incident = D(2024, 4, 22)  # three years on: Thursday, April 22, 2027
    _, (notice,) = _one("RI", incident, "local_tort_notice", defendants=["local"])
    assert notice.due == D(2027, 3, 13)
    assert notice.due.weekday() == 5  # a Saturday, kept


def test_tennessee_claims_commission_filing_runs_ninety_days_from_the_denial() -> None:
    """Tenn. Code Ann. § 9-8-402(c); Howard v. State (Tenn. Ct. App. 2021)."""
    report, found = _one("TN", D(2024, 3, 15), "state_tort_suit", defendants=["state"])
    assert any("9-8-402(c)" in w and "denial_date" in w for w in report.next_steps)
    _, (suit,) = _one(
        "TN", D(2024, 3, 15), "state_tort_suit", defendants=["state"], denial_date=D(2024, 9, 1)
    )
    assert suit.due == D(2024, 12, 2)  # ninety days: Saturday, Nov. 30, then Monday
    assert suit.runs_from is RunsFrom.DENIAL
    assert found  # the one-year period still stands without a denial


def test_a_period_from_the_claims_presentation_needs_the_notice_date() -> None:
    rules = load_rules()
    rows = [r for r in rules.rows if r.runs_from is RunsFrom.PRESENTATION]
    assert rows
    row = rows[0]
    track = row.track.value
    code = row.jurisdiction
    incident = (row.accrual_from or D(2024, 3, 15)) + dt.timedelta(days=1)
    incident = max(incident, row.conduct_from or incident)
    report = compute_deadlines(code, incident, tracks=[track])
    assert any("notice_date" in w for w in report.next_steps), code
    given = compute_deadlines(
        code, incident, tracks=[track], notice_date=incident + dt.timedelta(days=30)
    )
    starts = {r.start_date for d in given.deadlines for r in d.readings}
    assert incident + dt.timedelta(days=30) in starts


def test_new_york_runs_a_malicious_prosecution_notice_from_the_favorable_termination() -> None:
    """Matter of Beary v. City of Rye (2d Dep't 1977): for both the limitation period and
    GML § 50-e the claim accrues on the termination in the accused's favor."""
    _, (notice,) = _one(
        "NY", D(2024, 3, 15), "local_tort_notice", defendants=["local"],
        claim="malicious-prosecution", favorable_termination_date=D(2024, 9, 1),
    )  # fmt: skip
    assert notice.start_date == D(2024, 9, 1)
    assert notice.due == D(2024, 12, 2)  # Nov. 30 is a Saturday
    assert "Beary" in notice.explanation[0].authority


def test_new_york_false_arrest_notice_runs_from_release_when_it_is_given() -> None:
    """Bennett v. City of New York, 204 A.D.2d 587 (2d Dep't 1994)."""
    facts = {"defendants": ["local"], "claim": "false-arrest",
             "legal_process_date": D(2024, 3, 16)}  # fmt: skip
    _report, (notice,) = _one("NY", D(2024, 3, 15), "local_tort_notice", **facts)
    assert notice.start_date == D(2024, 3, 15)
    assert any("release_date" in w and "Bennett" in w for w in notice.warnings)
    _, (released,) = _one(
        "NY", D(2024, 3, 15), "local_tort_notice", release_date=D(2024, 5, 1), **facts
    )
    assert released.start_date == D(2024, 5, 1)


def test_a_state_accrual_row_below_high_is_only_a_warning() -> None:
    """Lovell v. Warren County (Tenn. Ct. App. 2019) dates false imprisonment from release
    but distinguishes false arrest, so the incident stays the start."""
    row = load_rules().accrual_for("TN", "false-arrest", Track.LOCAL_TORT_SUIT)  # type: ignore[arg-type]
    assert row is not None
    assert row.confidence != "high"
    _, (suit,) = _one(
        "TN", D(2024, 3, 15), "local_tort_suit", defendants=["local"], claim="false-arrest",
        legal_process_date=D(2024, 3, 16), release_date=D(2024, 6, 1),
    )  # fmt: skip
    assert suit.start_date == D(2024, 3, 15)


def test_a_notice_for_the_city_only_drops_out_when_only_officers_are_sued() -> None:
    """O.C.G.A. § 36-33-5: ante litem notice only for claims against the municipality
    (Jacobs v. Littleton, 241 Ga. App. 403 (1999))."""
    _report, found = _one("GA", D(2024, 3, 15), "local_tort_notice", defendants=["local"])
    assert found
    assert any("sued='officers'" in w for d in found for w in d.warnings)
    officers, none = _one(
        "GA", D(2024, 3, 15), "local_tort_notice", defendants=["local"], sued="officers"
    )
    assert not none
    assert any("36-33-5" in w and "leave out" in w for w in officers.next_steps)
    _both, kept = _one(
        "GA", D(2024, 3, 15), "local_tort_notice", defendants=["local"],
        sued=[Sued.OFFICERS, Sued.GOVERNMENT],
    )  # fmt: skip
    assert [d.due for d in kept] == [d.due for d in found]


def test_batch_reads_the_new_facts() -> None:
    rows = [
        {"jurisdiction": "GA", "incident_date": "2024-03-15", "sued": "officers"},
        {"jurisdiction": "NY", "incident_date": "2024-03-15", "claim": "malicious-prosecution",
         "favorable_termination_date": "2024-09-01"},
        {"jurisdiction": "TN", "incident_date": "2024-03-15", "denial_date": "2024-09-01"},
        {"jurisdiction": "GA", "incident_date": "2024-03-15", "sued": "nobody"},
    ]  # fmt: skip
    out = list(compute_batch(rows, tracks=["local_tort_notice", "state_tort_suit"], jobs=1))
    assert out[0]["due_local_tort_notice"] == ""
    assert out[1]["due_local_tort_notice"] == "2024-12-02"
    assert out[2]["due_state_tort_suit"] == "2024-12-02"
    assert out[3]["error"].startswith("sued 'nobody'")


def test_california_explains_tolling_while_charges_are_pending() -> None:
    """Cal. Gov. Code § 945.3; McAlpine v. Superior Court (1989); the § 911.2 claim is not
    extended."""
    report = compute_deadlines("CA", D(2024, 3, 15))
    (note,) = [w for w in report.warnings if "945.3" in w and "pending criminal charges" in w]
    assert "911.2" in note
    assert "Not applied here" in note


def test_a_presentment_counts_back_from_the_soonest_suit_reading(tmp_path: Path) -> None:
    """Where a suit period has a shorter alternative reading, the presentment that must
    precede the suit counts back from that reading: a later presentment could leave the
    wait running past the earliest suit deadline."""
    from qideadlines._data import default_paths
    from qideadlines._rows import RuleRow
    from qideadlines._validate import read_rows, write_rows

    rows = [row for _, row in read_rows(default_paths()[0], RuleRow)]
    suit = next(
        r for r in rows
        if r.jurisdiction == "RI" and r.track is Track.LOCAL_TORT_SUIT and r.role.value == "rule"
    )  # fmt: skip
    shorter = suit.model_copy(update={"role": suit.role.__class__("alternative"),
                                      "period_value": 2})  # fmt: skip
    path = tmp_path / "rules.csv"
    write_rows([*rows, shorter], path)
    rules = load_rules(path)
    report = compute_deadlines("RI", D(2024, 3, 15), tracks=["local_tort_notice"],
                               defendants=["local"], rules=rules)  # fmt: skip
    (notice,) = report.deadlines
    assert notice.start_date == D(2026, 3, 15)  # the two-year reading, not three
    assert notice.due == D(2026, 2, 3)
