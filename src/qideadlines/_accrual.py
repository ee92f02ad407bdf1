"""When the clock starts and how long it stops: federal accrual, minority tolling, grievances.

Accrual of a § 1983 or Bivens claim is federal law; the period and its
tolling are borrowed from the state. Everything here is date arithmetic on
checked facts; the words are the explanation layer's.
"""

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from ._authorities import ACCRUAL
from ._enums import Claim, PeriodUnit, TollingEffect
from ._errors import MissingFactError
from ._models import Period, make_period
from ._periods import add_period
from ._rows import TollingRow

__all__ = [
    "FederalAccrual",
    "Limit",
    "Tolled",
    "exhaustion_days",
    "federal_accrual",
    "majority_day",
    "toll",
]


class FederalAccrual(NamedTuple):
    """When a federal claim accrued.

    ``given`` is True when the caller supplied the accrual date outright (a
    discovery-rule accrual), which the explanation says.
    """

    claim: Claim
    date: dt.date
    given: bool = False


def federal_accrual(
    claim: Claim,
    incident: dt.date,
    events: dict[str, dt.date | None],
    accrual_date: dt.date | None = None,
) -> FederalAccrual:
    """When a § 1983 or Bivens claim of this kind accrued.

    Args:
        claim: the claim kind.
        incident: the incident date.
        events: the dated events by keyword (``legal_process_date`` and so
            on); None where not given.
        accrual_date: an accrual date the caller asserts (a discovery-rule
            accrual); it takes the place of the claim's own rule.

    Raises:
        MissingFactError: the claim needs a date that was not given; the
            message names the keyword.

    Example:
        >>> federal_accrual(Claim.FALSE_ARREST, dt.date(2024, 3, 15),
        ...                 {"legal_process_date": dt.date(2024, 3, 18)}).date
        datetime.date(2024, 3, 18)
    """
    if accrual_date is not None:
        return FederalAccrual(claim, accrual_date, given=True)
    rule = ACCRUAL[claim]
    if rule.fact is None:
        return FederalAccrual(claim, incident)
    day = events.get(rule.fact)
    if day is None:
        msg = f"claim {claim.value!r} needs {rule.missing}; give {rule.fact}, or give accrual_date."
        raise MissingFactError(msg, facts=(rule.fact, "accrual_date"))
    return FederalAccrual(claim, day)


def majority_day(birth: dt.date, age: int, *, on_birthday: bool = False) -> dt.date:
    """The day a person born on `birth` reaches `age`.

    By default the day before the birthday: a day earlier than any reading
    that counts the age from the birthday, so a tolled date built on it is
    never the later one. `on_birthday` gives the birthday itself, as
    California counts it (Shalabi v. City of Fontana) and 15 O.S. § 13 says
    for Oklahoma.

    Example:
        >>> majority_day(dt.date(2008, 3, 15), 18)
        datetime.date(2026, 3, 14)
        >>> majority_day(dt.date(2008, 3, 15), 18, on_birthday=True)
        datetime.date(2026, 3, 15)
    """
    birthday = add_period(birth, make_period(age, PeriodUnit.YEARS))
    return birthday if on_birthday else birthday - dt.timedelta(days=1)


class Limit(StrEnum):
    """What capped a tolled last day."""

    CAP = "cap"  # no more than a stated time after the incident or accrual
    MAX_AGE = "max_age"  # not past a stated age


class Tolled(NamedTuple):
    """A last day moved by minority tolling, and what moved it.

    ``ends`` is the day minority ends as counted; ``limits`` are the limits
    that cut the move short, in order, each with the day a cap counts from.
    """

    raw: dt.date
    untolled: dt.date
    birth: dt.date
    ends: dt.date
    on_birthday: bool
    limits: tuple[tuple[Limit, dt.date | None], ...] = ()


def toll(  # noqa: PLR0913, PLR0917 - the parts of one tolled period
    row: TollingRow,
    birth: dt.date,
    start: dt.date,
    period: Period,
    raw: dt.date,
    incident: dt.date | None = None,
    *,
    on_birthday: bool = False,
) -> Tolled | None:
    """Apply minority tolling to one period, or None where it changes nothing.

    Tolling never makes a last day earlier: the tolled day is the later of the
    untolled one and the day the statute allows, limited by any cap. A cap is
    counted from the incident where one is given: some caps run from the act,
    which is never later than accrual.

    Example:
        >>> from qideadlines import load_rules, TollingKind
        >>> row = load_rules().tolling_for("TX", TollingKind.MINORITY, dt.date(2024, 3, 15))
        >>> two = make_period(2, PeriodUnit.YEARS)
        >>> toll(row, dt.date(2010, 1, 1), dt.date(2024, 3, 15), two, dt.date(2026, 3, 15)).raw
        datetime.date(2029, 12, 31)
    """
    if row.effect not in {TollingEffect.SUSPEND, TollingEffect.GRACE} or row.majority_age is None:
        return None
    ends = majority_day(birth, row.majority_age, on_birthday=on_birthday)
    if start >= ends:
        return None
    if row.effect is TollingEffect.SUSPEND:
        moved = add_period(ends, period)
    else:
        grace = row.grace
        assert grace is not None  # noqa: S101 - the data check requires it
        moved = add_period(ends, grace)
    limits: list[tuple[Limit, dt.date | None]] = []
    if row.cap is not None:
        base = min(start, incident) if incident is not None else start
        capped = add_period(base, row.cap)
        if capped < moved:
            moved = capped
            limits.append((Limit.CAP, base))
    if row.max_age is not None:
        oldest = majority_day(birth, row.max_age)
        if oldest < moved:
            moved = oldest
            limits.append((Limit.MAX_AGE, None))
    if moved <= raw:
        return None
    return Tolled(moved, raw, birth, ends, on_birthday, tuple(limits))


def exhaustion_days(start: dt.date, raw: dt.date, window: tuple[dt.date, dt.date]) -> int:
    """Days of a grievance process that fall inside a running period.

    Example:
        >>> exhaustion_days(dt.date(2024, 1, 1), dt.date(2026, 1, 1),
        ...                 (dt.date(2024, 2, 1), dt.date(2024, 3, 2)))
        30
    """
    begin, end = max(window[0], start), min(window[1], raw)
    return max((end - begin).days, 0)
