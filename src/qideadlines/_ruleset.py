"""The validated rules, indexed: rows by jurisdiction and track, tolling rows, court calendars.

Built once per rules file; calendars are built on first use and kept.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ._calendar import CourtCalendar, build_calendar
from ._enums import CalendarKind, Claim, Regime, Role, Scope, TollingKind, Track
from ._errors import InvalidFactError, UnknownJurisdictionError
from ._jurisdictions import CIRCUITS, NAMES, normalize_code
from ._models import Jurisdiction
from ._rows import AccrualRow, CalendarRow, JurisdictionRules, RuleRow, TollingRow

__all__ = ["RuleSet"]


def _same_rules(rows: tuple[CalendarRow, ...], code: str, regime: Regime, scope: Scope) -> bool:
    """Whether the computation rows that reach `scope` are those that reach suits."""
    if regime is Regime.NONE:
        return True
    owner = "US" if regime is Regime.FEDERAL else code
    computation = [
        r for r in rows if r.jurisdiction == owner and r.kind is CalendarKind.COMPUTATION
    ]
    return [r for r in computation if r.reaches(scope)] == [
        r for r in computation if r.reaches(Scope.SUITS)
    ]


class RuleSet:
    """Validated rules and calendars, with the calendars built on first use.

    Example:
        >>> from qideadlines import load_rules
        >>> rules = load_rules()
        >>> str(rules.rules_for("co", Track.SECTION_1983)[0].period)
        '2 years'
    """

    __slots__ = (
        "_accrual",
        "_by_code",
        "_by_track",
        "_calendars",
        "_edges",
        "accrual_path",
        "accrual_rows",
        "calendar_path",
        "calendar_rows",
        "memo",
        "path",
        "rows",
        "tolling_path",
        "tolling_rows",
    )

    def __init__(
        self,
        paths: tuple[Path, Path, Path, Path],
        rows: tuple[RuleRow, ...],
        calendar_rows: tuple[CalendarRow, ...],
        tolling_rows: tuple[TollingRow, ...] = (),
        accrual_rows: tuple[AccrualRow, ...] = (),
    ) -> None:
        self.path, self.calendar_path, self.tolling_path, self.accrual_path = paths
        self.rows = rows
        self.calendar_rows = calendar_rows
        self.tolling_rows = tolling_rows
        self.accrual_rows = accrual_rows
        self._accrual = {(r.jurisdiction, r.claim): r for r in accrual_rows}
        self._by_code: dict[str, list[RuleRow]] = defaultdict(list)
        for row in rows:
            self._by_code[row.jurisdiction].append(row)
        self._calendars: dict[tuple[str, Regime, Scope], CourtCalendar] = {}
        self._by_track: dict[tuple[str, Track], tuple[RuleRow, ...]] = {}
        self._edges: dict[str, list[dt.date]] = {}
        #: What the computation keeps between calls (which rows apply, per window).
        self.memo: dict[tuple[object, ...], object] = {}

    def __iter__(self) -> Iterator[RuleRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @staticmethod
    def code(jurisdiction: object) -> str:
        """Normalise a jurisdiction code or raise `UnknownJurisdictionError`."""
        code = normalize_code(jurisdiction)
        if code is None:
            raise UnknownJurisdictionError(jurisdiction)
        return code

    def localities(self, jurisdiction: str) -> tuple[str, ...]:
        """The places in a jurisdiction with rules of their own, by id.

        Example:
            >>> from qideadlines import load_rules
            >>> "tyler" in load_rules().localities("TX")
            True
        """
        code = self.code(jurisdiction)
        return tuple(sorted({r.locality for r in self._by_code[code] if r.locality}))

    def check_locality(self, jurisdiction: str, locality: str) -> None:
        """Refuse a locality the jurisdiction has no rules for, naming those it has.

        Raises:
            InvalidFactError: `locality` is not one of `localities(jurisdiction)`.
        """
        if not locality:
            return
        known = self.localities(jurisdiction)
        if locality in known:
            return
        name = NAMES[self.code(jurisdiction)]
        which = (
            f"its localities are {', '.join(known)}"
            if known
            else "no place there has rules of its own recorded"
        )
        msg = f"locality {locality!r} has no rules in {name}; {which}."
        raise InvalidFactError(msg, facts=("locality",))

    def rules_for(self, jurisdiction: str, track: Track) -> tuple[RuleRow, ...]:
        """Every row for one jurisdiction (or ``US``) and track, rule rows first."""
        found = self._by_track.get((jurisdiction, track))
        if found is None:
            code = "US" if jurisdiction == "US" else self.code(jurisdiction)
            rows = [r for r in self._by_code[code] if r.track is track]
            found = tuple(
                sorted(rows, key=lambda r: (r.role is not Role.RULE, r.accrual_from or dt.date.min))
            )
            self._by_track[jurisdiction, track] = found
        return found

    def edges(self, code: str) -> list[dt.date]:
        """The days on which a rule of `code` (federal and tolling rules too) starts or stops.

        Which rows govern an incident can change only at these days, so an
        answer found for one day holds for every day up to the next edge.
        """
        found = self._edges.get(code)
        if found is None:
            days: set[dt.date] = set()
            for row in (*self._by_code[code], *self._by_code["US"]):
                days.update(d for d in (row.accrual_from, row.conduct_from) if d is not None)
                if row.accrual_to is not None and row.accrual_to < dt.date.max:
                    days.add(row.accrual_to + dt.timedelta(days=1))
            for tolling in self.tolling_rows:
                if tolling.jurisdiction == code:
                    days.update(d for d in (tolling.accrual_from,) if d is not None)
                    if tolling.accrual_to is not None and tolling.accrual_to < dt.date.max:
                        days.add(tolling.accrual_to + dt.timedelta(days=1))
            found = self._edges[code] = sorted(days)
        return found

    def tolling_for(
        self, jurisdiction: str, kind: TollingKind, accrual: dt.date
    ) -> TollingRow | None:
        """The tolling row of one jurisdiction and disability for a claim accrued on `accrual`.

        Example:
            >>> from qideadlines import load_rules
            >>> load_rules().tolling_for("TX", TollingKind.MINORITY, dt.date(2024, 3, 15)).effect
            <TollingEffect.SUSPEND: 'suspend'>
        """
        code = self.code(jurisdiction)
        for row in self.tolling_rows:
            if row.jurisdiction == code and row.kind is kind and row.applies_to(accrual):
                return row
        return None

    def accrual_for(self, jurisdiction: str, claim: Claim, track: Track) -> AccrualRow | None:
        """When a state-law claim of this kind accrues in a jurisdiction, for one track.

        Example:
            >>> from qideadlines import load_rules
            >>> row = load_rules().accrual_for("NY", Claim.MALICIOUS_PROSECUTION,
            ...                                Track.LOCAL_TORT_NOTICE)
            >>> row.event
            <AccrualEvent.FAVORABLE_TERMINATION: 'favorable_termination'>
        """
        row = self._accrual.get((jurisdiction, claim))
        return row if row is not None and row.reaches(track) else None

    def jurisdiction_rules(self, jurisdiction: str) -> JurisdictionRules:
        """Everything that governs one jurisdiction."""
        code = self.code(jurisdiction)
        return JurisdictionRules.model_construct(
            jurisdiction=Jurisdiction.model_construct(
                code=code, name=NAMES[code], circuit=CIRCUITS[code]
            ),
            rules=tuple(self._by_code[code]) + tuple(self._by_code["US"]),
            calendar=tuple(r for r in self.calendar_rows if r.jurisdiction in {code, "US"}),
            tolling=tuple(r for r in self.tolling_rows if r.jurisdiction == code),
            accrual=tuple(r for r in self.accrual_rows if r.jurisdiction == code),
        )

    def calendar(
        self, jurisdiction: str, regime: Regime, scope: Scope = Scope.SUITS
    ) -> CourtCalendar:
        """The court calendar of one jurisdiction under one regime for one scope, built once.

        Example:
            >>> from qideadlines import load_rules
            >>> load_rules().calendar("CO", Regime.STATE, Scope.NOTICES).scope
            <Scope.NOTICES: 'notices'>
        """
        cal = self._calendars.get((jurisdiction, regime, scope))
        if cal is not None:
            return cal
        code = self.code(jurisdiction)
        key = (code, regime, scope)
        cal = self._calendars.get(key)
        if cal is None:
            rows = tuple(r for r in self.calendar_rows if r.jurisdiction in {code, "US"})
            if scope is not Scope.SUITS and _same_rules(rows, code, regime, scope):
                # Where the notice rules are the suit rules, one calendar (and one set
                # of year tables) serves both.
                cal = self.calendar(code, regime, Scope.SUITS)
            else:
                cal = build_calendar(code, regime, rows, scope)
            self._calendars[key] = cal
        self._calendars[jurisdiction, regime, scope] = cal
        return cal
