"""The public functions: compute deadlines, list jurisdictions, read the rules."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

from ._data import RuleSet, load_rules
from ._errors import DateOutOfRangeError, InvalidDateError
from ._jurisdictions import CIRCUITS, CODES, NAMES
from ._models import DeadlineReport, Jurisdiction, JurisdictionRules
from ._tracks import REPORT_WARNINGS, section_1983

__all__ = [
    "EARLIEST_INCIDENT",
    "LATEST_INCIDENT",
    "compute_deadlines",
    "get_rules",
    "list_jurisdictions",
]

#: The incident dates the rules are researched for, inclusive.
EARLIEST_INCIDENT: Final = dt.date(1950, 1, 1)
LATEST_INCIDENT: Final = dt.date(2100, 12, 31)


def _require_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = (
            f"{name} must be a datetime.date, not {type(value).__name__} {value!r}; "
            "pass e.g. datetime.date(2024, 3, 15)."
        )
        raise InvalidDateError(msg)
    if not EARLIEST_INCIDENT <= value <= LATEST_INCIDENT:
        msg = (
            f"{name} {value.isoformat()} is outside the supported range "
            f"{EARLIEST_INCIDENT.isoformat()} to {LATEST_INCIDENT.isoformat()}."
        )
        raise DateOutOfRangeError(msg)
    return value


@functools.cache
def _jurisdiction(code: str) -> Jurisdiction:
    return Jurisdiction.model_construct(code=code, name=NAMES[code], circuit=CIRCUITS[code])


def compute_deadlines(
    jurisdiction: str, incident_date: dt.date, *, rules: RuleSet | None = None
) -> DeadlineReport:
    """Compute every deadline an incident starts in one jurisdiction.

    Args:
        jurisdiction: a USPS code such as ``"CO"``, ``"dc"`` or ``"PR"``
            (case-insensitive).
        incident_date: the day of the police encounter.
        rules: rules loaded with `load_rules`; the packaged ones by default.

    Returns:
        A report whose ``deadlines`` each carry ``due`` (the earliest
        reading), the other readings and an explanation.

    Raises:
        UnknownJurisdictionError: `jurisdiction` is not one of the 56.
        InvalidDateError: `incident_date` is not a `datetime.date`.
        DateOutOfRangeError: `incident_date` is outside 1950-2100.

    Example:
        >>> report = compute_deadlines("CO", dt.date(2024, 3, 15))
        >>> report.deadlines[0].track, report.deadlines[0].due
        (<Track.SECTION_1983: 'section_1983'>, datetime.date(2026, 3, 16))
    """
    ruleset = rules if rules is not None else load_rules()
    code = ruleset.code(jurisdiction)
    incident = _require_date(incident_date, "incident_date")
    deadline = section_1983(ruleset, code, incident)
    return DeadlineReport.model_construct(
        jurisdiction=_jurisdiction(code),
        incident_date=incident,
        deadlines=(deadline,),
        warnings=REPORT_WARNINGS,
    )


def list_jurisdictions() -> tuple[Jurisdiction, ...]:
    """Return the 56 supported jurisdictions, sorted by code.

    Example:
        >>> [j.code for j in list_jurisdictions()][:3]
        ['AK', 'AL', 'AR']
    """
    return tuple(_jurisdiction(c) for c in CODES)


def get_rules(jurisdiction: str, *, rules: RuleSet | None = None) -> JurisdictionRules:
    """Return every rule and calendar row that governs one jurisdiction.

    Example:
        >>> get_rules("la").rules[0].jurisdiction
        'LA'
    """
    ruleset = rules if rules is not None else load_rules()
    return ruleset.jurisdiction_rules(jurisdiction)
