"""`radar explain`: where the home's own copy is, and what to do with it."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import snapshot_samples as samples  # noqa: E402

from radar.outputs.explain import explain  # noqa: E402


def _adopted(unit: str) -> tuple[dict, dict]:
    snapshot = samples.build_passes()[-1]
    retry = next(c for c in snapshot["candidates"] if c["id"] == "C-5e6f70")
    retry["home"], retry["action"], retry["unit"] = "lib/auth", "adopt", unit
    retry["routing"] = {"kind": None, "home": "lib/auth", "action": "adopt", "by": "inferred",
                        "helper": {"subsystem": "auth", "path": "auth/net/retry.py", "line": 8, "name": "connect",
                                   "unit": unit, "private": True}}
    return snapshot, retry


def test_a_unit_the_home_defines_is_adopted_made_visible_first_when_private():
    text = explain(*_adopted("function"))
    assert "  adopt: connect (auth/net/retry.py:8), in auth (private there: made visible to the others first)" in text


def test_a_block_the_home_holds_is_extracted_into_a_helper_first():
    text = explain(*_adopted("block"))
    assert "  extract: the copy in connect (auth/net/retry.py:8), in auth, into a helper the others adopt" in text
    assert "adopt: connect" not in text and "private there" not in text
