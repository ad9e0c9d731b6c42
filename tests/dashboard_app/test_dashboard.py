"""Dashboard: pure data functions, and every page through Streamlit's AppTest."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import jsonschema
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import APP_PATH, data, evidence, launch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import snapshot_samples as samples  # noqa: E402

SCHEMA = Path(__file__).resolve().parent.parent.parent / "radar" / "outputs" / "snapshot.schema.json"
TIMEOUT = 30


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("radar-out")
    samples.write_samples(folder)
    return folder


@pytest.fixture(scope="module")
def latest() -> dict:
    return samples.build_passes()[-1]


def app(out: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("RADAR_OUT", str(out))
    at = AppTest.from_file(str(APP_PATH), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def page(out: Path, monkeypatch, name: str) -> AppTest:
    at = app(out, monkeypatch)
    return at.switch_page(f"pages/{name}.py").run()


def shown(markdown: str) -> str:
    """What a reader sees of a Markdown body: bold markers dropped, escapes undone."""
    return evidence.md_unescape(re.sub(r"(?<!\\)\*\*", "", markdown))


def texts(at: AppTest) -> list[str]:
    """Every piece of text the page shows."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error"):
        out += [shown(str(e.value)) for e in at.get(kind)]
    out += [str(e.value) for kind in ("text", "code") for e in at.get(kind)]
    for t in at.table:
        out += [shown(str(v)) for v in t.value.to_numpy().ravel()]
    return out


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def tree_state(root: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()} | {
        str(p.relative_to(root)) + "/": (b"", 0) for p in root.rglob("*") if p.is_dir()}


# --------------------------------------------------------------------------- samples honesty


def test_samples_validate_against_the_committed_schema():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    snaps = samples.build_passes()
    for snap in snaps:
        validator.validate(snap)
    last = snaps[-1]
    assert {c["verdict"] for c in last["candidates"]} == set(data.VERDICTS)
    assert {r["verdict"] for r in last["census"]} == {"shape-match", "collision", "decided"}
    assert len(last["subsystems"]) == 12
    assert any(c["name"] == samples.SCRIPT_NAME for c in last["candidates"])
    assert [len(c["consumers"]) for s in snaps for c in s["candidates"] if c["id"] == "C-3f2a9c"] == [2, 3, 4, 5]


# --------------------------------------------------------------------------- data (pure)


def test_load_orders_by_pass_skips_latest_and_reports_bad_files(tmp_path):
    samples.write_samples(tmp_path)
    folder = tmp_path / "snapshots"
    # a name that sorts first but holds the newest pass: order is by scan.pass, not filename
    newest = samples.build_pass(5, samples.build_passes()[-1])
    (folder / "0000-early-name.json").write_text(json.dumps(newest))
    (folder / "broken.json").write_text("{not json")
    loaded = data.load_history(tmp_path)
    assert [r["pass"] for r in loaded.passes] == [1, 2, 3, 4, 5]
    assert all(p.name != "latest.json" for p in loaded.files.values())
    assert len(loaded.problems) == 1 and "broken.json" in loaded.problems[0]
    assert loaded.latest["scan"]["pass"] == 5


def test_load_uses_latest_json_alone_and_tolerates_missing_folder(tmp_path):
    assert data.load_history(tmp_path / "nowhere").passes == ()
    (tmp_path / "snapshots").mkdir()
    (tmp_path / "snapshots" / "latest.json").write_text(json.dumps(samples.build_pass(1)))
    assert [r["pass"] for r in data.load_history(tmp_path).passes] == [1]


def test_old_format_history_and_its_index_give_the_same_history_page(tmp_path):
    """An --out written before the index (one whole snapshot per pass) reads as before; once
    the radar has indexed it, the dashboard reads the index alone and shows the same rows."""
    from radar.infra import records

    samples.write_samples(tmp_path)
    old = data.load_history(tmp_path)
    assert records.index_old_snapshots(tmp_path) == []
    indexed = data.load_history(tmp_path)
    assert indexed.files == {} and len(indexed.passes) == len(old.passes) == samples.PASSES
    assert data.drift(indexed.passes) == data.drift(old.passes)
    assert data.verdicts_per_pass(indexed.passes) == data.verdicts_per_pass(old.passes)
    assert data.candidate_history(indexed.passes, "C-3f2a9c") == data.candidate_history(old.passes, "C-3f2a9c")
    assert data.last_seen(indexed, "C-0a0b0c")[0] == data.last_seen(old, "C-0a0b0c")[0]


def test_rank_filter_and_search(latest):
    ranked = data.rank(data.candidates(latest))
    verdicts = [c["verdict"] for c in ranked]
    assert verdicts == sorted(verdicts, key=data.VERDICTS.index)
    proposed = [c for c in ranked if c["verdict"] == "proposed"]
    assert [c["score"] for c in proposed] == sorted((c["score"] for c in proposed), reverse=True)
    every = data.candidates(latest)
    assert {c["id"] for c in data.filter_candidates(every, verdicts=["rejected"])} == {"C-ee44ff"}
    assert {c["id"] for c in data.filter_candidates(every, subsystems=["auth"])} == {"C-5e6f70"}
    assert {c["id"] for c in data.filter_candidates(every, languages=["bash"])} == {"C-3f2a9c"}
    assert {c["id"] for c in data.filter_candidates(every, kinds=["event log"])} == {"C-a1b2c3"}
    assert {c["id"] for c in data.filter_candidates(every, search="CONFORMANCE.sh")} == {"C-3f2a9c"}
    assert {c["id"] for c in data.filter_candidates(every, search="with_retry")} == {"C-5e6f70"}
    assert data.filter_candidates(every, verdicts=["proposed"], subsystems=["billing"], languages=["bash"]) == []


def test_candidate_tolerates_missing_optional_fields():
    bare = {"id": "C-abcdef", "verdict": "watching", "kind": None, "home": None, "consumers": [],
            "similarity": 1, "tokens": 0, "score": 0, "missing": ["2 consumers, needs 3"], "reason": None,
            "instances": [{"subsystem": "a", "path": "x.py", "start_line": 1, "end_line": 2, "name": "f",
                           "unit": "function", "stable": True, "last_change": None}]}
    assert data.consumers(bare) == ["a"]
    assert data.display_name(bare) == "f"
    assert data.gate_checklist(bare) == [{"criterion": "2 consumers, needs 3", "met": False, "detail": ""}]
    assert evidence.highlight_language(bare["instances"][0], bare) == "python"
    snap = {"scan": {"pass": 1}, "candidates": [bare]}
    assert data.drift(data.pass_rows([snap]))[0]["new"] == ["C-abcdef"]
    assert data.subsystem_rows(snap) == []
    assert data.census_rows(snap) == []


def test_history_drift_and_closest_to_gate(tmp_path):
    snaps = samples.write_samples(tmp_path)
    loaded = data.load_history(tmp_path)
    rows = loaded.passes
    hist = data.candidate_history(rows, "C-3f2a9c")
    assert [(h["pass"], h["consumers"], h["verdict"]) for h in hist] == [
        (1, 2, "watching"), (2, 3, "proposed"), (3, 4, "proposed"), (4, 5, "proposed")]
    drift = data.drift(rows)
    assert drift[2]["gone"] == ["C-0a0b0c"] and "C-5e6f70" in drift[2]["new"]
    assert "C-3f2a9c" in drift[1]["grown"]
    counts = {(r["pass"], r["verdict"]): r["count"] for r in data.verdicts_per_pass(rows)}
    assert counts[(1, "proposed")] == 0 and counts[(4, "proposed")] == 3
    closest = data.closest_to_gate(snaps[-1])
    assert {c["verdict"] for c in closest} == {"watching"}
    unmet = [data.unmet_count(c) for c in closest]
    assert unmet == sorted(unmet)
    assert data.last_seen(loaded, "C-0a0b0c")[0]["scan"]["pass"] == 2


def test_subsystem_graph_and_layout_are_deterministic(latest):
    g = data.subsystem_graph(latest)
    assert set(g.nodes) == set(samples.SUBSYSTEMS)
    assert g["acl"]["events"]["candidates"] == ["C-3f2a9c"]
    assert g["acl"]["mod"]["weight"] == 3  # harness, paginate, normalize
    first, second = data.graph_frames(g), data.graph_frames(data.subsystem_graph(latest))
    assert first == second
    nodes, edges = first
    assert len(edges) == 2 * g.number_of_edges()
    assert data.unlinked(g) == ["guest"] and "guest" not in {n["subsystem"] for n in nodes}
    rows = {r["subsystem"]: r for r in data.subsystem_rows(latest)}
    assert rows["mod"]["active"] and rows["mod"]["dirty files"] == 1
    assert rows["guest"]["stability"] == "no candidate instances"


def test_diff_markers_and_escaping():
    ref = "a\nb\nc\n"
    assert evidence.changed_lines(ref, "a\nB\nc\nd\n", start_line=10) == [11, 13]
    assert evidence.removed_count(ref, "a\nc\n") == 1
    assert evidence.line_ranges([3, 4, 5, 9, 11, 12]) == "3-5, 9, 11-12"
    nasty = "<script>alert(1)</script> *x* [l](u) :red[x] $y$ `z` a_b"
    escaped = evidence.md_escape(nasty)
    assert "<" not in escaped.replace("\\<", "") and "[" not in escaped.replace("\\[", "")
    assert evidence.md_unescape(escaped) == nasty


def test_census_rows(latest):
    rows = data.census_rows(latest)
    assert {r["verdict"] for r in rows} == {"shape-match", "collision", "decided"}
    assert [r["name"] for r in data.census_rows(latest, kinds=["file"], verdicts=["collision"])] == ["api.sx"]
    assert [r["name"] for r in data.census_rows(latest, search="notify")] == ["append-log"]


# --------------------------------------------------------------------------- launch


def test_dashboard_command_binds_loopback_and_passes_out(tmp_path):
    cmd = launch.dashboard_command(tmp_path, 8765)
    assert cmd[:4] == [sys.executable, "-m", "streamlit", "run"] and cmd[4] == str(APP_PATH)
    flags = dict(zip(cmd[5::2], cmd[6::2]))
    assert flags["--server.address"] == "127.0.0.1" and flags["--server.port"] == "8765"
    assert flags["--server.headless"] == "true" and flags["--browser.gatherUsageStats"] == "false"
    assert cmd[-3:] == ["--", "--out", str(tmp_path.resolve())]


def test_run_dashboard_rejects_bad_usage(tmp_path, capsys):
    assert launch.run_dashboard(tmp_path, 0) == 2
    (tmp_path / "file").write_text("x")
    assert launch.run_dashboard(tmp_path / "file", 8501) == 2
    assert "not a folder" in capsys.readouterr().err


def test_out_dir_from_argv_then_env(monkeypatch, tmp_path):
    from dashboard import common

    monkeypatch.setenv("RADAR_OUT", "/from/env")
    monkeypatch.setattr(sys, "argv", ["pytest", "--out", "/ignored"])
    assert common.out_dir() == Path("/from/env")
    monkeypatch.setattr(sys, "argv", [str(APP_PATH), "--out", str(tmp_path)])
    assert common.out_dir() == tmp_path
    monkeypatch.delenv("RADAR_OUT")
    monkeypatch.setattr(sys, "argv", ["x"])
    assert common.out_dir() == Path(".")


# --------------------------------------------------------------------------- pages (AppTest)


def test_backlog_lists_every_proposed_candidate(out, monkeypatch, latest):
    at = app(out, monkeypatch)
    no_exception(at)
    at.radio(key="f_view").set_value("All candidates").run()
    table = at.table[0].value
    ids = [evidence.md_unescape(v) for v in table["id"]]
    for c in samples.proposed(latest):
        row = table.iloc[[i for i, v in enumerate(ids) if f"[{c['id']}](?candidate={c['id']})" == v][0]]
        names = c["consumers"][:3] + ([f"+{len(c['consumers']) - 3}"] if len(c["consumers"]) > 3 else [])
        assert evidence.md_unescape(row["consumers"]) == f"{len(c['consumers'])}: {', '.join(names)}".replace(", +", " +")
        assert evidence.md_unescape(row["home"]) == c["home"]
    assert len(table) == len(latest["candidates"])
    assert list(table["verdict"])[:3] == [":green[:material/check_circle:] proposed"] * 3
    assert any("Last scan" in t and "pass 4" in t for t in texts(at))


def test_backlog_filters_and_search_narrow_the_list(out, monkeypatch):
    at = app(out, monkeypatch)
    at.multiselect(key="f_verdict").set_value(["watching"]).run()
    assert set(at.table[0].value["verdict"]) == {":orange[:material/visibility:] watching"}
    at.multiselect(key="f_language").set_value(["python"]).run()
    assert [evidence.md_unescape(v) for v in at.table[0].value["name"]] == ["paginate"]
    at.multiselect(key="f_verdict").set_value([]).run()
    at.multiselect(key="f_language").set_value([]).run()
    at.radio(key="f_view").set_value("All candidates").run()
    at.multiselect(key="f_subsystem").set_value(["auth"]).run()
    assert len(at.table[0].value) == 1
    at.multiselect(key="f_subsystem").set_value([]).run()
    at.multiselect(key="f_kind").set_value(["event log"]).run()
    assert len(at.table[0].value) == 1
    at.multiselect(key="f_kind").set_value([]).run()
    at.text_input(key="f_search").input("conformance.sh").run()
    assert [evidence.md_unescape(v) for v in at.table[0].value["name"]] == ["run_suite"]
    at.text_input(key="f_search").input("no-such-thing").run()
    assert not at.table and any("No candidate matches" in t for t in texts(at))
    no_exception(at)


def test_candidate_deep_link_shows_evidence_side_by_side(out, monkeypatch, latest):
    at = app(out, monkeypatch, candidate="C-3f2a9c")
    no_exception(at)
    shown = texts(at)
    cand = next(c for c in latest["candidates"] if c["id"] == "C-3f2a9c")
    headers = [evidence.instance_header(i) for i in cand["instances"]]
    for h in headers:
        assert h in shown
    assert len({h.split(":")[0] for h in headers}) >= 2
    assert "lib/acl/conformance.sh:16-26" in headers[0]
    codes = [c for c in at.code if c.language == "bash"]
    assert len(codes) == len(cand["instances"])
    assert codes[0].value == cand["instances"][0]["code"].rstrip("\n")
    # side by side: instance columns share one horizontal block
    assert len(at.columns) >= 3
    # mod's copy differs from the reference; its diff is marked
    assert ":orange[≠ lines 22 differ in structure]" in shown  # sx-guest --strict: an added argument
    assert ":blue[≈ lines 27: only names differ (identifiers, literals)]" in shown  # its own name in a string
    assert any(c.language == "diff" and "+    if ! sx-guest --strict" in c.value for c in at.code)
    assert ":green[:material/check_circle:] at least 3 consumers — 5 consumers" in shown
    assert any("5 consumers × 7.0 effort saved" in t for t in shown)
    charts = at.get("vega_lite_chart")
    assert charts, "consumers-per-pass chart missing"
    history = at.dataframe[-1].value
    assert list(history["consumers"]) == [2, 3, 4, 5]


def test_candidate_page_from_sidebar_and_gone_and_unknown_ids(out, monkeypatch):
    at = page(out, monkeypatch, "candidate")
    no_exception(at)
    assert at.selectbox(key="candidate_pick").value == "C-3f2a9c"
    at.selectbox(key="candidate_pick").set_value("C-a1b2c3").run()
    assert "events: lib/events/log.sx:40-44" in texts(at)

    gone = app(out, monkeypatch, candidate="C-0a0b0c")
    no_exception(gone)
    assert any("gone from the latest pass" in w.value and "pass 2" in w.value for w in gone.warning)

    unknown = app(out, monkeypatch, candidate="C-ffffff")
    no_exception(unknown)
    assert unknown.error and "C-ffffff" in evidence.md_unescape(unknown.error[0].value)
    unknown.button(key="back_to_backlog").click().run()
    no_exception(unknown)
    assert not unknown.query_params and unknown.table, "back button did not return to the backlog"


def test_script_named_unit_is_rendered_as_text(out, monkeypatch):
    backlog = app(out, monkeypatch)
    backlog.radio(key="f_view").set_value("All candidates").run()
    for at in (backlog, app(out, monkeypatch, candidate="C-dd33ee")):
        no_exception(at)
        assert any(samples.SCRIPT_NAME in t for t in texts(at))
        raw = [str(e.value) for kind in ("markdown", "caption", "title") for e in at.get(kind)]
        raw += [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
        assert not any(re.search(r"(?<!\\)<", r) for r in raw), "scanned text reached Markdown unescaped"
        assert not any(getattr(e.proto, "allow_html", False) for e in at.markdown)


def test_census_page(out, monkeypatch):
    at = page(out, monkeypatch, "census")
    no_exception(at)
    df = at.dataframe[0].value
    assert set(df["verdict"]) == {"shape-match", "collision", "decided"}
    row = df[df["name"] == "conformance.sh"].iloc[0]
    assert row["owners"] == "acl, events, feed, mod, search" and row["candidates"] == "C-3f2a9c"
    assert samples.SCRIPT_NAME in set(df["name"])
    at.multiselect(key="census_kind").set_value(["file"]).run()
    assert set(at.dataframe[0].value["kind"]) == {"file"}


def test_subsystems_page(out, monkeypatch):
    at = page(out, monkeypatch, "subsystems")
    no_exception(at)
    df = at.dataframe[0].value
    assert set(df["subsystem"]) == set(samples.SUBSYSTEMS)
    assert df[df["subsystem"] == "mod"].iloc[0]["activity"].startswith("active")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert "layer" in spec
    assert any("guest" in c.value for c in at.caption)
    deps = at.dataframe[1].value
    assert list(deps["subsystem"][:2]) == ["store", "guest"] and deps.iloc[0]["depended on by"] == 10
    assert at.selectbox(key="dep_focus").value == data.focus_choices(samples.build_passes()[-1])[0]
    at.selectbox(key="dep_focus").set_value("C-a1b2c3").run()
    no_exception(at)
    assert any(c.value.startswith("Home: lib/store") for c in at.caption)
    focus = at.get("vega_lite_chart")[0].proto
    assert all(name in focus.spec + str(focus.datasets) for name in ("events", "flow", "notify", "store"))


def test_the_dependency_focus_keeps_one_candidate_readable(latest):
    nodes, edges = data.focus_frames(latest, "C-a1b2c3")
    roles = {n["subsystem"]: (n["x"], n["role"], n["referenced by"]) for n in nodes}
    assert roles["store"] == (1.0, "home", "4 of 4 consumers")
    assert {name for name, (x, _, _) in roles.items() if x == 0} == {"events", "feed", "flow", "notify"}
    assert roles["guest"] == (1.0, "dependency", "2 of 4 consumers")
    assert len(edges) == 2 * (4 + 2)  # one line per consumer and dependency, two points each
    rows = data.dependency_rows(latest)
    assert rows[0]["subsystem"] == "store" and rows[0]["home of"] == 2 and rows[0]["candidates"] == "C-ff5566, C-a1b2c3"
    assert data.focus_frames(latest, "C-nope") == ([], [])
    many = json.loads(json.dumps(latest))
    many["candidates"] = [dict(many["candidates"][0], id=f"C-{k:06d}", home="lib/store") for k in range(9)]
    assert data.dependency_rows(many)[0]["candidates"] == "C-000000, C-000001, C-000002, C-000003, C-000004, C-000005 and 3 more"
    assert data.dependency_rows(None) == [] and data.focus_choices(None) == []


def test_a_hairball_is_not_drawn(monkeypatch, tmp_path):
    snap = samples.build_passes()[-1]
    names = [f"svc{i:03d}" for i in range(60)]
    snap["subsystems"] = [dict(snap["subsystems"][0], name=n, namespace=f"svc/{n}", depends_on=[]) for n in names]
    template = snap["candidates"][0]
    snap["candidates"] = []
    for k in range(20):  # 20 candidates of 3 consumers each, 60 linked subsystems
        c = json.loads(json.dumps(template))
        c["id"] = f"C-{k:06d}"
        c["instances"] = [dict(c["instances"][0], subsystem=names[3 * k + j]) for j in range(3)]
        c["consumers"] = [i["subsystem"] for i in c["instances"]]
        snap["candidates"].append(c)
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / "latest.json").write_text(json.dumps(snap))
    (folder / "20260101T000000Z.json").write_text(json.dumps(snap))
    at = page(tmp_path, monkeypatch, "subsystems")
    no_exception(at)
    assert not at.get("vega_lite_chart")  # neither a hairball nor a dependency focus (no dependencies)
    assert any("too many to draw readably" in c.value for c in at.caption)
    assert any("no home can be inferred" in i.value for i in at.info)


def test_history_page(out, monkeypatch):
    at = page(out, monkeypatch, "history")
    no_exception(at)
    assert len(at.get("vega_lite_chart")) == 2
    drift = at.dataframe[0].value
    assert list(drift["pass"]) == [4, 3, 2, 1]
    assert drift[drift["pass"] == 3].iloc[0]["gone"] == "C-0a0b0c"
    closest = at.table[0].value
    assert len(closest) == 4 and list(closest["unmet"]) == sorted(closest["unmet"])


def test_empty_out_explains_how_to_scan(tmp_path, monkeypatch):
    for name in ("backlog", "candidate", "census", "subsystems", "history"):
        at = app(tmp_path, monkeypatch) if name == "backlog" else page(tmp_path, monkeypatch, name)
        no_exception(at)
        assert any("No snapshot yet" in i.value for i in at.info), name
        assert any(f"radar scan --repo PATH --out {tmp_path}" == c.value for c in at.code), name
        assert any("radar demo" in c.value for c in at.code), name
    assert list(tmp_path.iterdir()) == []


def test_browsing_writes_nothing_under_out(out, monkeypatch):
    before = tree_state(out)
    at = app(out, monkeypatch)
    at.multiselect(key="f_verdict").set_value(["proposed"]).run()
    app(out, monkeypatch, candidate="C-a1b2c3")
    for name in ("census", "subsystems", "history", "candidate"):
        page(out, monkeypatch, name)
    assert tree_state(out) == before
    assert not (Path(os.getcwd()) / out.name).exists()


# --------------------------------------------------------------------------- real scanner output

@pytest.fixture(scope="module")
def demo_out(tmp_path_factory) -> tuple[Path, dict]:
    """Two real passes of the radar over the demo fleet: what users actually browse."""
    from radar.demo.fleet import build_fleet, demo_spec
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    fleet = build_fleet(tmp_path_factory.mktemp("demo-fleet"), demo_spec())
    folder = tmp_path_factory.mktemp("demo-out")
    for _ in range(2):
        snapshot, _ = run_pass(ScanRequest(fleet.repo, fleet.rules, folder, None, jobs=1))
    return folder, snapshot


def test_real_scan_output_renders_on_every_page(demo_out, monkeypatch):
    folder, snapshot = demo_out
    backlog = app(folder, monkeypatch)
    no_exception(backlog)
    shown_backlog = " ".join(texts(backlog))
    for candidate in snapshot["candidates"]:
        if candidate["verdict"] == "proposed":
            assert candidate["id"] in shown_backlog and candidate["home"] in shown_backlog
    proposed = next(c for c in snapshot["candidates"] if c["verdict"] == "proposed")
    page_of = app(folder, monkeypatch, candidate=proposed["id"])
    no_exception(page_of)
    for instance in proposed["instances"]:
        assert evidence.instance_header(instance) in texts(page_of)
    for name in ("census", "subsystems", "history"):
        no_exception(page(folder, monkeypatch, name))


# --------------------------------------------------------------------------- at size (1,200 candidates)

EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B05\u2705\u274C]")


@pytest.fixture(scope="module")
def big_out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("radar-big") / "snapshots"
    folder.mkdir()
    for passno in (1, 2):
        snap = samples.big_snapshot(1200, passno=passno)
        snap["scan"]["finished_at"] = samples.ts(passno, 2)
        (folder / f"2026050{passno}T100200Z.json").write_text(json.dumps(snap))
    (folder / "latest.json").write_text(json.dumps(snap))
    return folder.parent


def _ids(at: AppTest) -> list[str]:
    return [re.search(r"\[(.+?)\]", evidence.md_unescape(v)).group(1) for v in at.table[0].value["id"]]


def test_a_big_backlog_opens_on_proposed_and_near_gate_candidates_one_page_at_a_time(big_out, monkeypatch):
    snap = samples.big_snapshot(1200, passno=2)
    gate = data.gate_of(snap)
    at = app(big_out, monkeypatch)
    no_exception(at)
    wanted = {c["id"] for c in snap["candidates"] if c["verdict"] == "proposed" or data.near_gate(c, gate)}
    first = _ids(at)
    assert len(first) == 50 and set(first) <= wanted
    assert first[0] == next(c["id"] for c in data.rank(snap["candidates"]))
    assert any(f"{len(wanted)} of 1200 candidates" in t for t in texts(at))
    at.number_input(key="f_page").set_value(2).run()
    second = _ids(at)
    assert len(second) == 50 and not set(second) & set(first) and set(second) <= wanted
    no_exception(at)


def test_a_big_backlog_sorts_the_whole_list_and_filters_by_blocker(big_out, monkeypatch):
    snap = samples.big_snapshot(1200, passno=2)
    at = app(big_out, monkeypatch)
    at.radio(key="f_view").set_value("All candidates").run()
    at.selectbox(key="f_sort").set_value("consumers").run()
    widest = max(len(c["consumers"]) for c in snap["candidates"])
    assert evidence.md_unescape(at.table[0].value["consumers"][0]).startswith(f"{widest}: ")
    assert "+" in evidence.md_unescape(at.table[0].value["consumers"][0])  # 46 names never fill one cell
    at.multiselect(key="f_blocked").set_value(["too thin"]).run()
    thin = {c["id"] for c in snap["candidates"] if "size" in data.blockers(c)}
    at.selectbox(key="f_size").set_value(200).run()
    assert set(_ids(at)) <= thin and any(f"{len(thin)} of 1200 candidates" in t for t in texts(at))
    no_exception(at)


def test_a_big_backlog_charts_what_blocks_candidates_without_emoji(big_out, monkeypatch):
    at = app(big_out, monkeypatch)
    no_exception(at)
    assert at.get("vega_lite_chart"), "blockers chart missing"
    assert [e.label for e in at.expander] == ["What blocks the watching candidates"]
    shown = texts(at) + [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
    assert not any(EMOJI.search(t) for t in shown)


def test_history_stays_readable_after_a_big_first_pass(big_out, monkeypatch):
    at = page(big_out, monkeypatch, "history")
    no_exception(at)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert any(s.get("encoding", {}).get("y", {}).get("scale", {}).get("type") == "symlog" for s in specs)
    drift = at.dataframe[0].value
    assert "1200 candidates" in set(drift["new"])  # counted, not 1,200 ids in one cell
    assert len(at.table[0].value) == 25


def test_a_deep_link_resolves_an_id_prefix(out, monkeypatch):
    for link in ("3f2a9c", "c-3F2A", "C-3f2a9c"):
        at = app(out, monkeypatch, candidate=link)
        no_exception(at)
        assert "lib/acl/conformance.sh:16-26" in " ".join(texts(at)), link


def test_a_taken_port_is_refused_before_any_url_is_printed(tmp_path, capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert launch.run_dashboard(tmp_path, port) == 2
    error = capsys.readouterr().err
    assert f"port {port}" in error and "http://" not in error
