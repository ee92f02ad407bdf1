"""Every case and statute the code itself cites, each written once.

The rules of each jurisdiction live in ``data/``; what lives here is the
federal law that is the same everywhere: how § 1983 borrows its period, when
each kind of claim accrues, how periods are counted, the circuits' holdings on
tolling during prison grievances. The explanation layer words these; nothing
else spells a case name.
"""

from enum import StrEnum
from typing import Final, NamedTuple

from ._enums import Claim, Confidence, PeriodUnit

__all__ = [
    "ACCRUAL",
    "BIVENS_BORROWING",
    "BIVENS_LIMITS",
    "BORROWING",
    "CHILD_VICTIM",
    "DAYS_METHOD",
    "DISCOVERY",
    "FEDERAL_HOLIDAYS",
    "FEDERAL_OBSERVED",
    "FELDER",
    "FTCA_PERIOD",
    "MAILBOX",
    "METHOD",
    "MONTHS_METHOD",
    "OWEN",
    "PLRA",
    "PLRA_EXHAUSTION",
    "PRESIDENTIAL_CLOSURE",
    "SHALABI",
    "STATE_HOLIDAY_IN_FEDERAL_COURT",
    "TOLLING_BORROWED",
    "WALLACE",
    "YEARS_METHOD",
    "Authority",
    "ClaimAccrual",
    "Plra",
    "PlraStatus",
]


class Authority(NamedTuple):
    """A case or statute as the text cites it, with what it holds where that matters."""

    cite: str
    holding: str = ""

    def __str__(self) -> str:
        return f"{self.cite} ({self.holding})" if self.holding else self.cite


WALLACE: Final = Authority("Wallace v. Kato, 549 U.S. 384 (2007)")
DISCOVERY: Final = Authority(
    WALLACE.cite, "a claim accrues when the plaintiff knows or has reason to know of the injury"
)
BORROWING: Final = Authority(
    "Wilson v. Garcia, 471 U.S. 261 (1985); Owens v. Okure, 488 U.S. 235 (1989)"
)
BIVENS_BORROWING: Final = Authority(
    "Fisher v. Hollingsworth, No. 22-2846 (3d Cir. Aug. 15, 2024)",
    "Bivens and § 1983 claims 'operate under identical timeliness rules'",
)
TOLLING_BORROWED: Final = Authority(
    "Board of Regents v. Tomanio, 446 U.S. 478 (1980); Hardin v. Straub, 490 U.S. 536 (1989)"
)
SHALABI: Final = Authority("Shalabi v. City of Fontana, No. S256665 (Cal. July 12, 2021)")
OWEN: Final = Authority("Owen v. City of Independence, 445 U.S. 622 (1980)")
FELDER: Final = Authority("Felder v. Casey, 487 U.S. 131 (1988)")
BIVENS_LIMITS: Final = Authority(
    "Egbert v. Boule, 596 U.S. 482 (2022)",
    "refuses to extend Bivens to any new context where a special factor, such as an "
    "alternative remedial structure or an agency grievance process, counsels hesitation",
)
FTCA_PERIOD: Final = Authority("28 U.S.C. § 2401(b)")
PLRA_EXHAUSTION: Final = Authority("42 U.S.C. § 1997e(a)")
MAILBOX: Final = Authority(
    "Houston v. Lack, 487 U.S. 266 (1988)",
    "applied to a § 1983 complaint in Cooper v. Brookshire, 70 F.3d 377 (5th Cir. 1995)",
)
# Read 2026-11-22 (high) in the U.S. Code XML:
# https://github.com/TheJoshuaEvans/united-states-code/blob/HEAD/usc/18/3283.xml
CHILD_VICTIM: Final = Authority(
    "18 U.S.C. § 3283",
    "as amended Jan. 5, 2006; from Apr. 30, 2003 it ran for the child's life, and from "
    "Sept. 13, 1994 until the child reached 25",
)

YEARS_METHOD: Final = Authority(
    "United States v. Hurst, 322 F.3d 1256 (10th Cir. 2003); "
    "Merriweather v. City of Memphis, 107 F.3d 396 (6th Cir. 1997)"
)
MONTHS_METHOD: Final = Authority("N.Y. Gen. Constr. Law § 30")
DAYS_METHOD: Final = Authority("Fed. R. Civ. P. 6(a)(1)(A)")
#: How a period in each unit is counted, and the authority for it.
METHOD: Final[dict[PeriodUnit, Authority]] = {
    PeriodUnit.YEARS: YEARS_METHOD,
    PeriodUnit.MONTHS: MONTHS_METHOD,
    PeriodUnit.DAYS: DAYS_METHOD,
}

FEDERAL_HOLIDAYS: Final = Authority("5 U.S.C. § 6103(a); Fed. R. Civ. P. 6(a)(6)(A)")
FEDERAL_OBSERVED: Final = Authority("5 U.S.C. § 6103(b); Fed. R. Civ. P. 6(a)(6)(A)")
PRESIDENTIAL_CLOSURE: Final = Authority("Fed. R. Civ. P. 6(a)(6)(B)")
STATE_HOLIDAY_IN_FEDERAL_COURT: Final = Authority("Fed. R. Civ. P. 6(a)(6)(C)")


class ClaimAccrual(NamedTuple):
    """When one kind of § 1983 claim accrues, and the fact that dates it.

    ``fact`` is the keyword (and batch column) naming the date of the event
    that starts the clock, None where the clock starts on the incident.
    """

    fact: str | None
    event: str
    authority: Authority
    missing: str = ""


#: Accrual of each claim kind (federal law, Wallace v. Kato).
ACCRUAL: Final[dict[Claim, ClaimAccrual]] = {
    Claim.EXCESSIVE_FORCE: ClaimAccrual(
        None, "the incident: the person knew of the injury when the force was used", WALLACE
    ),
    Claim.UNLAWFUL_SEARCH: ClaimAccrual(
        None, "the incident: the person knew of the injury when the search took place", WALLACE
    ),
    Claim.FALSE_ARREST: ClaimAccrual(
        "legal_process_date",
        "the day the person was held pursuant to legal process (bound over by a magistrate "
        "or arraigned on charges), when a false arrest or false imprisonment ends",
        Authority(
            WALLACE.cite,
            "false imprisonment ends, and the claim accrues, once the victim becomes held "
            "pursuant to legal process",
        ),
        "the date the person was held pursuant to legal process (arraigned or bound over)",
    ),
    Claim.MALICIOUS_PROSECUTION: ClaimAccrual(
        "favorable_termination_date",
        "the day the prosecution ended without a conviction",
        Authority(
            "Thompson v. Clark, 596 U.S. 36 (2022) (a favorable termination needs only that the "
            "prosecution ended without a conviction); McDonough v. Smith, 588 U.S. 109 (2019)"
        ),
        "the date the prosecution ended without a conviction",
    ),
    Claim.FABRICATED_EVIDENCE: ClaimAccrual(
        "favorable_termination_date",
        "the day the criminal proceedings ended in the person's favor (for example an acquittal)",
        Authority("McDonough v. Smith, 588 U.S. 109 (2019)"),
        "the date the prosecution ended in the person's favor",
    ),
    Claim.HECK_DEFERRED: ClaimAccrual(
        "conviction_invalidated_date",
        "the day the conviction was reversed, expunged, declared invalid or called into "
        "question by a writ of habeas corpus",
        Authority("Heck v. Humphrey, 512 U.S. 477 (1994)"),
        "the date the conviction was set aside",
    ),
}


class PlraStatus(StrEnum):
    """Whether a circuit tolls the § 1983 period while a prisoner exhausts grievances."""

    TOLLS = "tolls"
    UNSETTLED = "unsettled"


class Plra(NamedTuple):
    """A circuit's answer on tolling during PLRA exhaustion, with the page holding it."""

    status: PlraStatus
    authority: str
    source_url: str
    confidence: Confidence


#: Whether each circuit tolls a prisoner's § 1983 period while PLRA exhaustion
#: (42 U.S.C. § 1997e(a)) is pending, with the page read and how (high: the
#: opinion; medium: a summary or quotation of it; low: an absence of authority
#: after a short search).
PLRA: Final[dict[str, Plra]] = {
    "1st": Plra(
        PlraStatus.UNSETTLED,
        "no First Circuit holding found",
        "https://print.casetext.com/case/casanova-v-dubois",
        Confidence.LOW,
    ),
    "2nd": Plra(
        PlraStatus.TOLLS,
        "Gonzalez v. Hasty, 651 F.3d 318 (2d Cir. 2011) (equitable tolling)",
        "https://law.justia.com/cases/federal/appellate-courts/ca2/07-1787/07-1787_opn-2011-06-22.html",
        Confidence.HIGH,
    ),
    "3rd": Plra(
        PlraStatus.TOLLS,
        "Pearson v. Sec'y Dep't of Corr., 775 F.3d 598 (3d Cir. 2015) (Pennsylvania tolling for "
        "a statutory prohibition, borrowed; other states of the circuit not decided)",
        "https://cetient.com/case/2767318/antonio-pearson-v-secretary-department-of-correc",
        Confidence.MEDIUM,
    ),
    "4th": Plra(
        PlraStatus.TOLLS,
        "Battle v. Ledford, 912 F.3d 708 (4th Cir. 2019) (federal equitable tolling where the "
        "state has no tolling rule)",
        "https://us4thcircuitcourtofappealsopinions.justia.com/2019/01/08/battle-v-ledford/",
        Confidence.MEDIUM,
    ),
    "5th": Plra(
        PlraStatus.TOLLS,
        "Harris v. Hegmann, 198 F.3d 153 (5th Cir. 1999); Clifford v. Gibbs, 298 F.3d 328 "
        "(5th Cir. 2002)",
        "https://cetient.com/opinion/19317/harris-v-hegmann",
        Confidence.HIGH,
    ),
    "6th": Plra(
        PlraStatus.TOLLS,
        "Brown v. Morgan, 209 F.3d 595 (6th Cir. 2000)",
        "http://casetext.com/case/brown-v-morgan",
        Confidence.MEDIUM,
    ),
    "7th": Plra(
        PlraStatus.TOLLS,
        "Johnson v. Rivera, 272 F.3d 519 (7th Cir. 2001) (Illinois tolling borrowed; other "
        "states of the circuit not decided)",
        "https://casetext.com/case/johnson-v-rivera-et-al",
        Confidence.MEDIUM,
    ),
    "8th": Plra(
        PlraStatus.UNSETTLED,
        "not decided (Williams v. Pulaski Cnty., 278 F. App'x 695 (8th Cir. 2008))",
        "http://ecases.us/case/ca8/c48199/williams-v-pulaski-county-detention-facility",
        Confidence.LOW,
    ),
    "9th": Plra(
        PlraStatus.TOLLS,
        "Brown v. Valoff, 422 F.3d 926 (9th Cir. 2005); Soto v. Sweetman, 882 F.3d 865 (9th "
        "Cir. 2018)",
        "https://law.justia.com/cases/federal/appellate-courts/ca9/16-15497/16-15497-2018-02-09.html",
        Confidence.MEDIUM,
    ),
    "10th": Plra(
        PlraStatus.UNSETTLED,
        "state equitable tolling case by case (Braxton v. Zavaras, 614 F.3d 1156 (10th Cir. 2010))",
        "http://law.justia.com/cases/federal/appellate-courts/ca10/10-1053/10-1053-2011-03-14.html",
        Confidence.MEDIUM,
    ),
    "11th": Plra(
        PlraStatus.UNSETTLED,
        "not decided (Leal v. Ga. Dep't of Corr., 254 F.3d 1276 (11th Cir. 2001))",
        "https://print.casetext.com/case/gallegos-v-cnty-jail-2",
        Confidence.MEDIUM,
    ),
    "D.C.": Plra(
        PlraStatus.UNSETTLED,
        "no D.C. Circuit holding found",
        "",
        Confidence.LOW,
    ),
}
