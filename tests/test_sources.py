"""Sources: official or archived pages are preferred over mirrors that may vanish.

Each row's ``source_url`` is the page its text was checked against. A row
re-checked against a legislature's, court's or agency's own page, an
official code as its publisher posts it, or an archive, cites that page. Rows
whose text has no such copy yet keep the mirror they were checked against;
``MIRRORS_LEFT`` is how many, and it may only go down: a new or changed row
cites an official or archived page.
"""

from __future__ import annotations

import csv
import re
from urllib.parse import urlparse

import pytest

from qideadlines._data import default_paths

#: Hosts of governments, courts and archives (a suffix of the host).
OFFICIAL_HOSTS = (
    ".gov", "ksrevisor.org", "mainelegislature.org", "sccourts.org", "courts.mrsc.org", "oscn.net",
    "wicourts.gov", "ncleg.net", "webharvest.gov", "webarchive.library.unt.edu",
    "courtlistener.com", "case.law", "law.cornell.edu", "unicourt.github.io",
    # Federal agencies' own bulletins (OPM's closure notices) are sent from this host.
    "content.govdelivery.com",
)  # fmt: skip
#: State governments' older hosts: legislature.state.al.us, rilin.state.ri.us ...
STATE_HOST = re.compile(r"\.state\.[a-z]{2}\.us$")
#: Official codes as their publishers post them on GitHub (Public.Resource.Org's releases of
#: the annotated state codes, the D.C. Council's code).
OFFICIAL_GITHUB = re.compile(r"^https://github\.com/(UniCourt|DCCouncil|glevita-uc)/")
#: Rows still checked only against a mirror; this may go down, never up.
MIRRORS_LEFT = 703


def official(url: str) -> bool:
    """Whether a source URL is a government's, a court's, an official code's or an archive's."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    if OFFICIAL_GITHUB.match(url) or STATE_HOST.search(host):
        return True
    return any(host == suffix.lstrip(".") or host.endswith(suffix) for suffix in OFFICIAL_HOSTS)


def _rows() -> list[tuple[str, int, dict[str, str]]]:
    found = []
    for path in default_paths():
        with path.open(encoding="utf-8", newline="") as handle:
            found += [(path.name, n, row) for n, row in enumerate(csv.DictReader(handle), 2)]
    return found


ROWS = _rows()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://legislature.maine.gov/legis/statutes/14/title14sec853.html", True),
        ("https://github.com/UniCourt/cic-code-wy/blob/5fd8/transforms/wy/t.html#s1", True),
        ("https://webharvest.gov/peth04/20041027175927/http://www2.opm.gov/x.asp", True),
        ("http://webserver.rilin.state.ri.us/Statutes/title9/9-1/9-1-14.htm", True),
        ("https://casetext.com/case/blake-v-dickason", False),
        ("https://law.justia.com/codes/wyoming/2010/Title1/chapter3.html", False),
        ("https://github.com/someone/copy-of-a-code/blob/main/x.html", False),
        ("https://example.gov.evil.com/page", False),
    ],
)
def test_what_counts_as_official(url: str, expected: bool) -> None:  # noqa: FBT001
    assert official(url) is expected


def test_rows_citing_a_mirror_do_not_grow() -> None:
    mirrors = [(name, line) for name, line, row in ROWS if not official(row["source_url"])]
    assert len(mirrors) <= MIRRORS_LEFT, (
        f"{len(mirrors) - MIRRORS_LEFT} more rows cite a mirror than before: cite the "
        "legislature's, court's or agency's page, an official code, or an archive"
    )
    if len(mirrors) < MIRRORS_LEFT:
        pytest.fail(f"only {len(mirrors)} rows cite a mirror now: lower MIRRORS_LEFT to match")


def test_citations_say_nothing_of_what_text_was_found() -> None:
    status = re.compile(
        r"not available|not yet|not found|not shown|not seen|not identified|not captured|"
        r"possibly|text not|unconfirmed",
        re.IGNORECASE,
    )
    bad = [(name, line) for name, line, row in ROWS if status.search(row.get("citation", ""))]
    assert not bad, f"say it in the notes, not the citation: {bad[:10]}"
