"""Turning what callers pass into checked facts, for the Python API and batch alike.

Every check a fact gets happens here, once: dates are `datetime.date` objects in
the supported range (batch cells are parsed from text first), codes are known,
kinds are enum members. Errors name the keyword of `compute_deadlines`; the
command line says them as its flags.
"""

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Final, NamedTuple

from ._accrual import FederalAccrual, federal_accrual
from ._enums import Claim, Defendant, Sued, Track
from ._errors import DateOutOfRangeError, InvalidDateError, InvalidFactError, MissingFactError
from ._names import DATE_FACTS

__all__ = [
    "EARLIEST_INCIDENT",
    "EARLIEST_TODAY",
    "EVERYONE",
    "EVERY_SUED",
    "LATEST_INCIDENT",
    "Facts",
    "cell_date",
    "cell_facts",
    "make_facts",
    "parse_claim",
    "parse_defendants",
    "parse_sued",
    "parse_tracks",
    "require_date",
]

#: The incident dates the rules are researched for, inclusive.
EARLIEST_INCIDENT: Final = dt.date(1950, 1, 1)
LATEST_INCIDENT: Final = dt.date(2100, 12, 31)
#: The earliest `today` accepted: a date to count days remaining from, not an incident.
EARLIEST_TODAY: Final = dt.date(1900, 1, 1)
#: Every kind of defendant a caller can name.
EVERYONE: Final = frozenset({Defendant.LOCAL, Defendant.STATE, Defendant.FEDERAL})
#: Both: individual officers and the government body (what is assumed unless said).
EVERY_SUED: Final = frozenset(Sued)

_TRUE: Final = frozenset({"yes", "y", "true", "1"})
_FALSE: Final = frozenset({"", "no", "n", "false", "0"})
_SPLIT: Final = re.compile(r"[;,|\s]+")


class Facts(NamedTuple):
    """What the caller said about the incident beyond its place and date, checked.

    ``accrual`` is when the federal claim accrued (None: on the incident date,
    as an excessive-force claim does); ``events`` the dated events given, by
    keyword (``legal_process_date`` ...); ``claim_given`` is whether the caller
    named a claim kind or an accrual date; ``sued`` who is sued (both kinds
    unless the caller said, ``sued_given``).
    """

    defendants: frozenset[Defendant] = EVERYONE
    locality: str = ""
    denial_date: dt.date | None = None
    accrual: FederalAccrual | None = None
    birth_date: dt.date | None = None
    exhaustion: tuple[dt.date, dt.date] | None = None
    prisoner: bool = False
    events: tuple[tuple[str, dt.date], ...] = ()
    claim_given: bool = True
    notice_date: dt.date | None = None
    sued: frozenset[Sued] = EVERY_SUED
    sued_given: bool = False

    @property
    def claim(self) -> Claim:
        """The claim kind; excessive force where none was given."""
        return self.accrual.claim if self.accrual is not None else Claim.EXCESSIVE_FORCE

    def event(self, name: str) -> dt.date | None:
        """The date given for one event keyword, if any."""
        return next((day for key, day in self.events if key == name), None)


def require_date(
    value: object, name: str, *, earliest: dt.date = EARLIEST_INCIDENT, after: str = ""
) -> dt.date:
    """`value` as a date in range; `after` names the fact whose date is `earliest`.

    Raises:
        InvalidDateError: not a `datetime.date` (a `datetime` is refused too).
        DateOutOfRangeError: outside `earliest` to `LATEST_INCIDENT`.

    Example:
        >>> require_date(dt.date(2024, 3, 15), "incident_date")
        datetime.date(2024, 3, 15)
    """
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = (
            f"{name} must be a datetime.date, not {type(value).__name__} {value!r}; "
            "pass e.g. datetime.date(2024, 3, 15)."
        )
        raise InvalidDateError(msg, facts=(name,))
    if after and value < earliest:
        msg = f"{name} {value.isoformat()} is before {after} {earliest.isoformat()}."
        raise DateOutOfRangeError(msg, facts=(name, after))
    if not earliest <= value <= LATEST_INCIDENT:
        msg = (
            f"{name} {value.isoformat()} is outside the supported range "
            f"{earliest.isoformat()} to {LATEST_INCIDENT.isoformat()}."
        )
        raise DateOutOfRangeError(msg, facts=(name,))
    return value


def _after_incident(value: object, name: str, incident: dt.date) -> dt.date | None:
    if value is None:
        return None
    return require_date(value, name, earliest=incident, after="the incident")


def parse_claim(value: object) -> Claim:
    """A claim kind from its id; excessive force by default.

    Raises:
        InvalidFactError: not one of the claim kinds.

    Example:
        >>> parse_claim("False-Arrest")
        <Claim.FALSE_ARREST: 'false-arrest'>
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Claim.EXCESSIVE_FORCE
    try:
        if not isinstance(value, str):
            raise ValueError(value)  # noqa: TRY004, TRY301 - one message for every wrong value
        return Claim(value.strip().lower().replace("_", "-"))
    except ValueError:
        known = ", ".join(c.value for c in Claim)
        msg = f"claim {value!r} is not one of: {known}."
        raise InvalidFactError(msg, facts=("claim",)) from None


def parse_defendants(value: object) -> frozenset[Defendant]:
    """The kinds of defendant named; all three by default.

    A string may name several, separated by ``;``, ``,``, ``|`` or spaces.

    Raises:
        InvalidFactError: an unknown kind, or none at all.

    Example:
        >>> sorted(parse_defendants("local; state"))
        [<Defendant.LOCAL: 'local'>, <Defendant.STATE: 'state'>]
    """
    if value is None:
        return EVERYONE
    if isinstance(value, str):
        items: list[object] = [d for d in _SPLIT.split(value.strip()) if d]
    elif isinstance(value, Iterable):
        items = list(value)
    else:
        msg = f"defendants {value!r} is not a list of 'local', 'state' or 'federal'."
        raise InvalidFactError(msg, facts=("defendants",))
    found: set[Defendant] = set()
    for item in items:
        kind = None
        if isinstance(item, str):
            try:
                kind = Defendant(item.strip().lower())
            except ValueError:
                kind = None
        if kind is None or kind is Defendant.ANY:
            msg = f"defendant {item!r} is not one of 'local', 'state' or 'federal'."
            raise InvalidFactError(msg, facts=("defendants",))
        found.add(kind)
    if not found:
        msg = "defendants is empty; name at least one of 'local', 'state' or 'federal'."
        raise InvalidFactError(msg, facts=("defendants",))
    return frozenset(found)


def parse_sued(value: object) -> frozenset[Sued] | None:
    """Who is sued: individual officers, the government body, or both; None if not said.

    Raises:
        InvalidFactError: a value that is neither ``officers`` nor ``government``.

    Example:
        >>> sorted(parse_sued("officers"))
        [<Sued.OFFICERS: 'officers'>]
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    items: list[object]
    if isinstance(value, str):
        items = [v for v in _SPLIT.split(value.strip()) if v]
    elif isinstance(value, Iterable):
        items = list(value)
    else:
        items = [value]
    found: set[Sued] = set()
    for item in items:
        try:
            if not isinstance(item, str):
                raise ValueError(item)  # noqa: TRY004, TRY301 - one message for every wrong value
            found.add(Sued(item.strip().lower()))
        except ValueError:
            msg = f"sued {item!r} is not one of 'officers' or 'government'."
            raise InvalidFactError(msg, facts=("sued",)) from None
    return frozenset(found) or None


def parse_tracks(value: object) -> tuple[Track, ...]:
    """Track ids in the library's order; every track by default.

    Raises:
        InvalidFactError: an id that is not a track, or not a list of ids.

    Example:
        >>> parse_tracks(["bivens", "section_1983"])
        (<Track.SECTION_1983: 'section_1983'>, <Track.BIVENS: 'bivens'>)
    """
    if value is None:
        return tuple(Track)
    items: Iterable[object]
    if isinstance(value, str):
        items = [t for t in _SPLIT.split(value.strip()) if t]
    elif isinstance(value, Iterable):
        items = value
    else:
        msg = f"tracks {value!r} is not a list of track ids such as ['section_1983']."
        raise InvalidFactError(msg, facts=("tracks",))
    wanted: set[Track] = set()
    for item in items:
        try:
            if not isinstance(item, str):
                raise ValueError(item)  # noqa: TRY004, TRY301 - one message for every wrong value
            wanted.add(Track(item.strip()))
        except ValueError:
            known = ", ".join(t.value for t in Track)
            msg = f"track {item!r} is not one of: {known}."
            raise InvalidFactError(msg, facts=("tracks",)) from None
    return tuple(t for t in Track if t in wanted)


def _locality(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        msg = f"locality {value!r} is not text; give a place's id such as 'nyc'."
        raise InvalidFactError(msg, facts=("locality",))
    # "New Castle County" and "new-castle-county" name the place `new_castle_county`.
    return "_".join(value.strip().lower().replace("-", " ").split())


def _prisoner(value: object) -> bool:
    if isinstance(value, bool):
        return value
    msg = f"prisoner {value!r} is not True or False."
    raise InvalidFactError(msg, facts=("prisoner",))


def make_facts(  # noqa: PLR0913 - each keyword is one documented fact of compute_deadlines
    incident: dt.date,
    *,
    defendants: object = None,
    locality: object = None,
    denial_date: object = None,
    claim: object = None,
    accrual_date: object = None,
    legal_process_date: object = None,
    favorable_termination_date: object = None,
    conviction_invalidated_date: object = None,
    birth_date: object = None,
    exhaustion_start: object = None,
    exhaustion_end: object = None,
    prisoner: object = False,
    release_date: object = None,
    notice_date: object = None,
    sued: object = None,
) -> Facts:
    """Check the facts of `compute_deadlines` once.

    Raises:
        InvalidFactError, MissingFactError, InvalidDateError, DateOutOfRangeError:
            as `compute_deadlines` documents.

    Example:
        >>> make_facts(dt.date(2024, 3, 15), claim="unlawful-search").accrual.date
        datetime.date(2024, 3, 15)
    """
    denial = _after_incident(denial_date, "denial_date", incident)
    kind = parse_claim(claim)
    events = {
        "legal_process_date": _after_incident(legal_process_date, "legal_process_date", incident),
        "favorable_termination_date": _after_incident(
            favorable_termination_date, "favorable_termination_date", incident
        ),
        "conviction_invalidated_date": _after_incident(
            conviction_invalidated_date, "conviction_invalidated_date", incident
        ),
        "release_date": _after_incident(release_date, "release_date", incident),
    }
    accrual = federal_accrual(
        kind, incident, events, _after_incident(accrual_date, "accrual_date", incident)
    )
    birth = None
    if birth_date is not None:
        birth = require_date(birth_date, "birth_date", earliest=dt.date(1850, 1, 1))
        if birth > incident:
            msg = f"birth_date {birth.isoformat()} is after the incident {incident.isoformat()}."
            raise DateOutOfRangeError(msg, facts=("birth_date",))
    who = parse_sued(sued)
    if (exhaustion_start is None) != (exhaustion_end is None):
        msg = "give both exhaustion_start and exhaustion_end."
        raise MissingFactError(msg, facts=("exhaustion_start", "exhaustion_end"))
    exhaustion = None
    if exhaustion_start is not None and exhaustion_end is not None:
        begin = require_date(
            exhaustion_start, "exhaustion_start", earliest=incident, after="the incident"
        )
        end = require_date(
            exhaustion_end, "exhaustion_end", earliest=begin, after="exhaustion_start"
        )
        exhaustion = (begin, end)
    return Facts(
        defendants=parse_defendants(defendants),
        locality=_locality(locality),
        denial_date=denial,
        accrual=accrual,
        birth_date=birth,
        exhaustion=exhaustion,
        prisoner=_prisoner(prisoner),
        events=tuple((name, day) for name, day in events.items() if day is not None),
        claim_given=claim is not None or accrual_date is not None,
        notice_date=_after_incident(notice_date, "notice_date", incident),
        sued=who or EVERY_SUED,
        sued_given=who is not None,
    )


def cell_date(value: object, column: str) -> dt.date:
    """A batch cell as a date: a `datetime.date`, or text written YYYY-MM-DD or M/D/YYYY.

    A date with slashes is read as the United States writes it, month first;
    one that can only be day first, or has a two-digit year, is refused with
    the reason rather than guessed.

    Raises:
        InvalidDateError: anything else.

    Example:
        >>> cell_date(" 2024-03-15 ", "incident_date"), cell_date("3/15/2024", "today")
        (datetime.date(2024, 3, 15), datetime.date(2024, 3, 15))
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    msg = f"{column} {value!r} is not a date; use YYYY-MM-DD, for example 2024-03-15."
    text = value.strip() if isinstance(value, str) else ""
    if "/" in text:
        return _us_date(text, column, msg)
    # fromisoformat alone would also take 20240315 and 2024-W11-5.
    digits = text[:4] + text[5:7] + text[8:]
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not digits.isdigit():  # noqa: PLR2004
        raise InvalidDateError(msg, facts=(column,))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDateError(msg, facts=(column,)) from None


def _us_date(text: str, column: str, msg: str) -> dt.date:
    parts = text.split("/")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 4 for p in parts):  # noqa: PLR2004
        raise InvalidDateError(msg, facts=(column,))
    month, day, year = (int(p) for p in parts)
    if len(parts[2]) != 4:  # noqa: PLR2004
        why = (
            f"{column} {text!r} has a two-digit year, which could be either century; "
            "write 3/15/2024 or 2024-03-15."
        )
        raise InvalidDateError(why, facts=(column,))
    if month > 12 and day <= 12:  # noqa: PLR2004
        why = (
            f"{column} {text!r} can only be day/month/year, but dates with slashes are read "
            "month first (3/15/2024); write it as YYYY-MM-DD."
        )
        raise InvalidDateError(why, facts=(column,))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidDateError(msg, facts=(column,)) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return str(value).strip()


def _cell_flag(value: object, column: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _cell_text(value).lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    msg = f"{column} {value!r} is not yes or no."
    raise InvalidFactError(msg, facts=(column,))


def cell_facts(row: Mapping[str, object]) -> dict[str, object]:
    """The `compute_deadlines` keywords a batch row's fact cells give.

    Cells may be text (as a CSV gives them) or the natural Python values:
    dates, booleans, lists of defendants.

    Raises:
        InvalidDateError, InvalidFactError: a cell that is not a value of its column.

    Example:
        >>> cell_facts({"defendant": "local;state", "prisoner": "no"})["prisoner"]
        False
    """
    kwargs: dict[str, object] = {}
    for column in DATE_FACTS:
        value = row.get(column)
        if value is not None and (not isinstance(value, str) or value.strip()):
            kwargs[column] = cell_date(value, column)
    defendants = row.get("defendant")
    if isinstance(defendants, str):
        defendants = defendants.strip() or None
    kwargs["defendants"] = defendants
    sued = row.get("sued")
    kwargs["sued"] = (sued.strip() or None) if isinstance(sued, str) else sued
    kwargs["locality"] = _cell_text(row.get("locality"))
    kwargs["claim"] = _cell_text(row.get("claim")) or None
    kwargs["prisoner"] = _cell_flag(row.get("prisoner"), "prisoner")
    return kwargs
