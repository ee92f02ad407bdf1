"""Every date across all 56 jurisdictions matches the reviewed snapshot.

A failure here means a date, a reading or a batch column moved. If the move is
deliberate (a data change, a fixed bug), regenerate the snapshot with
``python tests/snapshot_cases.py``, review the diff, and say why in the changelog.
"""

from __future__ import annotations

import pytest

from qideadlines._jurisdictions import CODES

from snapshot_cases import DATES, FULL, REPORTS, full_report, snapshot, text_report


@pytest.mark.parametrize("code", CODES)
def test_dates_match_the_snapshot(code: str) -> None:
    expected = (DATES / f"{code}.txt").read_text(encoding="utf-8")
    assert snapshot(code) == expected


@pytest.mark.parametrize("code", FULL)
def test_full_report_matches_the_snapshot(code: str) -> None:
    expected = (REPORTS / f"{code}.json").read_text(encoding="utf-8")
    assert full_report(code) == expected


@pytest.mark.parametrize("code", FULL)
def test_text_reports_match_the_snapshot(code: str) -> None:
    summary = (REPORTS / f"{code}.txt").read_text(encoding="utf-8")
    explain = (REPORTS / f"{code}-explain.txt").read_text(encoding="utf-8")
    assert text_report(code) == summary
    assert text_report(code, explain=True) == explain
