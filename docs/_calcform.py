"""The calculator page's form, written from the library so its choices never drift.

The form works without the engine: it is plain HTML, every field labelled and
reachable with the keyboard, and its names are the batch columns the page puts
in the query string (``jurisdiction``, ``incident_date``, ``claim`` ...).
"""

from __future__ import annotations

import html
import json

import qideadlines
from qideadlines import Claim, load_rules

#: The claim kinds in words, and the date each one's clock turns on.
CLAIMS = {
    Claim.EXCESSIVE_FORCE: ("Excessive force", ""),
    Claim.UNLAWFUL_SEARCH: ("Unlawful search", ""),
    Claim.FALSE_ARREST: ("False arrest", "legal_process_date"),
    Claim.MALICIOUS_PROSECUTION: ("Malicious prosecution", "favorable_termination_date"),
    Claim.FABRICATED_EVIDENCE: ("Fabricated evidence", "favorable_termination_date"),
    Claim.HECK_DEFERRED: ("A claim that would undo a conviction", "conviction_invalidated_date"),
}

#: Each optional date: its label and a line of help.
DATES = (
    ("legal_process_date", "Arraignment date",
     "For false arrest: the day the person was arraigned or bound over."),
    ("favorable_termination_date", "Prosecution ended",
     ("For malicious prosecution or fabricated evidence: the day the charges ended in the "
      "person's favor.")),
    ("conviction_invalidated_date", "Conviction set aside",
     "For a claim that would undo a conviction: the day it was reversed or expunged."),
    ("birth_date", "Date of birth", "For a person under 18 on the day: minority tolling."),
    ("denial_date", "Claim denied", "The day an administrative claim was denied in writing."),
    ("notice_date", "Notice presented", "The day a notice of claim was presented."),
    ("release_date", "Released from custody", "Some state claims run from release."),
    ("accrual_date", "Accrual date",
     "Only if a lawyer has told you the claim accrued on another day."),
)  # fmt: skip

#: Localities by id, in words.
_PLACES = {"nyc": "New York City"}


def _place(locality: str) -> str:
    return _PLACES.get(locality, locality.replace("_", " ").title())


def _options(pairs: list[tuple[str, str]], blank: str = "") -> str:
    head = f'<option value="">{html.escape(blank)}</option>' if blank else ""
    return head + "".join(
        f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in pairs
    )


def _date(name: str, label: str, hint: str) -> str:
    return (
        f'<div class="qd-field"><label for="qd-{name}">{html.escape(label)}</label>'
        f'<input type="date" id="qd-{name}" name="{name}" min="1950-01-01" max="2100-12-31" '
        f'aria-describedby="qd-{name}-hint">'
        f'<small id="qd-{name}-hint">{html.escape(hint)}</small></div>'
    )


def _checks(name: str, legend: str, pairs: list[tuple[str, str]], hint: str) -> str:
    boxes = "".join(
        f'<label class="qd-check"><input type="checkbox" name="{name}" value="{v}"> '
        f"{html.escape(t)}</label>"
        for v, t in pairs
    )
    return (
        f'<fieldset class="qd-field"><legend>{html.escape(legend)}</legend>{boxes}'
        f"<small>{html.escape(hint)}</small></fieldset>"
    )


def calculator_form() -> str:
    """The form, the place the answer goes, and the data the page's script needs."""
    rules = load_rules()
    places = sorted(qideadlines.list_jurisdictions(), key=lambda j: j.name)
    localities = {j.code: [[x, _place(x)] for x in rules.localities(j.code)] for j in places}
    claims = [(c.value, words) for c, (words, _) in CLAIMS.items()]
    claim_dates = {c.value: field for c, (_, field) in CLAIMS.items() if field}
    # Script text is not HTML-decoded: it stays raw, with no "</" to end it early.
    data = json.dumps({"localities": localities, "claimDates": claim_dates}).replace("</", "<\\/")
    return "\n".join(
        [
            '<form id="qd-form" class="qd-form" novalidate>',
            '<div class="qd-row">',
            '<div class="qd-field"><label for="qd-jurisdiction">Where it happened</label>',
            '<select id="qd-jurisdiction" name="jurisdiction" required>',
            _options([(j.code, j.name) for j in places], "Choose a state or territory"),
            "</select></div>",
            '<div class="qd-field"><label for="qd-incident_date">Date of the encounter</label>',
            (
                '<input type="date" id="qd-incident_date" name="incident_date" required '
                'min="1950-01-01" max="2100-12-31"></div>'
            ),
            "</div>",
            '<div class="qd-field"><label for="qd-claim">Kind of claim</label>',
            '<select id="qd-claim" name="claim" aria-describedby="qd-claim-hint">',
            _options(claims),
            "</select>",
            (
                '<small id="qd-claim-hint">The kind of claim decides when the federal clock '
                "starts. Excessive force and unlawful search start on the day itself.</small></div>"
            ),
            '<details class="qd-more" id="qd-more"><summary>More facts (optional)</summary>',
            '<div class="qd-grid">',
            *(_date(*d) for d in DATES),
            "</div>",
            _checks(
                "defendant",
                "Who would be sued",
                [
                    ("local", "City, county or police department"),
                    ("state", "The state"),
                    ("federal", "The United States or federal officers"),
                ],
                "Leave all unticked to see every kind.",
            ),
            _checks(
                "sued",
                "Sued as",
                [("officers", "Individual officers"), ("government", "The government body")],
                "Some state periods reach only one of them.",
            ),
            '<div class="qd-field"><label for="qd-locality">City with rules of its own</label>',
            '<select id="qd-locality" name="locality"><option value="">None</option></select>',
            "</div>",
            (
                '<label class="qd-check"><input type="checkbox" name="prisoner" value="yes"> '
                "The person is in prison now</label>"
            ),
            '<div class="qd-grid">',
            _date(
                "exhaustion_start", "Grievance filed", "In prison: the day a grievance was filed."
            ),
            _date("exhaustion_end", "Grievance ended", "In prison: the day the process ended."),
            "</div>",
            '<div class="qd-field"><label for="qd-case">Name for the calendar</label>',
            (
                '<input type="text" id="qd-case" name="case" maxlength="80" autocomplete="off" '
                'aria-describedby="qd-case-hint">'
            ),
            '<small id="qd-case-hint">Optional: put in each calendar event\'s title.</small>',
            "</div>",
            "</details>",
            '<p><button type="submit" id="qd-go">Show the deadlines</button></p>',
            "</form>",
            (
                '<p id="qd-status" class="qd-status" role="status" aria-live="polite">'
                "Loading the calculator… (this page needs JavaScript)</p>"
            ),
            '<progress id="qd-progress" max="100" value="0" hidden></progress>',
            '<div id="qd-result" class="qd-result" tabindex="-1"></div>',
            f'<script type="application/json" id="qd-data">{data}</script>',
            '<script type="module" src="_static/calculator.js"></script>',
        ]
    )
