"""One frozen spec per track: everything the engine and the explanations need to know of it.

Adding a track means one entry here, its rows in ``data/state_rules.csv`` and
its tests; ``tests/test_registry.py`` checks that the registry covers every
`Track`. No other module asks which track it is holding: each reads the spec.
"""

from enum import StrEnum
from typing import Final, NamedTuple

from ._enums import Defendant, Regime, Scope, Track

__all__ = [
    "REGISTRY",
    "SPECS",
    "Accrual",
    "BatchRole",
    "Coverage",
    "ImmunityPolicy",
    "Kind",
    "PeriodSource",
    "RowSource",
    "TollingReach",
    "TrackSpec",
    "spec_of",
]


class Kind(StrEnum):
    """What the deadline is for."""

    SUIT = "suit"  # file a lawsuit
    NOTICE = "notice"  # give a notice of claim
    CLAIM = "claim"  # have an administrative claim received
    CHARGE = "charge"  # a prosecutor's deadline: information, not the person's


class RowSource(StrEnum):
    """Where a track's rows come from."""

    OWN = "own"  # the jurisdiction's rows for this track
    FEDERAL = "federal"  # the ``US`` rows for this track, the same everywhere
    BORROWED = "borrowed"  # the jurisdiction's rows of the track named by `TrackSpec.borrows`


class Accrual(StrEnum):
    """Which law says when the period starts."""

    FEDERAL = "federal"  # federal accrual by claim kind (Wallace v. Kato)
    ROW = "row"  # the row's `runs_from`, with an accrual date only where the caller gave one


class PeriodSource(StrEnum):
    """Where the period comes from, which the explanation says."""

    BORROWED = "borrowed"  # the state's personal-injury period, borrowed for § 1983
    BORROWED_LIKE_1983 = "borrowed_like_1983"  # the same period, borrowed for Bivens
    STATUTE = "statute"  # the statute of the row itself


class TollingReach(StrEnum):
    """Whether the state's minority tolling reaches the track."""

    BORROWED = "borrowed"  # borrowed with the period (Tomanio, Hardin)
    LISTED = "listed"  # where the tolling row names the track
    FEDERAL_PERIOD = "federal_period"  # a federal statute's period: the state's tolling never
    CHILD_VICTIM = "child_victim"  # a charging period with its own rule for child victims


class ImmunityPolicy(StrEnum):
    """What the report says about qualified immunity on the track."""

    OFFICERS_NOT_ENTITIES = "officers_not_entities"  # § 1983: officers yes, cities no (Owen)
    FEDERAL_OFFICERS = "federal_officers"  # Bivens
    FROM_ROW = "from_row"  # the row's `qualified_immunity` column
    NONE = "none"  # not a suit


class Coverage(StrEnum):
    """What the report says when a jurisdiction has no rows for the track."""

    SILENT = "silent"  # nothing: the track's rows are federal or borrowed
    UNRESEARCHED = "unresearched"  # a deadline may exist and may be short; check the statute
    NO_ACT = "no_act"  # no cause of action is recorded; others' acts are listed


class BatchRole(StrEnum):
    """Whether a batch's `next_due` may name the track."""

    DEADLINE = "deadline"
    INFORMATION = "information"


_LOCAL, _STATE, _FEDERAL = Defendant.LOCAL, Defendant.STATE, Defendant.FEDERAL
_GOVERNMENT: Final = frozenset({_LOCAL, _STATE})
# A suit may be filed in federal or state court.
_COURTS: Final = (Regime.FEDERAL, Regime.STATE)
# A notice of claim goes to a government body: the state's rule decides, where one
# reaching notices is recorded (`court_calendars.csv`, `scope`); elsewhere nothing
# moves its last day.
_NOTICE: Final = (Regime.STATE,)
# An FTCA claim must be received by the agency; Rule 6(a)'s reach to the FTCA's periods
# has not been verified.
_FTCA: Final = (Regime.FEDERAL, Regime.NONE)


class TrackSpec(NamedTuple):
    """Everything about one track that is the same in every jurisdiction.

    The defaults describe a state-law suit; each entry says where it differs.
    """

    track: Track
    kind: Kind
    #: The kinds of defendant the track concerns.
    defendants: frozenset[Defendant]
    #: What must be done by the date, in words.
    action: str
    #: The computation rules its last day can be decided in; where none is settled to
    #: extend the last day, `Regime.NONE` is among them so `due` never relies on one.
    regimes: tuple[Regime, ...] = _COURTS
    #: Which computation rules reach it: a suit's or a notice's.
    scope: Scope = Scope.SUITS
    rows: RowSource = RowSource.OWN
    #: For `RowSource.BORROWED`, the track whose rows this one reads.
    borrows: Track | None = None
    #: For a notice, the suit it must precede (a presentment with no deadline of its own
    #: is due early enough for its wait to end by this suit's deadline).
    suit: Track | None = None
    accrual: Accrual = Accrual.ROW
    period: PeriodSource = PeriodSource.STATUTE
    tolling: TollingReach = TollingReach.LISTED
    immunity: ImmunityPolicy = ImmunityPolicy.FROM_ROW
    batch: BatchRole = BatchRole.DEADLINE
    #: What the report says when a jurisdiction has no rows for the track.
    coverage: Coverage = Coverage.SILENT
    #: Whether the cause of action itself is narrow enough that the report warns of it.
    narrow_remedy: bool = False
    #: Whether the report reminds that notice-of-claim statutes do not reach § 1983.
    notice_of_claim: bool = False
    #: Whether every jurisdiction must have a rule for every accrual date (checked at load).
    everywhere: bool = False


#: The tracks in the order reports list them.
SPECS: Final[tuple[TrackSpec, ...]] = (
    TrackSpec(
        Track.SECTION_1983,
        Kind.SUIT,
        _GOVERNMENT,
        "File a § 1983 suit",
        everywhere=True,
        accrual=Accrual.FEDERAL,
        period=PeriodSource.BORROWED,
        tolling=TollingReach.BORROWED,
        immunity=ImmunityPolicy.OFFICERS_NOT_ENTITIES,
    ),
    TrackSpec(
        Track.STATE_CIVIL_RIGHTS_SUIT,
        Kind.SUIT,
        _GOVERNMENT,
        "File suit under the state civil-rights act",
        coverage=Coverage.NO_ACT,
    ),
    TrackSpec(
        Track.STATE_CIVIL_RIGHTS_NOTICE,
        Kind.NOTICE,
        _GOVERNMENT,
        "Give the notice the state civil-rights act requires",
        regimes=_NOTICE,
        suit=Track.STATE_CIVIL_RIGHTS_SUIT,
        scope=Scope.NOTICES,
        immunity=ImmunityPolicy.NONE,
    ),
    TrackSpec(
        Track.LOCAL_TORT_NOTICE,
        Kind.NOTICE,
        frozenset({_LOCAL}),
        "Present a notice of claim to the local government",
        regimes=_NOTICE,
        suit=Track.LOCAL_TORT_SUIT,
        scope=Scope.NOTICES,
        immunity=ImmunityPolicy.NONE,
        coverage=Coverage.UNRESEARCHED,
        notice_of_claim=True,
    ),
    TrackSpec(
        Track.LOCAL_TORT_SUIT,
        Kind.SUIT,
        frozenset({_LOCAL}),
        "File a state-law tort suit against the local government or its staff",
        coverage=Coverage.UNRESEARCHED,
    ),
    TrackSpec(
        Track.STATE_TORT_NOTICE,
        Kind.NOTICE,
        frozenset({_STATE}),
        "Present a notice of claim to the state",
        regimes=_NOTICE,
        suit=Track.STATE_TORT_SUIT,
        scope=Scope.NOTICES,
        immunity=ImmunityPolicy.NONE,
        coverage=Coverage.UNRESEARCHED,
        notice_of_claim=True,
    ),
    TrackSpec(
        Track.STATE_TORT_SUIT,
        Kind.SUIT,
        frozenset({_STATE}),
        "File a state-law tort suit against the state or its staff",
        coverage=Coverage.UNRESEARCHED,
    ),
    TrackSpec(
        Track.BIVENS,
        Kind.SUIT,
        frozenset({_FEDERAL}),
        "File a Bivens suit against the federal officers",
        rows=RowSource.BORROWED,
        borrows=Track.SECTION_1983,
        accrual=Accrual.FEDERAL,
        period=PeriodSource.BORROWED_LIKE_1983,
        tolling=TollingReach.BORROWED,
        immunity=ImmunityPolicy.FEDERAL_OFFICERS,
        narrow_remedy=True,
    ),
    TrackSpec(
        Track.FTCA_CLAIM,
        Kind.CLAIM,
        frozenset({_FEDERAL}),
        "Have the federal agency receive an FTCA administrative claim",
        regimes=_FTCA,
        scope=Scope.NOTICES,
        rows=RowSource.FEDERAL,
        tolling=TollingReach.FEDERAL_PERIOD,
        immunity=ImmunityPolicy.NONE,
    ),
    TrackSpec(
        Track.FTCA_SUIT,
        Kind.SUIT,
        frozenset({_FEDERAL}),
        "File the FTCA suit against the United States",
        regimes=_FTCA,
        rows=RowSource.FEDERAL,
        tolling=TollingReach.FEDERAL_PERIOD,
        immunity=ImmunityPolicy.NONE,
    ),
    TrackSpec(
        Track.CRIMINAL_242,
        Kind.CHARGE,
        frozenset({_LOCAL, _STATE, _FEDERAL}),
        "Federal prosecutors' deadline to charge a § 242 crime (not yours)",
        regimes=(Regime.FEDERAL,),
        rows=RowSource.FEDERAL,
        tolling=TollingReach.CHILD_VICTIM,
        immunity=ImmunityPolicy.NONE,
        batch=BatchRole.INFORMATION,
    ),
)

#: Each track's spec.
REGISTRY: Final[dict[Track, TrackSpec]] = {spec.track: spec for spec in SPECS}


def spec_of(track: Track) -> TrackSpec:
    """The spec of one track.

    Example:
        >>> spec_of(Track.BIVENS).borrows
        <Track.SECTION_1983: 'section_1983'>
    """
    return REGISTRY[track]
