"""When the clock starts: claim kinds, federal accrual, and tolling for minority.

Accrual of a § 1983 or Bivens claim is federal law; the period and its tolling
are borrowed from the state. Each claim kind names the event that starts the
clock and the fact that dates it; a claim whose fact is missing is an error,
never a date counted from the wrong day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from ._compute import add_period
from ._errors import MissingFactError
from ._models import Claim, Confidence, Period, PeriodUnit, TollingEffect, TollingRow

__all__ = [
    "CLAIM_FACTS",
    "MAILBOX",
    "PLRA_TOLLING",
    "Accrual",
    "Plra",
    "Tolled",
    "exhaustion_days",
    "federal_accrual",
    "majority_day",
    "toll",
]

_WALLACE: Final = "Wallace v. Kato, 549 U.S. 384 (2007)"


@dataclass(frozen=True, slots=True)
class _ClaimRule:
    fact: str | None  # the keyword (and batch column) that dates the accrual event
    flag: str | None  # the CLI flag for it
    event: str  # what the date is, in words
    authority: str
    short: str = ""  # the date's name in an error message


_RULES: Final[dict[Claim, _ClaimRule]] = {
    Claim.EXCESSIVE_FORCE: _ClaimRule(
        None,
        None,
        "the incident: the person knew of the injury when the force was used",
        _WALLACE,
    ),
    Claim.UNLAWFUL_SEARCH: _ClaimRule(
        None,
        None,
        "the incident: the person knew of the injury when the search took place",
        _WALLACE,
    ),
    Claim.FALSE_ARREST: _ClaimRule(
        "legal_process_date",
        "--legal-process-date",
        "the day the person was held pursuant to legal process (bound over by a magistrate "
        "or arraigned on charges), when a false arrest or false imprisonment ends",
        f"{_WALLACE} (false imprisonment ends, and the claim accrues, once the victim becomes "
        "held pursuant to legal process)",
        "the date the person was held pursuant to legal process (arraigned or bound over)",
    ),
    Claim.MALICIOUS_PROSECUTION: _ClaimRule(
        "favorable_termination_date",
        "--favorable-termination-date",
        "the day the prosecution ended without a conviction",
        "Thompson v. Clark, 596 U.S. 36 (2022) (a favorable termination needs only that the "
        "prosecution ended without a conviction); McDonough v. Smith, 588 U.S. 109 (2019)",
        "the date the prosecution ended without a conviction",
    ),
    Claim.FABRICATED_EVIDENCE: _ClaimRule(
        "favorable_termination_date",
        "--favorable-termination-date",
        "the day the criminal proceedings ended in the person's favor (for example an acquittal)",
        "McDonough v. Smith, 588 U.S. 109 (2019)",
        "the date the prosecution ended in the person's favor",
    ),
    Claim.HECK_DEFERRED: _ClaimRule(
        "conviction_invalidated_date",
        "--conviction-invalidated-date",
        "the day the conviction was reversed, expunged, declared invalid or called into "
        "question by a writ of habeas corpus",
        "Heck v. Humphrey, 512 U.S. 477 (1994)",
        "the date the conviction was set aside",
    ),
}

#: The keyword each claim kind needs besides the incident date, or None.
CLAIM_FACTS: Final[dict[Claim, str | None]] = {claim: rule.fact for claim, rule in _RULES.items()}


@dataclass(frozen=True, slots=True)
class Accrual:
    """When a federal claim accrued, and why.

    ``given`` is True when the caller supplied the accrual date outright (a
    discovery-rule accrual), which the explanation says.
    """

    claim: Claim
    date: dt.date
    text: str
    authority: str
    given: bool = False


def _long(day: dt.date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def federal_accrual(
    claim: Claim,
    incident: dt.date,
    facts: dict[str, dt.date | None],
    accrual_date: dt.date | None = None,
) -> Accrual:
    """When a § 1983 or Bivens claim of this kind accrued.

    Args:
        claim: the claim kind.
        incident: the incident date.
        facts: the dated events by keyword (``legal_process_date`` and so on);
            None where not given.
        accrual_date: an accrual date the caller asserts (a discovery-rule
            accrual); it takes the place of the claim's own rule.

    Raises:
        MissingFactError: the claim needs a date that was not given; the
            message names the keyword and the CLI flag.

    Example:
        >>> federal_accrual(Claim.FALSE_ARREST, dt.date(2024, 3, 15),
        ...                 {"legal_process_date": dt.date(2024, 3, 18)}).date
        datetime.date(2024, 3, 18)
    """
    rule = _RULES[claim]
    if accrual_date is not None:
        return Accrual(
            claim,
            accrual_date,
            f"The claim accrued on {_long(accrual_date)}, the accrual date given (for example "
            "where the person did not know, and had no reason to know, of the injury until "
            "then: a discovery-rule accrual). The date relies on that fact.",
            f"{_WALLACE} (a claim accrues when the plaintiff knows or has reason to know of "
            "the injury)",
            given=True,
        )
    if rule.fact is None:
        return Accrual(
            claim,
            incident,
            f"The claim accrued on {_long(incident)}, {rule.event}.",
            rule.authority,
        )
    day = facts.get(rule.fact)
    if day is None:
        msg = (
            f"claim {claim.value!r} needs {rule.short}; give it as "
            f"{rule.fact}= (CLI {rule.flag}), or give accrual_date= (CLI --accrual-date)."
        )
        raise MissingFactError(msg)
    text = f"The claim accrued on {_long(day)}, {rule.event}."
    return Accrual(claim, day, text, rule.authority)


def majority_day(birth: dt.date, age: int, *, on_birthday: bool = False) -> dt.date:
    """The day a person born on `birth` reaches `age`.

    By default the day before the birthday: a day earlier than any reading
    that counts the age from the birthday, so a tolled date built on it is
    never the later one. `on_birthday` gives the birthday itself, as
    California counts it (Shalabi v. City of Fontana, No. S256665 (Cal. July
    12, 2021)) and 15 O.S. § 13 says for Oklahoma.

    Example:
        >>> majority_day(dt.date(2008, 3, 15), 18)
        datetime.date(2026, 3, 14)
        >>> majority_day(dt.date(2008, 3, 15), 18, on_birthday=True)
        datetime.date(2026, 3, 15)
    """
    birthday = add_period(birth, Period.model_construct(value=age, unit=PeriodUnit.YEARS))
    return birthday if on_birthday else birthday - dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Plra:
    """A circuit's answer on tolling during PLRA exhaustion, with its source."""

    status: str
    authority: str
    source_url: str
    confidence: Confidence


@dataclass(frozen=True, slots=True)
class Tolled:
    """A last day moved by minority tolling, and the explanation of the move."""

    raw: dt.date
    text: str


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
        >>> two = Period.model_construct(value=2, unit=PeriodUnit.YEARS)
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
        how = f"the {period} run from then"
    else:
        grace = row.grace
        assert grace is not None  # noqa: S101 - the data check requires it
        moved = add_period(ends, grace)
        how = f"suit may be brought within {grace} after it"
    limits = []
    if row.cap is not None:
        base = min(start, incident) if incident is not None else start
        limits.append((add_period(base, row.cap), f"no more than {row.cap} after {base}"))
    if row.max_age is not None:
        limits.append((majority_day(birth, row.max_age), f"not past age {row.max_age}"))
    for limit, words in limits:
        if limit < moved:
            moved, how = limit, f"{how}, but {words}"
    if moved <= raw:
        return None
    when = "the birthday" if on_birthday else "the day before the birthday, the earliest reading"
    text = (
        f"The person was a minor when the claim accrued (born {_long(birth)}); under "
        f"{row.citation}, minority ends at {row.majority_age}, counted here from "
        f"{_long(ends)} ({when}), and {how}: "
        f"{_long(moved)} instead of {_long(raw)}."
    )
    return Tolled(moved, text)


#: Whether each circuit tolls a prisoner's § 1983 period while PLRA exhaustion
#: (42 U.S.C. § 1997e(a)) is pending: "yes" with the holding, or "unsettled"; each with
#: the page read and how (high: the opinion; medium: a summary or quotation of it; low:
#: an absence of authority after a short search).
PLRA_TOLLING: Final[dict[str, Plra]] = {
    "1st": Plra(
        "unsettled",
        "no First Circuit holding found",
        "https://print.casetext.com/case/casanova-v-dubois",
        Confidence.LOW,
    ),
    "2nd": Plra(
        "yes",
        "Gonzalez v. Hasty, 651 F.3d 318 (2d Cir. 2011) (equitable tolling)",
        "https://law.justia.com/cases/federal/appellate-courts/ca2/07-1787/07-1787_opn-2011-06-22.html",
        Confidence.HIGH,
    ),
    "3rd": Plra(
        "yes",
        (
            "Pearson v. Sec'y Dep't of Corr., 775 F.3d 598 (3d Cir. 2015) (Pennsylvania "
            "tolling for a statutory prohibition, borrowed; other states of the circuit not"
            " decided)"
        ),
        "https://cetient.com/case/2767318/antonio-pearson-v-secretary-department-of-correc",
        Confidence.MEDIUM,
    ),
    "4th": Plra(
        "yes",
        (
            "Battle v. Ledford, 912 F.3d 708 (4th Cir. 2019) (federal equitable tolling "
            "where the state has no tolling rule)"
        ),
        "https://us4thcircuitcourtofappealsopinions.justia.com/2019/01/08/battle-v-ledford/",
        Confidence.MEDIUM,
    ),
    "5th": Plra(
        "yes",
        (
            "Harris v. Hegmann, 198 F.3d 153 (5th Cir. 1999); Clifford v. Gibbs, 298 F.3d "
            "328 (5th Cir. 2002)"
        ),
        "https://cetient.com/opinion/19317/harris-v-hegmann",
        Confidence.HIGH,
    ),
    "6th": Plra(
        "yes",
        "Brown v. Morgan, 209 F.3d 595 (6th Cir. 2000)",
        "http://casetext.com/case/brown-v-morgan",
        Confidence.MEDIUM,
    ),
    "7th": Plra(
        "yes",
        (
            "Johnson v. Rivera, 272 F.3d 519 (7th Cir. 2001) (Illinois tolling borrowed; "
            "other states of the circuit not decided)"
        ),
        "https://casetext.com/case/johnson-v-rivera-et-al",
        Confidence.MEDIUM,
    ),
    "8th": Plra(
        "unsettled",
        "not decided (Williams v. Pulaski Cnty., 278 F. App'x 695 (8th Cir. 2008))",
        "http://ecases.us/case/ca8/c48199/williams-v-pulaski-county-detention-facility",
        Confidence.LOW,
    ),
    "9th": Plra(
        "yes",
        (
            "Brown v. Valoff, 422 F.3d 926 (9th Cir. 2005); Soto v. Sweetman, 882 F.3d 865 "
            "(9th Cir. 2018)"
        ),
        "https://law.justia.com/cases/federal/appellate-courts/ca9/16-15497/16-15497-2018-02-09.html",
        Confidence.MEDIUM,
    ),
    "10th": Plra(
        "unsettled",
        (
            "state equitable tolling case by case (Braxton v. Zavaras, 614 F.3d 1156 (10th "
            "Cir. 2010))"
        ),
        "http://law.justia.com/cases/federal/appellate-courts/ca10/10-1053/10-1053-2011-03-14.html",
        Confidence.MEDIUM,
    ),
    "11th": Plra(
        "unsettled",
        "not decided (Leal v. Ga. Dep't of Corr., 254 F.3d 1276 (11th Cir. 2001))",
        "https://print.casetext.com/case/gallegos-v-cnty-jail-2",
        Confidence.MEDIUM,
    ),
    "D.C.": Plra(
        "unsettled",
        "no D.C. Circuit holding found",
        "",
        Confidence.LOW,
    ),
}

MAILBOX: Final = (
    "A prisoner's filing is made when it is handed to prison officials for mailing (Houston v. "
    "Lack, 487 U.S. 266 (1988); applied to a § 1983 complaint in Cooper v. Brookshire, 70 F.3d "
    "377 (5th Cir. 1995)); keep proof of the date. Do not rely on the rule in state court "
    "without checking the state's own rule."
)


def exhaustion_days(start: dt.date, raw: dt.date, window: tuple[dt.date, dt.date]) -> int:
    """Days of a grievance process that fall inside a running period.

    Example:
        >>> exhaustion_days(dt.date(2024, 1, 1), dt.date(2026, 1, 1),
        ...                 (dt.date(2024, 2, 1), dt.date(2024, 3, 2)))
        30
    """
    begin, end = max(window[0], start), min(window[1], raw)
    return max((end - begin).days, 0)
