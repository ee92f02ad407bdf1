"""Pydantic models and enums: rule rows, periods, readings, deadlines, reports.

Every model is frozen and forbids unknown fields. Enum values are the
lower-case strings the CSV files and the JSON output use.
"""

from __future__ import annotations

import datetime as dt
import functools
from enum import StrEnum
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ._jurisdictions import NAMES

__all__ = [
    "DISCLAIMER",
    "DUE_SOON_DAYS",
    "FEDERAL_TRACKS",
    "CalendarKind",
    "CalendarRow",
    "Claim",
    "ClosedDay",
    "Confidence",
    "Deadline",
    "DeadlineReport",
    "Defendant",
    "Immunity",
    "Jurisdiction",
    "JurisdictionRules",
    "Period",
    "PeriodUnit",
    "Reading",
    "Regime",
    "Role",
    "RuleRow",
    "RunsFrom",
    "Status",
    "Step",
    "StepKind",
    "TollingEffect",
    "TollingKind",
    "TollingRow",
    "Track",
]

#: A deadline this many days away or fewer is `due_soon`.
DUE_SOON_DAYS: Final = 30

DISCLAIMER: Final = (
    "This is legal information, not legal advice: confirm every deadline with a "
    "lawyer licensed in the jurisdiction."
)


class Track(StrEnum):
    """A parallel clock that one incident can start."""

    SECTION_1983 = "section_1983"
    STATE_CIVIL_RIGHTS_SUIT = "state_civil_rights_suit"
    STATE_CIVIL_RIGHTS_NOTICE = "state_civil_rights_notice"
    LOCAL_TORT_NOTICE = "local_tort_notice"
    LOCAL_TORT_SUIT = "local_tort_suit"
    STATE_TORT_NOTICE = "state_tort_notice"
    STATE_TORT_SUIT = "state_tort_suit"
    BIVENS = "bivens"
    FTCA_CLAIM = "ftca_claim"
    FTCA_SUIT = "ftca_suit"
    CRIMINAL_242 = "criminal_242"


#: Tracks whose rules are federal law, the same in every jurisdiction (rows under ``US``).
FEDERAL_TRACKS: Final = frozenset({Track.FTCA_CLAIM, Track.FTCA_SUIT, Track.CRIMINAL_242})


class Claim(StrEnum):
    """The kind of § 1983 claim, which decides when it accrues.

    Accrual is federal law (Wallace v. Kato, 549 U.S. 384 (2007)); the claims
    differ in the event that starts the clock.
    """

    EXCESSIVE_FORCE = "excessive-force"
    UNLAWFUL_SEARCH = "unlawful-search"
    FALSE_ARREST = "false-arrest"
    MALICIOUS_PROSECUTION = "malicious-prosecution"
    FABRICATED_EVIDENCE = "fabricated-evidence"
    HECK_DEFERRED = "heck-deferred"


class TollingKind(StrEnum):
    """The disability a row of ``tolling.csv`` is about."""

    MINORITY = "minority"
    INCAPACITY = "incapacity"
    IMPRISONMENT = "imprisonment"


class TollingEffect(StrEnum):
    """How a disability stops the clock.

    `suspend`: the period runs from the day the disability ends. `grace`: suit
    may be brought within a stated time after it ends, if that is later.
    `none`: no tolling. `warn`: tolling exists but turns on facts a birth date
    cannot establish (a court finding, a guardian), so it is only explained.
    """

    SUSPEND = "suspend"
    GRACE = "grace"
    NONE = "none"
    WARN = "warn"


class Role(StrEnum):
    """What a row of ``state_rules.csv`` says.

    The rule, another reading some authority adopts, or a cited statement that
    the law imposes no such deadline.
    """

    RULE = "rule"
    ALTERNATIVE = "alternative"
    NONE = "none"


class Defendant(StrEnum):
    """Who is sued or notified.

    A city, county or police department and its employees (local), the state
    itself and its employees (state), the United States and its officers
    (federal); `any` in the data means every kind.
    """

    LOCAL = "local"
    STATE = "state"
    FEDERAL = "federal"
    ANY = "any"


class RunsFrom(StrEnum):
    """The event a period is counted from."""

    INCIDENT = "incident"
    ACCRUAL = "accrual"
    DENIAL = "denial"
    PRESENTATION = "presentation"


class Immunity(StrEnum):
    """Whether qualified immunity is a defense to the claim on a track."""

    YES = "yes"
    NO = "no"


class PeriodUnit(StrEnum):
    """The unit a limitations or notice period is written in."""

    YEARS = "years"
    MONTHS = "months"
    DAYS = "days"


class Confidence(StrEnum):
    """How a row was verified.

    High: the statute text or an opinion was read. Medium: two consistent
    secondary sources. Low: one secondary source.
    """

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Regime(StrEnum):
    """Which computation rule decides where a last day falling on a closed day goes.

    `none` is the reading in which nothing moves the last day, used where no
    rule is settled to extend it (an FTCA claim must be *received* in time).
    """

    FEDERAL = "federal"
    STATE = "state"
    NONE = "none"


class CalendarKind(StrEnum):
    """What a row of ``court_calendars.csv`` says."""

    COMPUTATION = "computation"
    HOLIDAYS = "holidays"
    REMOVE = "remove"
    ADD = "add"
    CLOSURE = "closure"


class Status(StrEnum):
    """Where a deadline stands on the `today` the caller gave."""

    EXPIRED = "expired"
    DUE_SOON = "due_soon"
    OPEN = "open"


class StepKind(StrEnum):
    """One step of a deadline's explanation."""

    ACCRUAL = "accrual"
    PERIOD = "period"
    RAW_DATE = "raw_date"
    ROLLED = "rolled"
    READING = "reading"
    TOLLING = "tolling"
    DUE = "due"


# Schemas are built on first validation, not at import: the library builds its
# own output models with `model_construct` (their values are typed and come from
# validated rows), so a cold `qideadlines compute` only pays for the row schemas.
_FROZEN = ConfigDict(frozen=True, extra="forbid", defer_build=True)
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _check_url(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        msg = f"{value!r} is not a web address; give the http(s) URL of the page read"
        raise ValueError(msg)
    return value


class Period(BaseModel):
    """A length of time as the law writes it.

    Example:
        >>> str(Period(value=2, unit=PeriodUnit.YEARS))
        '2 years'
    """

    model_config = _FROZEN

    value: int = Field(gt=0, le=10_000)
    unit: PeriodUnit

    def __str__(self) -> str:
        unit = self.unit.value[:-1] if self.value == 1 else self.unit.value
        return f"{self.value} {unit}"


def _within(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether `day` is in the inclusive window; None is open-ended."""
    return (start is None or start <= day) and (end is None or day <= end)


@functools.cache
def _period(value: int, unit: PeriodUnit) -> Period:
    # Periods are immutable and few; sharing them keeps per-deadline cost low.
    return Period.model_construct(value=value, unit=unit)


class RuleRow(BaseModel):
    """One row of ``state_rules.csv``.

    A period for one track and jurisdiction over a window of accrual dates
    (both ends inclusive; None is open-ended).
    """

    model_config = _FROZEN

    jurisdiction: str
    track: Track
    role: Role
    defendant: Defendant
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
    caps_fees: Text
    warning: Text
    citation: NonEmpty
    case: Text
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _blank = field_validator(
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

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _known_jurisdiction(cls, value: object) -> object:
        if isinstance(value, str) and (value.strip().upper() in NAMES or value.strip() == "US"):
            return value.strip().upper()
        msg = f"{value!r} is not 'US' or a USPS code of the 56 jurisdictions"
        raise ValueError(msg)

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
        return _period(self.period_value, self.period_unit)

    @property
    def waiting(self) -> Period | None:
        """The waiting period before suit, if any."""
        if self.waiting_value is None or self.waiting_unit is None:
            return None
        return _period(self.waiting_value, self.waiting_unit)

    def applies_to(self, accrual: dt.date) -> bool:
        """Whether `accrual` falls in this row's window."""
        return _within(self.accrual_from, self.accrual_to, accrual)


class CalendarRow(BaseModel):
    """One row of ``court_calendars.csv``.

    A computation rule, a holiday statute, or a correction to the ``holidays``
    package's list. ``US`` rows apply to the federal regime everywhere.
    """

    model_config = _FROZEN

    jurisdiction: str
    kind: CalendarKind
    holiday: Text
    rule: Text
    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    citation: NonEmpty
    source_url: NonEmpty
    verified: dt.date
    confidence: Confidence
    notes: Text

    _blank_dates = field_validator("from_", "to", mode="before")(_blank_to_none)
    _url = field_validator("source_url")(_check_url)

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _known_jurisdiction(cls, value: object) -> object:
        if isinstance(value, str) and (value.strip().upper() in NAMES or value.strip() == "US"):
            return value.strip().upper()
        msg = f"{value!r} is not 'US' or a USPS code of the 56 jurisdictions"
        raise ValueError(msg)

    def applies_to(self, day: dt.date) -> bool:
        """Whether `day` falls in this row's window."""
        return _within(self.from_, self.to, day)


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

    model_config = _FROZEN

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

    @field_validator("jurisdiction", mode="before")
    @classmethod
    def _known_jurisdiction(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().upper() in NAMES:
            return value.strip().upper()
        msg = f"{value!r} is not a USPS code of the 56 jurisdictions"
        raise ValueError(msg)

    @property
    def grace(self) -> Period | None:
        """The time after the disability ends within which suit may be brought."""
        if self.grace_value is None or self.grace_unit is None:
            return None
        return _period(self.grace_value, self.grace_unit)

    @property
    def cap(self) -> Period | None:
        """The longest a tolled deadline may run after accrual, if limited."""
        if self.cap_value is None or self.cap_unit is None:
            return None
        return _period(self.cap_value, self.cap_unit)

    def applies_to(self, accrual: dt.date) -> bool:
        """Whether `accrual` falls in this row's window."""
        return _within(self.accrual_from, self.accrual_to, accrual)


class Jurisdiction(BaseModel):
    """A supported jurisdiction.

    Example:
        >>> Jurisdiction(code="CO", name="Colorado", circuit="10th").name
        'Colorado'
    """

    model_config = _FROZEN

    code: str
    name: str
    circuit: str


class JurisdictionRules(BaseModel):
    """Every rule, calendar and tolling row that governs one jurisdiction."""

    model_config = _FROZEN

    jurisdiction: Jurisdiction
    rules: tuple[RuleRow, ...]
    calendar: tuple[CalendarRow, ...]
    tolling: tuple[TollingRow, ...] = ()


class ClosedDay(BaseModel):
    """A day on which a last day does not fall, and why.

    ``settled`` is False where the authorities do not agree that courts are
    closed that day; such a day moves a reading but never `Deadline.due`.
    """

    model_config = _FROZEN

    date: dt.date
    name: str
    authority: str
    settled: bool = True


class Reading(BaseModel):
    """One computation of a deadline under one period and one computation rule."""

    model_config = _FROZEN

    due: dt.date
    regime: Regime
    role: Role
    start_date: dt.date
    runs_from: RunsFrom
    period: Period
    citation: str
    computation: str
    counts_unsettled_days: bool
    rolled_over: tuple[ClosedDay, ...]
    label: str


class Step(BaseModel):
    """One line of a deadline's explanation."""

    model_config = _FROZEN

    kind: StepKind
    date: dt.date | None
    text: str
    authority: str


class Deadline(BaseModel):
    """A computed deadline with the law behind it.

    ``due`` is the earliest of ``readings``; the others are where authorities
    differ, each with its own authority. Where the caller's facts establish
    tolling a statute clearly grants, ``readings`` are the tolled ones,
    ``tolling`` cites the statute and ``untolled_due`` is the date without it.
    """

    model_config = _FROZEN

    track: Track
    jurisdiction: str
    action: str
    defendant: Defendant
    due: dt.date
    start_date: dt.date
    runs_from: RunsFrom
    raw_date: dt.date
    period: Period
    citation: str
    case: str
    source_url: str
    verified: dt.date
    confidence: Confidence
    qualified_immunity: Immunity | None
    recipient: str = ""
    content: str = ""
    consequence: str = ""
    waiting_period: Period | None = None
    caps_fees: str = ""
    prosecutors_clock: bool = False
    days_remaining: int | None = None
    status: Status | None = None
    untolled_due: dt.date | None = None
    tolling: str = ""
    readings: tuple[Reading, ...]
    explanation: tuple[Step, ...]
    warnings: tuple[str, ...]


class DeadlineReport(BaseModel):
    """Every deadline one incident starts, with warnings and the disclaimer."""

    model_config = _FROZEN

    schema_version: int = 2
    jurisdiction: Jurisdiction
    incident_date: dt.date
    claim: Claim = Claim.EXCESSIVE_FORCE
    accrual_date: dt.date | None = None
    birth_date: dt.date | None = None
    defendants: tuple[Defendant, ...]
    locality: str
    today: dt.date | None = None
    deadlines: tuple[Deadline, ...]
    immunity: tuple[str, ...]
    warnings: tuple[str, ...]
    disclaimer: str = DISCLAIMER
