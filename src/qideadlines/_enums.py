"""The enums: tracks, claim kinds, defendants, periods, readings, rows.

Values are the lower-case strings the CSV files and the JSON output use.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AccrualEvent",
    "CalendarKind",
    "Claim",
    "Confidence",
    "Defendant",
    "Immunity",
    "PeriodUnit",
    "Regime",
    "Role",
    "RunsFrom",
    "Scope",
    "Status",
    "StepKind",
    "Sued",
    "TollingEffect",
    "TollingKind",
    "Track",
]


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


class AccrualEvent(StrEnum):
    """The event from which a state-law claim's period runs, by the state's law."""

    INCIDENT = "incident"
    LEGAL_PROCESS = "legal_process"  # held pursuant to legal process (arraignment, bound over)
    RELEASE = "release"  # released from custody
    FAVORABLE_TERMINATION = "favorable_termination"  # the prosecution ended in the person's favor
    CONVICTION_INVALIDATED = "conviction_invalidated"  # the conviction was set aside


class TollingKind(StrEnum):
    """The disability a row of ``tolling.csv`` is about."""

    MINORITY = "minority"
    INCAPACITY = "incapacity"
    IMPRISONMENT = "imprisonment"
    #: The person was charged with a crime arising from the incident (e.g. Cal. Gov. Code § 945.3).
    CHARGES = "charges"


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


class Sued(StrEnum):
    """Who is sued on a state-law claim: some periods reach only one of them."""

    OFFICERS = "officers"  # individual officers, sued personally
    GOVERNMENT = "government"  # the city, county, state or agency itself


class RunsFrom(StrEnum):
    """The event a period is counted from."""

    INCIDENT = "incident"
    ACCRUAL = "accrual"
    DENIAL = "denial"
    PRESENTATION = "presentation"
    #: Counted back from the suit's deadline: the last day to present a claim so
    #: that the wait before suit ends by then (a presentment with no deadline of its own).
    SUIT_DEADLINE = "suit_deadline"


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

    High: checked against the statute text or an opinion applying it. Medium: two consistent
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


class Scope(StrEnum):
    """The deadlines a computation rule reaches.

    `suits`: periods for filing suit (statutes of limitations). `notices`:
    deadlines to give a notice of claim or present a claim to a government.
    A rule row with no scope reaches both.
    """

    SUITS = "suits"
    NOTICES = "notices"


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
