"""The 56 jurisdictions: USPS code, name and federal judicial circuit.

Circuits are those of 28 U.S.C. § 41; American Samoa has no federal district
court, so its circuit is empty.
"""

from __future__ import annotations

from typing import Final

__all__ = ["CIRCUITS", "CODES", "NAMES", "normalize_code"]

NAMES: Final[dict[str, str]] = {
    "AK": "Alaska",
    "AL": "Alabama",
    "AR": "Arkansas",
    "AS": "American Samoa",
    "AZ": "Arizona",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DC": "District of Columbia",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "GU": "Guam",
    "HI": "Hawaii",
    "IA": "Iowa",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "MA": "Massachusetts",
    "MD": "Maryland",
    "ME": "Maine",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MO": "Missouri",
    "MP": "Northern Mariana Islands",
    "MS": "Mississippi",
    "MT": "Montana",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "NE": "Nebraska",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NV": "Nevada",
    "NY": "New York",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VA": "Virginia",
    "VI": "U.S. Virgin Islands",
    "VT": "Vermont",
    "WA": "Washington",
    "WI": "Wisconsin",
    "WV": "West Virginia",
    "WY": "Wyoming",
}

CODES: Final[tuple[str, ...]] = tuple(sorted(NAMES))

_CIRCUIT_MEMBERS: Final[dict[str, str]] = {
    "1st": "ME MA NH RI PR",
    "2nd": "CT NY VT",
    "3rd": "DE NJ PA VI",
    "4th": "MD NC SC VA WV",
    "5th": "LA MS TX",
    "6th": "KY MI OH TN",
    "7th": "IL IN WI",
    "8th": "AR IA MN MO NE ND SD",
    "9th": "AK AZ CA HI ID MT NV OR WA GU MP",
    "10th": "CO KS NM OK UT WY",
    "11th": "AL FL GA",
    "D.C.": "DC",
}

CIRCUITS: Final[dict[str, str]] = {
    code: circuit for circuit, members in _CIRCUIT_MEMBERS.items() for code in members.split()
} | {"AS": ""}


def normalize_code(code: object) -> str | None:
    """Return the upper-case USPS code for `code`, or None if it is not one of ours.

    Example:
        >>> normalize_code(" co ")
        'CO'
    """
    if not isinstance(code, str):
        return None
    upper = code.strip().upper()
    return upper if upper in NAMES else None
