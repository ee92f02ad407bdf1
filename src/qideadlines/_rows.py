"""The data files' rows as models: rules, court calendars, tolling, one jurisdiction's set.

Each model mirrors one CSV file's columns; validation turns a cell into a
typed value or a message naming what would be accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from ._enums import (
    AccrualEvent,
    CalendarKind,
    Claim,
    Confidence,
    Defendant,
    Immunity,
    PeriodUnit,
    Role,
    RunsFrom,
    Scope,
    Sued,
    TollingEffect,
    TollingKind,
    Track,
)
from ._jurisdictions import NAMES
from ._models import FROZEN, Jurisdiction, Period, Provenance, make_period

__all__ = ["AccrualRow", "CalendarRow", "JurisdictionRules", "RuleRow", "TollingRow"]

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _check_url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        msg = f"{value!r} is not a web address; give the http(s) URL of the page read"
        raise ValueError(msg)
    return value


def _code_or_us(value: object) -> object:
    if isinstance(value, str) and (value.strip().upper() in NAMES or value.strip() == "US"):
        return value.strip().upper()
    msg = f"{value!r} is not 'US' or a USPS code of the 56 jurisdictions"
    raise ValueError(msg)


def _within(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether `day` is in the inclusive window; None is open-ended."""
    return (start is None or start <= day) and (end is None or day <= end)


def _provenance(row: RuleRow | TollingRow) -> Provenance:
    return Provenance.model_construct(
        citation=row.citation,
        case=row.case,
        source_url=row.source_url,
        verified=row.verified,
        confidence=row.confidence,
    )


class RuleRow(BaseModel):
    """One row of ``state_rules.csv``.

    A period for one track and jurisdiction over a window of accrual dates
    (both ends inclusive; None is open-ended).
    """

    model_config = FROZEN

    jurisdiction: str
    track: Track
    role: Role
    defendant: Defendant
    sued: Sued | None = None
    locality: Text
    conduct_from: dt.date | None
    accrual_from: dt.date | None
    accrual_to: dt.date | None
    period_value: int | None = Field(gt=0, le=10_000)
    period_unit: PeriodUnit | None
    runs_from: RunsFrom | None
    waiting_value: int | None = Field(gt=0, le=10_000)
    waiting_unit: PeriodUnit | None
    recipient: Text
    content: Text
    consequence: Text
    qualified_immunity: Immunity | None
    #: The rule that keeps or removes the defense (never the limitation period's citation).
    immunity_citation: Text = ""
    caps_fees: Text
    warning: Text
    citation: NonEmpty
    case: Text
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _blank = field_validator(
        "sued",
        "conduct_from",
        "accrual_from",
        "accrual_to",
        "period_value",
        "period_unit",
        "runs_from",
        "waiting_value",
        "waiting_unit",
        "qualified_immunity",
        mode="before",
    )(_blank_to_none)
    _url = field_validator("source_url")(_check_url)
    _code = field_validator("jurisdiction", mode="before")(_code_or_us)

    @field_validator("locality", mode="after")
    @classmethod
    def _lower_locality(cls, value: str) -> str:
        return value.lower()

    @property
    def period(self) -> Period:
        """The period as a `Period`.

        Raises:
            ValueError: the row is a `none` row and has no period.
        """
        if self.period_value is None or self.period_unit is None:
            msg = f"the {self.role} row for {self.jurisdiction} {self.track} has no period"
            raise ValueError(msg)
        return make_period(self.period_value, self.period_unit)

    @property
    def waiting(self) -> Period | None:
        """The waiting period before suit, if any."""
        if self.waiting_value is None or self.waiting_unit is None:
            return None
        return make_period(self.waiting_value, self.waiting_unit)

    @property
    def provenance(self) -> Provenance:
        """The row's citation, case, source, verification date and confidence."""
        return _provenance(self)

    def applies_to(self, accrual: dt.date) -> bool:
        """Whether `accrual` falls in this row's window."""
        return _within(self.accrual_from, self.accrual_to, accrual)


class CalendarRow(BaseModel):
    """One row of ``court_calendars.csv``.

    A computation rule, a holiday statute, or a correction to the ``holidays``
    package's list. ``US`` rows apply to the federal regime everywhere.
    """

    model_config = FROZEN

    jurisdiction: str
    kind: CalendarKind
    holiday: Text
    rule: Text
    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    scope: Scope | None
    citation: NonEmpty
    case: Text = ""
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _blank_dates = field_validator("from_", "to", "scope", mode="before")(_blank_to_none)
    _url = field_validator("source_url")(_check_url)
    _code = field_validator("jurisdiction", mode="before")(_code_or_us)

    def covers(self, day: dt.date) -> bool:
        """Whether `day` falls in this row's window."""
        return _within(self.from_, self.to, day)

    def reaches(self, scope: Scope) -> bool:
        """Whether a computation row reaches deadlines of this scope (no scope: every one)."""
        return self.scope is None or self.scope is scope


def _state_code(value: object) -> object:
    """One of the 56 jurisdictions' codes, upper-cased (never ``US``)."""
    if isinstance(value, str) and value.strip().upper() in NAMES:
        return value.strip().upper()
    msg = f"{value!r} is not a USPS code of the 56 jurisdictions"
    raise ValueError(msg)


def _split_tracks(value: object) -> object:
    if isinstance(value, str):
        return tuple(value.replace(",", " ").split())
    return value


class TollingRow(BaseModel):
    """One row of ``tolling.csv``: how a jurisdiction tolls its personal-injury period.

    The § 1983 and Bivens tracks borrow the state's tolling with its period
    (Board of Regents v. Tomanio, 446 U.S. 478 (1980); Hardin v. Straub, 490
    U.S. 536 (1989)); ``tracks`` names the state-law tracks the statute also
    reaches.
    """

    model_config = FROZEN

    jurisdiction: str
    kind: TollingKind
    accrual_from: dt.date | None
    accrual_to: dt.date | None
    majority_age: int | None = Field(ge=14, le=25)
    effect: TollingEffect
    grace_value: int | None = Field(gt=0, le=10_000)
    grace_unit: PeriodUnit | None
    cap_value: int | None = Field(gt=0, le=10_000)
    cap_unit: PeriodUnit | None
    max_age: int | None = Field(ge=14, le=40)
    tracks: tuple[Track, ...]
    warning: Text
    citation: NonEmpty
    case: Text
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _blank = field_validator(
        "accrual_from",
        "accrual_to",
        "majority_age",
        "grace_value",
        "grace_unit",
        "cap_value",
        "cap_unit",
        "max_age",
        mode="before",
    )(_blank_to_none)
    _tracks = field_validator("tracks", mode="before")(_split_tracks)
    _url = field_validator("source_url")(_check_url)
    _code = field_validator("jurisdiction", mode="before")(_state_code)

    @property
    def grace(self) -> Period | None:
        """The time after the disability ends within which suit may be brought."""
        if self.grace_value is None or self.grace_unit is None:
            return None
        return make_period(self.grace_value, self.grace_unit)

    @property
    def cap(self) -> Period | None:
        """The longest a tolled deadline may run after accrual, if limited."""
        if self.cap_value is None or self.cap_unit is None:
            return None
        return make_period(self.cap_value, self.cap_unit)

    @property
    def provenance(self) -> Provenance:
        """The row's citation, case, source, verification date and confidence."""
        return _provenance(self)

    def applies_to(self, accrual: dt.date) -> bool:
        """Whether `accrual` falls in this row's window."""
        return _within(self.accrual_from, self.accrual_to, accrual)


class AccrualRow(BaseModel):
    """One row of ``state_accrual.csv``: when a state-law claim of one kind accrues.

    ``tracks`` names the state-law tracks it governs (every state-law track
    whose period runs from accrual, where empty).
    """

    model_config = FROZEN

    jurisdiction: str
    claim: Claim
    event: AccrualEvent
    tracks: tuple[Track, ...]
    citation: NonEmpty
    case: Text
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _tracks = field_validator("tracks", mode="before")(_split_tracks)
    _url = field_validator("source_url")(_check_url)
    _code = field_validator("jurisdiction", mode="before")(_state_code)

    def reaches(self, track: Track) -> bool:
        """Whether this accrual rule governs the track."""
        return not self.tracks or track in self.tracks


class JurisdictionRules(BaseModel):
    """Every rule, calendar and tolling row that governs one jurisdiction."""

    model_config = FROZEN

    jurisdiction: Jurisdiction
    rules: tuple[RuleRow, ...]
    calendar: tuple[CalendarRow, ...]
    tolling: tuple[TollingRow, ...] = ()
    accrual: tuple[AccrualRow, ...] = ()
