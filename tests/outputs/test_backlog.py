"""The markdown backlog: the contract's sections, honest empty passes, inert scanned text."""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import snapshot_samples as samples  # noqa: E402

from radar.outputs.backlog import escape, render  # noqa: E402
from radar.outputs.census_md import census_section  # noqa: E402


def test_sections_in_the_contract_order():
    text = render(samples.build_passes()[-1])
    assert text.startswith("# Abstraction Radar — backlog\n")
    order = [text.index(f"\n## {s}\n") for s in ("Last scan", "Proposed", "Watching", "Done", "Rejected", "Census")]
    assert order == sorted(order)


def test_every_candidate_shows_consumers_home_score_and_evidence():
    snapshot = samples.build_passes()[-1]
    text = render(snapshot)
    for c in snapshot["candidates"]:
        assert c["id"] in text
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


# ---------------------------------------------------------------- at size

def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {p.split("\n", 1)[0]: p for p in parts}


def test_a_backlog_of_1200_candidates_stays_readable():
    snapshot = samples.big_snapshot(1200)
    text = render(snapshot)
    sections = _sections(text)
    proposed = [c for c in snapshot["candidates"] if c["verdict"] == "proposed"]
    watching = [c for c in snapshot["candidates"] if c["verdict"] == "watching"]
    assert len(text.encode()) < 300_000 and max(map(len, text.splitlines())) < 1_000
    # proposed in full: every instance linked
    for c in proposed:
        assert re.search(rf"^### \d+\. {c['id']} — ", sections["Proposed"], re.M)
        for i in c["instances"]:
            assert f"{i['subsystem']}: [{i['path']}:{i['start_line']}]" in sections["Proposed"]
    # watching: each candidate once, its first instance linked
    rows = [line for line in sections["Watching"].splitlines() if line.startswith(("#### ", "| "))]
    for c in watching:
        assert sum(c["id"] in line for line in rows) == 1
        first = c["instances"][0]
        assert f"{first['subsystem']}: [{first['path']}:{first['start_line']}]" in sections["Watching"]
    # a first pass says how many are new, not which
    assert f"{len(snapshot['candidates'])} new" in sections["Last scan"]
    assert snapshot["candidates"][0]["id"] not in sections["Last scan"]


def test_the_last_scan_opens_with_a_summary_table():
    snapshot = samples.big_snapshot(300)
    last_scan = _sections(render(snapshot))["Last scan"]
    counts = {v: sum(c["verdict"] == v for c in snapshot["candidates"]) for v in ("proposed", "watching")}
    assert f"| [Proposed](#proposed) | {counts['proposed']} |" in last_scan
    assert f"| [Watching](#watching) | {counts['watching']} |" in last_scan


def test_files_with_parse_errors_are_said_read_but_for_the_units_they_break():
    """esphome: 414 C++ files whose macros tree-sitter cannot parse whole were listed as
    "skipped", though their other units were read and clustered."""
    snapshot = samples.build_passes()[-1]
    snapshot["scan"]["skipped"] = {**snapshot["scan"]["skipped"], "parse_error": 414, "generated": 10}
    read = next(line for line in _sections(render(snapshot))["Last scan"].splitlines() if line.startswith("- **Read:**"))
    assert "10 generated" in read and "414 parse error" not in read
    assert "414 with parse errors, read but for the units they break" in read


def test_headings_say_what_the_candidate_is():
    snapshot = samples.big_snapshot(200)
    text = render(snapshot)
    top = next(c for c in snapshot["candidates"] if c["verdict"] == "proposed")
    assert (f"### 1. {top['id']} — method `{top['name']}` × {len(top['consumers'])} consumers → lib/shared (extract)"
            in text)
    assert "unrouted shape → no home yet" not in text


def test_watching_is_grouped_by_what_blocks_it_near_gate_first():
    snapshot = samples.big_snapshot(600)
    watching = _sections(render(snapshot))["Watching"]
    assert watching.index("### Near the gate") < watching.index("### Further from the gate")
    assert "| too few consumers |" in watching and "| too thin |" in watching
    near = watching.split("### Near the gate")[1].split("### Further")[0]
    for c in snapshot["candidates"]:
        if c["id"] in near:  # one criterion short, by a little
            assert c["verdict"] == "watching" and len(c["missing"]) == 1 and c["nature"] == "logic"
    far = watching.split("### Further from the gate")[1]
    assert re.search(r"^#### Too few consumers and too thin \(\d+\)$", far, re.M)


def test_boilerplate_is_shown_apart_at_the_end_of_watching():
    snapshot = samples.big_snapshot(400)
    watching = _sections(render(snapshot))["Watching"]
    boiler = watching.split("### Same shape, different content (boilerplate)")[1]
    ids = [c["id"] for c in snapshot["candidates"] if c.get("nature") == "boilerplate"]
    assert ids and all(i in boiler for i in ids)
    assert all(re.search(rf"{i} .*\(boilerplate\) \|", boiler) for i in ids)  # each row says its nature
    assert not any(i in watching.split("### Same shape")[0] for i in ids)


def test_older_snapshots_without_nature_or_checklist_render():
    snapshot = samples.big_snapshot(100)
    for c in snapshot["candidates"]:
        for key in ("nature", "shared_content", "gate", "unit", "name", "first_seen_pass"):
            c.pop(key, None)
    text = render(snapshot)
    assert "Same shape, different content" not in text
    assert all(c["id"] in text for c in snapshot["candidates"])


def test_a_quiet_pass_changes_only_the_last_scan():
    """No per-line text moves from pass to pass unless something changed: a committed backlog's diff is small."""
    second, third = samples.big_snapshot(500, passno=2), samples.big_snapshot(500, passno=3)
    third["scan"]["finished_at"] = "2026-05-09T10:00:00Z"
    before, after = _sections(render(second)), _sections(render(third))
    assert before.keys() == after.keys()
    assert [k for k in before if before[k] != after[k]] == ["Last scan"]


def test_census_lists_every_row_when_asked_and_says_how_to_page_otherwise():
    rows = samples.big_snapshot(50)["census"]
    short = "\n".join(census_section(rows, more_hint="`radar census --out /x`"))
    full = "\n".join(census_section(rows, everything=True))
    assert "more recurring definition names" in short and "`radar census --out /x`" in short
    assert all(f"| {escape(r['name'])} |" in full for r in rows)
    assert "more recurring" not in full and "+" not in full.split("### File names")[1].split("\n")[4]


def test_an_inferred_adopt_names_the_unit_to_adopt_and_the_evidence():
    snapshot = samples.build_passes()[-1]
    retry = next(c for c in snapshot["candidates"] if c["id"] == "C-5e6f70")
    retry["home"], retry["action"], retry["kind"] = "lib/auth", "adopt", None
    retry["routing"] = {"kind": None, "home": "lib/auth", "action": "adopt", "rule": None, "inferred": True,
                        "by": "inferred: 2 of 2 other consumers reference it (billing/a.py:3, notify/b.py:4); "
                              "auth already defines with_retry (auth/net/retry.py:8)",
                        "evidence": ["billing/a.py:3", "notify/b.py:4"],
                        "helper": {"subsystem": "auth", "path": "auth/net/retry.py", "line": 8, "name": "with_retry"}}
    text = render(snapshot)
    assert "- **Home:** lib/auth — inferred: 2 of 2 other consumers reference it" in text
    assert "- **Action:** adopt `with_retry` (auth/net/retry.py:8) from lib/auth: it already defines this shape" in text
    retry["routing"]["helper"] |= {"name": "_with_retry", "private": True}  # netty's `shutdownDone`, a private method
    assert "- **Action:** adopt `_with_retry` (auth/net/retry.py:8) from lib/auth (private there: made visible to " \
           "the others first): it already defines this shape" in render(snapshot)


def test_a_block_one_consumer_holds_is_extracted_there_before_the_others_adopt_it():
    snapshot = samples.build_passes()[-1]
    retry = next(c for c in snapshot["candidates"] if c["id"] == "C-5e6f70")
    retry["home"], retry["action"], retry["unit"] = "lib/auth", "adopt", "block"
    retry["routing"] = {"kind": None, "home": "lib/auth", "action": "adopt", "rule": None, "inferred": True,
                        "by": "inferred", "evidence": [],  # mypy's variadic-instance split, inside visit_instance
                        "helper": {"subsystem": "auth", "path": "auth/net/retry.py", "line": 8, "name": "connect",
                                   "unit": "block", "private": True}}
    text = render(snapshot)
    assert "- **Action:** extract the copy in `connect` (auth/net/retry.py:8) into a helper of lib/auth, " \
           "then the other consumers adopt it" in text
    assert "adopt `connect`" not in text and "private there" not in text


def test_a_proposal_identical_in_some_consumers_says_so_beside_its_similarity():
    snapshot = samples.build_passes()[-1]
    proposed = next(c for c in snapshot["candidates"] if c["verdict"] == "proposed")
    detail = ("identical in 3 of 4 consumers (similarity >= 0.90, shared content 0.80 >= 0.50); "
              "the others are near variants, down to 0.81")
    proposed["similarity"] = 0.81
    proposed["gate"] = [g for g in proposed.get("gate", []) if g["criterion"] != "identical"] + [
        {"criterion": "identical", "met": True, "detail": detail}]
    shape = next(line for line in render(snapshot).splitlines() if line.startswith("- **Shape:**") and "0.81" in line)
    assert "similarity 0.81" in shape and shape.endswith(f"; {escape(detail)}")


def test_a_block_candidate_names_the_function_each_copy_lies_in():
    snapshot = samples.big_snapshot(20)
    top = next(c for c in snapshot["candidates"] if c["verdict"] == "proposed")
    top["unit"] = "block"
    for instance in top["instances"]:
        instance["unit"] = "block"
    text = render(snapshot)
    assert f"{top['id']} — block in `{top['name']}` ×" in text
    first = top["instances"][0]
    assert f"{first['start_line']}>) in `{first['name']}` lines {first['start_line']}–{first['end_line']}" in text


def test_proposals_whose_copies_sit_in_the_same_files_point_at_each_other():
    snapshot = samples.big_snapshot(20)
    first, second, third = snapshot["candidates"][:3]
    for candidate in (first, second, third):
        candidate["verdict"], candidate["missing"] = "proposed", []
    snapshot["candidates"] = [first, second, third]  # in this order: positions 1, 2, 3
    second["instances"] = [dict(i, start_line=i["start_line"] + 40, name="helper") for i in first["instances"]]
    text = render(snapshot)
    entries = text.split("\n### ")
    pointer = next(e for e in entries if e.startswith(f"1. {first['id']}"))
    assert f"- **Same files as:** #2 {second['id']} `{second['name']}`: their copies sit in the same files" in pointer
    assert third["id"] not in pointer
    assert sum("Same files as" in e for e in entries) == 2


def test_proposals_copied_across_exactly_the_same_packages_point_at_each_other_from_three():
    snapshot = samples.big_snapshot(20)
    chosen = snapshot["candidates"][:4]
    for candidate in chosen:
        candidate["verdict"], candidate["missing"] = "proposed", []
    snapshot["candidates"] = chosen  # DataX's Doris, SelectDB and StarRocks writers: ten such
    for candidate in chosen[:3]:
        candidate["consumers"] = ["doris", "selectdb", "starrocks"]
    chosen[3]["consumers"] = ["doris", "selectdb", "other"]
    entries = render(snapshot).split("\n### ")
    first = next(e for e in entries if e.startswith(f"1. {chosen[0]['id']}"))
    assert (f"- **Same packages as:** #2 `{chosen[1]['name']}`, #3 `{chosen[2]['name']}`: 3 proposals are copies "
            "across exactly these 3 consumers") in first
    assert sum("Same packages as" in e for e in entries) == 3
    snapshot["candidates"] = chosen[:2] + chosen[3:]  # two alone say nothing
    assert "Same packages as" not in render(snapshot)


def test_the_gate_paragraph_names_every_criterion_a_proposal_must_meet():
    gate = render(samples.build_passes()[-1]).split("\n---\n")[0]
    for words in ("real consumers", "stable", "structurally identical", "tokens", "shared logic",
                  "not copied on purpose", "natural home"):
        assert words in gate, words
