"""The radar on its own repository, with the rules the project keeps for itself: it must not
propose nonsense about itself, and must not write into its own tree."""
from pathlib import Path

from radar.pipeline import run_pass
from radar.request import ScanRequest

ROOT = Path(__file__).resolve().parent.parent


def test_the_radar_proposes_nothing_about_its_own_small_codebase(tmp_path):
    before = source_state()
    snapshot, _ = run_pass(ScanRequest(ROOT, ROOT / "rules", tmp_path / "out", None, jobs=1))
    assert {s["name"] for s in snapshot["subsystems"]} >= {"radar", "dashboard", "tests"}
    assert snapshot["scan"]["units"] > 100
    # four packages, a handful of shared helpers at most: nothing clears a gate of 3 consumers
    assert [c["id"] for c in snapshot["candidates"] if c["verdict"] == "proposed"] == []
    for candidate in snapshot["candidates"]:
        assert len(candidate["consumers"]) >= 2
        assert candidate["missing"]
    assert source_state() == before


def source_state() -> dict:
    """The project's sources and rules (not __pycache__, which any Python run may refresh)."""
    return {str(p): (p.stat().st_mtime_ns, p.read_bytes())
            for folder in ("radar", "dashboard", "tests", "rules") for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}
