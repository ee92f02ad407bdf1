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

# The provenance columns every data file shares, each described once.
Citation = Annotated[
    NonEmpty,
    Field(description="The statute, rule or order, in the form the jurisdiction's courts cite it."),
]
CaseCited = Annotated[Text, Field(description="A court opinion that applied the rule, if any.")]
SourceUrl = Annotated[NonEmpty, Field(description="The page holding the text the row rests on.")]
Verified = Annotated[
    dt.date, Field(description="The day the row was last checked against that page.")
]
RowConfidence = Annotated[
    Confidence,
    Field(
        description=(
            "high: checked against the statute text or an opinion applying it; medium: two "
            "consistent secondary sources; low: one secondary source."
        )
    ),
]
AccrualFrom = Annotated[
    dt.date | None,
    Field(description="First accrual date the row governs (inclusive); blank: no lower bound."),
]
AccrualTo = Annotated[
    dt.date | None,
    Field(description="Last accrual date the row governs (inclusive); blank: still in force."),
]
Notes = Annotated[
    Text,
    Field(
        description=(
            "Maintainers' notes on the sources and what is uncertain; never shown to a person."
        )
    ),
]


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

    jurisdiction: str = Field(
        description="Two-letter code of the jurisdiction, or US for a federal track."
    )
    track: Track = Field(description="The claim or step this period governs.")
    role: Role = Field(
        description=(
            "rule: the period used; alternative: a longer reading shown beside it; none: the "
            "track sets no deadline here."
        )
    )
    defendant: Defendant = Field(
        description="Who the claim is against: any, local (city or county), state, or federal."
    )
    sued: Sued | None = Field(
        default=None,
        description=(
            "Whom the rule reaches, where it reaches only some of those sued: officers personally"
            " or the government body."
        ),
    )
    locality: Text = Field(
        description=(
            "The place whose own law this is (a city or county id); blank for the whole "
            "jurisdiction."
        )
    )
    conduct_from: dt.date | None = Field(
        description="The first day of conduct the law reaches; earlier conduct is outside it."
    )
    accrual_from: AccrualFrom
    accrual_to: AccrualTo
    period_value: int | None = Field(
        gt=0,
        le=10_000,
        description="Length of the period, with period_unit; blank where the row sets no deadline.",
    )
    period_unit: PeriodUnit | None = Field(description="The unit of period_value.")
    runs_from: RunsFrom | None = Field(
        description=(
            "What the period is counted from: incident, accrual, denial (of the claim), "
            "presentation (of the claim), or suit_deadline (counted back from the suit deadline)."
        )
    )
    waiting_value: int | None = Field(
        gt=0,
        le=10_000,
        description=(
            "Time that must pass after a notice before suit may be filed, with waiting_unit."
        ),
    )
    waiting_unit: PeriodUnit | None = Field(description="The unit of waiting_value.")
    recipient: Text = Field(description="Who must receive the notice or claim.")
    content: Text = Field(description="What the notice or claim must say.")
    consequence: Text = Field(description="What happens if the deadline is missed.")
    qualified_immunity: Immunity | None = Field(
        description=(
            "yes: qualified immunity can block the claim against officers; no: the law removes "
            "it; blank: not recorded."
        )
    )
    #: The rule that keeps or removes the defense (never the limitation period's citation).
    immunity_citation: Text = Field(
        default="",
        description=(
            "The law that keeps or removes qualified immunity (never the limitation period's "
            "citation)."
        ),
    )
    caps_fees: Text = Field(
        description="Damages caps and attorney-fee rules, as a person would want to know them."
    )
    warning: Text = Field(description="What a person is told about this rule, in plain words.")
    citation: Citation
    case: CaseCited
    source_url: SourceUrl
    verified: Verified
    confidence: RowConfidence
    notes: Notes

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

    jurisdiction: str = Field(
        description="Two-letter code of the jurisdiction, or US for the federal regime."
    )
    kind: CalendarKind = Field(
        description=(
            "computation: how a last day on a closed day moves; holidays: the legal-holiday "
            "statute; remove or add: a correction to the holidays package; closure: a day federal"
            " offices closed."
        )
    )
    holiday: Text = Field(description="The holiday's name, for remove, add and closure rows.")
    rule: Text = Field(
        description=(
            "The day rule: a date, a weekday of a month, an Easter offset, or for computation "
            "rows the days that move a last day."
        )
    )
    from_: dt.date | None = Field(
        alias="from",
        description="First year or day the row applies (inclusive); blank: no lower bound.",
    )
    to: dt.date | None = Field(
        description="Last year or day the row applies (inclusive); blank: still in force."
    )
    scope: Scope | None = Field(
        description=(
            "For computation rows: whether the rule reaches suits, notices of claim, or both "
            "(blank)."
        )
    )
    citation: Citation
    case: CaseCited = ""
    source_url: SourceUrl
    verified: Verified
    confidence: RowConfidence
    notes: Notes

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

    jurisdiction: str = Field(description="Two-letter code of the jurisdiction.")
    kind: TollingKind = Field(
        description=(
            "The disability: minority, incapacity, imprisonment or pending criminal charges."
        )
    )
    accrual_from: AccrualFrom
    accrual_to: AccrualTo
    majority_age: int | None = Field(
        ge=14, le=25, description="The age at which minority ends, for minority rows."
    )
    effect: TollingEffect = Field(
        description=(
            "suspend: the period does not run during the disability; grace: a stated time after "
            "it ends; none: no tolling; warn: explained, never applied."
        )
    )
    grace_value: int | None = Field(
        gt=0,
        le=10_000,
        description="For grace: the time allowed after the disability ends, with grace_unit.",
    )
    grace_unit: PeriodUnit | None = Field(description="The unit of grace_value.")
    cap_value: int | None = Field(
        gt=0,
        le=10_000,
        description="Longest the tolling may extend the period, with cap_unit; blank: no cap.",
    )
    cap_unit: PeriodUnit | None = Field(description="The unit of cap_value.")
    max_age: int | None = Field(
        ge=14,
        le=40,
        description="An age by which suit must be filed however the tolling runs; blank: none.",
    )
    tracks: tuple[Track, ...] = Field(
        description=(
            "The state-law tracks the statute also reaches (§ 1983 and Bivens always borrow it)."
        )
    )
    warning: Text = Field(description="What a person is told about this rule, in plain words.")
    citation: Citation
    case: CaseCited
    source_url: SourceUrl
    verified: Verified
    confidence: RowConfidence
    notes: Notes

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

    jurisdiction: str = Field(description="Two-letter code of the jurisdiction.")
    claim: Claim = Field(description="The kind of claim (false arrest, malicious prosecution, …).")
    event: AccrualEvent = Field(
        description="The event from which the state-law period runs for that claim."
    )
    tracks: tuple[Track, ...] = Field(
        description=(
            "The state-law tracks it governs; blank: every state-law track whose period runs from"
            " accrual."
        )
    )
    citation: Citation
    case: CaseCited
    source_url: SourceUrl
    verified: Verified
    confidence: RowConfidence
    notes: Notes

    _tracks = field_validator("tracks", mode="before")(_split_tracks)
    _url = field_validator("source_url")(_check_url)
    _code = field_validator("jurisdiction", mode="before")(_state_code)

    def reaches(self, track: Track) -> bool:
        """Whether this accrual rule governs the track."""
        return not self.tracks or track in self.tracks


class JurisdictionRules(BaseModel):
    """Every rule, calendar and tolling row that governs one jurisdiction."""

    model_config = FROZEN

    jurisdiction: Jurisdiction = Field(description="The jurisdiction the rows govern.")
    rules: tuple[RuleRow, ...] = Field(
        description="Its rows of state_rules.csv, with the federal (US) rows."
    )
    calendar: tuple[CalendarRow, ...] = Field(
        description="Its rows of court_calendars.csv, with the federal (US) rows."
    )
    tolling: tuple[TollingRow, ...] = Field(default=(), description="Its rows of tolling.csv.")
    accrual: tuple[AccrualRow, ...] = Field(
        default=(), description="Its rows of state_accrual.csv."
    )
