"""The report's models: periods, provenance, readings, steps, deadlines, the report.

Every model is frozen and forbids unknown fields. The library builds them with
`model_construct` from values it has already checked, so a cold
``qideadlines compute`` never pays for their validation schemas.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from ._enums import (
    Claim,
    Confidence,
    Defendant,
    Immunity,
    PeriodUnit,
    Regime,
    Role,
    RunsFrom,
    Status,
    StepKind,
    Track,
)

__all__ = [
    "DISCLAIMER",
    "DUE_SOON_DAYS",
    "FROZEN",
    "ClosedDay",
    "Deadline",
    "DeadlineReport",
    "Jurisdiction",
    "Period",
    "Provenance",
    "Reading",
    "Step",
    "make_period",
]

#: A deadline this many days away or fewer is `due_soon`.
DUE_SOON_DAYS: Final = 30

DISCLAIMER: Final = (
    "This is legal information, not legal advice: confirm every deadline with a "
    "lawyer licensed in the jurisdiction."
)

# Schemas are built on first validation, not at import.
FROZEN: Final = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Period(BaseModel):
    """A length of time as the law writes it.

    Example:
        >>> str(Period(value=2, unit=PeriodUnit.YEARS))
        '2 years'
    """

    model_config = FROZEN

    value: int = Field(gt=0, le=10_000, description="How many units.")
    unit: PeriodUnit = Field(description="Years, months or days.")

    def __str__(self) -> str:
        unit = self.unit.value[:-1] if self.value == 1 else self.unit.value
        return f"{self.value} {unit}"


@functools.cache
def make_period(value: int, unit: PeriodUnit) -> Period:
    """A shared `Period`: periods are immutable and few.

    Example:
        >>> make_period(2, PeriodUnit.YEARS) is make_period(2, PeriodUnit.YEARS)
        True
    """
    return Period.model_construct(value=value, unit=unit)


class Provenance(BaseModel):
    """Where a rule comes from, and how surely it was verified.

    Example:
        >>> Provenance(citation="Colo. Rev. Stat. § 13-80-102(1)(a)",
        ...            source_url="https://example.org", verified="2026-11-22",
        ...            confidence="high").confidence
        <Confidence.HIGH: 'high'>
    """

    model_config = FROZEN

    citation: str = Field(description="The statute or rule, in the form its courts cite it.")
    case: str = Field(default="", description="A court opinion that applied it, if any.")
    source_url: str = Field(description="The page holding its text.")
    verified: dt.date = Field(description="The day it was last checked against that page.")
    confidence: Confidence = Field(
        description="high: checked against the statute text or an opinion applying it; "
        "medium: two consistent secondary sources; low: one secondary source."
    )


class Jurisdiction(BaseModel):
    """A supported jurisdiction.

    Example:
        >>> Jurisdiction(code="CO", name="Colorado", circuit="10th").name
        'Colorado'
    """

    model_config = FROZEN

    code: str = Field(description="USPS code, e.g. 'CO'.")
    name: str = Field(description="Its name, e.g. 'Colorado'.")
    circuit: str = Field(description="Its federal judicial circuit; empty for American Samoa.")


class ClosedDay(BaseModel):
    """A day on which a last day does not fall, and why.

    ``settled`` is False where the authorities do not agree that courts are
    closed that day; such a day moves a reading but never `Deadline.due`.
    """

    model_config = FROZEN

    date: dt.date = Field(description="The day.")
    name: str = Field(description="Why it is closed: 'Saturday', a holiday's name.")
    authority: str = Field(description="The rule or statute that closes it.")
    settled: bool = Field(default=True, description="Whether the authorities agree.")


class Reading(BaseModel):
    """One computation of a deadline under one period and one computation rule."""

    model_config = FROZEN

    due: dt.date = Field(description="The last day under this reading.")
    regime: Regime = Field(description="Which court's computation rule decides the last day.")
    role: Role = Field(description="The rule, or another reading some authority adopts.")
    start_date: dt.date = Field(description="The day the period is counted from.")
    runs_from: RunsFrom = Field(description="The event the period is counted from.")
    period: Period = Field(description="The period counted.")
    citation: str = Field(description="The statute that sets the period.")
    computation: str = Field(description="The rule that moves a last day off closed days.")
    counts_unsettled_days: bool = Field(
        description="Whether the roll counts a day whose closure is not settled."
    )
    rolled_over: tuple[ClosedDay, ...] = Field(description="Each closed day passed, in order.")
    label: str = Field(description="The reading in words.")


class Step(BaseModel):
    """One line of a deadline's explanation."""

    model_config = FROZEN

    kind: StepKind = Field(description="What the step explains.")
    date: dt.date | None = Field(description="The date the step arrives at, if any.")
    text: str = Field(description="The step in words.")
    authority: str = Field(description="The law behind it.")


class Deadline(BaseModel):
    """A computed deadline with the law behind it.

    ``due`` is the earliest of ``readings``; the others are where authorities
    differ, each with its own authority. Where the caller's facts establish
    tolling a statute clearly grants, ``readings`` are the tolled ones,
    ``tolling`` cites the statute and ``untolled_due`` is the date without it.
    """

    model_config = FROZEN

    track: Track = Field(description="The clock this deadline belongs to.")
    jurisdiction: str = Field(description="USPS code, or 'US' for a federal track's rule.")
    action: str = Field(description="What must be done by the date.")
    defendant: Defendant = Field(description="Whom the deadline concerns ('any': every kind).")
    due: dt.date = Field(description="The date to act by: the earliest reading.")
    start_date: dt.date = Field(
        description="The day the period of `due` is counted from (for a presentment counted back "
        "from a suit deadline, that deadline)."
    )
    runs_from: RunsFrom = Field(description="The event the period is counted from.")
    raw_date: dt.date = Field(description="The period's last day before tolling and rolling.")
    period: Period = Field(description="The period of the rule that gives `due`.")
    rule: Provenance = Field(description="The rule that gives `due`, with its sources.")
    qualified_immunity: Immunity | None = Field(
        description="Whether qualified immunity is a defense on this track; null for notices."
    )
    immunity_authority: str = Field(
        default="",
        description="The rule that keeps or removes the qualified-immunity defense, if recorded.",
    )
    recipient: str = Field(default="", description="Who must receive a notice.")
    content: str = Field(default="", description="What a notice must say.")
    consequence: str = Field(default="", description="What happens if the date is missed.")
    waiting_period: Period | None = Field(
        default=None, description="How long after a claim is presented suit must wait."
    )
    caps_fees: str = Field(default="", description="Damage caps and fee rules of the statute.")
    prosecutors_clock: bool = Field(
        default=False, description="True for the prosecutor's deadline, which is not the person's."
    )
    days_remaining: int | None = Field(
        default=None, description="Days from `today` to `due` (negative once past)."
    )
    status: Status | None = Field(default=None, description="Where the deadline stands on `today`.")
    untolled_due: dt.date | None = Field(
        default=None, description="The date without the minority tolling `due` relies on."
    )
    tolling: Provenance | None = Field(
        default=None, description="The tolling statute `due` relies on, if any."
    )
    readings: tuple[Reading, ...] = Field(description="Every reading, earliest first.")
    explanation: tuple[Step, ...] = Field(description="How `due` was reached, step by step.")
    warnings: tuple[str, ...] = Field(description="What the date assumes or leaves out.")


class DeadlineReport(BaseModel):
    """Every deadline one incident starts, with warnings and the disclaimer."""

    model_config = FROZEN

    schema_version: int = Field(default=4, description="The version of this report's shape.")
    jurisdiction: Jurisdiction = Field(description="Where the incident happened.")
    incident_date: dt.date = Field(description="The day of the police encounter.")
    claim: Claim = Field(default=Claim.EXCESSIVE_FORCE, description="The kind of claim.")
    accrual_date: dt.date | None = Field(
        default=None, description="When the federal claim accrued."
    )
    birth_date: dt.date | None = Field(default=None, description="The person's date of birth.")
    defendants: tuple[Defendant, ...] = Field(description="The kinds of defendant reported on.")
    locality: str = Field(description="The place whose own rules were applied, if any.")
    today: dt.date | None = Field(default=None, description="The day days remaining count from.")
    deadlines: tuple[Deadline, ...] = Field(description="Every deadline that applies.")
    immunity: tuple[str, ...] = Field(description="Which tracks qualified immunity can block.")
    next_steps: tuple[str, ...] = Field(
        default=(),
        description=(
            "What would change or complete the dates: a fact to give, a deadline that needs a "
            "date first, a rule not yet recorded, a track with no deadline here."
        ),
    )
    warnings: tuple[str, ...] = Field(description="What the dates assume, for the whole report.")
    disclaimer: str = Field(default=DISCLAIMER, description="Legal information, not advice.")
