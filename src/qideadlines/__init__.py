"""Civil-rights filing and notice deadlines after a police encounter.

Every U.S. jurisdiction's rules, cited, and every date explained. Names are
imported on first use so that ``import qideadlines`` and ``qideadlines
--help`` stay fast.

Example:
    >>> import datetime as dt
    >>> from qideadlines import compute_deadlines
    >>> compute_deadlines("CO", dt.date(2024, 3, 15)).deadlines[0].due
    datetime.date(2026, 3, 15)
"""

# No `from __future__ import annotations` and no module-level `import importlib`:
# each is a measurable share of `qideadlines --help`.
# Not `from typing import TYPE_CHECKING`: importing typing costs more than the
# rest of `qideadlines --help`. Type checkers treat this name specially.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

    from ._api import (
        EARLIEST_INCIDENT,
        LATEST_INCIDENT,
        compute_deadlines,
        get_rules,
        list_jurisdictions,
    )
    from ._batch import compute_batch
    from ._data import load_rules
    from ._enums import (
        AccrualEvent,
        CalendarKind,
        Claim,
        Confidence,
        Defendant,
        Immunity,
        PeriodUnit,
        Regime,
        Role,
        RunsFrom,
        Scope,
        Status,
        StepKind,
        Sued,
        TollingEffect,
        TollingKind,
        Track,
    )
    from ._errors import (
        DateOutOfRangeError,
        InvalidDateError,
        InvalidFactError,
        MissingFactError,
        QiDeadlinesError,
        RuleDataError,
        UnknownJurisdictionError,
    )
    from ._models import (
        DISCLAIMER,
        DUE_SOON_DAYS,
        ClosedDay,
        Deadline,
        DeadlineReport,
        Jurisdiction,
        Period,
        Provenance,
        Reading,
        Step,
    )
    from ._rows import AccrualRow, CalendarRow, JurisdictionRules, RuleRow, TollingRow
    from ._ruleset import RuleSet

__all__ = [
    "DISCLAIMER",
    "DUE_SOON_DAYS",
    "EARLIEST_INCIDENT",
    "LATEST_INCIDENT",
    "AccrualEvent",
    "AccrualRow",
    "CalendarKind",
    "CalendarRow",
    "Claim",
    "ClosedDay",
    "Confidence",
    "DateOutOfRangeError",
    "Deadline",
    "DeadlineReport",
    "Defendant",
    "Immunity",
    "InvalidDateError",
    "InvalidFactError",
    "Jurisdiction",
    "JurisdictionRules",
    "MissingFactError",
    "Period",
    "PeriodUnit",
    "Provenance",
    "QiDeadlinesError",
    "Reading",
    "Regime",
    "Role",
    "RuleDataError",
    "RuleRow",
    "RuleSet",
    "RunsFrom",
    "Scope",
    "Status",
    "Step",
    "StepKind",
    "Sued",
    "TollingEffect",
    "TollingKind",
    "TollingRow",
    "Track",
    "UnknownJurisdictionError",
    "compute_batch",
    "compute_deadlines",
    "get_rules",
    "list_jurisdictions",
    "load_rules",
]

_HOME: "Final[dict[str, str]]" = {
    **dict.fromkeys(
        (
            "EARLIEST_INCIDENT",
            "LATEST_INCIDENT",
            "compute_deadlines",
            "get_rules",
            "list_jurisdictions",
        ),
        "._api",
    ),
    "load_rules": "._data",
    "RuleSet": "._ruleset",
    "compute_batch": "._batch",
    **dict.fromkeys(
        ("AccrualRow", "CalendarRow", "JurisdictionRules", "RuleRow", "TollingRow"), "._rows"
    ),
    **dict.fromkeys(
        (
            "DISCLAIMER",
            "DUE_SOON_DAYS",
            "ClosedDay",
            "Deadline",
            "DeadlineReport",
            "Jurisdiction",
            "Period",
            "Provenance",
            "Reading",
            "Step",
        ),
        "._models",
    ),
    **dict.fromkeys(
        (
            "DateOutOfRangeError",
            "InvalidDateError",
            "InvalidFactError",
            "MissingFactError",
            "QiDeadlinesError",
            "RuleDataError",
            "UnknownJurisdictionError",
        ),
        "._errors",
    ),
}


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import version

        return version("qideadlines")
    if name not in __all__:
        msg = f"module 'qideadlines' has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib import import_module

    value = getattr(import_module(_HOME.get(name, "._enums"), __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
