"""The fixture fleet generator (radar.demo.fleet): real git repos, worktrees, dates and plants."""
from __future__ import annotations

import difflib
import fnmatch
import os
import re
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml

from radar.demo import fleet
from radar.demo.fleet import PLANT_KINDS, BuiltFleet, FleetError, FleetSpec, build_fleet, demo_spec

NOW = datetime(2026, 6, 7, 12, 0, tzinfo=timezone.utc)
DAY = 86400


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_OPTIONAL_LOCKS="0")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True,
                          capture_output=True, text=True).stdout


def root_of(built: BuiltFleet, sub: str) -> Path:
    return built.worktrees.get(sub, built.repo)


# A strict normaliser, independent of the radar's: symbols renamed by first occurrence,
# literals replaced by their type, comments dropped.
_SX_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"|;[^\n]*|[()\[\]{}]|[^\s()\[\]{}"]+')


def shape(text: str, lang: str = "sx") -> list[str]:
    names: dict[str, str] = {}
    out = []
    if lang == "sh":  # Bash through tree-sitter: string pieces and numbers are literals
        import tree_sitter_language_pack as ts
        data = text.encode()

        def walk(node):
            if node.type == "comment":
                return
            if node.type in ("string_content", "raw_string", "number") or not node.children:
                piece = data[node.start_byte:node.end_byte].decode()
                if node.type in ("string_content", "raw_string", "number"):
                    out.append(node.type)
                elif node.type in ("word", "variable_name"):
                    out.append(names.setdefault(piece, f"v{len(names)}"))
                else:
                    out.append(piece)
                return
            for child in node.children:
                walk(child)

        walk(ts.get_parser("bash").parse(data).root_node)
        return out
    for tok in _SX_TOKEN.findall(text):
        if tok.startswith(";"):
            continue
        if tok.startswith('"'):
            out.append('"')
        elif tok.startswith(":"):
            out.append(":")
        elif re.fullmatch(r"-?\d+(\.\d+)?", tok):
            out.append("0")
        elif tok in "()[]{}":
            out.append(tok)
        else:
            out.append(names.setdefault(tok, f"v{len(names)}"))
    return out


def ratio(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def lang_of(path: str) -> str:
    return "sh" if path.endswith(".sh") else "sx"


def unit_names(text: str, lang: str) -> list[str]:
    if lang == "sh":
        return re.findall(r"^(\w+)\(\)", text, re.M)
    return re.findall(r"^\((?:define|defcomp) \(?([^\s()]+)", text, re.M)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[BuiltFleet, float]:
    root = tmp_path_factory.mktemp("demo")
    t0 = time.perf_counter()
    built = build_fleet(root, demo_spec(), now=NOW)
    return built, time.perf_counter() - t0


def test_demo_builds_fast(demo):
    built, seconds = demo
    assert seconds < 5, f"demo fleet took {seconds:.1f}s"
    assert {p.name for p in built.plants} == set(PLANT_KINDS)


def test_layout_worktrees_and_branches(demo):
    built, _ = demo
    spec = demo_spec()
    assert 10 <= len(spec.worktrees) <= 14 and 4 <= len(spec.merged) <= 6
    assert built.repo == built.root / "main"
    assert git(built.repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert (built.repo / "README.md").is_file()
    listed = git(built.repo, "worktree", "list", "--porcelain")
    for name in spec.worktrees:
        wt = built.worktrees[name]
        assert wt == built.root / "loops" / name
        assert f"worktree {wt}\n" in listed
        assert git(wt, "rev-parse", "--abbrev-ref", "HEAD").strip() == f"loops/{name}"
        assert list((wt / "lib" / name).glob("*.sx")), name
        assert not (built.repo / "lib" / name).exists()  # loops are not merged
    for name in spec.merged:
        assert list((built.repo / "lib" / name).glob("*.sx")), name


def test_merged_libraries_are_checked_out_in_every_worktree(demo):
    built, _ = demo
    merged_files = sorted(p.relative_to(built.repo) for p in (built.repo / "lib").rglob("*")
                          if p.is_file())
    assert merged_files
    for wt in built.worktrees.values():
        for rel in merged_files:
            assert (wt / rel).read_bytes() == (built.repo / rel).read_bytes()


def test_commit_dates_and_dirty_state(demo):
    built, _ = demo
    now = NOW.timestamp()
    event = next(p for p in built.plants if p.name == fleet.EVENT_LOG)
    outbox = next(p for p in built.plants if p.name == fleet.OUTBOX)
    [mover], [dirty_sub] = event.unstable, outbox.unstable
    assert mover != dirty_sub
    for p in built.plants:
        for sub, path in zip(p.subsystems, p.paths):
            stamp = int(git(root_of(built, sub), "log", "-1", "--format=%ct", "--", path))
            if p is event and sub == mover:
                assert 1.5 * 3600 <= now - stamp <= 3 * 3600
            else:
                assert now - stamp >= 30 * DAY, (p.name, sub, path)
    for sub, wt in built.worktrees.items():
        status = git(wt, "status", "--porcelain").splitlines()
        if sub == dirty_sub:
            assert status == [f" M lib/{sub}/outbox.sx"]
        else:
            assert status == [], sub
        commits = git(wt, "log", "--format=%ct %an <%ae>").splitlines()
        assert all("Fleet Builder <fleet@example.invalid>" in c for c in commits)
        assert len(commits) == (3 if sub == mover else 2)  # main + own (+ the recent one)
    assert git(built.repo, "status", "--porcelain") == ""
    assert git(built.repo, "config", "--local", "commit.gpgsign").strip() == "false"


def test_plants_are_on_disk_and_tell_the_truth(demo):
    built, _ = demo
    for p in built.plants:
        assert set(p.unstable) <= set(p.subsystems)
        assert bool(p.unstable) == (p.name in (fleet.EVENT_LOG, fleet.OUTBOX))
        assert p.expect in {"proposed", "watching", "rejected", "collision", "none"}
        assert len(p.subsystems) == len(p.paths) and p.why
        for sub, path in zip(p.subsystems, p.paths):
            file = root_of(built, sub) / path
            assert file.is_file(), (p.name, sub, path)
            assert path.startswith(f"lib/{sub}/")
            text = file.read_text()
            if p.name == fleet.THIN:
                assert "(define (identity x) x)" in text
            else:
                assert len(shape(text, lang_of(path))) >= 60, (p.name, path)
                assert 15 <= len(text.splitlines()) <= 60, (p.name, path)
    consumers = {p.name: len(set(p.subsystems)) for p in built.plants}
    assert consumers[fleet.CONFORMANCE] == 5 and consumers[fleet.PAGINATION] == 2
    assert consumers[fleet.THIN] >= 4 and consumers[fleet.VISIBILITY] >= 3
    assert "persist" in built.plant(fleet.EVENT_LOG).subsystems  # persist owns the shape
    memo, retry = built.plant(fleet.MEMO), built.plant(fleet.RETRY)
    assert memo.inferred_home == "lib/persist" and memo.home is None and consumers[fleet.MEMO] == 3
    assert not set(memo.subsystems) & set(retry.subsystems)  # retry's consumers share no substrate
    for sub, path in zip(memo.subsystems, memo.paths):
        assert "(persist/kv-get b key)" in (root_of(built, sub) / path).read_text()


@pytest.mark.parametrize("kind", [fleet.CONFORMANCE, fleet.PAGINATION, fleet.EVENT_LOG,
                                  fleet.OUTBOX, fleet.RETRY, fleet.NORMALIZE, fleet.MEMO])
def test_exact_plants_are_renamed_copies(demo, kind):
    built, _ = demo
    p = built.plant(kind)
    texts = [(root_of(built, s) / path).read_text() for s, path in zip(p.subsystems, p.paths)]
    assert len(set(texts)) == len(texts)  # every copy differs as text ...
    shapes = {tuple(shape(t, lang_of(path))) for t, path in zip(texts, p.paths)}
    assert len(shapes) == 1  # ... and none differs in shape


def test_near_miss_and_collision_plants(demo):
    built, _ = demo
    vis = built.plant(fleet.VISIBILITY)
    shapes = [shape((root_of(built, s) / path).read_text())
              for s, path in zip(vis.subsystems, vis.paths)]
    assert len({tuple(s) for s in shapes}) >= 2
    assert all(ratio(a, b) >= 0.9 for a in shapes for b in shapes)
    api = built.plant(fleet.API)
    assert {Path(path).name for path in api.paths} == {"api.sx"}
    shapes = [shape((root_of(built, s) / path).read_text())
              for s, path in zip(api.subsystems, api.paths)]
    assert all(ratio(a, b) < 0.7 for i, a in enumerate(shapes) for b in shapes[i + 1:])


def test_filler_does_not_repeat_across_subsystems(demo):
    built, _ = demo
    planted = {(s, path) for p in built.plants if p.name != fleet.THIN
               for s, path in zip(p.subsystems, p.paths)}
    defs: list[tuple[str, list[str]]] = []
    names: dict[str, set[str]] = {}
    for sub in list(built.worktrees) + list(demo_spec().merged):
        for file in sorted((root_of(built, sub) / "lib" / sub).glob("*.sx")):
            rel = file.relative_to(root_of(built, sub)).as_posix()
            if (sub, rel) in planted:
                continue
            names.setdefault(file.name, set()).add(sub)
            for form in re.split(r"\n(?=\()", file.read_text()):
                if form.startswith(("(define (identity", "(define (clamp")):
                    continue
                if form.startswith("(def"):
                    defs.append((sub, shape(form)))
    assert all(len(owners) == 1 for owners in names.values())  # module names unique
    assert len(defs) > 100
    grams = [(sub, {tuple(s[i:i + 6]) for i in range(len(s) - 5)}) for sub, s in defs]
    for i, (sa, ga) in enumerate(grams):
        for sb, gb in grams[i + 1:]:
            if sa != sb:
                assert len(ga & gb) / len(ga | gb) < 0.6


def test_sources_parse_without_errors(demo):
    import tree_sitter_language_pack as ts
    built, _ = demo
    parsers = {"sx": ts.get_parser("clojure"), "sh": ts.get_parser("bash")}
    roots = [built.repo, *built.worktrees.values()]
    count = 0
    for root in roots:
        for file in (root / "lib").rglob("*"):
            if file.suffix in (".sx", ".sh"):
                tree = parsers[file.suffix[1:]].parse(file.read_bytes())
                assert not tree.root_node.has_error, file
                count += 1
    assert count > 50


def test_rules_parse_and_route_the_plants(demo):
    built, _ = demo
    radar = yaml.safe_load((built.rules / "radar.yaml").read_text())
    assert radar["fleet"]["worktree_namespace"] == "lib/{name}"
    assert radar["fleet"]["main_namespaces"] == ["lib/*"]
    assert radar["gate"] == {"min_consumers": 3, "stable_days": 7, "min_similarity": 0.9,
                             "min_tokens": 50}
    routing = yaml.safe_load((built.rules / "routing.yaml").read_text())
    decisions = yaml.safe_load((built.rules / "decisions.yaml").read_text())
    assert all({"kind", "home", "match"} <= set(r) for r in routing)

    def matches(match: dict, p) -> bool:
        for sub, path in zip(p.subsystems, p.paths):
            text = (root_of(built, sub) / path).read_text()
            if any(fnmatch.fnmatchcase(path, g) for g in match.get("paths", [])):
                return True
            if any(fnmatch.fnmatchcase(n, g) for n in unit_names(text, lang_of(path))
                   for g in match.get("names", [])):
                return True
        return False

    for p in built.plants:
        first = next((r for r in routing if matches(r["match"], p)), None)
        if p.home is not None:
            assert first is not None and first["home"] == p.home, p.name
    assert next((r for r in routing if matches(r["match"], built.plant(fleet.RETRY))), None) is None
    [decision] = decisions
    assert decision["verdict"] == "rejected"
    assert decision["reason"] == "name collision: same noun, domain-specific op"
    assert matches(decision["match"], built.plant(fleet.NORMALIZE))
    assert not any(matches(decision["match"], p) for p in built.plants
                   if p.name != fleet.NORMALIZE)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def test_building_twice_gives_identical_trees(tmp_path):
    a = build_fleet(tmp_path / "a", now=NOW)
    b = build_fleet(tmp_path / "b", now=NOW)
    assert tree(a.root) == tree(b.root)
    assert a.plants == b.plants
    for name in a.worktrees:
        head = git(a.worktrees[name], "rev-parse", "HEAD")
        assert head == git(b.worktrees[name], "rev-parse", "HEAD")


def test_a_fleet_like_the_demo_but_not_the_demo(tmp_path):
    spec = FleetSpec(worktrees=("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"),
                     merged=("store", "kit"), seed=42,
                     plants=(fleet.CONFORMANCE, fleet.EVENT_LOG, fleet.API, fleet.PHANTOM,
                             fleet.VISIBILITY),
                     counts=((fleet.CONFORMANCE, 3),), filler=(1, 2))
    built = build_fleet(tmp_path / "f", spec, now=NOW)
    assert set(built.worktrees) == set(spec.worktrees)
    assert [p.name for p in built.plants] == list(spec.plants)
    assert len(built.plant(fleet.CONFORMANCE).subsystems) == 3
    assert "persist" not in built.plant(fleet.EVENT_LOG).subsystems
    assert built.plant(fleet.PHANTOM).subsystems == ("store", "kit")
    assert yaml.safe_load((built.rules / "decisions.yaml").read_text()) == []
    for p in built.plants:
        for sub, path in zip(p.subsystems, p.paths):
            assert (root_of(built, sub) / path).is_file()
    for sub in spec.worktrees:  # only planted kinds were written
        assert not (built.worktrees[sub] / "lib" / sub / "retry.sx").exists()
    other = build_fleet(tmp_path / "g", FleetSpec(spec.worktrees, spec.merged, seed=43,
                                                  plants=spec.plants, counts=spec.counts,
                                                  filler=spec.filler), now=NOW)
    assert tree(built.root) != tree(other.root)


def test_bad_specs_are_refused(tmp_path):
    with pytest.raises(FleetError, match="needs 5"):
        build_fleet(tmp_path / "a", FleetSpec(("a", "b", "c"), ("m",)), now=NOW)
    with pytest.raises(FleetError, match="unknown plant kind"):
        build_fleet(tmp_path / "b", FleetSpec(("a",), (), plants=("nope",)), now=NOW)
    with pytest.raises(FleetError, match="distinct"):
        build_fleet(tmp_path / "c", FleetSpec(("a", "a"), (), plants=()), now=NOW)
    ok = FleetSpec(("a", "b", "c"), (), plants=(fleet.PAGINATION,))
    build_fleet(tmp_path / "d", ok, now=NOW)
    with pytest.raises(FleetError, match="already exists"):
        build_fleet(tmp_path / "d", ok, now=NOW)


def test_default_now_is_the_current_time(tmp_path):
    built = build_fleet(tmp_path / "f", FleetSpec(("a", "b"), (), plants=(fleet.PAGINATION,)))
    stamp = int(git(built.worktrees["a"], "log", "-1", "--format=%ct"))
    age = datetime.now(timezone.utc) - datetime.fromtimestamp(stamp, timezone.utc)
    assert timedelta(days=30) <= age <= timedelta(days=60)
