"""The calculator's entry point, under CPython: what the page gets for a query string."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from qideadlines import compute_deadlines
from qideadlines._web import FIELDS, calculate

TODAY = "2025-06-01"


def _answer(query: str, today: str = TODAY) -> dict[str, object]:
    answer = json.loads(calculate(query, today))
    assert isinstance(answer, dict)
    return answer


def test_the_report_is_the_one_compute_deadlines_gives() -> None:
    answer = _answer("jurisdiction=co&incident_date=2024-03-15&birth_date=2010-02-01")
    expected = compute_deadlines(
        "CO", dt.date(2024, 3, 15), birth_date=dt.date(2010, 2, 1), today=dt.date(2025, 6, 1)
    )
    assert answer["report"] == expected.model_dump(mode="json")
    rows = answer["deadlines"]
    assert isinstance(rows, list)
    assert rows[0]["what"] == "File a § 1983 suit"
    due = dt.date.fromisoformat(rows[0]["due"])
    assert rows[0]["weekday"] == f"{due:%A}"
    assert rows[0]["due_text"] == f"{due:%a} {due.isoformat()}"


def test_each_deadline_carries_its_explanation_and_sources() -> None:
    answer = _answer("jurisdiction=NY&incident_date=2024-03-15")
    rows = answer["deadlines"]
    assert isinstance(rows, list)
    for row in rows:
        assert row["explanation"].startswith(row["track"])
        assert "  why:\n" in row["explanation"]
        assert all(s["url"].startswith("http") for s in row["sources"])
    info = answer["information"]
    assert isinstance(info, list)
    assert [i["track"] for i in info] == ["criminal_242"]


def test_the_calendar_names_the_case_and_leaves_out_section_242() -> None:
    text = _answer("jurisdiction=CO&incident_date=2024-03-15&case=Doe%20v.%20City")["ics"]
    assert isinstance(text, str)
    assert text.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Doe v. City: File a § 1983 suit (Colorado)" in text
    assert "242" not in text.split("SUMMARY:")[-1].splitlines()[0]


@pytest.mark.parametrize(
    ("query", "fields", "words"),
    [
        ("", ["jurisdiction", "incident_date"], "Choose a jurisdiction and a date."),
        ("jurisdiction=CO", ["incident_date"], "Choose a date."),
        ("jurisdiction=CO&incident_date=2024-02-30", ["incident_date"], "not a date"),
        ("jurisdiction=CO&incident_date=2024-03-15&claim=false-arrest",
         ["legal_process_date", "accrual_date"], "give legal_process_date"),
        ("jurisdiction=TX&incident_date=2024-03-15&locality=austin", ["locality"], "houston"),
        ("jurisdiction=CO&incident_date=2024-03-15&defendant=mayor", ["defendants"], "mayor"),
    ],
)  # fmt: skip
def test_a_bad_query_is_one_line_naming_its_fields(
    query: str, fields: list[str], words: str
) -> None:
    answer = _answer(query)
    assert answer["ok"] is False
    error = answer["error"]
    assert isinstance(error, str)
    assert "\n" not in error
    assert words in error
    assert answer["fields"] == fields


def test_unknown_keys_are_ignored_and_the_first_of_a_repeated_key_wins() -> None:
    answer = _answer("utm_source=x&jurisdiction=OR&jurisdiction=CO&incident_date=1998-08-14")
    assert answer["jurisdiction"] == {"code": "OR", "name": "Oregon"}


def test_a_today_in_the_query_wins_over_the_readers_date() -> None:
    answer = _answer("jurisdiction=OR&incident_date=1998-08-14&today=2000-01-01")
    assert answer["today"] == "2000-01-01"
    report = answer["report"]
    assert isinstance(report, dict)
    assert report["today"] == "2000-01-01"


def test_a_bad_today_is_an_error_not_a_crash() -> None:
    answer = _answer("jurisdiction=OR&incident_date=1998-08-14", "not-a-day")
    assert answer["ok"] is False


def test_the_page_script_knows_every_field() -> None:
    script = (Path(__file__).resolve().parents[1] / "docs" / "_static" / "calculator.js").read_text(
        encoding="utf-8"
    )
    for name in FIELDS:
        assert f'"{name}"' in script, name
