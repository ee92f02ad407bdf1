"""What the whole report says besides its deadlines: notes on facts, absent rules, immunity.

Prose only, from the computation's plain data and the rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, NamedTuple

from ._authorities import (
    ACCRUAL,
    FELDER,
    MAILBOX,
    OWEN,
    PLRA,
    PLRA_EXHAUSTION,
    WALLACE,
    PlraStatus,
)
from ._enums import Claim, Confidence, Immunity, Role, Sued, TollingEffect, TollingKind, Track
from ._inputs import Facts
from ._jurisdictions import CIRCUITS, NAMES
from ._models import Deadline
from ._readings import Computation
from ._registry import (
    REGISTRY,
    SPECS,
    Accrual,
    Coverage,
    ImmunityPolicy,
    RowSource,
    TollingReach,
)
from ._ruleset import RuleSet
from ._select import Skip, SkipReason

__all__ = [
    "REPORT_WARNINGS",
    "ReportNotes",
    "fact_notes",
    "immunity_summary",
    "plra_law",
    "report_notes",
]

REPORT_WARNINGS: Final = (
    (
        "State notice-of-claim statutes do not apply to a § 1983 claim, in federal or state "
        f"court ({FELDER}); they govern state-law claims, which have their own, often much "
        "shorter, deadlines."
    ),
)


def claim_note() -> str:
    """What a report says when no claim kind was given."""
    return (
        "Dates assume an excessive-force or unlawful-search claim, which accrues on the "
        f"incident date ({WALLACE}). False arrest, malicious prosecution, fabricated evidence "
        "and a claim that would undo a conviction start later "
        f"({ACCRUAL[Claim.HECK_DEFERRED].authority}): give the claim kind and its date."
    )


def fact_notes(facts: Facts, used: frozenset[str] = frozenset()) -> list[str]:
    """Notes on the facts given: the claim kind assumed, dates nothing here uses.

    Args:
        facts: the facts checked.
        used: the keywords of the dates some period was counted from (the
            federal accrual event, a state accrual event, ``notice_date``).

    Example:
        >>> fact_notes(Facts(claim_given=False))[0].startswith("Dates assume")
        True
    """
    notes = [] if facts.claim_given else [claim_note()]
    accrual = facts.accrual
    given = accrual is not None and accrual.given
    federal = None if given else ACCRUAL[facts.claim].fact
    notes.extend(
        f"{name} is not used: neither the {facts.claim.value} claim's federal accrual nor a "
        "state accrual rule recorded here turns on it"
        + (" (the accrual date given takes its place)." if given else ".")
        for name, _ in facts.events
        if name != federal and name not in used
    )
    if facts.notice_date is not None and "notice_date" not in used:
        notes.append(
            "notice_date is not used: no period computed here runs from the claim's presentation."
        )
    return notes


def plra_law(circuit: str) -> str:
    """What the circuit holds on tolling during PLRA exhaustion, and how surely.

    Example:
        >>> plra_law("5th").startswith("the 5th Circuit tolls the period")
        True
    """
    if not circuit:
        return "whether this jurisdiction's courts toll it is not recorded (no federal circuit)"
    plra = PLRA[circuit]
    where = f"the {circuit} Circuit"
    sure = (
        ""
        if plra.confidence is Confidence.HIGH
        else f"; {plra.confidence} confidence, {plra.source_url or 'no source found'}"
    )
    if plra.status is PlraStatus.TOLLS:
        return (
            f"{where} tolls the period while a prisoner exhausts ({PLRA_EXHAUSTION}; "
            f"{plra.authority}{sure})"
        )
    return f"whether {where} tolls it is unsettled ({plra.authority}{sure})"


def _deadline_words(track: Track) -> str:
    """A track's deadline in words: "the deadline to present a notice of claim to …"."""
    action = REGISTRY[track].action
    return f"the deadline to {action[0].lower()}{action[1:]}"


#: Skips that a date the caller can give would lift, with the date's words and keyword.
_NEEDS: Final = {
    SkipReason.NEEDS_DENIAL: ("the date the claim was denied", "denial_date"),
    SkipReason.NEEDS_NOTICE: ("the date the claim was presented", "notice_date"),
}


def _needs_notes(skips: list[Skip]) -> list[str]:
    """One note per missing date, naming every deadline that waits for it."""
    notes = []
    for reason, (needed, fact) in _NEEDS.items():
        found: dict[Track, list[str]] = {}
        for skip in skips:
            if skip.reason is reason:
                found.setdefault(skip.track, []).append(f"{skip.row.citation}, {skip.row.period}")
        if not found:
            continue
        parts = [
            f"{_deadline_words(track)[16:]} ({'; '.join(dict.fromkeys(cites))})"
            for track, cites in found.items()
        ]
        notes.append(
            f"Give {needed} ({fact}) to compute the deadline to " + "; to ".join(parts) + "."
        )
    return notes


def _locality_notes(skips: list[Skip]) -> list[str]:
    """One note per locality, naming every deadline its own law would add."""
    places: dict[str, dict[Track, list[str]]] = {}
    for skip in skips:
        found = places.setdefault(skip.row.locality, {})
        found.setdefault(skip.track, []).append(skip.row.citation)
    notes = []
    for place, found in places.items():
        parts = [
            f"{_deadline_words(track)} ({'; '.join(dict.fromkeys(cites))})"
            for track, cites in found.items()
        ]
        notes.append(
            f"If the claim arises in the locality '{place}', give it (locality) to see "
            + "; and ".join(parts)
            + "."
        )
    return notes


def _skip_note(skip: Skip) -> str:
    row = skip.row
    what = _deadline_words(skip.track)
    if skip.reason is SkipReason.CONDUCT:
        assert row.conduct_from is not None  # noqa: S101 - the reason says so
        return (
            f"{row.citation} reaches only conduct on or after {row.conduct_from.isoformat()}; "
            f"this incident is earlier, so it sets no {what[4:]}."
        )
    if skip.reason is SkipReason.SUED:
        assert row.sued is not None  # noqa: S101 - the reason says so
        who = "officers sued personally" if row.sued is Sued.OFFICERS else "the government body"
        return (
            f"{row.citation} ({row.period}) reaches only claims against {who}, which the "
            f"facts given leave out of those sued, so it sets no {what[4:]}."
        )
    if skip.reason is SkipReason.NO_SUIT:
        return (
            f"{row.citation} requires the claim to be presented at least {row.period} before "
            "suit, but no suit deadline is recorded to count back from: present it promptly."
        )
    msg = f"{skip.reason} is worded by _needs_notes or _locality_notes"
    raise AssertionError(msg)


def _no_deadline_notes(rules: RuleSet, code: str, incident: dt.date, facts: Facts) -> list[str]:
    """Cited statements that a track imposes no deadline here (role `none` rows)."""
    notes = []
    for spec in SPECS:
        if spec.rows is not RowSource.OWN or not spec.defendants & facts.defendants:
            continue
        for row in rules.rules_for(code, spec.track):
            if row.role is Role.NONE and row.applies_to(incident):
                detail = ""
                # A mistaken "no notice" costs the claim, so a weakly sourced one says so.
                doubt = (
                    ""
                    if row.confidence is Confidence.HIGH
                    else f" Recorded at {row.confidence} confidence: check the state's tort "
                    "claims act and local charter before relying on it."
                )
                words = _deadline_words(spec.track)[4:]
                notes.append(f"No {words}: {row.citation}.{detail}{doubt}")
    return notes


def _no_deadline_details(rules: RuleSet, code: str, incident: dt.date, facts: Facts) -> list[str]:
    """What a person should know beside a "no deadline" statement (its row's warning)."""
    return [
        row.warning
        for spec in SPECS
        if spec.rows is RowSource.OWN and spec.defendants & facts.defendants
        for row in rules.rules_for(code, spec.track)
        if row.role is Role.NONE and row.applies_to(incident) and row.warning
    ]


def _coverage_notes(rules: RuleSet, code: str, facts: Facts) -> list[str]:
    """Say where the data has no rule yet, so silence is never read as "no deadline"."""
    name = NAMES[code]
    notes = []
    for spec in SPECS:
        if spec.coverage is not Coverage.UNRESEARCHED or not spec.defendants & facts.defendants:
            continue
        if not any(not r.locality for r in rules.rules_for(code, spec.track)):
            notes.append(
                f"{name}'s rules for {_deadline_words(spec.track)} are not recorded yet: a "
                "deadline may apply and may be short. Check the state's tort claims act before "
                "relying on the absence of a date."
            )
    for spec in SPECS:
        if spec.coverage is Coverage.NO_ACT and not rules.rules_for(code, spec.track):
            covered = sorted({r.jurisdiction for r in rules if r.track is spec.track})
            notes.append(
                f"No state civil-rights cause of action is recorded for {name}. Acts are "
                f"recorded for {', '.join(covered)}; this library does not yet cover every "
                "state's civil-rights statutes, so one may exist."
            )
    return notes


def _disability_notes(rules: RuleSet, code: str, accrual: dt.date) -> list[str]:
    """Tolling for disabilities a birth date cannot establish, as cited warnings."""
    name = NAMES[code]
    notes = []
    for kind in (TollingKind.INCAPACITY, TollingKind.IMPRISONMENT, TollingKind.CHARGES):
        row = rules.tolling_for(code, kind, accrual)
        what = _TOLLED_FOR[kind]
        if row is None:
            # Few jurisdictions toll while charges are pending; silence is the rule there.
            if kind is not TollingKind.CHARGES:
                notes.append(
                    f"Whether {name} tolls the § 1983 period for {what} is not recorded here; "
                    "no such tolling is applied."
                )
        elif row.effect is TollingEffect.NONE:
            if row.confidence is Confidence.HIGH:
                notes.append(f"{name} does not toll the § 1983 period for {what} ({row.citation}).")
            else:
                # A flat "does not toll" from an unconfirmed row would read as settled law.
                notes.append(
                    f"No {name} tolling of the § 1983 period for {what} is known "
                    f"({row.citation}); this is {UNCHECKED}, so none is applied."
                )
        else:
            detail = row.warning or "Whether it applies is a question of fact."
            hedge = "" if row.confidence is Confidence.HIGH else f" This is {UNCHECKED}."
            notes.append(
                f"{name} tolls for {what} ({row.citation}): {detail}{hedge} Not applied here: "
                "it turns on facts the library is not given."
            )
    return notes


#: How a row below ``high`` confidence is described to a person.
UNCHECKED: Final = "not yet checked against the statute's own text"


#: How each fact-dependent tolling kind is named in a sentence.
_TOLLED_FOR: Final = {
    TollingKind.INCAPACITY: "incapacity",
    TollingKind.IMPRISONMENT: "imprisonment",
    TollingKind.CHARGES: "pending criminal charges",
}


def _prisoner_notes(code: str, facts: Facts) -> list[str]:
    notes = [
        (
            "A prisoner's filing is made when it is handed to prison officials for mailing "
            f"({MAILBOX.cite}; {MAILBOX.holding}); keep proof of the date. Do not rely on the rule "
            "in state court without checking the state's own rule."
        )
    ]
    circuit = CIRCUITS[code]
    if facts.exhaustion is None and circuit:
        law = plra_law(circuit)
        notes.append(
            "A prisoner must exhaust the prison grievance process before suing "
            f"({PLRA_EXHAUSTION}). {law[0].upper()}{law[1:]}; give the grievance dates to see its "
            "effect."
        )
    return notes


class ReportNotes(NamedTuple):
    """What a report says besides its deadlines: what to do next, and what it assumes."""

    next_steps: list[str]
    warnings: list[str]


def report_notes(rules: RuleSet, done: Computation, *, every_track: bool) -> ReportNotes:
    """The report's notes: a fact to give or a rule still missing, then what the dates assume."""
    code, facts = done.code, done.facts
    waiting = [s for s in done.skips if s.reason in _NEEDS]
    grouped = {*_NEEDS, SkipReason.LOCALITY}
    steps = [_skip_note(skip) for skip in done.skips if skip.reason not in grouped]
    steps.extend(_locality_notes([s for s in done.skips if s.reason is SkipReason.LOCALITY]))
    steps.extend(_needs_notes(waiting))
    notes: list[str] = [s.row.warning for s in done.skips if s.row.warning]
    if every_track:
        notes.extend(_no_deadline_details(rules, code, done.incident, facts))
    if every_track:
        steps.extend(_no_deadline_notes(rules, code, done.incident, facts))
        steps.extend(_coverage_notes(rules, code, facts))
    specs = {d.spec for d in done.tracks}
    if any(s.tolling is TollingReach.BORROWED for s in specs):
        accrual = facts.accrual.date if facts.accrual else done.incident
        notes.extend(_disability_notes(rules, code, accrual))
    if any(s.accrual is Accrual.FEDERAL for s in specs) and (
        facts.prisoner or facts.exhaustion is not None
    ):
        notes.extend(_prisoner_notes(code, facts))
    if any(s.notice_of_claim for s in specs):
        notes.append(
            f"{NAMES[code]} requires a notice of claim before a state-law suit (see the notice "
            f"deadlines above); that requirement does not apply to a § 1983 claim ({FELDER})."
        )
    return ReportNotes(list(dict.fromkeys(steps)), list(dict.fromkeys(notes)))


def immunity_summary(deadlines: list[Deadline], name: str) -> tuple[str, ...]:
    """Say plainly which tracks qualified immunity can block and which it cannot."""
    lines = []
    for deadline in deadlines:
        policy = REGISTRY[deadline.track].immunity
        track = deadline.track.value
        if policy is ImmunityPolicy.OFFICERS_NOT_ENTITIES:
            lines.append(
                f"{track}: qualified immunity can block the claim against individual officers; "
                f"it is no defense for a city or county ({OWEN})."
            )
        elif policy is ImmunityPolicy.FEDERAL_OFFICERS:
            lines.append(
                f"{track}: qualified immunity can block the claim against federal officers."
            )
        elif deadline.qualified_immunity is Immunity.NO:
            lines.append(
                f"{track}: qualified immunity is not a defense ({deadline.immunity_authority})."
                if deadline.immunity_authority
                else f"{track}: qualified immunity, a defense to federal claims, is not a defense "
                "to this state-law claim; the state's own immunities are in its warnings."
            )
        elif deadline.qualified_immunity is Immunity.YES:
            lines.append(
                f"{track}: {name} courts allow a qualified-immunity defense"
                + (f" ({deadline.immunity_authority})." if deadline.immunity_authority else ".")
            )
    return tuple(dict.fromkeys(lines))
