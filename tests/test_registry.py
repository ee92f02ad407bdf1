"""The registry of tracks: one spec per track, consistent with the data and the engine."""

from __future__ import annotations

from qideadlines import Defendant, Regime, Scope, Track, load_rules
from qideadlines._jurisdictions import CODES
from qideadlines._registry import REGISTRY, SPECS, Kind, RowSource, TollingReach


def test_the_registry_covers_every_track_once_in_report_order() -> None:
    assert set(REGISTRY) == set(Track)
    assert [spec.track for spec in SPECS] == list(Track)


def test_each_spec_is_complete() -> None:
    for spec in SPECS:
        assert spec.defendants, spec.track
        assert Defendant.ANY not in spec.defendants, spec.track
        assert spec.regimes, spec.track
        assert spec.action, spec.track
        assert (spec.rows is RowSource.BORROWED) == (spec.borrows is not None), spec.track


def test_a_borrowed_track_borrows_one_with_rows_everywhere() -> None:
    for spec in SPECS:
        if spec.borrows is not None:
            assert REGISTRY[spec.borrows].everywhere, spec.track


def test_a_notice_rolls_only_under_a_rule_that_reaches_notices() -> None:
    """A notice or claim is computed with the computation rules that reach notices, never
    the rules for suits; the FTCA claim (receipt by the agency) keeps the reading that
    extends nothing."""
    for spec in SPECS:
        if spec.kind in {Kind.NOTICE, Kind.CLAIM}:
            assert spec.scope is Scope.NOTICES, spec.track
        else:
            assert spec.scope is Scope.SUITS, spec.track
    assert Regime.NONE in REGISTRY[Track.FTCA_CLAIM].regimes


def test_tolling_rows_name_only_tracks_that_take_listed_tolling() -> None:
    listed = {s.track for s in SPECS if s.tolling is TollingReach.LISTED}
    for row in load_rules().tolling_rows:
        assert set(row.tracks) <= listed, row


def test_federal_tracks_have_rows_only_under_us() -> None:
    rules = load_rules()
    for spec in SPECS:
        for code in CODES:
            own = rules.rules_for(code, spec.track)
            if spec.rows is not RowSource.OWN:
                assert not own, (spec.track, code)
        if spec.rows is RowSource.FEDERAL:
            assert rules.rules_for("US", spec.track), spec.track


def test_each_module_is_small_and_says_its_job() -> None:
    """No module over about 500 lines, and each opens with a one-line statement of its job."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "src" / "qideadlines"
    for path in sorted(package.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 520, path.name  # "about 500"
        doc = ast.get_docstring(ast.parse(text))
        assert doc, path.name
        assert doc.splitlines()[0].endswith("."), path.name
