"""The history store: small records for passes that change nothing, exact rebuilds of any pass,
old-format folders read and indexed without a step from the user, compaction that a kill
cannot hurt."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from radar.infra import compaction, deltas, records
from radar.outputs.publish import encode_snapshot, write_pass
from radar.stages.lastpass import carried

# ---------------------------------------------------------------- synthetic passes

SUBSYSTEMS = ["acl", "billing", "events", "feed", "search"]


def first_snapshot() -> dict:
    candidates = [_candidate(n) for n in range(6)]
    return {"schema": 1, "tool": {"name": "abstraction-radar", "version": "0.1.0"}, "repo": "/srv/fleet",
            "scan": {"started_at": "", "finished_at": "", "pass": 0, "changes": {"new": []}, "empty_pass": True},
            "subsystems": [{"name": s, "head": "a" * 40, "last_change": "2026-01-01T00:00:00Z", "dirty_files": []}
                           for s in SUBSYSTEMS],
            "candidates": candidates,
            "census": [{"name": f"util{n}.py", "kind": "file", "owners": SUBSYSTEMS[:3], "count": 3} for n in range(4)]}


def _candidate(n: int) -> dict:
    return {"id": f"C-{n:06x}", "verdict": "watching", "rank": n + 1, "score": 10.5 - n, "similarity": 0.95,
            "consumers": SUBSYSTEMS[: 3 + n % 3],
            "instances": [{"subsystem": s, "path": f"lib/{s}/u{n}.py", "start_line": 1, "end_line": 9,
                           "name": f"unit{n}", "exact": f"e{n}", "quiet_passes": 0, "code": f"def unit{n}():\n    pass\n" * 3}
                          for s in SUBSYSTEMS[: 3 + n % 3]]}


EDITS = st.lists(st.tuples(st.sampled_from(["nothing", "quiet", "rank", "drop", "add", "head", "verdict", "move",
                                            "census", "instance", "float"]),
                           st.integers(0, 50)), min_size=1, max_size=3)


def edited(snapshot: dict, edits: list[tuple[str, int]]) -> dict:
    new = json.loads(json.dumps(snapshot))
    cands = new["candidates"]
    for kind, n in edits:
        pick = cands[n % len(cands)] if cands else None
        if kind == "quiet" and pick:
            for i in pick["instances"]:
                i["quiet_passes"] = min(i["quiet_passes"] + 1, 5)
        elif kind == "rank":
            for c in cands:
                c["rank"] += 1
        elif kind == "drop" and pick:
            cands.remove(pick)
        elif kind == "add":
            cands.insert(n % (len(cands) + 1), _candidate(100 + n))
        elif kind == "head":
            for s in new["subsystems"]:
                s["head"] = f"{n:040x}"
        elif kind == "verdict" and pick:
            pick["verdict"] = "proposed" if pick["verdict"] != "proposed" else "watching"
            pick["missing"] = []  # a new key, at the end
        elif kind == "move" and len(cands) > 1:
            cands.append(cands.pop(n % len(cands)))
        elif kind == "census":
            new["census"].append({"name": f"extra{n}.py", "kind": "definition", "owners": ["acl"], "count": 1})
        elif kind == "instance" and pick:
            pick["instances"].append(dict(pick["instances"][0], path=f"lib/acl/more{n}.py", start_line=n))
        elif kind == "float" and pick:
            pick["score"] = float(n) if n % 2 else n  # 3.0 and 3 must stay apart
    return new


def stamped(snapshot: dict, number: int, previous: dict | None) -> dict:
    """The scan a real pass would write: its number, dates, and the last ten passes' rows."""
    snapshot["scan"] = {"started_at": _date(number), "finished_at": _date(number), "pass": number,
                        "changes": {"new": [], "grown": [], "shrunk": [], "gone": []}, "empty_pass": True}
    row = {"pass": number, "finished_at": _date(number), "subsystems": len(snapshot["subsystems"]),
           "empty_pass": True, "proposed": sum(c["verdict"] == "proposed" for c in snapshot["candidates"])}
    earlier = (previous or {}).get("scan", {}).get("history", [])
    snapshot["scan"]["history"] = (earlier + [row])[-records.HISTORY_KEPT:]
    return snapshot


def _date(number: int) -> str:
    day, hour = divmod(number, 24)
    return f"2026-01-{day + 1:02d}T{hour:02d}:00:00Z"


def record_all(out: Path, edit_lists) -> list[str]:
    """Record one pass per edit list; returns each pass's encoded snapshot as written."""
    written, previous = [], None
    snapshot = first_snapshot()
    for number, edits in enumerate(edit_lists, 1):
        snapshot = stamped(edited(snapshot, edits) if number > 1 else snapshot, number, previous)
        write_pass(out, snapshot, "# backlog\n", carried(previous) if previous else None)
        written.append(encode_snapshot(snapshot).decode("utf-8"))
        previous = snapshot
    return written


# ---------------------------------------------------------------- rebuilds are exact

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(EDITS, min_size=1, max_size=12))
def test_every_rebuilt_pass_equals_the_snapshot_written_then(tmp_path_factory, edit_lists):
    out = tmp_path_factory.mktemp("out")
    written = record_all(out, edit_lists)
    store = records.Store.open(out)
    assert store.passes() == list(range(1, len(written) + 1))
    assert [store.text(n) for n in store.passes()] == written
    assert (out / "snapshots" / "latest.json").read_text("utf-8") == written[-1]


@given(st.lists(st.text(max_size=6), max_size=30), st.lists(st.text(max_size=6), max_size=30))
def test_a_delta_turns_any_lines_into_any_others(base, new):
    base, new = [f'  {{"id":"{b}"}}' for b in base], [f'  {{"id":"{n}","x":1}}' if len(n) % 2 else n for n in new]
    assert deltas.apply_delta(base, deltas.make_delta(base, new)) == new


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(EDITS, min_size=2, max_size=6))
def test_the_last_snapshot_in_hand_gives_the_same_records_as_reading_it_back(tmp_path_factory, edit_lists):
    """write_pass describes the pass against the last one the caller has in hand (what a warm
    pass read of it, lastpass.py); the records are byte for byte those made by reading it back."""
    given_out, read_out = tmp_path_factory.mktemp("given"), tmp_path_factory.mktemp("read")
    snapshot, last = first_snapshot(), None
    for number, edits in enumerate(edit_lists, 1):
        snapshot = stamped(edited(snapshot, edits) if number > 1 else snapshot, number, last)
        write_pass(given_out, snapshot, "# backlog\n", carried(last) if last else None)
        write_pass(read_out, snapshot, "# backlog\n", None)
        last = json.loads(encode_snapshot(snapshot))  # as the next pass reads latest.json

    def files(out: Path) -> dict[str, bytes]:
        return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    assert files(given_out) == files(read_out)


def test_a_pass_that_changes_nothing_writes_one_short_index_line(tmp_path):
    written = record_all(tmp_path, [[("nothing", 0)]] * 3 + [[("rank", 0)]] + [[("nothing", 0)]])
    lines = records.read_index(tmp_path)
    assert [line["content"] for line in lines] == [
        {"full": lines[0]["content"]["full"]}, {"same": 1}, {"same": 1},
        {"delta": lines[3]["content"]["delta"], "parent": 1}, {"same": 4}]
    sizes = (tmp_path / "snapshots" / records.INDEX_NAME).read_bytes().splitlines()
    assert all(len(size) < 600 for size in sizes[1:3]), [len(s) for s in sizes]
    delta = tmp_path / "snapshots" / records.DELTAS / lines[3]["content"]["delta"]
    assert delta.stat().st_size < len(written[3]) / 5  # six ranks moved: six small patches
    assert len(list((tmp_path / "snapshots").rglob("*.json"))) == 3  # keyframe, delta, latest.json


def test_a_torn_last_index_line_is_ignored_then_cut(tmp_path):
    written = record_all(tmp_path, [[("nothing", 0)], [("head", 1)]])
    index = tmp_path / "snapshots" / records.INDEX_NAME
    with index.open("ab") as handle:
        handle.write(b'{"pass":3,"scan":{"star')  # a pass killed mid-append
    assert records.Store.open(tmp_path).passes() == [1, 2]
    previous = json.loads(written[-1])
    snapshot = stamped(edited(previous, [("quiet", 0)]), 3, previous)
    write_pass(tmp_path, snapshot, "# backlog\n", carried(previous))
    assert records.Store.open(tmp_path).text(3) == encode_snapshot(snapshot).decode("utf-8")
    assert all(json.loads(line) for line in index.read_bytes().splitlines())


def test_latest_json_behind_the_index_is_rebuilt_not_trusted(tmp_path):
    """A pass killed between its index line and latest.json: the next pass reads the index's pass."""
    from radar.stages.history import load_past

    written = record_all(tmp_path, [[("nothing", 0)], [("drop", 2)]])
    (tmp_path / "snapshots" / "latest.json").write_text(written[0], encoding="utf-8")
    assert load_past(tmp_path).latest == carried(json.loads(written[1]))


# ---------------------------------------------------------------- old folders and compaction

def old_format_out(out: Path, edit_lists) -> list[str]:
    """What an older radar left: one whole snapshot per pass, no index."""
    written = []
    snapshot, previous = first_snapshot(), None
    folder = out / "snapshots"
    folder.mkdir(parents=True)
    for number, edits in enumerate(edit_lists, 1):
        snapshot = stamped(edited(snapshot, edits) if number > 1 else snapshot, number, previous)
        text = encode_snapshot(snapshot).decode("utf-8")
        (folder / records.record_name(snapshot["scan"]["finished_at"])).write_text(text, encoding="utf-8")
        written.append(text)
        previous = snapshot
    (folder / "latest.json").write_text(written[-1], encoding="utf-8")
    return written


HOURS = [[("nothing", 0)]] * 30 + [[("rank", 0)]] + [[("nothing", 0)]] * 40 + [[("add", 3)], [("quiet", 1)]]


def test_an_old_folder_is_indexed_by_the_next_pass_and_compaction_keeps_every_change(tmp_path):
    written = old_format_out(tmp_path, HOURS)
    assert records.index_old_snapshots(tmp_path) == []
    assert [records.Store.open(tmp_path).text(n) for n in range(1, len(HOURS) + 1)] == written
    before = compaction.history_bytes(tmp_path)
    done = compaction.compact(tmp_path, keep_empty_days=1, now=_now())
    store = records.Store.open(tmp_path)
    changed = [1, 31, 72, 73]
    assert set(changed) <= set(store.passes()) and done.passes_after < len(HOURS)
    assert {n: store.text(n) for n in store.passes()} == {n: written[n - 1] for n in store.passes()}
    assert {line["scan"]["finished_at"][:10] for line in store.lines} == {_date(n)[:10] for n in range(1, 74)}
    assert done.bytes_after < before / 5
    assert len(list((tmp_path / "snapshots").glob("*.json"))) == 2  # one keyframe and latest.json
    index = tmp_path / "snapshots" / records.INDEX_NAME
    size, thinned = index.stat().st_size, len(store.lines)
    assert compaction.compact(tmp_path, keep_empty_days=1, now=_now()).passes_after == thinned
    assert index.stat().st_size == size  # a second compaction finds nothing left to do


def test_thinning_keeps_the_rows_later_passes_list_and_shrinks_the_index(tmp_path):
    written = record_all(tmp_path, HOURS)
    index = tmp_path / "snapshots" / records.INDEX_NAME
    before = index.stat().st_size
    done = compaction.compact(tmp_path, keep_empty_days=1, now=_now())
    store = records.Store.open(tmp_path)
    assert done.passes_after < len(HOURS) - 50 and index.stat().st_size < before * 0.6
    assert all(store.text(n) == written[n - 1] for n in store.passes())
    assert all("history" not in line["scan"] for line in store.lines[1:])  # no row had to be kept whole


def _now():
    from datetime import datetime, timezone

    return datetime(2026, 1, 30, tzinfo=timezone.utc)


KILLER = """
import os, signal, sys
from datetime import datetime, timezone
from pathlib import Path
from radar.infra.compaction import compact
calls = 0
def checkpoint(step):
    global calls
    calls += 1
    if calls == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
compact(Path(sys.argv[1]), 1, now=datetime(2026, 1, 30, tzinfo=timezone.utc), checkpoint=checkpoint)
"""


def test_a_kill_at_any_step_of_compaction_loses_nothing(tmp_path):
    written = old_format_out(tmp_path, HOURS)
    records.index_old_snapshots(tmp_path)
    kill_at = 1
    while True:
        done = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path), str(kill_at)],
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
        store = records.Store.open(tmp_path)
        assert {1, 31, 72, 73} <= set(store.passes())
        assert all(store.text(n) == written[n - 1] for n in store.passes())
        if done.returncode == 0:
            break
        assert done.returncode == -9
        kill_at += 1
    assert kill_at > 3  # killed after the deltas, after the index, between removals
    assert not list((tmp_path / "snapshots").rglob(".*.tmp"))


def test_index_lines_and_deltas_follow_the_documented_schema(tmp_path):
    import jsonschema

    schema = json.loads((Path(records.__file__).parents[1] / "outputs" / "records.schema.json").read_text("utf-8"))
    record_all(tmp_path, [[("nothing", 0)], [("rank", 0), ("census", 1)], [("instance", 2)], [("nothing", 0)]])
    for line in records.read_index(tmp_path):
        jsonschema.validate(line, {**schema, "$ref": "#/$defs/line"})
    deltas = list((tmp_path / "snapshots" / records.DELTAS).glob("*.json"))
    assert deltas
    for delta in deltas:
        jsonschema.validate(json.loads(delta.read_text("utf-8")), {**schema, "$ref": "#/$defs/delta"})


def test_history_commands_show_a_pass_and_compact(tmp_path, capsys):
    from radar.cli import main

    written = record_all(tmp_path, [[("nothing", 0)], [("drop", 1)], [("nothing", 0)]])
    assert main(["history", "show", "2", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == written[1]
    assert main(["history", "show", "9", "--out", str(tmp_path)]) == 2
    assert "pass 9 is not in" in capsys.readouterr().err
    assert main(["history", "compact", "--out", str(tmp_path), "--keep-empty-days", "0"]) == 0
    assert "3 passes -> 3 kept" in capsys.readouterr().err  # the first, a changed one, the latest
    assert main(["history", "compact", "--out", str(tmp_path / "none")]) == 2


@given(st.lists(st.sampled_from(['"a"', '"b"', ',"', "1", "2", '\\"', "é"]), max_size=20),
       st.lists(st.tuples(st.integers(0, 19), st.sampled_from(["3", '"c"', "", "xx"])), max_size=5))
def test_a_line_patched_by_pieces_gives_back_its_bytes(parts, edits):
    old = '  {"id":"C-1","f":' + "".join(parts) + "}"
    pieces = old.split(deltas.PIECE)
    for at, text in edits:
        pieces[at % len(pieces)] = text
    new = deltas.PIECE.join(pieces)
    base = [" [", old, " ]"]
    assert deltas.apply_delta(base, deltas.make_delta(base, [" [", new, " ]"])) == [" [", new, " ]"]


def test_a_warm_pass_after_a_cold_one_patches_pieces_not_objects():
    instance = '{"path":"a.py","code":"' + "x = 1\\n" * 200 + '","quiet_passes":%d,"exact":"e"}'
    line = '  {"id":"C-1","instances":[' + ",".join([instance] * 5) + "]}"
    before, after = [" [", line % ((1,) * 5), " ]"], [" [", line % ((2,) * 5), " ]"]
    ops = deltas.make_delta(before, after)
    assert [text for _, text in ops[1]["t"]] == ['quiet_passes":2'] * 5
    assert deltas.apply_delta(before, ops) == after


@given(st.lists(st.lists(st.sampled_from(["1", "2", '"a"', "é", '"b\\"c"']), min_size=1, max_size=6),
                min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 7), st.integers(1, 5), st.sampled_from(["3", "4", '"z"'])), max_size=12))
def test_pieces_replaced_by_a_caller_give_make_deltas_own_delta(lines, edits):
    """outputs/outcome.py replaces pieces of some candidates' lines and states the delta rather
    than comparing the lines again: the same operations make_delta finds, and the lines back."""
    code = ',"code":"' + "x = 1\\n" * 40 + '"}'  # candidates' lines are long: their code
    base = ["{", ' "scan": null', ' "subsystems": [', '  {"name":"s"}', " ]", ' "candidates": [',
            *('  {"id":"C-%d","f":' % n + ',"'.join(f'v{k}":{v}' for k, v in enumerate(fields)) + code
              for n, fields in enumerate(lines)), " ]", ' "census": [', '  {"name":"x"}', " ]", "}"]
    new, pieces = list(base), {}
    for line, at, text in edits:
        n = 6 + line % len(lines)
        cut = new[n].split(deltas.PIECE)
        at = 1 + at % (len(cut) - 1) if len(cut) > 1 else None
        if at is None or cut[at].startswith("code") or cut[at] == f"v{at - 1}\":{text}":
            continue
        cut[at] = f"v{at - 1}\":{text}"
        new[n] = deltas.PIECE.join(cut)
        pieces[n] = [[k, piece] for k, (piece, was) in enumerate(zip(cut, base[n].split(deltas.PIECE))) if piece != was]
    pieces = {n: changed for n, changed in pieces.items() if changed and new[n] != base[n]}
    if any(len(deltas.compact_json({"r": n, "t": t})) >= len(new[n]) for n, t in pieces.items()):
        return  # make_delta stores such a line whole: no caller states its pieces
    ops = deltas.piece_delta(len(base), pieces)
    assert ops == deltas.make_delta(base, new)
    assert deltas.apply_delta(base, ops) == new
