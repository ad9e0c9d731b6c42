"""The markdown backlog: the contract's sections, honest empty passes, inert scanned text."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import snapshot_samples as samples  # noqa: E402

from radar.outputs.backlog import escape, render  # noqa: E402


def test_sections_in_the_contract_order():
    text = render(samples.build_passes()[-1])
    assert text.startswith("# Abstraction Radar — backlog\n")
    order = [text.index(f"\n## {s}\n") for s in ("Last scan", "Proposed", "Watching", "Done", "Rejected", "Census")]
    assert order == sorted(order)


def test_every_candidate_shows_consumers_home_score_and_evidence():
    snapshot = samples.build_passes()[-1]
    text = render(snapshot)
    for c in snapshot["candidates"]:
        assert f"{c['id']} — " in text
        first = c["instances"][0]
        assert f"{escape(first['subsystem'])}: [{escape(first['path'])}:{first['start_line']}]" in text


def test_an_empty_pass_says_no_new_candidates_cleared_the_gate():
    snapshot = samples.build_passes()[-1]
    snapshot["scan"]["empty_pass"] = True
    assert "no new candidates cleared the gate" in render(snapshot)


def test_scanned_names_cannot_become_markup():
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "\\|" in escape("a|b") and "\\*" in escape("*bold*")
    text = render(samples.build_passes()[-1])
    outside_code_spans = re.sub(r"`[^`]*`", "", text)  # inside a code span, markup is text
    assert "<script>" in text and "<script>" not in outside_code_spans


def test_an_inferred_adopt_names_the_unit_to_adopt_and_the_evidence():
    snapshot = samples.build_passes()[-1]
    retry = next(c for c in snapshot["candidates"] if c["id"] == "C-5e6f70")
    retry["home"], retry["action"] = "lib/auth", "adopt"
    retry["routing"] = {"kind": None, "home": "lib/auth", "action": "adopt", "rule": None, "inferred": True,
                        "by": "inferred: 2 of 2 other consumers reference it (billing/a.py:3, notify/b.py:4); "
                              "auth already defines with_retry (auth/net/retry.py:8)",
                        "evidence": ["billing/a.py:3", "notify/b.py:4"],
                        "helper": {"subsystem": "auth", "path": "auth/net/retry.py", "line": 8, "name": "with_retry"}}
    text = render(snapshot)
    assert "- **Home:** lib/auth — inferred: 2 of 2 other consumers reference it" in text
    assert "- **Action:** adopt `with_retry` (auth/net/retry.py:8) from lib/auth: it already defines this shape" in text
