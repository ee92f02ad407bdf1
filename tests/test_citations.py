"""One citation style per jurisdiction, in every column a person reads.

A person comparing two dates from one state should see one name for its code.
``STYLE`` is the form used for each jurisdiction's statutes; ``VARIANTS`` are
the other forms that must not appear in that jurisdiction's rows. Statute text
quoted in single quotes keeps its own wording ("under s. 768.28(14)" is how
Florida's statutes refer to themselves) and is not checked.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from qideadlines._data import default_paths
from qideadlines._jurisdictions import CODES

#: Columns written for a person; ``notes`` and ``source_url`` are not.
PERSON_COLUMNS = frozenset(
    {"warning", "consequence", "content", "recipient", "caps_fees", "citation", "case"}
)

#: The form of each jurisdiction's statute citations.
STYLE: dict[str, str] = {
    "AK": "Alaska Stat. §", "AL": "Ala. Code §", "AR": "Ark. Code Ann. §",
    "AS": "A.S.C.A. §", "AZ": "A.R.S. §", "CA": "Cal. Gov. Code § / Cal. Code Civ. Proc. §",
    "CO": "Colo. Rev. Stat. §", "CT": "Conn. Gen. Stat. §", "DC": "D.C. Code §",
    "DE": "10 Del. C. §", "FL": "Fla. Stat. §", "GA": "O.C.G.A. §", "GU": "7 GCA §",
    "HI": "Haw. Rev. Stat. §", "IA": "Iowa Code §", "ID": "Idaho Code §",
    "IL": "735 ILCS 5/13-202", "IN": "Ind. Code §", "KS": "K.S.A. 60-513", "KY": "KRS 413.140",
    "LA": "La. C.C. art. / La. R.S.", "MA": "G. L. c. 260, § 2A",
    "MD": "Md. Code Ann., Cts. & Jud. Proc. §", "ME": "14 M.R.S. §",
    "MI": "Mich. Comp. Laws §", "MN": "Minn. Stat. §", "MO": "Mo. Rev. Stat. §",
    "MP": "7 CMC §", "MS": "Miss. Code Ann. §", "MT": "Mont. Code Ann. §",
    "NC": "N.C. Gen. Stat. §", "ND": "N.D.C.C. §", "NE": "Neb. Rev. Stat. §",
    "NH": "RSA 508:4", "NJ": "N.J.S.A.", "NM": "NMSA 1978, §", "NV": "Nev. Rev. Stat. §",
    "NY": "N.Y. CPLR / N.Y. Gen. Mun. Law §", "OH": "Ohio Rev. Code §",
    "OK": "Okla. Stat. tit. 12, §", "OR": "Or. Rev. Stat. §", "PA": "42 Pa.C.S. §",
    "PR": "P.R. Laws Ann. tit. 31, §", "RI": "R.I. Gen. Laws §", "SC": "S.C. Code Ann. §",
    "SD": "SDCL §", "TN": "Tenn. Code Ann. §", "TX": "Tex. Civ. Prac. & Rem. Code §",
    "UT": "Utah Code §", "VA": "Va. Code Ann. §", "VI": "5 V.I.C. §", "VT": "12 V.S.A. §",
    "WA": "RCW 4.16.080", "WI": "Wis. Stat. §", "WV": "W. Va. Code §", "WY": "Wyo. Stat. Ann. §",
}  # fmt: skip

#: Other names for the same code, never used in that jurisdiction's rows.
VARIANTS: dict[str, list[str]] = {
    "AK": [r"\bAS \d\d\."],
    "AZ": [r"\bAriz\. Rev\. Stat\."],
    "CA": [r"(?<!Cal\. )\bGov\. Code\b", r"(?<!Cal\. )\bCode Civ\. Proc\.", r"\bCCP\b"],
    "CO": [r"\bC\.R\.S\."],
    "HI": [r"\bHRS\b"],
    "IN": [r"\bInd\. T\.R\."],
    "KS": [r"\bKan\. Stat\. Ann\."],
    "KY": [r"\bKy\. Rev\. Stat\."],
    "LA": [r"\bLa\. Civ\. Code art"],
    "MA": [r"\bG\.L\. c\.", r"\bMass\. G\. ?L\."],
    "MD": [r"\bMd\. Code,"],
    "MI": [r"\bMCL\b"],
    "MS": [r"\bMiss\. Code(?! Ann\.)"],
    "NC": [r"\bN\.C\.G\.S\.", r"(?<![A-Za-z.])G\.S\. "],
    "ND": [r"\bN\.D\. Cent\. Code"],
    "NH": [r"\bN\.H\. RSA\b", r"\bN\.H\. Rev\. Stat\."],
    "NM": [r"\bN\.M\. Stat\. Ann\.", r"\bNMSA (?!1978, )"],
    "NV": [r"\bNRS\b"],
    "NY": [r"(?<!N\.Y\. )\bCPLR\b", r"\bGML\b"],
    "OH": [r"(?<![A-Za-z.])R\.C\. "],
    "OK": [r"\b\d+ O\.S\."],
    "OR": [r"\bORS\b"],
    "PR": [r"\b\d+ L\.P\.R\.A\."],
    "GU": [r"\bGuam Code Ann\."],
    "SC": [r"\bS\.C\. Code(?! Ann\.)"],
    "SD": [r"\bS\.D\. Codified Laws"],
    "TX": [r"\bTex\. Civ\. Prac\. & Rem\. Code Ann\.", r"\bCPRC\b"],
    "VA": [r"\bVa\. Code(?! Ann\.)"],
    "WA": [r"\bWash\. Rev\. Code"],
    "WY": [r"\bWyo\. Stat\.(?! Ann\.)"],
}

#: "s. 13-80-103" for "§ 13-80-103", in any jurisdiction.
_SECTION_AS_S = re.compile(r"(?<![A-Za-z'.])ss?\. \d")


def _unquoted(text: str) -> str:
    return re.sub(r"'[^']*'", "''", text)


def _cells() -> list[tuple[str, int, str, str, str]]:
    found = []
    for path in default_paths():
        rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
        for line, row in enumerate(rows, 2):
            for column in PERSON_COLUMNS & set(row):
                cell = _unquoted(row[column])
                found.append((path.name, line, row["jurisdiction"], column, cell))
    return found


CELLS = _cells()


def test_every_jurisdiction_has_a_style() -> None:
    assert set(CODES) <= set(STYLE)
    assert set(VARIANTS) <= set(STYLE)


@pytest.mark.parametrize("code", sorted(VARIANTS))
def test_one_name_for_each_code(code: str) -> None:
    patterns = [re.compile(p) for p in VARIANTS[code]]
    bad = [
        (name, line, column, p.pattern)
        for name, line, where, column, cell in CELLS
        if where == code
        for p in patterns
        if p.search(cell)
    ]
    assert not bad, f"{code} is cited as {STYLE[code]}: {bad[:10]}"


def test_sections_are_marked_with_the_section_sign() -> None:
    bad = [
        (name, line, where, column)
        for name, line, where, column, cell in CELLS
        if _SECTION_AS_S.search(cell)
    ]
    assert not bad, bad[:10]
