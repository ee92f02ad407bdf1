"""Which deadlines apply to a set of facts, and how each is explained."""

from __future__ import annotations

import datetime as dt
from typing import Final

from ._compute import add_period, roll_forward
from ._data import RuleSet
from ._errors import RuleDataError
from ._jurisdictions import NAMES
from ._models import (
    ClosedDay,
    Confidence,
    Deadline,
    PeriodUnit,
    Reading,
    Regime,
    Role,
    RuleRow,
    Step,
    StepKind,
    Track,
)

__all__ = ["REPORT_WARNINGS", "section_1983"]

_WALLACE: Final = "Wallace v. Kato, 549 U.S. 384 (2007)"
_BORROWING: Final = "Wilson v. Garcia, 471 U.S. 261 (1985); Owens v. Okure, 488 U.S. 235 (1989)"
_METHOD: Final = {
    PeriodUnit.YEARS: (
        "by the anniversary method (a February 29 start ends on February 28 in a common year)",
        (
            "United States v. Hurst, 322 F.3d 1256 (10th Cir. 2003); "
            "Merriweather v. City of Memphis, 107 F.3d 396 (6th Cir. 1997)"
        ),
    ),
    PeriodUnit.MONTHS: (
        "in calendar months from the original date, clamped to the month's last day",
        "N.Y. Gen. Constr. Law § 30",
    ),
    PeriodUnit.DAYS: ("excluding the day of the event", "Fed. R. Civ. P. 6(a)(1)(A)"),
}
_ORDER: Final = {Regime.FEDERAL: 0, Regime.STATE: 1}

REPORT_WARNINGS: Final = (
    (
        "The § 1983 date assumes the claim accrued on the incident date, as excessive-force and "
        "unlawful-search claims do (Wallace v. Kato, 549 U.S. 384 (2007)). False arrest accrues "
        "when legal process begins, malicious prosecution and fabricated evidence when the "
        "prosecution ends in the person's favour, and claims that would imply an invalid "
        "conviction when it is set aside (Heck v. Humphrey, 512 U.S. 477 (1994))."
    ),
    (
        "State notice-of-claim statutes do not apply to a § 1983 claim, in federal or state "
        "court (Felder v. Casey, 487 U.S. 131 (1988)); they govern state-law claims, which have "
        "their own, often much shorter, deadlines."
    ),
    (
        "Tolling (for example for minority or incapacity) is not applied; it can only make the "
        "deadline later, so the date shown is the safe one."
    ),
)


def _long(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def _regime_label(regime: Regime, computation: str, name: str) -> str:
    rule = computation or "no rule moves a last day"
    if regime is Regime.FEDERAL:
        return f"a suit in federal court ({rule})"
    return f"a suit in a {name} court ({rule})"


def _reading(
    row: RuleRow,
    regime: Regime,
    computation: str,
    roll: tuple[dt.date, tuple[ClosedDay, ...]],
    label: str,
) -> Reading:
    due, passed = roll
    return Reading.model_construct(
        due=due,
        regime=regime,
        role=row.role,
        period=row.period,
        citation=row.citation,
        computation=computation,
        counts_unsettled_days=any(not d.settled for d in passed),
        rolled_over=passed,
        label=label,
    )


def _readings(rules: RuleSet, code: str, rows: list[RuleRow], accrual: dt.date) -> list[Reading]:
    """Compute every reading, earliest first.

    Each period row is read under each regime; where a roll passed a day whose
    closure is unsettled, the same roll counting settled days only is a reading too.
    """
    readings: list[Reading] = []
    for row in rows:
        raw = add_period(accrual, row.period)
        for regime in (Regime.FEDERAL, Regime.STATE):
            calendar = rules.calendar(code, regime)
            computation = calendar.computation(raw)
            label = _regime_label(regime, computation, NAMES[code])
            if row.role is Role.ALTERNATIVE:
                label = (
                    f"the longer {row.period} period some courts apply ({row.citation}), {label}"
                )
            roll = roll_forward(raw, calendar)
            readings.append(_reading(row, regime, computation, roll, label))
            unsettled = ", ".join(f"{d.name} ({d.date})" for d in roll[1] if not d.settled)
            if unsettled:
                strict = roll_forward(raw, calendar, settled_only=True)
                strict_label = f"{label}, not counting {unsettled} as closed"
                readings.append(_reading(row, regime, computation, strict, strict_label))
    readings.sort(
        key=lambda r: (r.due, r.role is not Role.RULE, r.counts_unsettled_days, _ORDER[r.regime])
    )
    return readings


def _rolled_step(day: ClosedDay) -> Step:
    settled = "" if day.settled else " (unsettled: this reading counts it; others may not)"
    return Step.model_construct(
        kind=StepKind.ROLLED,
        date=day.date,
        text=f"{_long(day.date)} is {day.name}{settled}; the period runs to the next day "
        "that is not a weekend day or legal holiday.",
        authority=day.authority,
    )


def section_1983(rules: RuleSet, code: str, incident: dt.date) -> Deadline:
    """The federal civil-rights suit deadline under the borrowed state period.

    Example:
        >>> from qideadlines import load_rules
        >>> section_1983(load_rules(), "CO", dt.date(2024, 3, 15)).due
        datetime.date(2026, 3, 16)
    """
    name = NAMES[code]
    accrual = incident
    rows = [r for r in rules.rules_for(code, Track.SECTION_1983) if r.applies_to(accrual)]
    rule = next((r for r in rows if r.role is Role.RULE), None)
    if rule is None:  # the loader guarantees full coverage; a hand-built RuleSet may not
        msg = f"no section_1983 rule for {code} covers accrual on {accrual}."
        raise RuleDataError(rules.path, None, "accrual_from", msg)
    readings = _readings(rules, code, rows, accrual)
    chosen = readings[0]
    raw = add_period(accrual, rule.period)
    method, method_authority = _METHOD[rule.period.unit]
    applied = f", as applied in {rule.case}" if rule.case else ""
    steps = [
        Step.model_construct(
            kind=StepKind.ACCRUAL,
            date=accrual,
            text=f"The claim accrued on {_long(accrual)}, the incident date: a § 1983 claim "
            "accrues when the plaintiff knows or has reason to know of the injury.",
            authority=_WALLACE,
        ),
        Step.model_construct(
            kind=StepKind.PERIOD,
            date=None,
            text=f"Section 1983 borrows {name}'s general personal-injury period: {rule.period} "
            f"({rule.citation}{applied}).",
            authority=f"{rule.citation}; {_BORROWING}",
        ),
        Step.model_construct(
            kind=StepKind.RAW_DATE,
            date=raw,
            text=f"{rule.period} from {_long(accrual)}, counted {method}, ends on {_long(raw)}.",
            authority=method_authority,
        ),
    ]
    steps.extend(_rolled_step(day) for day in chosen.rolled_over)
    steps.extend(
        Step.model_construct(
            kind=StepKind.READING,
            date=other.due,
            text=f"For {other.label}, the last day would be {_long(other.due)}.",
            authority=f"{other.citation}; {other.computation}",
        )
        for other in readings[1:]
        if other.due != chosen.due
    )
    steps.append(
        Step.model_construct(
            kind=StepKind.DUE,
            date=chosen.due,
            text=f"File by {_long(chosen.due)}: the earliest reading ({chosen.label}).",
            authority=chosen.computation,
        )
    )
    warnings: list[str] = []
    if rule.confidence is not Confidence.HIGH:
        warnings.append(
            f"The {name} period is recorded at {rule.confidence} confidence "
            f"({rule.notes or 'see the rules file'}); check {rule.citation} before relying on it."
        )
    later = [r for r in readings if r.due > chosen.due]
    if later:
        latest = max(r.due for r in later)
        warnings.append(
            f"Authorities differ: some readings end as late as {_long(latest)}. "
            f"File by {_long(chosen.due)}, the earliest."
        )
    unsettled = {d.date: d for r in readings for d in r.rolled_over if not d.settled}
    warnings.extend(
        f"{_long(day.date)} ({day.name}) may be a day courts are closed ({day.authority}), "
        "but that is not settled, so the date to file by does not rely on it."
        for day in sorted(unsettled.values(), key=lambda d: d.date)
    )
    warnings.extend(r.notes for r in rows if r.role is Role.ALTERNATIVE and r.notes)
    return Deadline.model_construct(
        track=Track.SECTION_1983,
        jurisdiction=code,
        due=chosen.due,
        accrual_date=accrual,
        raw_date=raw,
        period=rule.period,
        citation=rule.citation,
        case=rule.case,
        source_url=rule.source_url,
        verified=rule.verified,
        confidence=rule.confidence,
        readings=tuple(readings),
        explanation=tuple(steps),
        warnings=tuple(warnings),
    )
