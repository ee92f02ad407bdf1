"""Properties of computed deadlines across every jurisdiction."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from qideadlines import (
    Deadline,
    QiDeadlinesError,
    Role,
    Track,
    compute_deadlines,
    load_rules,
)
from qideadlines._periods import add_period, roll_forward

from strategies import dates, jurisdictions


def _deadline(code: str, incident: dt.date) -> Deadline:
    return compute_deadlines(code, incident).deadlines[0]


@given(jurisdictions(), dates())
def test_never_earlier_than_incident_plus_period(code: str, incident: dt.date) -> None:
    deadline = _deadline(code, incident)
    assert deadline.due >= add_period(incident, deadline.period) == deadline.raw_date


@given(jurisdictions(), dates())
def test_due_is_the_earliest_reading(code: str, incident: dt.date) -> None:
    deadline = _deadline(code, incident)
    assert deadline.due == min(r.due for r in deadline.readings)
    assert all(deadline.due <= r.due for r in deadline.readings)


@given(jurisdictions(), dates())
def test_due_lands_on_an_open_day_of_its_reading(code: str, incident: dt.date) -> None:
    """The due date is the first day on or after the raw date that the chosen reading
    does not count as closed."""
    deadline = _deadline(code, incident)
    chosen = deadline.readings[0]
    rules = load_rules()
    calendar = rules.calendar(code.strip(), chosen.regime)
    settled_only = not chosen.counts_unsettled_days
    raw = add_period(incident, chosen.period)
    assert roll_forward(raw, calendar, settled_only=settled_only) == (
        chosen.due,
        chosen.rolled_over,
    )
    assert roll_forward(chosen.due, calendar, settled_only=settled_only) == (chosen.due, ())


@given(jurisdictions(), dates(), st.integers(0, 400))
def test_monotone_within_a_rule_window(code: str, incident: dt.date, gap: int) -> None:
    later = incident + dt.timedelta(days=gap)
    if later > dt.date(2100, 12, 31):
        return
    rules = load_rules()
    rows = [r for r in rules.rules_for(code.strip(), Track.SECTION_1983) if r.role is Role.RULE]
    if next(r for r in rows if r.applies_to(incident)) is not next(
        r for r in rows if r.applies_to(later)
    ):
        return
    assert _deadline(code, incident).due <= _deadline(code, later).due


@given(jurisdictions(), dates())
def test_same_inputs_same_report(code: str, incident: dt.date) -> None:
    """Deterministic, and it does not depend on the wall clock (nothing reads it)."""
    assert compute_deadlines(code, incident) == compute_deadlines(code.lower(), incident)


@given(
    st.one_of(st.text(max_size=4), st.integers(), st.none(), jurisdictions()),
    st.one_of(st.dates(), st.datetimes(), st.text(max_size=12), st.integers(), st.none()),
)
def test_only_documented_errors_escape(code: object, incident: object) -> None:
    with contextlib.suppress(QiDeadlinesError):
        compute_deadlines(code, incident)  # type: ignore[arg-type]


def test_the_library_never_reads_the_clock() -> None:
    """Only the CLI may default `today`; the library takes dates as arguments."""
    import ast
    from pathlib import Path

    import qideadlines

    package = Path(qideadlines.__file__).parent
    for path in package.glob("*.py"):
        if path.name == "_cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                called = node.func.attr
                assert called not in {"today", "now", "utcnow", "time", "monotonic"}, path


@settings(max_examples=60)
@given(jurisdictions(), dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_the_explanation_names_the_period_citation_and_every_rolled_day(
    code: str, incident: dt.date
) -> None:
    deadline = _deadline(code, incident)
    text = " ".join(s.text for s in deadline.explanation)
    assert deadline.rule.citation in text
    for day in deadline.readings[0].rolled_over:
        assert f"{day.date:%B} {day.date.day}, {day.date.year}" in text
    for other in deadline.readings:
        if other.due != deadline.due:
            assert f"{other.due:%B} {other.due.day}, {other.due.year}" in text
