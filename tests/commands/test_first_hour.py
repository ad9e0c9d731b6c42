"""The first hour: ids, decisions, census, SARIF, errors, starter rules and the demo, as a new
user meets them through the command line (real fleets, the real CLI)."""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from gitfleet import RADAR, commit_all, git, make_fleet, radar, tree_state, write  # noqa: E402

from radar.cli import Exit, _summary, main  # noqa: E402
from radar.commands.folders import MODULE_FLEET, PLUGIN_FLEET  # noqa: E402
from radar.globs import any_glob  # noqa: E402
from radar.outputs.backlog import leads  # noqa: E402


@pytest.fixture()
def scanned(scanned_other_fleet, tmp_path):
    """The other fleet's pass copied into a fresh --out, with a rules folder of its own."""
    fleet, out, snapshot = scanned_other_fleet
    mine = tmp_path / "out"
    shutil.copytree(out, mine)
    rules = tmp_path / "rules"
    shutil.copytree(fleet.rules, rules)
    for name in ("latest.json", *(p.name for p in (mine / "snapshots").glob("2*.json"))):
        path = mine / "snapshots" / name
        data = json.loads(path.read_text())
        data["rules"] = str(rules)
        path.write_text(json.dumps(data))
    snapshot = json.loads((mine / "snapshots" / "latest.json").read_text())
    return mine, rules, snapshot


# ---------------------------------------------------------------- ids

def test_ids_resolve_with_or_without_c_and_as_unique_prefixes(scanned, capsys):
    out, _, snapshot = scanned
    cid = snapshot["candidates"][0]["id"]
    for form in (cid, cid[2:], cid.lower(), cid[2:].upper(), cid[:5]
                 if sum(c["id"].startswith(cid[:5]) for c in snapshot["candidates"]) == 1 else cid):
        assert main(["explain", form, "--out", str(out)]) == Exit.OK
        assert capsys.readouterr().out.startswith(cid)


def test_an_ambiguous_prefix_is_refused_with_the_matches(scanned, capsys):
    out, _, snapshot = scanned
    path = out / "snapshots" / "latest.json"
    first = dict(snapshot["candidates"][0])
    twin = dict(first, id=first["id"][:4] + "zz")
    path.write_text(json.dumps(dict(snapshot, candidates=[first, twin, *snapshot["candidates"][1:]])))
    assert main(["explain", first["id"][:4], "--out", str(out)]) == Exit.USAGE
    error = capsys.readouterr().err
    assert "ambiguous" in error and first["id"] in error and twin["id"] in error


def test_an_unknown_id_is_refused(scanned, capsys):
    out, _, _ = scanned
    assert main(["explain", "C-ffffffff", "--out", str(out)]) == Exit.USAGE
    assert "no candidate C-ffffffff" in capsys.readouterr().err


# ---------------------------------------------------------------- decide

def test_decide_writes_to_the_rules_folder_the_scan_used(scanned, tmp_path, capsys, monkeypatch):
    out, rules, snapshot = scanned
    monkeypatch.chdir(tmp_path)  # ./rules is not where the scan read its rules
    (tmp_path / "elsewhere").mkdir()
    cid = snapshot["candidates"][0]["id"]
    assert main(["decide", cid[2:], "--verdict", "rejected", "--reason", "not ours", "--out", str(out)]) == Exit.OK
    entries = yaml.safe_load((rules / "decisions.yaml").read_text())
    assert entries[-1] == {"match": {"id": cid}, "verdict": "rejected", "reason": "not ours"}
    assert str(rules / "decisions.yaml") in capsys.readouterr().err


def test_decide_refuses_unknown_ids_and_conflicting_verdicts(scanned, capsys):
    out, rules, snapshot = scanned
    before = (rules / "decisions.yaml").read_text()
    assert main(["decide", "C-ffffff", "--verdict", "done", "--reason", "r", "--out", str(out)]) == Exit.USAGE
    assert (rules / "decisions.yaml").read_text() == before
    cid = snapshot["candidates"][0]["id"]
    assert main(["decide", cid, "--verdict", "rejected", "--reason", "a", "--out", str(out)]) == Exit.OK
    capsys.readouterr()
    assert main(["decide", cid, "--verdict", "done", "--reason", "b", "--out", str(out)]) == Exit.USAGE
    assert "already decided rejected" in capsys.readouterr().err
    assert main(["decide", cid, "--verdict", "done", "--reason", "b", "--out", str(out), "--replace"]) == Exit.OK
    mine = [d for d in yaml.safe_load((rules / "decisions.yaml").read_text()) if d["match"].get("id") == cid]
    assert mine == [{"match": {"id": cid}, "verdict": "done", "reason": "b"}]


def test_a_scan_warns_about_decisions_that_match_nothing(tmp_path):
    fleet = make_fleet(tmp_path / "fleet")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "decisions.yaml").write_text('- match: {id: C-000000}\n  verdict: rejected\n  reason: "typo"\n')
    done = radar("scan", "--repo", fleet.repo, "--rules", rules, "--out", tmp_path / "out", "--no-cache", "--jobs", "1")
    assert done.returncode == 0
    warnings = json.loads((tmp_path / "out" / "snapshots" / "latest.json").read_text())["scan"]["warnings"]
    assert any("decisions.yaml:1" in w and "matches no candidate" in w for w in warnings)


# ---------------------------------------------------------------- census, SARIF

def test_census_reads_the_latest_snapshot_and_lists_everything(scanned, capsys):
    out, _, snapshot = scanned
    assert main(["census", "--out", str(out), "--format", "json"]) == Exit.OK
    captured = capsys.readouterr()
    assert json.loads(captured.out) == snapshot["census"]
    assert "read from" in captured.err
    assert main(["census", "--out", str(out)]) == Exit.OK
    text = capsys.readouterr().out
    assert "more recurring" not in text
    assert all(r["name"].replace("_", "\\_") in text for r in snapshot["census"])


def test_sarif_holds_proposed_candidates_unless_asked_for_more(scanned, capsys):
    out, _, snapshot = scanned
    assert main(["export", "--format", "sarif", "--out", str(out)]) == Exit.OK
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    proposed = [c for c in snapshot["candidates"] if c["verdict"] == "proposed"]
    assert len(results) == sum(len(c["instances"]) for c in proposed)
    assert main(["export", "--format", "sarif", "--out", str(out), "--verdicts", "all"]) == Exit.OK
    everything = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert len(everything) == sum(len(c["instances"]) for c in snapshot["candidates"])
    assert main(["export", "--format", "sarif", "--out", str(out), "--verdicts", "maybe"]) == Exit.USAGE


# ---------------------------------------------------------------- errors

def test_unwritable_paths_are_one_line_and_exit_2(scanned, tmp_path, capsys):
    out, _, _ = scanned
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["export", "--format", "json", "--out", str(out), "-o", str(blocker / "x.json")]) == Exit.USAGE
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(blocker / "x.json") in error
    scan = ["scan", "--repo", str(tmp_path), "--rules", str(tmp_path), "--quiet"]
    for flag, extra in (("--out", []), ("--cache", ["--out", str(tmp_path / "o")])):
        assert main(scan + extra + [flag, str(blocker / "sub")]) == Exit.USAGE
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and flag in error and str(blocker / "sub") in error


def test_a_repo_that_is_a_file_says_so(tmp_path, capsys):
    (tmp_path / "f.py").write_text("x = 1\n")
    assert main(["scan", "--repo", str(tmp_path / "f.py"), "--out", str(tmp_path / "o")]) == Exit.USAGE
    assert "is a file" in capsys.readouterr().err


def test_radar_yml_is_refused_clearly(tmp_path, capsys):
    (tmp_path / "radar.yml").write_text("fleet:\n  subsystems: ['x/*']\n")
    assert main(["scan", "--repo", str(tmp_path), "--rules", str(tmp_path), "--out", str(tmp_path / "o")]) == Exit.USAGE
    assert "radar.yaml, not radar.yml" in capsys.readouterr().err


def _interruptible() -> None:
    """A shell's background job inherits SIGINT ignored, and Python then keeps it ignored: the
    pass must see Ctrl-C as a terminal's user sends it, whatever ran the tests."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_sigint_exits_130_promptly(tmp_path):
    """Ctrl-C while a pass works: exit 130 within seconds. The signal goes once the pass holds
    --out's lock (the lock file names its pid while held), not after a fixed sleep, which a
    quick machine finished the whole pass within."""
    fleet = make_fleet(tmp_path / "fleet", worktrees=tuple(f"w{i}" for i in range(6)), bulk=40)
    (tmp_path / "none").mkdir()
    lock = tmp_path / "out" / ".radar.lock"
    proc = subprocess.Popen([str(RADAR), "scan", "--repo", str(fleet.repo), "--rules", str(tmp_path / "none"),
                             "--out", str(tmp_path / "out"), "--no-cache"], stderr=subprocess.PIPE, text=True,
                            preexec_fn=_interruptible)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and not (lock.exists() and lock.read_text()):
        time.sleep(0.005)
    assert proc.poll() is None, "the pass ended before it could be interrupted"
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=30)
    assert code == 130 and time.monotonic() - sent < 3, proc.stderr.read()


# ---------------------------------------------------------------- no subsystem, init

def _monorepo(base: Path) -> Path:
    repo = base / "mono"
    repo.mkdir(parents=True)
    git(repo, "init", "-q")
    files = {"package.json": "{}\n", "README.md": "mono\n"}
    for name in ("alpha", "beta", "gamma", "delta"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.js"] = f"export function {name}() {{ return 1; }}\n"
        files[f"packages/{name}/test/fixtures/case/input.js"] = "var x = 1;\n"
        files[f"packages/{name}/test/index.test.js"] = "test('x', () => {});\n"
    write(repo, files)
    commit_all(repo, "packages")
    return repo


def test_a_scan_with_no_rules_scans_the_layout_init_would_write_and_says_so(tmp_path):
    repo = _monorepo(tmp_path)
    done = radar("scan", "--repo", repo, "--out", tmp_path / "out", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert 'scanning the layout `radar init` would write, fleet.subsystems: "packages/*"' in done.stderr
    assert "4 subsystems, 4 files" in done.stderr  # the tests and fixtures excluded, as init would
    assert "rules: none: the layout `radar init` would write" in done.stderr
    census = radar("census", "--repo", repo, "--out", tmp_path / "elsewhere", "--no-cache", cwd=tmp_path)
    assert census.returncode == 0 and "scanning the layout" in census.stderr


def test_a_scan_with_no_rules_takes_inits_layout_with_lib_among_it(tmp_path):
    """vector: crates in `lib/*` and, in the crate at the top, `src/sinks/*`: the built-in
    `lib/*` alone left the sinks unread. eslint: `lib/rules/*.js` beside `lib/*`, added to
    init's layout. Where init finds nothing, the built-in rules stay."""
    files = {"Cargo.toml": "[package]\nname = 'vector'\n", "src/main.rs": "fn main() {}\n"}
    for name in ("core", "buffers", "common"):
        files[f"lib/{name}/Cargo.toml"] = f"[package]\nname = '{name}'\n"
        files[f"lib/{name}/src/lib.rs"] = "pub fn get() {}\n"
    for name in ("kafka", "http", "loki"):
        files[f"src/sinks/{name}/mod.rs"] = f"pub fn run_{name}() {{}}\n"
    done = radar("scan", "--repo", _committed(tmp_path / "vector-repo", files), "--out", tmp_path / "out",
                 "--no-cache", cwd=tmp_path)
    assert done.returncode == 0 and 'fleet.subsystems: "lib/*", "src/sinks/*"' in done.stderr, done.stderr
    assert "6 subsystems, 6 files" in done.stderr
    files = {f"lib/{name}/{name}.py": f"def {name}():\n    return 1\n" for name in ("acl", "feed", "mod")}
    done = radar("scan", "--repo", _committed(tmp_path / "lib-repo", files), "--out", tmp_path / "out2",
                 "--no-cache", cwd=tmp_path)
    assert done.returncode == 0 and "scanning the layout" not in done.stderr and "3 subsystems" in done.stderr
    files.update({f"lib/rules/rule{n}.js": f"module.exports = () => {n};\n" for n in range(20)})
    done = radar("scan", "--repo", _committed(tmp_path / "eslint-repo", files), "--out", tmp_path / "out3",
                 "--no-cache", cwd=tmp_path)
    assert done.returncode == 0 and 'fleet.subsystems: "lib/rules/*.js", "lib/*"' in done.stderr, done.stderr
    assert "23 subsystems, 23 files" in done.stderr  # `lib/rules` holds nothing of its own


def test_the_layout_a_scan_with_no_rules_remembers_follows_the_index(tmp_path):
    repo = _monorepo(tmp_path)
    scan = ("scan", "--repo", repo, "--out", tmp_path / "out", "--cache", tmp_path / "cache")
    assert "4 subsystems" in radar(*scan, cwd=tmp_path).stderr
    assert "4 subsystems" in radar(*scan, cwd=tmp_path).stderr  # remembered
    write(repo, {f"plugins/{name}/{file}": text for name in ("x", "y")
                 for file, text in (("package.json", "{}\n"), ("index.js", f"export const {name} = 1;\n"))})
    commit_all(repo, "a folder of plugins")
    done = radar(*scan, cwd=tmp_path)
    assert '"packages/*", "plugins/*"' in done.stderr and "6 subsystems" in done.stderr


def test_a_scan_that_finds_no_subsystem_and_no_layout_says_so(tmp_path):
    repo = _committed(tmp_path / "loose", {"a.py": "def a():\n    return 1\n", "b.py": "def b():\n    return 2\n"})
    done = radar("scan", "--repo", repo, "--out", tmp_path / "out", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0
    assert "no subsystem found" in done.stderr and "radar init" in done.stderr and "fleet.subsystems" in done.stderr
    assert "rules: built-in defaults" in done.stderr


def test_init_that_finds_no_subsystem_names_the_folders_holding_the_most_code(tmp_path):
    """node_exporter: ~100 collectors as files of one Go package, `collector/`; node-red: its own
    packages in `packages/node_modules/@node-red/*`, where dependencies usually are. Init found
    nothing and said only "edit fleet.subsystems"; it says where the code is now."""
    files = {"go.mod": "module example.com/exporter\n", "main.go": "package main\n\nfunc main() {}\n",
             "collector/collector_test.go": "package collector\n"}
    files.update({f"collector/c{n}_linux.go": f"package collector\n\nfunc C{n}() int {{ return {n} }}\n"
                  for n in range(4)})
    done, fleet_rules = _init(tmp_path / "exporter", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == []
    assert "none found: edit fleet.subsystems; most source files are in collector (4)" in done.stderr
    files = {"package.json": "{}\n", "scripts/build.js": "module.exports = 1;\n"}
    files.update({f"packages/node_modules/@red/{name}/index.js": f"exports.{name} = 1;\n"
                  for name in ("nodes", "util")})
    done, _ = _init(tmp_path / "red", files, tmp_path / "red-rules")
    assert "packages/node_modules/@red (2, excluded as dependencies)" in done.stderr
    assert "drop the exclude that keeps it out" in done.stderr
    files = {"go.mod": "module example.com/tea\n", "tutorials/basics/main.go": "package main\n"}
    files.update({f"tea{n}.go": f"package tea\n\nfunc T{n}() int {{ return {n} }}\n" for n in range(5)})
    done, _ = _init(tmp_path / "tea", files, tmp_path / "tea-rules")  # bubbletea: one package at the top
    assert "most source files are in the top of the tree (5), tutorials/basics (1)" in done.stderr, done.stderr


def test_init_that_finds_no_subsystem_names_the_submodules_holding_the_code(tmp_path):
    """trueblocks-core: its Go command, SDK and daemon are git submodules (`chifra`, `sdk`,
    `khedra` …), which a checkout holds as links only. Init found nothing and pointed at
    `scripts/`; it says where the code is, and that each submodule is scanned on its own."""
    modules = ("chifra", "dev-tools/goMaker", "khedra", "sdk")
    files = {".gitmodules": "".join(f'[submodule "{m}"]\n\tpath = {m}\n\turl = https://example.com/{m}\n'
                                    for m in modules),
             "scripts/build.py": "def build():\n    return 1\n"}
    done, fleet_rules = _init(tmp_path / "trueblocks", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == []
    assert ("none found: edit fleet.subsystems; 4 git submodules (chifra, dev-tools/goMaker, khedra, sdk) are"
            " not read: each is its own repository, to scan on its own; most source files are in scripts (1)")\
        in done.stderr, done.stderr
    assert "4 git submodules (chifra" in (tmp_path / "rules" / "radar.yaml").read_text()


def test_init_that_finds_most_code_generated_says_the_code_to_scan_is_the_generators(tmp_path):
    """terraform-provider-google: 4,518 of its 4,575 source files open with Magic Modules'
    banner. Init found nothing and pointed at `google/services/compute`, all generated."""
    banner = ("// ----\n//     ***     AUTO GENERATED CODE    ***    Type: MMv1     ***\n// ----\n"
              "//     This code is generated by Magic Modules using the following:\n"
              "//     DO NOT EDIT this file directly. Any changes made to this file will be\n")
    files = {"go.mod": "module example.com/provider\n", "scripts/diff.go": "package main\n\nfunc main() {}\n"}
    files.update({f"google/services/{service}/resource_{service}_{n}.go":
                  f"{banner}package {service}\n\nfunc R{n}() int {{ return {n} }}\n"
                  for service in ("compute", "dns", "pubsub") for n in range(3)})
    done, fleet_rules = _init(tmp_path / "provider", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == []
    assert ("none found: edit fleet.subsystems; 9 of 10 source files are generated (their first lines say so): "
            "the code to scan is their generator's; most of the others are in scripts (1)") in done.stderr
    assert "9 of 10 source files are generated" in (tmp_path / "rules" / "radar.yaml").read_text()


def test_init_writes_starter_rules_that_fit_and_a_scan_uses_them(tmp_path):
    repo = _monorepo(tmp_path)
    before = tree_state(repo)
    done = radar("init", "--repo", repo, "--rules", tmp_path / "rules")
    assert done.returncode == 0, done.stderr
    radar_yaml = yaml.safe_load((tmp_path / "rules" / "radar.yaml").read_text())
    assert radar_yaml["fleet"]["subsystems"] == ["packages/*"]
    assert "**/fixtures/**" in radar_yaml["fleet"]["exclude"] and "**/test/**" in radar_yaml["fleet"]["exclude"]
    assert "# - kind:" in (tmp_path / "rules" / "routing.yaml").read_text()
    scan = radar("scan", "--repo", repo, "--rules", tmp_path / "rules", "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "4 subsystems" in scan.stderr and str(tmp_path / "rules") in scan.stderr
    assert tree_state(repo) == before
    again = radar("init", "--repo", repo, "--rules", tmp_path / "rules")
    assert again.returncode == 2 and "exists" in again.stderr


def test_init_leaves_out_examples_whose_copies_of_one_set_up_are_on_purpose(tmp_path):
    """haystack-core-integrations: each integration's `examples/` repeats the same pipeline
    set-up; scanned, its copies were the first proposal, homed where the examples import from."""
    set_up = ("def build_pipeline(store, embedder, splitter, writer):\n"
              "    pipeline = {'store': store, 'embedder': embedder}\n"
              "    for name, part in (('splitter', splitter), ('writer', writer)):\n"
              "        if part is None:\n            raise ValueError(name)\n"
              "        pipeline[name] = part\n"
              "    pipeline['ready'] = all(pipeline.values()) and len(pipeline) > 3\n"
              "    return pipeline\n")
    files = {}
    for name in ("pgvector", "qdrant", "chroma"):
        files[f"integrations/{name}/pyproject.toml"] = "[project]\n"
        files[f"integrations/{name}/src/store.py"] = f"def connect_{name}():\n    return '{name}'\n"
        files[f"integrations/{name}/examples/pipeline.py"] = set_up
        files[f"integrations/{name}/examples3d/pipeline.py"] = set_up  # rapier's, by dimension: its #1
    _, fleet_rules = _init(tmp_path / "integrations-repo", files, tmp_path / "rules")
    assert "**/examples/**" in fleet_rules["exclude"] and "**/examples[0-9]*/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", tmp_path / "integrations-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "3 subsystems, 3 files" in scan.stderr, scan.stderr
    assert "build_pipeline" not in (tmp_path / "out" / "abstractions.md").read_text()


def test_init_leaves_out_the_developers_own_scripts_at_the_top_but_not_a_java_package_named_dev(tmp_path):
    """moleculer: 78 `dev/*.js` playgrounds, each reproducing an issue, were its only fleet and
    their copied hashing helper its first proposal. `dev` is a Java package's name too."""
    files = {"package.json": "{}", "src/index.js": "module.exports = {};\n",
             "app/build.gradle": "", "app/src/main/java/dev/acme/App.java": "class App {}\n"}
    for n in range(MODULE_FLEET + 2):
        files[f"dev/issue-{n}.js"] = f"const broker = require('../src');\nbroker.call('issue{n}');\n"
    _, fleet_rules = _init(tmp_path / "broker", files, tmp_path / "rules")
    assert "dev/**" in fleet_rules["exclude"] and "**/dev/**" not in fleet_rules["exclude"]
    assert not any(glob.startswith("dev") for glob in fleet_rules["subsystems"])


def _committed(repo: Path, files: dict[str, str]) -> Path:
    """A new repository of these files, committed."""
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, files)
    commit_all(repo, repo.name)
    return repo


def _init(repo: Path, files: dict[str, str], rules: Path):
    """`radar init` on a new repository of these files, committed: its output and the fleet rules."""
    done = radar("init", "--repo", _committed(repo, files), "--rules", rules)
    assert done.returncode == 0, done.stderr
    return done, yaml.safe_load((rules / "radar.yaml").read_text())["fleet"]


def _proposed_on_first_scan(tmp_path: Path, name: str, files: dict[str, str], subsystems: list[str]):
    """`radar init` on a new repository of these files (its globs checked), then a scan: each
    proposal's consumers, home and first instance's name."""
    done, fleet_rules = _init(tmp_path / name, files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == subsystems, done.stderr
    scan = radar("scan", "--repo", tmp_path / name, "--rules", tmp_path / "rules", "--out", tmp_path / "out",
                 "--no-cache", cwd=tmp_path)
    assert scan.returncode == 0, scan.stderr
    snapshot = json.loads((tmp_path / "out" / "snapshots" / "latest.json").read_text())
    return [(c["consumers"], c["home"], c["instances"][0]["name"]) for c in snapshot["candidates"]
            if c["verdict"] == "proposed"]


def _excluded_by_init(repo: Path, files: dict[str, str], rules: Path):
    """Whether `radar init` on a new repository of these files keeps a path out of the scan."""
    return any_glob(tuple(_init(repo, files, rules)[1]["exclude"]))


def test_init_prefers_the_folder_holding_more_packages_and_counts_one_module_packages(tmp_path):
    repo = tmp_path / "sdk-repo"
    files = {"sdk/__init__.py": "", "sdk/client.py": "def client():\n    return 1\n",
             "sdk/ai/__init__.py": "", "sdk/integrations/__init__.py": ""}
    for name in ("django", "celery", "redis"):
        files[f"sdk/integrations/{name}/__init__.py"] = f"def setup_{name}():\n    return '{name}'\n"
    for name in ("flask", "httpx", "boto3", "sanic"):
        files[f"sdk/integrations/{name}.py"] = f"def setup_{name}():\n    return '{name}'\n"
    done, fleet_rules = _init(repo, files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["sdk/integrations/*", "sdk/integrations/*.py"]
    # what init counts is what the scan lists: __init__.py is a module too
    assert "sdk/integrations/* (3 packages), sdk/integrations/*.py (5 one-module packages)" in done.stderr
    scan = radar("scan", "--repo", repo, "--rules", tmp_path / "rules", "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "8 subsystems" in scan.stderr


def test_init_finds_a_fleet_three_folders_deep_and_passes_over_test_suites_and_small_parts(tmp_path):
    """`core/app/services/*` (a localstack-like layout): a dozen services three folders down; the
    app's own three sub-packages, a deep folder of three, a dozen end-to-end test apps and a
    dozen vendored packages are no fleet."""
    repo = tmp_path / "deep-repo"
    files = {"core/app/__init__.py": "", "core/app/models/__init__.py": "X = 1\n"}
    for n in range(12):
        files[f"core/app/services/svc{n}/__init__.py"] = f"def handle_{n}():\n    return {n}\n"
        files[f"dev/e2e-tests/apps/app{n}/package.json"] = "{}\n"
        files[f"dev/e2e-tests/apps/app{n}/index.js"] = f"export const app{n} = {n};\n"
        files[f"core/app/vendor/dep{n}/__init__.py"] = f"def dep_{n}():\n    return {n}\n"  # always excluded
    for name in ("aws", "net", "text"):
        files[f"core/app/utils/{name}/__init__.py"] = f"def {name}():\n    return '{name}'\n"
    _, fleet_rules = _init(repo, files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["core/app/services/*"]


def test_init_excludes_folders_of_test_suites_but_not_code_named_for_a_test(tmp_path):
    """sentry-javascript's `dev-packages/node-integration-tests/suites/*/test.ts` are tests, and
    typed-racket's `typed-racket-test` (a Racket package of 1,279 test files, read as code);
    moto's `stepfunctions/.../test_state/` implements AWS's TestState API."""
    repo = tmp_path / "suites-repo"
    files = {f"{name}/info.rkt": "#lang info\n" for name in ("typed-racket-lib", "typed-racket-test")}
    files.update({f"{name}/main.rkt": "#lang racket/base\n(define (f x) x)\n"
                  for name in ("typed-racket-lib", "typed-racket-test")})
    for name in ("node-integration-tests", "e2e-tests", "rollup-utils", "regression-tests.dnsdist"):
        files[f"dev-packages/{name}/package.json"] = "{}\n"
        files[f"dev-packages/{name}/suites/a/test.ts"] = "export const a = 1;\n"
    for name in ("core", "node", "react"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/test_state/index.ts"] = f"export const {name} = 1;\n"
    _, fleet_rules = _init(repo, files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert "**/*-tests/**" in fleet_rules["exclude"]
    assert excluded("dev-packages/e2e-tests/suites/a/test.ts")
    assert excluded("dev-packages/regression-tests.dnsdist/suites/a/test.ts")  # PowerDNS' suites, each for what
    assert not excluded("dev-packages/rollup-utils/suites/a/test.ts")
    assert not excluded("packages/core/src/test_state/index.ts")
    assert excluded("typed-racket-test/main.rkt") and not excluded("typed-racket-lib/main.rkt")


def test_init_excludes_folders_of_fixtures_named_for_what_they_hold(tmp_path):
    """pdf.js: its builder's `external/builder/fixtures_babel/*.js`, twenty inputs with their
    expected outputs, had been 20 one-module packages beside `src/core/*.js`; IBC-Integration's
    mock contracts had been two of its first proposal's three consumers."""
    files = {f"external/builder/fixtures_babel/case{n}.js": f"export const c{n} = () => {n};\n" for n in range(20)}
    files.update({f"src/core/part{n}.js": f"export function part{n}() {{ return {n}; }}\n" for n in range(20)})
    files["external/builder/builder.mjs"] = "export function build() { return 1; }\n"
    # and test doubles named for what they stand in for: IBC-Integration's mock contracts, cadence-web's
    # `msw-mock-handlers`, keplr's `provider-mock`; not a product whose name holds the word (`mockserver`)
    files["contracts/cw-mock-ibc-dapp/src/contract.rs"] = "pub fn query_admin() -> u8 { 1 }\n"
    files["src/msw-mock-handlers/workflow.ts"] = "export const handler = () => 1;\n"
    files["packages/provider-mock/src/index.ts"] = "export const provider = () => 1;\n"
    files["mockserver-core/src/server.js"] = "export const serve = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "pdfjs", files, tmp_path / "rules")
    assert excluded("external/builder/fixtures_babel/case0.js") and not excluded("src/core/part0.js")
    assert not excluded("external/builder/builder.mjs")
    assert excluded("contracts/cw-mock-ibc-dapp/src/contract.rs") and excluded("src/msw-mock-handlers/workflow.ts")
    assert excluded("packages/provider-mock/src/index.ts") and not excluded("mockserver-core/src/server.js")


def test_init_finds_the_modules_of_a_build_at_the_top_unless_a_folder_holds_more(tmp_path):
    """micronaut-core: seventy Gradle modules at the top, `test-suite-*` among them; a
    JavaScript monorepo with a website and docs beside `packages/` keeps `packages/*`."""
    gradle = tmp_path / "gradle-repo"
    files = {"settings.gradle": "", "docs/guide.adoc": "x\n"}
    for name in ("core", "http", "inject", "test-suite-kotlin"):
        files[f"{name}/build.gradle"] = ""
        files[f"{name}/src/main/java/io/x/{name.title()}.java"] = "class A { int a() { return 1; } }\n"
    done, fleet_rules = _init(gradle, files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"] and "* (4 packages)" in done.stderr
    assert "**/test-*/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", gradle, "--rules", tmp_path / "rules", "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "4 subsystems, 3 files" in scan.stderr  # the test suite keeps none

    js = tmp_path / "js-repo"
    files = {"website/package.json": "{}\n", "website/src/a.js": "export const a = 1;\n",
             "docs/package.json": "{}\n", "docs/b.js": "export const b = 1;\n"}
    for name in ("core", "node", "react"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.js"] = f"export const {name} = 1;\n"
    for name in ("blank", "website", "ecommerce", "with-postgres"):  # payload's starters, copied whole
        files[f"templates/{name}/package.json"] = "{}\n"
        files[f"templates/{name}/src/app/layout.js"] = "export const layout = 1;\n"
    _, fleet_rules = _init(js, files, tmp_path / "js-rules")
    assert fleet_rules["subsystems"] == ["packages/*"]


def test_init_keeps_a_builds_modules_beside_a_folder_of_grouped_modules_below(tmp_path):
    """opentelemetry-java-instrumentation: thirty modules at the top (the API the others use)
    and `instrumentation/<library>/{javaagent,library}`, each library's modules one subsystem.
    Each file is the innermost subsystem's; test projects (pants' `testprojects/`) are no fleet."""
    files = {"settings.gradle.kts": "", "instrumentation/build.gradle.kts": ""}
    for n in range(10):
        files[f"api{n}/build.gradle.kts"] = ""
        files[f"api{n}/src/main/java/Api{n}.java"] = f"class Api{n} {{ int a() {{ return {n}; }} }}\n"
    for n in range(12):
        for part in ("javaagent", "library"):
            files[f"instrumentation/lib{n}/lib{n}-1.0/{part}/build.gradle.kts"] = ""
            files[f"instrumentation/lib{n}/lib{n}-1.0/{part}/src/main/java/L{n}.java"] = "class L { }\n"
        files[f"testprojects/src/p{n}/sub/build.gradle.kts"] = ""
        files[f"testprojects/src/p{n}/sub/T.java"] = "class T { }\n"
    done, fleet_rules = _init(tmp_path / "build-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*", "instrumentation/*"]
    assert "instrumentation/* (12 packages)" in done.stderr
    assert "instrumentation/**" not in fleet_rules["exclude"] and "testprojects/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", tmp_path / "build-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "23 subsystems, 34 files" in scan.stderr, scan.stderr  # none twice


def test_init_keeps_a_folder_of_many_packages_above_a_larger_fleet_as_its_homes(tmp_path):
    """pants: `src/python/pants/backend/*` holds the backends, and `src/python/pants/{core,
    engine,util,…}` the libraries they import: both are globs, each file in the innermost."""
    files = {"src/python/pants/__init__.py": "", "src/python/pants/backend/__init__.py": ""}
    for n in range(12):
        files[f"src/python/pants/backend/lang{n}/__init__.py"] = f"def rules_{n}():\n    return {n}\n"
    for name in ("core", "engine", "util", "option", "goal", "base", "build_graph", "fs", "jvm", "bsp"):
        files[f"src/python/pants/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    _, fleet_rules = _init(tmp_path / "pants-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/python/pants/*", "src/python/pants/backend/*"]


def test_init_keeps_the_packages_beside_a_folder_grouping_more_packages_as_their_homes(tmp_path):
    """astro: `packages/{astro,internal-helpers,…}` beside `packages/integrations/*`: the core the
    integrations import is scanned, each file in its innermost subsystem."""
    files = {}
    for name in ("astro", "helpers", "upgrade"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.js"] = f"export const {name} = 1;\n"
    for name in ("react", "vue", "svelte", "node", "deno"):
        files[f"packages/integrations/{name}/package.json"] = "{}\n"
        files[f"packages/integrations/{name}/src/index.js"] = f"export const {name} = 1;\n"
    done, fleet_rules = _init(tmp_path / "astro-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*", "packages/integrations/*"]
    scan = radar("scan", "--repo", tmp_path / "astro-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "8 files" in scan.stderr, scan.stderr  # none twice


def test_init_takes_a_domains_lone_library_beside_the_domains_with_several(tmp_path):
    """An Nx workspace: `libs/<domain>/<library>`, each library with its manifests; `libs/cart`
    holds one library, `cart-page`, which one domain alone would not make a fleet of."""
    files = {"nx.json": "{}\n"}
    shared = ("header", "styles", "assets", "jsxify", "e2e-utils", "product", "cart")
    for library in ("products/home-page", "products/detail-page", *(f"shared/{n}" for n in shared), "cart/cart-page"):
        files[f"libs/{library}/project.json"] = files[f"libs/{library}/package.json"] = "{}\n"
        files[f"libs/{library}/src/index.ts"] = f"export const page = '{library}';\n"
    done, fleet_rules = _init(tmp_path / "nx-repo", files, tmp_path / "rules")
    assert sorted(fleet_rules["subsystems"]) == ["libs/cart/*", "libs/products/*", "libs/shared/*"], done.stderr
    assert "libs/cart/* (1 package)" in done.stderr
    scan = radar("scan", "--repo", tmp_path / "nx-repo", "--rules", tmp_path / "rules", "--out", tmp_path / "out",
                 "--no-cache")
    assert scan.returncode == 0 and "10 subsystems, 10 files" in scan.stderr, scan.stderr


def test_init_keeps_a_big_folder_grouping_packages_inside_a_fleet_as_a_fleet_of_its_own(tmp_path):
    """aspire: `src/Aspire.Hosting.*` (projects) and `src/Components/` (no project itself)
    grouping a dozen client components: each component is a subsystem, not the folder."""
    files = {}
    for n in range(12):
        files[f"src/Aspire.Hosting.H{n}/Aspire.Hosting.H{n}.csproj"] = "<Project />\n"
        files[f"src/Aspire.Hosting.H{n}/Builder.cs"] = f"namespace Aspire.Hosting;\nclass H{n} {{ }}\n"
        files[f"src/Components/Aspire.C{n}/Aspire.C{n}.csproj"] = "<Project />\n"
        files[f"src/Components/Aspire.C{n}/Client.cs"] = f"namespace Aspire.C{n};\nclass C{n} {{ }}\n"
    _, fleet_rules = _init(tmp_path / "dotnet-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/*", "src/Components/*"]



def test_init_keeps_published_packages_five_folders_deep_inside_a_component_as_fleets(tmp_path):
    """symfony: `src/Symfony/Component/*`, and inside components their bridges, each with its
    own composer.json (81 in Notifier/Bridge, 18 in Mailer/Bridge, 5 in Messenger's): fleets of
    their own, however many components hold them; 4 (Translation's) are a component's parts, and
    so are Python sub-packages there. A folder grouping packages (prisma's
    `1-framework/{1-core,3-tooling}`) stays whole beside the five inside one of its groups."""
    component = "src/Symfony/Component"
    files = {}
    for name in [f"C{n}" for n in range(12)] + ["Mailer", "Notifier", "Messenger", "Translation"]:
        files[f"{component}/{name}/composer.json"] = "{}\n"
        files[f"{component}/{name}/{name}.php"] = f"<?php\nclass {name} {{ }}\n"
    for owner, bridges in (("Notifier", 14), ("Mailer", 11), ("Messenger", 5), ("Translation", 4)):
        for n in range(bridges):
            files[f"{component}/{owner}/Bridge/B{n}/composer.json"] = "{}\n"
            files[f"{component}/{owner}/Bridge/B{n}/B{n}Factory.php"] = f"<?php\nclass B{n}Factory {{ }}\n"
    for n in range(11):  # a component's own Python sub-packages, as deep: its parts, no fleet
        files[f"{component}/C0/parts/part{n}/__init__.py"] = f"def part_{n}():\n    return {n}\n"
    for group, names in (("core", ("config", "errors", "ops", "render", "io")), ("tooling", ("cli", "lint"))):
        for name in names:  # a group holding five and a group holding two: kept whole, five inside
            files[f"lib/framework/{group}/{name}/composer.json"] = "{}\n"
            files[f"lib/framework/{group}/{name}/{name}.php"] = f"<?php\nclass {name} {{ }}\n"
    _, fleet_rules = _init(tmp_path / "symfony-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["lib/framework/*", "lib/framework/core/*",
                                         f"{component}/*", f"{component}/Mailer/Bridge/*",
                                         f"{component}/Messenger/Bridge/*", f"{component}/Notifier/Bridge/*"]

def test_init_takes_a_package_whose_packages_mirror_the_fleets_domains_as_a_fleet(tmp_path):
    """saleor: `saleor/graphql/{account,checkout,…}` beside `saleor/{account,checkout,…}`, the
    API layer cut by the same domains: a fleet of its own, so what its domains copy from each
    other can be proposed. A plugin serving a few of the domains (esphome's
    `components/template/{sensor,switch,…}`) stays one package of its fleet."""
    domains = ("account", "checkout", "order", "product", "payment", "shipping", "discount", "tax")
    files = {"shop/__init__.py": ""}
    for name in domains:
        files[f"shop/{name}/__init__.py"] = f"def {name}_model():\n    return '{name}'\n"
        files[f"shop/graphql/{name}/__init__.py"] = f"def resolve_{name}():\n    return '{name}'\n"
    files["shop/graphql/__init__.py"] = ""
    files["shop/graphql/core/__init__.py"] = "def base_mutation():\n    return 0\n"
    for n in range(6):
        files[f"components/c{n}/__init__.py"] = f"def setup_{n}():\n    return {n}\n"
    for name in domains[:5]:  # five of the fleet's twelve names: the plugin's own platforms
        files[f"components/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
        files[f"components/template/{name}/__init__.py"] = f"def template_{name}():\n    return 2\n"
    files["components/template/__init__.py"] = ""
    _, fleet_rules = _init(tmp_path / "shop-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["components/*", "shop/*", "shop/graphql/*"]


def test_init_takes_five_plugins_deep_inside_a_fleets_package_as_a_fleet_not_five_parts(tmp_path):
    """wasmtime: cranelift's codegen crate holds its five `src/isa/*` backends (x64, aarch64, …),
    whose copies of `compile_function` were one crate's and never proposed; sqlalchemy's five
    `dialects/*` likewise. Five sub-folders of a folder of another name stay their crate's parts."""
    files = {}
    for crate in ("codegen", "frontend", "entity"):
        files[f"cranelift/{crate}/Cargo.toml"] = "[package]\n"
        files[f"cranelift/{crate}/src/lib.rs"] = f"pub fn {crate}() {{}}\n"
    files["cranelift/codegen/src/isa/mod.rs"] = "pub mod x64;\n"
    for isa in ("x64", "aarch64", "riscv64", "s390x", "pulley"):
        files[f"cranelift/codegen/src/isa/{isa}/mod.rs"] = f"pub fn compile_{isa}() {{}}\n"
    for crate in ("orm", "web"):  # Python's, deeper: a folder of packages of another name is no fleet
        files[f"cranelift/{crate}/pyproject.toml"] = "[project]\n"
        files[f"cranelift/{crate}/{crate}/__init__.py"] = ""
    for n, dialect in enumerate(("mysql", "postgresql", "sqlite", "oracle", "mssql")):
        files[f"cranelift/orm/orm/dialects/{dialect}/__init__.py"] = f"def dialect_{n}():\n    return {n}\n"
        files[f"cranelift/web/web/parts/part{n}/__init__.py"] = f"def part_{n}():\n    return {n}\n"
    _, fleet_rules = _init(tmp_path / "wasm-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["cranelift/*", "cranelift/codegen/src/isa/*", "cranelift/orm/orm/dialects/*"]


def test_init_takes_the_plugins_of_a_folder_declaring_what_they_implement_as_packages(tmp_path):
    """Sonarr: one C# project holds its 25 `Notifications/<name>/` beside `INotification.cs`, its 18
    `Download/Clients/<name>/` under `Download/IDownloadClient.cs`, and
    Jackett its 66 `Indexers/Definitions/*.cs` beside `Indexers/IIndexer.cs`; as one package, the
    helpers each plugin copies from another were never seen. A folder of as many sub-folders that
    declares nothing stays its project's parts, and a plugin's own modules stay one plugin."""
    projects = ("Core", "Common", "Host", "Trackers", *(f"Tool{n}" for n in range(PLUGIN_FLEET - 3)))
    files = {f"src/{p}/{p}.csproj": "<Project/>\n" for p in projects}
    files["src/Core/Notifications/INotification.cs"] = "public interface INotification { }\n"
    files["src/Core/Download/IDownloadClient.cs"] = "public interface IDownloadClient { }\n"
    files["src/Trackers/Indexers/IIndexer.cs"] = "public interface IIndexer { }\n"
    for n in range(PLUGIN_FLEET):
        files[f"src/Core/Download/Clients/Client{n}/Client{n}.cs"] = f"public class Client{n} : IDownloadClient {{ }}\n"
        files[f"src/Core/Services/Part{n}/Part{n}.cs"] = f"public class Part{n} {{ }}\n"
    for n in range(len(projects) + 1):  # Radarr's: more than its projects, whose fleet is read after it
        files[f"src/Core/Notifications/Sink{n}/Sink{n}.cs"] = f"public class Sink{n} : INotification {{ }}\n"
    for n in range(MODULE_FLEET):
        files[f"src/Core/Notifications/Sink0/Payload{n}.cs"] = f"public class Payload{n} {{ }}\n"
        files[f"src/Trackers/Indexers/Definitions/Site{n}.cs"] = f"public class Site{n} : IIndexer {{ }}\n"
    _, fleet_rules = _init(tmp_path / "arr-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/*", "src/Core/Notifications/*", "src/Core/Download/Clients/*",
                                         "src/Trackers/Indexers/Definitions/*.cs"]


def test_init_takes_the_folders_a_registry_imports_one_by_one_as_packages_and_their_library_as_one(tmp_path):
    """renovate: `lib/modules/manager/api.ts` imports each of its 117 package managers,
    `./ansible/index.ts` …, as `datasource/api.ts` its datasources: one package of 1,196 files
    had hidden them, and the helper six platforms copy (`matchesState`). The rest of `lib`, its
    util, workers and config, is the library they are built on, one package. A folder's index
    gathering its parts, or a module importing its parts each its own way, registers nothing."""
    files = {"package.json": "{}\n", "lib/renovate.ts": "export const main = () => 1;\n"}
    managers = [f"manager{n}" for n in range(PLUGIN_FLEET + 2)]
    for name in managers:  # most of the code: `lib` is no top folder read beside a smaller fleet
        files[f"lib/modules/manager/{name}/index.ts"] = f"export const extract = () => '{name}';\n"
        files.update({f"lib/modules/manager/{name}/step{n}.ts": f"export const step = {n};\n" for n in range(5)})
    files["lib/modules/manager/manager0/__fixtures__/package.json"] = "{}\n"  # a manifest inside: no shared top (uncovered.SHARED_TOPS)
    files["lib/modules/manager/api.ts"] = "".join(f"import * as {name} from './{name}/index.ts';\n"
                                                  for name in managers) + "export const api = new Map();\n"
    for n in range(8):
        files[f"lib/util/helper{n}.ts"] = f"export const helper{n} = () => {n};\n"
        files[f"lib/workers/step{n}.ts"] = f"export const step{n} = () => {n};\n"
    parts = [f"part{n}" for n in range(PLUGIN_FLEET + 2)]  # an index, and a main module, importing parts
    for name in parts:
        files[f"src/ui/{name}/index.ts"] = f"export const {name} = 1;\n"
        files[f"src/ui/{name}/{name}_view.ts"] = f"export const {name}View = 1;\n"
    files["src/ui/index.ts"] = "".join(f"import {{ {name} }} from './{name}/index';\n" for name in parts)
    files["src/ui/main.ts"] = "".join(f"import {{ {name}View }} from './{name}/{name}_view.ts';\n"
                                      for name in parts[:6]) \
        + "".join(f"import {{ {name} }} from './{name}/index.ts';\n" for name in parts[6:])
    done, fleet_rules = _init(tmp_path / "renovate-repo", files, tmp_path / "rules")
    assert "lib/modules/manager/*" in fleet_rules["subsystems"] and "lib" in fleet_rules["subsystems"], done.stderr
    assert not any(glob.startswith("src/ui/") for glob in fleet_rules["subsystems"]), done.stderr


def test_init_takes_folders_each_holding_a_module_of_one_name_as_plugins(tmp_path):
    """echarts: 22 of its 23 `src/chart/<type>/` hold an `install.ts`, the entry point each chart
    type registers itself by, as 22 of its 25 `src/component/<name>/`: read as one package of
    596 files (once its `src/` was read at all), the copies between chart types were never seen;
    concrete's 60 `blocks/<block>/controller.php` too. Folders side by side each holding an
    `index.ts` or a `types.ts`, as any app's do, or a PHP app's pages, stay parts."""
    files = {"package.json": "{}\n"}
    for n in range(PLUGIN_FLEET + 1):
        files[f"src/chart/type{n}/install.ts"] = f"export function install{n}() {{ return {n}; }}\n"
        files[f"src/chart/type{n}/View.ts"] = f"export class View{n} {{}}\n"
        files[f"src/util/part{n}/index.ts"] = f"export const part{n} = {n};\n"
        files[f"src/util/part{n}/types.ts"] = f"export type Part{n} = number;\n"
        # concrete: a controller each of its 60 blocks; phpipam: an admin section's pages, no plugins
        files[f"web/blocks/block{n}/controller.php"] = f"<?php\nclass Controller{n} extends BlockController {{}}\n"
        files[f"web/admin/section{n}/edit.php"] = f"<?php\necho {n};\n"
        # text-generation-webui's extensions, a `script.py` each, which the UI loads
        files[f"extensions/ext{n}/script.py"] = f"def setup():\n    return {n}\n"
    done, fleet_rules = _init(tmp_path / "charts-repo", files, tmp_path / "rules")
    assert {"src/chart/*", "web/blocks/*", "extensions/*"} <= set(fleet_rules["subsystems"]), done.stderr
    assert not {"src/util/*", "web/admin/*"} & set(fleet_rules["subsystems"]), done.stderr


def test_init_reads_a_large_top_folder_of_the_programs_own_code_beside_fleets_holding_most(tmp_path):
    """meteor: its `tools/`, the command line and build tool, 134 files beside `packages/*`
    (133 packages holding most of the code), had been read by no glob, as MyBB's `admin/` beside
    its plugins. A folder of scripts so large stays out, and so does a smaller one."""
    files = {"package.json": "{}\n"}
    for n in range(MODULE_FLEET + 2):
        files[f"packages/pkg{n}/package.json"] = "{}\n"
        files.update({f"packages/pkg{n}/part{m}.js": f"export const p{n}_{m} = {m};\n" for m in range(8)})
    files.update({f"tools/cli/command{n}.js": f"export const command{n} = {n};\n" for n in range(60)})
    files.update({f"scripts/task{n}.js": f"export const task{n} = {n};\n" for n in range(60)})
    files.update({f"misc/helper{n}.js": f"export const helper{n} = {n};\n" for n in range(12)})
    done, fleet_rules = _init(tmp_path / "meteor-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*", "tools"], done.stderr


def test_init_reads_a_top_folder_holding_most_of_the_code_in_another_language_as_an_app(tmp_path):
    """kpi: its web app, `jsapp/`, 638 files of TypeScript beside its Django apps (which hold a
    few scripts of their own), had been read by no glob: its parts and components are read as
    an app's (lone_app). A folder of scripts in another language, no app, stays out."""
    files = {"setup.py": ""}
    for n in range(MODULE_FLEET + 2):
        files.update({f"kobo/apps/app{n}/part{m}.py": f"def p{n}_{m}():\n    return {m}\n" for m in range(16)})
    files.update({f"kobo/apps/app0/static/js/widget{n}.js": f"export const w{n} = {n};\n" for n in range(3)})
    for part in ("api", "account", "router", "stores", "hooks", "theme", "project", "endpoints"):
        files.update({f"jsapp/js/{part}/{part}{n}.ts": f"export const {part}{n} = {n};\n" for n in range(6)})
    for n in range(12):  # each component's files a few folders down, as kpi's `processing/…`
        files.update({f"jsapp/js/components/widget{n}/parts/deep/view{m}.tsx": f"export const v{n}_{m} = {m};\n"
                      for m in range(2)})
    files.update({f"tools/task{n}.sh": f"echo {n}\n" for n in range(60)})
    done, fleet_rules = _init(tmp_path / "kpi-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["kobo/apps/*", "jsapp/js/*", "jsapp/js/components/*"], done.stderr


def test_init_excludes_folders_of_fixtures_named_for_tests(tmp_path):
    """jesse: 144 of its 148 `jesse/strategies/<name>/` are named for the test that runs them
    (`TestCanCancelEntryOrdersAfterOpenPositionLong1` …), the others regression fixtures: a fleet
    of them had been its first proposal. The base class beside them stays, and so does a lone
    `TestUtils/`."""
    files = {"setup.py": "", "jesse/strategies/Strategy.py": "class Strategy:\n    pass\n",
             "jesse/strategies/RegressionOne/__init__.py": "class RegressionOne:\n    pass\n",
             "lib/TestUtils/helpers.py": "def helper():\n    return 1\n"}
    for n in range(12):
        files[f"jesse/strategies/TestCase{n}/__init__.py"] = f"class TestCase{n}:\n    pass\n"
        files[f"jesse/modes/mode{n}/__init__.py"] = f"def mode{n}():\n    return {n}\n"
    excluded = _excluded_by_init(tmp_path / "jesse-repo", files, tmp_path / "rules")
    assert excluded("jesse/strategies/TestCase0/__init__.py") and excluded("jesse/strategies/RegressionOne/__init__.py")
    assert not excluded("jesse/strategies/Strategy.py") and not excluded("lib/TestUtils/helpers.py")


def test_init_excludes_manual_tests_by_their_pages_and_writes_no_exclude_inside_another(tmp_path):
    """CKEditor 5: each of its 61 packages holds a `manual/` folder of manual tests, a script
    beside a page of the same name (`image.ts`, `image.manual.html`); their copied editor
    set-ups had been its first proposal. Its tests, named as the modules they test (`tests/image.js` beside
    `src/image.ts`), had each been written again as a compiled build inside `**/tests/**`."""
    files = {"package.json": "{}\n"}
    for p in ("image", "link", "table"):
        files[f"packages/{p}/package.json"] = "{}\n"
        for n in range(12):
            files[f"packages/{p}/src/part{n}.ts"] = f"export const {p}{n} = {n};\n"
            files[f"packages/{p}/tests/part{n}.js"] = f"it('{p}{n}', () => {n});\n"
            files[f"packages/{p}/manual/tickets/{n}/1.ts"] = f"export const ticket{n} = {n};\n"
            files[f"packages/{p}/manual/tickets/{n}/1.manual.html"] = "<div></div>\n"
    done, fleet_rules = _init(tmp_path / "editor-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("packages/link/manual/tickets/3/1.ts") and not excluded("packages/link/src/part3.ts")
    assert "**/manual/**" in fleet_rules["exclude"] and "**/tickets/**" not in fleet_rules["exclude"]
    assert not any(glob.startswith("packages/") for glob in fleet_rules["exclude"]), fleet_rules["exclude"]


def test_init_reads_folders_side_by_side_each_documented_as_packages_and_leaves_their_demos_out(tmp_path):
    """ant-design: its 81 `components/<name>/`, each with its page (`index.en-US.md`) beside
    its `index.tsx`, had been one package of 1,789 files (their copies of one another unseen),
    the 1,178 `demo/*.tsx` among them, which show each component in use. A folder of code with
    no pages stays one package; a PHP demo mode's controllers (koel's `Controllers/Demo/`) are
    code."""
    files = {"package.json": "{}\n", "app/Http/Controllers/Demo/IndexController.php": "<?php\nclass IndexController {}\n"}
    for n in range(PLUGIN_FLEET + 2):
        files[f"components/widget{n}/index.tsx"] = f"export const Widget{n} = () => {n};\n"
        files[f"components/widget{n}/index.en-US.md"] = f"# Widget {n}\n"
        files[f"components/widget{n}/demo/basic.tsx"] = f"export const Basic{n} = () => {n};\n"
        files[f"site/part{n}/index.tsx"] = f"export const Part{n} = () => {n};\n"
    done, fleet_rules = _init(tmp_path / "design-repo", files, tmp_path / "rules")
    assert "components/*" in fleet_rules["subsystems"] and "site/*" not in fleet_rules["subsystems"], done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("components/widget3/demo/basic.tsx") and not excluded("components/widget3/index.tsx")
    assert not excluded("app/Http/Controllers/Demo/IndexController.php")


def test_init_keeps_the_documented_folders_at_the_top_as_its_packages(tmp_path):
    """awesome-wm-widgets: its 38 widgets, a folder each at the top with a README and a Lua
    module, made `*`; but every top folder of no manifest was then left out as "not a package",
    so its first scan had no subsystem at all. The folders that made `*` are its packages; a
    folder of scripts beside them, with no page of its own, is still none."""
    files = {"README.md": "# widgets\n", "scripts/update.lua": "print('update')\n"}
    for n in range(PLUGIN_FLEET + 2):
        files[f"w{n}-widget/README.md"] = f"# Widget {n}\n"
        files[f"w{n}-widget/w{n}.lua"] = f"local w{n} = {{}}\nreturn w{n}\n"
    done, fleet_rules = _init(tmp_path / "widgets", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"], done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert not excluded("w3-widget/w3.lua") and excluded("scripts/update.lua")


def test_init_reads_github_actions_each_a_folder_of_its_action_yml_beside_their_common_code(tmp_path):
    """vscode-github-triage-actions: 30 actions at the top, an `action.yml` and an `index.ts` each,
    beside `common/`, the `Action` base they extend: init had found no subsystem. A top folder of
    scripts beside them is still no package."""
    files = {"package.json": "{}\n", "common/Action.ts": "export class Action {}\n",
             "scripts/release.ts": "export const release = 1;\n"}
    for n in range(PLUGIN_FLEET + 1):
        files[f"action{n}/action.yml"] = f"name: action{n}\nruns:\n  using: node20\n  main: index.js\n"
        files[f"action{n}/index.ts"] = (f"import {{ Action }} from '../common/Action';\n"
                                        f"export class A{n} extends Action {{}}\n")
    done, fleet_rules = _init(tmp_path / "actions", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"], done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert not excluded("common/Action.ts") and not excluded("action3/index.ts") and excluded("scripts/release.ts")


def test_init_keeps_out_the_scripts_of_a_project_written_in_another_language(tmp_path):
    """pip-services4-node: its 35 TypeScript packages each keep a `build.ps1`, `test.ps1` and
    `docgen.ps1`, the same scripts, which were its first three proposals; con-services' C#
    services their database images' `wait-for-it.sh`. Scripts a project is written in stay code
    (dokku's plugins, a `plugins/*` of shell functions)."""
    files = {"package.json": "{}\n"}
    for n in range(4):
        files[f"packages/p{n}/package.json"] = "{}\n"
        files.update({f"packages/p{n}/src/m{k}.ts": f"export const m{k} = {k};\n" for k in range(8)})
        files[f"packages/p{n}/build.ps1"] = "Set-StrictMode -Version latest\n"
        files[f"packages/p{n}/docker/wait.sh"] = "echo waiting\n"
    done, fleet_rules = _init(tmp_path / "typescript", files, tmp_path / "rules")
    assert "**/*.ps1" in fleet_rules["exclude"] and "**/*.sh" in fleet_rules["exclude"], done.stderr
    files = {f"plugins/p{n}/{name}": "f() { echo; }\n" for n in range(4) for name in ("commands", "install.sh")}
    files.update({f"plugins/p{n}/plugin.toml": "[plugin]\n" for n in range(4)})
    files["main.go"] = "package main\n"
    done, fleet_rules = _init(tmp_path / "shell", files, tmp_path / "rules-shell")
    assert "**/*.sh" not in (fleet_rules["exclude"] or []), done.stderr


def test_init_excludes_a_folder_named_as_generated_in_snake_case(tmp_path):
    """skaffold: `fs/assets/credits_generated/github.com/hashicorp/hcl/…`, its dependencies'
    licenses and sources written by a tool, had been 13 subsystems; Convex's `convex/_generated/`
    too; and Eclipse's generators' `src-gen/` and `xtend-gen/` (sirius-desktop's generated property
    sections: 251 copies of one listener were its first proposal), beside a plugin's `src/`, and
    nop-entropy's `_gen/` (1,304 models written from their schemas, whose `freeze` x 28 had been its
    first proposal). Named
    in kebab case, a folder is code: automatisch's `triggers/documents-generated`, a trigger named
    for its event."""
    files = {"go.mod": "module x\n", "package.json": "{}\n",
             "apps/pdf/triggers/documents-generated/index.js": "export const trigger = 1;\n",
             "web/convex/_generated/api.js": "export const api = 1;\n",
             "plugins/org.eclipse.sirius.editor/src/org/x/Plugin.java": "class Plugin {}\n",
             "plugins/org.eclipse.sirius.editor/src-gen/org/x/Section.java": "class Section {}\n",
             "plugins/org.eclipse.sirius.tree/xtend-gen/org/x/Gen.java": "class Gen {}\n",
             # nop-entropy's 251 `_gen/` folders of models written from their schemas
             "nop-ai/src/main/java/io/nop/ai/model/_gen/_TeamModel.java": "class _TeamModel {}\n"}
    for name in ("hcl", "hcl/ast", "hcl/parser"):
        files[f"fs/assets/credits_generated/github.com/hashicorp/{name}/a.go"] = "package x\n"
    excluded = _excluded_by_init(tmp_path / "skaffold", files, tmp_path / "rules")
    assert excluded("fs/assets/credits_generated/github.com/hashicorp/hcl/ast/a.go")
    assert excluded("web/convex/_generated/api.js")
    assert excluded("plugins/org.eclipse.sirius.editor/src-gen/org/x/Section.java")
    assert excluded("plugins/org.eclipse.sirius.tree/xtend-gen/org/x/Gen.java")
    assert excluded("nop-ai/src/main/java/io/nop/ai/model/_gen/_TeamModel.java")
    assert not excluded("apps/pdf/triggers/documents-generated/index.js")
    assert not excluded("plugins/org.eclipse.sirius.editor/src/org/x/Plugin.java")


def test_init_reads_the_parts_of_an_apps_thousand_files_beside_its_fleets(tmp_path):
    """dub: its Next.js app, `apps/web`, 3,121 files beside 34 API routes' and 12 integrations'
    packages inside it, had been one package: its partner platforms' importers
    (`lib/firstpromoter`, `lib/partnerstack` …) and their copied customer imports unseen, nothing
    proposed. An app's thousand files or more are read as its parts, and a part holding ten
    folders or more as a fleet of them."""
    files = {"package.json": "{}\n", "apps/web/package.json": "{}\n"}
    for name in ("ui", "utils", "email"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/index.ts"] = f"export const {name} = 1;\n"
    for n in range(12):
        files[f"apps/web/app/api/route{n}/route.ts"] = f"export const GET{n} = () => {n};\n"
        files[f"apps/web/lib/integrations/i{n}/index.ts"] = f"export const i{n} = {n};\n"
    for n in range(30):
        files.update({f"apps/web/lib/feature{n}/step{n}_{k}.ts": f"export const f{n}s{k} = {k};\n" for k in range(6)})
    for n in range(25):
        files.update({f"apps/web/ui/widget{n}/part{n}_{k}.tsx": f"export const w{n}p{k} = {k};\n" for k in range(8)})
    for n in range(20):
        files.update({f"apps/web/app/dashboard/section{n}/page{n}_{k}.tsx": f"export const s{n}p{k} = {k};\n"
                      for k in range(25)})
    files.update({f"apps/web/lib/helper{n}.ts": f"export const helper{n} = {n};\n" for n in range(150)})
    done, fleet_rules = _init(tmp_path / "dub", files, tmp_path / "rules")
    assert {"apps/web/*", "apps/web/lib/*", "apps/web/ui/*"} <= set(fleet_rules["subsystems"]), done.stderr


def test_init_reads_the_parts_of_a_thousand_files_package_among_small_packages(tmp_path):
    """sanity: `packages/sanity`, 2,760 of the 3,246 files kept, one member of `packages/*` beside
    `groq` and the `@sanity/*` libraries, had been one subsystem: its calendar's keyboard handler
    copied in four features of `src/core` unseen, nothing proposed. A member of a fleet holding a
    thousand files or more is read as its parts, as an app named by a glob of its own is."""
    files = {"package.json": "{}\n"}
    for name in ("groq", "util", "schema"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.ts"] = f"export const {name} = 1;\n"
    files["packages/sanity/package.json"] = "{}\n"
    for n in range(40):
        files[f"packages/sanity/src/core/feature{n}/index.ts"] = "export * from './components'\n"
        files.update({f"packages/sanity/src/core/feature{n}/{folder}/part{k}.ts": f"export const f{n}p{k} = {k};\n"
                      for folder in ("components", "hooks", "utils") for k in range(8)})
    files.update({f"packages/sanity/src/structure/view{k}.ts": f"export const v{k} = {k};\n" for k in range(20)})
    _, fleet_rules = _init(tmp_path / "sanity", files, tmp_path / "rules")
    assert "packages/sanity/src/core/*" in fleet_rules["subsystems"], fleet_rules["subsystems"]
    assert "packages/*" in fleet_rules["subsystems"]


def test_init_reads_a_monoliths_applications_not_their_layers_nor_their_modules(tmp_path):
    """phabricator: `src/applications/*`, 89 applications, each in the same layers (`controller`,
    `query`, `storage` …); its 26 `almanac/controller/*.php` and the like had been one-module
    packages while no package was found, and each application's layers a fleet: 2,397 subsystems,
    nothing proposed. The applications are the parts; their layers and their layers' modules are
    their own. A folder of modules one application alone holds stays a fleet (`settings/setting/*.php`,
    41 settings), as does one named for what plugs in (`auth/adapter/*.php`)."""
    layers = ("controller", "query", "storage", "editor", "view", "phid", "conduit", "xaction", "capability",
              "typeahead", "application")
    files = {}
    for app in range(25):
        files.update({f"src/applications/app{app}/{layer}/{layer.title()}{app}x{k}.php": f"<?php class C{app}{k} {{}}\n"
                      for layer in layers for k in range(4)})
    for app in range(3):
        files.update({f"src/applications/app{app}/controller/Page{app}x{k}Controller.php":
                      f"<?php class P{app}{k} {{}}\n" for k in range(22)})
    files.update({f"src/applications/auth/adapter/Provider{k}Adapter.php": f"<?php class A{k} {{}}\n"
                  for k in range(12)})
    files.update({f"src/applications/settings/setting/Setting{k}.php": f"<?php class S{k} {{}}\n" for k in range(22)})
    _, fleet_rules = _init(tmp_path / "phabricator", files, tmp_path / "rules")
    assert "src/applications/*" in fleet_rules["subsystems"], fleet_rules["subsystems"]
    assert {"src/applications/auth/adapter/*.php", "src/applications/settings/setting/*.php"} \
        <= set(fleet_rules["subsystems"])
    assert not [glob for glob in fleet_rules["subsystems"] if glob.startswith("src/applications/app")]


def test_init_reads_no_fleet_of_scripts_in_a_language_the_project_is_not_written_in(tmp_path):
    """Empire: its 43 PowerShell modules, `data/module_source/*/*.ps1`, payloads sent to its
    agents one by one, had been fleets of a Python project's: their copies of one UAC bypass
    its first proposal. A PowerShell project's own scripts stay a fleet."""
    files = {"pyproject.toml": "[project]\n"}
    for n in range(MODULE_FLEET + 2):
        files[f"empire/data/module_source/privesc/Invoke-Bypass{n}.ps1"] = f"function Invoke-Bypass{n} {{ {n} }}\n"
        files[f"empire/core/service{n}.py"] = f"def service_{n}():\n    return {n}\n"
    _, fleet_rules = _init(tmp_path / "empire", files, tmp_path / "rules")
    assert not any(glob.endswith(".ps1") for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]
    files = {f"src/functions/Get-Thing{n}.ps1": f"function Get-Thing{n} {{ {n} }}\n" for n in range(MODULE_FLEET + 2)}
    _, fleet_rules = _init(tmp_path / "pester", files, tmp_path / "pester-rules")
    assert fleet_rules["subsystems"] == ["src/functions/*.ps1"]


def test_init_excludes_a_component_registrys_items_but_not_a_package_named_registry(tmp_path):
    """shadcn/ui: `apps/v4/registry/`, beside the `components.json` that configures the app, holds
    the blocks and components its CLI copies whole into a user's project, on purpose: 28 sidebar
    blocks' copies of one app sidebar had been its first proposal; shadcn-vue's, in two styles,
    its 250 wrappers. Elsewhere a `registry/` folder is code (a service registry, a plugin
    registry)."""
    files = {"package.json": "{}\n", "apps/v4/components.json": "{}\n",
             "apps/v4/app/page.tsx": "export const Page = () => 1;\n",
             "packages/core/registry/lookup.ts": "export const lookup = () => 1;\n"}
    for n in range(12):
        files[f"apps/v4/registry/blocks/sidebar-{n:02}/components/app-sidebar.tsx"] = f"export const S{n} = () => {n};\n"
    for name in ("core", "cli", "shadcn"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/index.ts"] = f"export const {name} = 1;\n"
    # shadcn-vue: no components.json, its components in two styles, `registry/<style>/ui/`
    for style in ("default", "new-york"):
        files[f"apps/www/src/lib/registry/{style}/ui/accordion/AccordionItem.vue"] = "<template><div/></template>\n"
    excluded = _excluded_by_init(tmp_path / "ui", files, tmp_path / "rules")
    assert excluded("apps/v4/registry/blocks/sidebar-03/components/app-sidebar.tsx")
    assert excluded("apps/www/src/lib/registry/new-york/ui/accordion/AccordionItem.vue")
    assert not excluded("apps/v4/app/page.tsx") and not excluded("packages/core/registry/lookup.ts")


def test_init_lists_no_glob_whose_every_file_an_exclude_keeps_out(tmp_path):
    """laravel-crm: its 46 built `public/admin/build/assets/*.js` had been a fleet of one-module
    packages in the rules, each file kept out by `**/build/**`: a glob a scan reads nothing from."""
    files = {f"packages/{p}/composer.json": "{}\n" for p in ("Lead", "Contact", "Email")}
    files.update({f"packages/{p}/src/{p}.php": f"<?php\nclass {p} {{}}\n" for p in ("Lead", "Contact", "Email")})
    files.update({f"public/admin/build/assets/chunk{n}.js": f"export const c{n} = {n};\n" for n in range(MODULE_FLEET)})
    done, fleet_rules = _init(tmp_path / "crm-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*"]
    assert "**/build/**" in fleet_rules["exclude"] and "one-module packages" not in done.stderr


def test_init_reads_no_fleet_in_test_data(tmp_path):
    """pulumi: `sdk/go/pulumi-language-go/testdata/policies/*`, eleven packages of test data that
    the excludes keep out, was a subsystem glob holding no file; so were `__mocks__/*`."""
    files = {}
    for name in ("api", "core", "cli"):
        files[f"libs/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    for n in range(11):
        for data in ("sdk/lang/testdata/policies", "web/src/__mocks__"):
            files[f"{data}/p{n}/__init__.py"] = f"def policy_{n}():\n    return {n}\n"
    _, fleet_rules = _init(tmp_path / "data-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["libs/*"]
    assert {"**/testdata/**", "**/__mocks__/**"} <= set(fleet_rules["exclude"])


def test_init_excludes_the_top_integration_tests_and_pythons_vendored_packages(tmp_path):
    """react-router's `integration/` (its integration tests, with helpers), dd-trace-rb's nine
    `integration/apps/*` were fleets; pip's `src/pip/_vendor/*` its 18 vendored libraries, and
    spyder's `external-deps/*` the four projects it ships as subtrees, whose plugins had made a
    fleet. Deeper, `integration/` is code (dubbo's `registry/integration`)."""
    files = {}
    for name in ("router", "dev", "node"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/index.js"] = f"export const {name} = 1;\n"
    files["packages/router/integration/bridge.js"] = "export const bridge = 2;\n"
    for name in ("rails", "sinatra", "rack"):
        files[f"integration/apps/{name}/Gemfile"] = "source 'x'\n"
        files[f"integration/apps/{name}/app.rb"] = f"class {name.title()}App; end\n"
        files[f"src/pip/_vendor/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
        files[f"external-deps/{name}/pyproject.toml"] = "[project]\n"
        files[f"external-deps/{name}/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    _, fleet_rules = _init(tmp_path / "router-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*"]
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("integration/apps/rails/app.rb") and excluded("src/pip/_vendor/rack/__init__.py")
    assert excluded("external-deps/rack/rack/__init__.py")
    assert not excluded("packages/router/integration/bridge.js")


def test_init_excludes_a_builds_output_but_not_a_build_folder_of_code(tmp_path):
    """astro's `packages/astro/src/core/build/` (its build command, 58 files) and flux2's Go
    package `internal/build` had been excluded as generated with every `build/`; a bundle in
    a package's `build/` is a build's output."""
    files = {}
    for name in ("astro", "cli", "ui"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.ts"] = f"export const {name} = 1;\n"
    files["packages/astro/src/core/build/static.ts"] = "export function generatePages() { return []; }\n"
    files["packages/ui/build/bundle.js"] = "export const bundled = 1;\n"
    files["packages/cli/internal/build/build.go"] = "package build\n\nfunc Build() error { return nil }\n"
    files["packages/ui/static/_nuxt/08VXUWAP.js"] = "var e={a:1};export{e as t};\n"  # jesse's Nuxt bundles
    excluded = _excluded_by_init(tmp_path / "site-repo", files, tmp_path / "rules")
    assert excluded("packages/ui/build/bundle.js") and excluded("packages/ui/static/_nuxt/08VXUWAP.js")
    assert not excluded("packages/astro/src/core/build/static.ts")
    assert not excluded("packages/cli/internal/build/build.go")


def test_init_takes_go_modules_kept_by_owner_as_the_packages_and_skips_what_go_ignores(tmp_path):
    """dd-trace-go: `contrib/<owner>/<library>`, a go.mod each (`contrib/IBM/sarama`,
    `contrib/Shopify/sarama`, three of aws'): each module a package, not the owner's folder,
    which held different libraries as one consumer. A Go module of a test does not count; Go
    files in a folder starting with `_`, which the go command skips, are no fleet and excluded."""
    files = {"go.mod": "module example.com/trace\n", "ddtrace/tracer/tracer.go": "package tracer\n"}
    for module in ("IBM/sarama", "Shopify/sarama", "aws/sdk", "aws/sdk-v2", "aws/lambda", "gin-gonic/gin"):
        files[f"contrib/{module}/go.mod"] = f"module example.com/trace/contrib/{module}\n"
        files[f"contrib/{module}/wrap.go"] = "package wrap\n\nfunc Wrap() int { return 1 }\n"
    files["contrib/aws/lambda/test/app/go.mod"] = "module example.com/app\n"
    for n in range(11):  # test programs in a folder the go command skips: no fleet, excluded
        files[f"internal/_integration/case{n}/main.go"] = f"package case{n}\n\nfunc Setup() int {{ return {n} }}\n"
    _, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert "contrib/*/*" in fleet_rules["subsystems"] and "contrib/*" not in fleet_rules["subsystems"]
    assert not any("_integration" in glob for glob in fleet_rules["subsystems"])
    assert any_glob(tuple(fleet_rules["exclude"]))("internal/_integration/case3/main.go")


def test_init_takes_go_modules_by_owner_beside_modules_just_inside_the_folder(tmp_path):
    """opentelemetry-go-contrib: `instrumentation/github.com/gin-gonic/gin/otelgin`, a go.mod
    each by import path, beside `instrumentation/host` and `instrumentation/runtime`, modules
    themselves: those two had made init take `instrumentation/*`, and gin's, mux's, echo's and
    restful's middlewares were one subsystem, `github.com`."""
    files = {"go.mod": "module example.com/contrib\n"}
    for module in ("github.com/gin-gonic/gin/otelgin", "github.com/gorilla/mux/otelmux",
                   "github.com/labstack/echo/otelecho", "google.golang.org/grpc/otelgrpc",
                   "net/http/otelhttp", "go.mongodb.org/mongo-driver/mongo/otelmongo", "host", "runtime"):
        files[f"instrumentation/{module}/go.mod"] = f"module example.com/contrib/instrumentation/{module}\n"
        files[f"instrumentation/{module}/wrap.go"] = "package wrap\n\nfunc Wrap() int { return 1 }\n"
    _, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"][:3] == ["instrumentation/*/*", "instrumentation/host", "instrumentation/runtime"]
    assert "instrumentation/*" not in fleet_rules["subsystems"]


def test_init_finds_php_plugins_by_the_file_named_after_them_and_excludes_capitalised_tests(tmp_path):
    """matomo: `plugins/Goals/Goals.php`, no manifest; their `Tests/` (and Symfony's) are tests
    whatever their case, but Laravel's `Database/Migrations` is the framework's code."""
    files = {"core/Updates/1.0.php": "<?php\nclass U { }\n", "core/Updates/2.0.php": "<?php\nclass V { }\n"}
    for name in ("Goals", "Live", "Actions", "Referrers"):
        files[f"plugins/{name}/{name}.php"] = f"<?php\nclass {name} {{ }}\n"
        files[f"plugins/{name}/API.php"] = f"<?php\nclass {name}Api {{ }}\n"
        files[f"plugins/{name}/Tests/{name}Test.php"] = "<?php\nclass T { }\n"
    files["plugins/Live/Migrations/Migrator.php"] = "<?php\nclass Migrator { }\n"
    _, fleet_rules = _init(tmp_path / "php-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["plugins/*"]
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("plugins/Goals/Tests/GoalsTest.php") and not excluded("plugins/Live/Migrations/Migrator.php")


def test_init_finds_typescript_plugins_by_the_module_named_after_their_folder(tmp_path):
    """Flowise: `packages/components/nodes/chatmodels/ChatOpenAI/ChatOpenAI.ts`, a node each,
    grouped by kind, in one npm package: its first scan read six packages and proposed nothing;
    the document loaders' metadata merge, copied into 28 of them, was never compared. A folder
    of such folders is a fleet, as a PHP plugin's `Goals/Goals.php` makes one."""
    files = {"packages/components/package.json": "{}\n", "packages/server/package.json": "{}\n",
             "packages/server/src/index.ts": "export const serve = () => 1;\n"}
    for kind, first in (("chatmodels", "Chat"), ("documentloaders", "Loader")):
        for node in (f"{first}{n}" for n in range(10)):  # a folder three down holds ten packages or more
            files[f"packages/components/nodes/{kind}/{node}/{node}.ts"] = f"export class {node} {{ run() {{ return 1 }} }}\n"
            files[f"packages/components/nodes/{kind}/{node}/{node.lower()}.svg"] = "<svg/>\n"
    _, fleet_rules = _init(tmp_path / "flowise", files, tmp_path / "rules")
    assert "packages/components/nodes/chatmodels/*" in fleet_rules["subsystems"]
    assert "packages/components/nodes/documentloaders/*" in fleet_rules["subsystems"]


def test_init_finds_nestjs_feature_modules_by_their_module_file(tmp_path):
    """teable: `apps/nestjs-backend/src/features/auth/auth.module.ts`, a NestJS feature module
    each, 32 of them in one app: its first scan read the app as one package and proposed
    nothing; the views', tables' and bases' `shuffle` (renumber the siblings' order), copied into
    three features, was never compared across them."""
    files = {"apps/nestjs-backend/package.json": "{}\n", "apps/web/package.json": "{}\n",
             "apps/web/src/index.ts": "export const page = () => 1;\n"}
    for feature in (f"feature{n}" for n in range(10)):  # a folder four down holds ten packages or more
        files[f"apps/nestjs-backend/src/features/{feature}/{feature}.module.ts"] = "export class M {}\n"
        files[f"apps/nestjs-backend/src/features/{feature}/{feature}.service.ts"] = \
            f"export class {feature}Service {{ run() {{ return 1 }} }}\n"
    files["apps/nestjs-backend/src/features/helpers/format.ts"] = "export const f = () => 1;\n"
    _, fleet_rules = _init(tmp_path / "teable", files, tmp_path / "rules")
    assert "apps/nestjs-backend/src/features/*" in fleet_rules["subsystems"]


def test_init_finds_an_automation_tools_integrations_in_its_apps_folder(tmp_path):
    """automatisch: `packages/backend/src/apps/<app>/`, 92 integrations with no manifest, each
    an `index.js` and its `auth/`, `actions/`, `triggers/`: its first scan read the backend as
    one package and proposed nothing; the OAuth URL built alike in twenty apps was never
    compared. A few `apps/` (an API's routes for them, modules) stay the backend's."""
    files = {"packages/backend/package.json": "{}\n", "packages/web/package.json": "{}\n",
             "packages/web/src/index.js": "export const page = () => 1;\n"}
    for app in (f"app{n}" for n in range(PLUGIN_FLEET)):
        files[f"packages/backend/src/apps/{app}/index.js"] = "export default { name: 'x' };\n"
        files[f"packages/backend/src/apps/{app}/auth/generate-auth-url.js"] = \
            "export default async function generateAuthUrl($) { return $.app; }\n"
        files[f"packages/backend/src/controllers/api/v1/apps/get-{app}.js"] = "export default (req) => req;\n"
    _, fleet_rules = _init(tmp_path / "automatisch", files, tmp_path / "rules")
    assert "packages/backend/src/apps/*" in fleet_rules["subsystems"]
    assert not any("controllers" in glob for glob in fleet_rules["subsystems"])


def test_init_excludes_phpunits_test_classes_kept_beside_the_code(tmp_path):
    """flysystem keeps its adapters' PHPUnit tests beside them (`src/Ftp/FtpAdapterTest.php`)
    and their base in a package of its own (`FilesystemAdapterTestCase.php`): its second
    proposal was a test method copied into five adapters' tests."""
    files = {"composer.json": "{}"}
    for name in ("Ftp", "Local", "ZipArchive"):
        files[f"src/{name}/composer.json"] = "{}"
        files[f"src/{name}/{name}Adapter.php"] = f"<?php\nclass {name}Adapter {{ }}\n"
        files[f"src/{name}/{name}AdapterTest.php"] = f"<?php\nclass {name}AdapterTest {{ }}\n"
    files["src/AdapterTestUtilities/FilesystemAdapterTestCase.php"] = "<?php\nabstract class Base { }\n"
    excluded = _excluded_by_init(tmp_path / "php-repo", files, tmp_path / "rules")
    assert excluded("src/Ftp/FtpAdapterTest.php") and excluded("src/AdapterTestUtilities/FilesystemAdapterTestCase.php")
    assert not excluded("src/Ftp/FtpAdapter.php")


def test_init_takes_no_folder_of_packaging_shims_for_a_fleet(tmp_path):
    """OCA's Odoo addons at the top, and `setup/<addon>/setup.py` beside them: each a setup.py
    and nothing else, packaging for the addon, no code of its own."""
    files = {}
    for n in range(4):
        files[f"addon_{n}/__init__.py"] = "from . import models\n"
        files[f"addon_{n}/__manifest__.py"] = "{'name': 'addon'}\n"
        files[f"addon_{n}/models/model.py"] = f"def compute_{n}():\n    return {n}\n"
        files[f"setup/addon_{n}/setup.py"] = "import setuptools\nsetuptools.setup(setup_requires=['setuptools-odoo'])\n"
    _, fleet_rules = _init(tmp_path / "oca-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"]


def test_init_finds_the_targets_of_a_swift_package_in_its_sources_folder(tmp_path):
    """vapor, swift-nio: one Package.swift, a target per folder of `Sources/`."""
    files = {"Package.swift": "// swift-tools-version:5.9\n", "Tests/NIOTests/T.swift": "import XCTest\n"}
    for name in ("NIOCore", "NIOPosix", "NIOHTTP1"):
        files[f"Sources/{name}/{name}.swift"] = f"public struct {name} {{}}\n"
    _, fleet_rules = _init(tmp_path / "swift-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["Sources/*"]


def test_init_takes_the_folders_of_a_packages_folder_as_packages_without_manifests(tmp_path):
    """dd-trace-js: one package.json at the top, its plugins in `packages/<name>/src/`; a
    folder of `packages/` holding only tests or a tool's configuration is no package."""
    files = {"package.json": "{}\n", "index.js": "module.exports = 1;\n",
             "packages/only-tests/test/a.spec.js": "it('a', () => {});\n",
             "packages/only-config/eslint.config.js": "module.exports = {};\n"}
    for name in ("plugin-express", "plugin-pg", "plugin-redis", "core"):
        files[f"packages/{name}/src/index.js"] = f"exports.{name.replace('-', '_')} = () => 1;\n"
        files[f"packages/{name}/test/index.spec.js"] = "it('works', () => {});\n"
    done, fleet_rules = _init(tmp_path / "flat-repo", files, tmp_path / "rules")
    # the tests are left out; the glob still takes only-config's file, as any scan of `packages/*`
    # does, and init counts what the scan will list
    assert fleet_rules["subsystems"] == ["packages/*"] and "packages/* (5 packages)" in done.stderr, done.stderr
    scan = radar("scan", "--repo", tmp_path / "flat-repo", "--rules", tmp_path / "rules", "--out", tmp_path / "out",
                 "--no-cache")
    assert scan.returncode == 0 and "5 subsystems, 5 files" in scan.stderr, scan.stderr


def test_init_finds_the_modules_of_an_sbt_build_by_their_src_main_folders(tmp_path):
    """pekko: one build.sbt at the top declares `actor`, `stream`, `cluster`…; no module has a
    build file of its own, each has `src/main/scala`. The build's own `project/` is no module."""
    files = {"build.sbt": "", "project/Dependencies.scala": "object Dependencies\n"}
    for name in ("actor", "stream", "cluster", "remote"):
        files[f"{name}/src/main/scala/org/x/{name}/Main.scala"] = f"package org.x.{name}\n\nclass Main\n"
    for name in ("actor", "stream"):
        files[f"{name}-tests/src/test/scala/org/x/{name}/MainSpec.scala"] = "class MainSpec\n"
    done, fleet_rules = _init(tmp_path / "sbt-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"] and "* (4 packages)" in done.stderr
    assert "project/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", tmp_path / "sbt-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "4 subsystems, 4 files" in scan.stderr, scan.stderr


def test_init_takes_a_cross_built_module_with_its_platforms_as_one_module(tmp_path):
    """http4s and fs2: sbt-crossproject keeps each module's sources per platform, `core/shared`,
    `core/jvm`, `core/js`, `core/native`, each with `src/main/scala`: those had been the
    subsystems (`core/*`, `io/*` …), so fs2's `stdoutLines`, written once per platform, was its
    proposal. Each module is one subsystem, its platforms inside it."""
    files = {"build.sbt": ""}
    for name in ("core", "io", "client"):
        for platform in ("shared", "jvm", "js", "native"):
            files[f"{name}/{platform}/src/main/scala/x/{name}/P.scala"] = f"package x.{name}\n\nclass P\n"
    files["dsl/src/main/scala/x/dsl/Dsl.scala"] = "package x.dsl\n\nclass Dsl\n"
    done, fleet_rules = _init(tmp_path / "cross-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"] and "* (4 packages)" in done.stderr, done.stderr


def test_init_keeps_a_top_folder_grouping_the_builds_modules_as_a_fleet_beside_them(tmp_path):
    """kafka: `clients`, `core`, `streams`… at the top and `connect/{api,runtime,json,…}`, all
    declared in one settings.gradle; connect/ is no module itself, so its 627 files were
    excluded as "not a package". A folder of a few modules (`tools/`: spring-security's
    `kerberos/kerberos-*`, otel-java-contrib's `runtime-attach/*`) holds packages as well."""
    files = {"settings.gradle": "", "build.gradle": ""}
    for name in ("clients", "core", "streams", "raft", "metadata", "storage",
                 "connect/api", "connect/runtime", "connect/json", "connect/file",
                 "connect/mirror", "tools/one", "tools/two"):
        files[f"{name}/src/main/java/org/x/Main.java"] = "package org.x;\n\nclass Main {}\n"
    done, fleet_rules = _init(tmp_path / "gradle-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*", "connect/*", "tools/*"], done.stderr
    assert not any(glob.startswith(("tools/", "connect/")) for glob in fleet_rules["exclude"])
    assert "tools/* (2 packages)" in done.stderr


def test_init_leaves_out_integration_test_source_sets_and_folders_of_integration_tests_or_fuzzers(tmp_path):
    """spring-security: `config/src/integration-test/` (a Gradle source set named in kebab case)
    and `itest/{context,web}`; jellyfin's `fuzz/Jellyfin.Api.Fuzz`: tests, whatever their build."""
    files = {"settings.gradle": "", "config/src/integration-test/java/org/x/LdapITests.java": "class LdapITests {}\n"}
    for name in ("core", "config", "web", "ldap", "itest/context", "itest/web", "fuzz/api"):
        files[f"{name}/src/main/java/org/x/Main.java"] = "package org.x;\n\nclass Main {}\n"
    done, fleet_rules = _init(tmp_path / "gradle-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"], done.stderr
    assert {"**/*-test/**", "itest/**", "fuzz/**"} <= set(fleet_rules["exclude"])


def test_init_names_the_code_no_glob_holds(tmp_path):
    """go-zero: its `core/*` packages make the fleet, and its `zrpc/` Go packages are what they
    build on; the code of other languages beside them is in no glob, and a user is told so
    (scripts are never a package: not named)."""
    files = {"go.mod": "module github.com/x/frame\n", "scripts/gen/main.go": "package main\n\nfunc main() {}\n",
             "zrpc/client.go": "package zrpc\n\nfunc Dial() {}\n", "zrpc/internal/conn.go": "package internal\n",
             "web/app.ts": "export const a = 1;\n"}
    for n in range(12):
        files[f"core/part{n}/part.go"] = f"package part{n}\n\nfunc Run() int {{ return {n} }}\n"
    done, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["core/*", "zrpc", "zrpc/internal"], done.stderr
    assert "in no subsystem: web/ (1 source file)\n" in done.stderr
    rules = (tmp_path / "rules" / "radar.yaml").read_text()
    assert "# read by no glob above (add one to scan them): web/ (1 source file)" in rules


def test_init_reads_a_go_folder_named_spec_or_migrate_as_code_and_a_ruby_spec_folder_as_tests(tmp_path):
    """go-zero's `goctl/api/spec` (the API model, beside its `_test.go` files) and `goctl/migrate`
    (a command): Go's tests are `_test.go` files, whatever their folder; Ruby's are in `spec/`."""
    files = {"go.mod": "module github.com/x/goctl\n", "api/spec/spec.go": "package spec\n\ntype Spec struct{}\n",
             "api/spec/spec_test.go": "package spec\n", "migrate/migrate.go": "package migrate\n\nfunc Run() {}\n"}
    for n in range(12):
        files[f"api/part{n}/part.go"] = f"package part{n}\n\nfunc Run() int {{ return {n} }}\n"
    _, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert not excluded("api/spec/spec.go") and not excluded("migrate/migrate.go") and excluded("api/spec/spec_test.go")
    gems = {f"gems/{name}/{name}.gemspec": "" for name in ("one", "two", "three")}
    gems |= {f"gems/{name}/spec/{name}_spec.rb": "describe 1 do\nend\n" for name in ("one", "two", "three")}
    _, fleet_rules = _init(tmp_path / "ruby-repo", gems, tmp_path / "ruby-rules")
    assert "**/spec/**" in fleet_rules["exclude"]


def test_init_that_finds_no_package_reads_the_app_as_one_with_its_parts_and_fleets_of_folders(tmp_path):
    """checkmate: a React app, one package.json at the top and its code in `src/`: 13 pages in
    `src/Pages/*`, 39 components in `src/Components/*`, beside `src/Utils`, `src/Hooks` …;
    init found nothing and its scan ended "no subsystem found". The app is one package now, its
    parts its sub-folders, and a part holding ten folders of code or more a fleet of them."""
    files = {"package.json": "{}\n", "vite.config.js": "export default {};\n", "src/main.jsx": "render();\n",
             "src/Utils/format.js": "export const f = 1;\n", "src/Hooks/useMonitor.js": "export const h = 1;\n"}
    for n in range(PLUGIN_FLEET):
        files[f"src/Pages/Page{n}/index.jsx"] = f"export const Page{n} = () => null;\n"
    for n in range(PLUGIN_FLEET - 1):
        files[f"src/Components/Component{n}/index.jsx"] = f"export const Component{n} = () => null;\n"
    done, fleet_rules = _init(tmp_path / "checkmate", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/*", "src/Pages/*"], done.stderr


def test_init_reads_a_lone_librarys_many_parts_as_a_fleet_of_them(tmp_path):
    """consta-widgets: one package.json at the top and 21 charts and widgets in `src/*`
    (`src/BarChart/index.tsx`, `src/DatePicker/…`), beside `src/_private` and `src/styles`: no
    package, no folder of ten folders of code inside a part, and init had found nothing ("no
    subsystem found"). Ten parts or more are a fleet of them; a library's few parts stay nothing."""
    files = {"package.json": "{}\n", "babel.config.js": "module.exports = {};\n",
             "src/_private/utils/scale.ts": "export const scale = 1;\n"}
    for n in range(PLUGIN_FLEET):
        files[f"src/Chart{n}/index.tsx"] = f"export const Chart{n} = () => null;\n"
        files[f"src/Chart{n}/helpers.ts"] = f"export const help{n} = () => {n};\n"
    done, fleet_rules = _init(tmp_path / "widgets", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/*"], done.stderr
    few = {path: text for path, text in files.items() if not path.startswith(("src/Chart4", "src/Chart5", "src/Chart6",
                                                                              "src/Chart7", "src/Chart8", "src/Chart9"))}
    done, fleet_rules = _init(tmp_path / "few", few, tmp_path / "few-rules")
    assert not fleet_rules.get("subsystems"), done.stderr


def test_a_monoliths_parts_folders_of_components_are_fleets():
    """overseerr: a Next.js app read as two parts, `server` and `src`, each one package: nothing
    to compare, not even a watching candidate; `src/components/*` holds 53 components. A part's
    folder of ten folders of code or more is a fleet now; a part holding none adds nothing, and
    where a fleet was found already, nothing is added."""
    from radar.commands.parts import fleets_in_parts
    kept = ["server/index.ts", *(f"server/lib/module{n}.ts" for n in range(6)),
            *(f"src/components/Component{n}/index.tsx" for n in range(12)),
            *(f"src/hooks/useHook{n}.ts" for n in range(6)), "src/components/tests/x/a.ts"]
    assert fleets_in_parts((("server", 7), ("src", 19)), kept) == (("src/components/*", 12),)
    assert fleets_in_parts((("server", 7), ("src/components/*", 12)), kept) == ()


def test_init_of_a_repository_holding_no_code_ends_and_finds_nothing(tmp_path):
    """letta's snapshot: nine files, a README, licences and a GitHub template, its code moved
    out. Init had looked for the folder holding most of no code at all, for ever."""
    files = {"README.md": "# letta\n", "LICENSE": "Apache\n", ".github/ISSUE_TEMPLATE/config.yml": "a: 1\n"}
    done, fleet_rules = _init(tmp_path / "letta", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == [] and "none found" in done.stderr


def test_init_excludes_a_cookbook_of_recipes_but_not_chefs_cookbooks(tmp_path):
    """agno: `cookbook/`, 2,181 scripts each showing one use of the library (a storage backend
    for a team, a workflow …), copied from one another on purpose: its first two proposals. A
    Chef repository's `cookbooks/<name>/recipes/*.rb` are its code."""
    files = {"libs/agno/pyproject.toml": "", "libs/agno/agno/__init__.py": "",
             "libs/agno/agno/team.py": "class Team:\n    pass\n",
             "cookbook/06_storage/postgres/postgres_for_team.py": "from agno.team import Team\nTeam()\n",
             "cookbooks/nginx/metadata.rb": "name 'nginx'\n",
             "cookbooks/nginx/recipes/default.rb": "package 'nginx'\n"}
    excluded = _excluded_by_init(tmp_path / "agno", files, tmp_path / "rules")
    assert excluded("cookbook/06_storage/postgres/postgres_for_team.py")
    assert not excluded("cookbooks/nginx/recipes/default.rb") and not excluded("libs/agno/agno/team.py")
    # equinor's fusion-framework: `cookbooks/app-*`, 20 apps showing the framework (its #1 their `index.ts`)
    fusion = {"packages/react/app/package.json": "{}\n", "packages/react/app/src/index.ts": "export const app = 1;\n",
              "cookbooks/app-react/package.json": "{}\n", "cookbooks/app-react/src/index.ts": "export default 1;\n"}
    assert _excluded_by_init(tmp_path / "fusion", fusion, tmp_path / "fusion-rules")("cookbooks/app-react/src/index.ts")
    # Tandoor's `cookbook/` is its Django app, the whole back end (398 files)
    tandoor = {"manage.py": "", "cookbook/__init__.py": "", "cookbook/apps.py": "class CookbookConfig:\n    pass\n",
               "cookbook/views/api.py": "def recipes(request):\n    return request\n"}
    assert not _excluded_by_init(tmp_path / "tandoor", tandoor, tmp_path / "tandoor-rules")("cookbook/views/api.py")


def test_init_excludes_airflow_providers_example_dags(tmp_path):
    """astronomer-providers: each provider's `example_dags/`, 67 DAGs showing its operators, each
    with its own copy of `check_dag_status` (17 copies): its only proposal."""
    files = {"setup.cfg": "", "astronomer/providers/amazon/aws/hooks/batch.py": "def submit(job):\n    return job\n",
             "astronomer/providers/amazon/aws/example_dags/example_batch.py": "def check_dag_status(**kwargs):\n    pass\n",
             "astronomer/providers/google/cloud/hooks/gcs.py": "def upload(blob):\n    return blob\n"}
    excluded = _excluded_by_init(tmp_path / "providers", files, tmp_path / "rules")
    assert excluded("astronomer/providers/amazon/aws/example_dags/example_batch.py")
    assert not excluded("astronomer/providers/amazon/aws/hooks/batch.py")


def test_init_reads_the_fleets_inside_a_fleet_of_a_few_editions(tmp_path):
    """passbolt: `plugins/*` is its editions, `PassboltCe` and `PassboltEe`, each a folder of
    CakePHP plugins (27 and 13): read as two packages, its plugins' copied email redactors had
    been one package's; their plugins are the fleets, the editions stay for their own files."""
    files = {"composer.json": "{}\n", "src/Application.php": "<?php\nclass Application {}\n"}
    for edition, plugins in (("PassboltCe", 12), ("PassboltEe", 10)):
        for n in range(plugins):
            files[f"plugins/{edition}/Plugin{n}/src/Plugin.php"] = f"<?php\nclass Plugin{n} {{}}\n"
            files[f"plugins/{edition}/Plugin{n}/src/Service/Thing.php"] = f"<?php\nclass Thing{n} {{}}\n"
    done, fleet_rules = _init(tmp_path / "passbolt", files, tmp_path / "rules")
    assert {"plugins/PassboltCe/*", "plugins/PassboltEe/*"} <= set(fleet_rules["subsystems"]), done.stderr


def test_init_excludes_codelabs_and_showcases(tmp_path):
    """litho: `codelabs/*`, eleven guided tutorials' apps, each copying one `ClockDrawable.kt`:
    its first proposal. CopilotKit: `showcase/integrations/*`, 22 apps each showing the library
    with one agent framework, each with its copied shadcn components (`components/ui/select.tsx`
    x 21): its first forty proposals."""
    files = {"settings.gradle": ""}
    for app in ("ag2", "agno", "crewai"):
        files[f"showcase/integrations/{app}/package.json"] = "{}"
        files[f"showcase/integrations/{app}/src/components/ui/select.tsx"] = "export const Select = () => 1;\n"
    for lab in ("layout-spec", "mount-spec", "textinput-keyboard", "events", "props", "state"):
        files[f"codelabs/{lab}/build.gradle"] = ""
        files[f"codelabs/{lab}/app/src/main/java/com/facebook/litho/codelab/ClockDrawable.kt"] = "class ClockDrawable\n"
    for module in ("litho-core", "litho-widget", "litho-sections"):
        files[f"{module}/build.gradle"] = ""
        files[f"{module}/src/main/java/com/facebook/litho/{module.replace('-', '')}/Thing.kt"] = "class Thing\n"
    excluded = _excluded_by_init(tmp_path / "litho", files, tmp_path / "rules")
    assert excluded("codelabs/mount-spec/app/src/main/java/com/facebook/litho/codelab/ClockDrawable.kt")
    assert excluded("showcase/integrations/agno/src/components/ui/select.tsx")
    assert not excluded("litho-core/src/main/java/com/facebook/litho/lithocore/Thing.kt")


def test_init_excludes_folders_of_tests_support_named_in_double_underscores(tmp_path):
    """neo-one: each package's `src/__data__/`, the data its `__tests__/` read (its #1 after the
    course was kept out: three packages' copies of `__data__/data.ts`); Jest's way of naming a
    test's folders, `__test-utils__`, `__other_tests__`, `__testfixtures__`. A double-underscored
    folder of another word is code (`__external__` translations, a CLI's `__template__`)."""
    files = {"package.json": "{}"}
    for package in ("client-common", "client-core", "node"):
        files[f"packages/{package}/package.json"] = "{}"
        files[f"packages/{package}/src/__data__/data.ts"] = "export const data = {};\n"
        files[f"packages/{package}/src/index.ts"] = "export const x = 1;\n"
    files["packages/node/src/__test-utils__/wait.ts"] = "export const wait = () => 1;\n"
    files["packages/node/src/__other_tests__/ledger.ts"] = "export const t = 1;\n"
    files["packages/cli/package.json"] = "{}"
    files["packages/cli/src/__template__/index.ts"] = "export const x = 1;\n"
    excluded = _excluded_by_init(tmp_path / "neo-one", files, tmp_path / "rules")
    assert excluded("packages/client-core/src/__data__/data.ts")
    assert excluded("packages/node/src/__test-utils__/wait.ts")
    assert excluded("packages/node/src/__other_tests__/ledger.ts")
    assert not excluded("packages/cli/src/__template__/index.ts")
    assert not excluded("packages/node/src/index.ts")


def test_init_excludes_the_handlers_goctl_writes_beside_its_routes(tmp_path):
    """zero-admin: go-zero's `internal/handler/**`, 331 handlers goctl writes from the `.api` files
    (parse the request, call the logic, write the answer), only their `routes.go` saying so: their
    copies had been its first proposal. A `handler/` whose routes are written by hand is code."""
    routes = "// Code generated by goctl. DO NOT EDIT.\n// goctl 1.10.2\n\npackage handler\n"
    files = {"go.mod": "module example.com/admin\n", "api/admin/doc/admin.api": "syntax = \"v1\"\n",
             "api/admin/internal/handler/routes.go": routes,
             "web/internal/handler/routes.go": "package handler\n\nfunc Register() {}\n",
             "web/internal/handler/user.go": "package handler\n\nfunc User() {}\n"}
    for group in ("pms", "cms", "sms"):
        files[f"api/admin/internal/handler/{group}/addhandler.go"] = f"package {group}\n\nfunc AddHandler() {{}}\n"
        files[f"api/admin/internal/logic/{group}/addlogic.go"] = f"package {group}\n\nfunc Add() {{}}\n"
    excluded = _excluded_by_init(tmp_path / "zero-admin", files, tmp_path / "rules")
    assert excluded("api/admin/internal/handler/pms/addhandler.go")
    assert not excluded("api/admin/internal/logic/pms/addlogic.go")
    assert not excluded("web/internal/handler/user.go")


def test_init_excludes_the_codegen_folders_telescope_writes_for_the_packages_using_it(tmp_path):
    """agoric-sdk: `packages/cosmic-proto/src/codegen/`, 281 modules Telescope writes from the
    protobuf files (no banner in them but `//@ts-nocheck`), whose copied `encode` and `decode` had
    been its first three proposals; dao-dao-ui: `packages/types/protobuf/codegen/`, where its
    `protobuf/scripts/codegen.js` points Telescope (`outPath = join(__dirname, '../codegen')`), its
    first 44. The script, the packages' own code and the `src/codegen/` of a package using no
    Telescope stay (a code generator's own code as often: postgres-language-server's lexer's)."""
    files = {"package.json": '{"private": true, "workspaces": ["packages/*"]}\n',
             "packages/cosmic-proto/package.json": '{"devDependencies": {"@hyperweb/telescope": "^2.2.1"}}\n',
             "packages/cosmic-proto/src/index.ts": "export const version = 1;\n",
             "packages/types/package.json": '{"devDependencies": {"@cosmology/telescope": "^1.8.3"}}\n',
             "packages/types/index.ts": "export * from './contracts';\n",
             "packages/types/protobuf/scripts/codegen.js": "const outPath = join(__dirname, '../codegen');\n",
             "packages/generator/package.json": '{"name": "@agoric/generator"}\n',
             "packages/generator/src/codegen/emit.ts": "export function emit() { return 1; }\n"}
    for module in ("bank", "staking", "gov"):
        for output in ("packages/cosmic-proto/src/codegen", "packages/types/protobuf/codegen"):
            files[f"{output}/cosmos/{module}/v1beta1/tx.ts"] = (
                f"//@ts-nocheck\nexport const {module}Msg = {{ decode() {{ return 1; }} }};\n")
    excluded = _excluded_by_init(tmp_path / "cosmos-apps", files, tmp_path / "rules")
    assert excluded("packages/cosmic-proto/src/codegen/cosmos/bank/v1beta1/tx.ts")
    assert excluded("packages/types/protobuf/codegen/cosmos/bank/v1beta1/tx.ts")
    assert not excluded("packages/cosmic-proto/src/index.ts") and not excluded("packages/types/index.ts")
    assert not excluded("packages/types/protobuf/scripts/codegen.js")
    assert not excluded("packages/generator/src/codegen/emit.ts")


def test_init_excludes_the_folders_an_asn1_compiler_writes_for_the_modules_beside_it(tmp_path):
    """asn1-typescript-libraries: 14,011 `.ta.mts` files an ASN.1 compiler wrote, one folder per
    module the packages' `doc/*.asn1` define (`RTABapdu.ta.mts` x 4, its first proposal), no
    banner in them. A folder named for no module defined there (`src/utils/`) is code."""
    spec = ("-- Module Reliable-Transfer-APDU (X.228:11/1988)\nReliable-Transfer-APDU {joint-iso-itu-t\n"
            "  reliable-transfer(3) apdus(0)}\n-- a comment naming { braces }\nDEFINITIONS ::=\nBEGIN\nEND\n")
    files = {"package.json": "{}", "packages/rtse/package.json": "{}",
             "packages/rtse/doc/rtse.asn1": spec, "packages/x400/package.json": "{}",
             "packages/x400/doc/modules/access.asn1": "MSAccessProtocol DEFINITIONS ::= BEGIN END\n"}
    for name in ("RTABapdu", "RTORQapdu", "RTTPapdu"):
        code = f"export class {name} {{ constructor(readonly reason: number) {{}} }}\n"
        files[f"packages/rtse/src/lib/modules/Reliable-Transfer-APDU/{name}.ta.mts"] = code
        files[f"packages/x400/src/lib/modules/MSAccessProtocol/{name}.ta.mts"] = code
        files[f"packages/x400/src/utils/{name.lower()}.mts"] = f"export function {name.lower()}() {{}}\n"
    excluded = _excluded_by_init(tmp_path / "asn1", files, tmp_path / "rules")
    assert excluded("packages/rtse/src/lib/modules/Reliable-Transfer-APDU/RTABapdu.ta.mts")
    assert excluded("packages/x400/src/lib/modules/MSAccessProtocol/RTTPapdu.ta.mts")
    assert not excluded("packages/x400/src/utils/rtabapdu.mts")


def test_init_excludes_a_behat_suite(tmp_path):
    """ezplatform-admin-ui: `src/lib/Behat/`, its Behat suite's contexts, pages and field
    components (their copied `getValue` x 20 had been its first proposal); Sylius keeps 652 files
    in `src/Sylius/Behat/`."""
    files = {"composer.json": "{}"}
    for field in ("Checkbox", "Date", "Url"):
        files[f"src/lib/Behat/Component/Fields/{field}.php"] = f"<?php\nclass {field} {{ }}\n"
    for part in ("Form", "Menu", "Tab"):
        files[f"src/lib/{part}/{part}.php"] = f"<?php\nclass {part} {{ }}\n"
    excluded = _excluded_by_init(tmp_path / "admin-ui", files, tmp_path / "rules")
    assert excluded("src/lib/Behat/Component/Fields/Date.php")
    assert not excluded("src/lib/Form/Form.php")


def test_init_excludes_a_bazel_java_test_tree(tmp_path):
    """device-infra: Bazel's `src/javatests/`, Google's tree of Java tests mirroring
    `src/java/`'s packages (780 files; four button builders' tests' copied `setUp` had been its
    first proposal). The code it tests stays."""
    files = {"WORKSPACE": "", "src/java/com/x/BUILD": ""}
    for name in ("Logcat", "Prepare", "Screenshot"):
        files[f"src/java/com/x/{name}Builder.java"] = f"package com.x;\nclass {name}Builder {{ }}\n"
        files[f"src/javatests/com/x/{name}BuilderTest.java"] = f"package com.x;\nclass {name}BuilderTest {{ }}\n"
    excluded = _excluded_by_init(tmp_path / "device-infra", files, tmp_path / "rules")
    assert excluded("src/javatests/com/x/LogcatBuilderTest.java")
    assert not excluded("src/java/com/x/LogcatBuilder.java")


def test_init_excludes_go_test_doubles_named_for_mocks(tmp_path):
    """united-manufacturing-hub: each service's `mock.go`, a hand-written test double other
    packages' tests import (so no `_test.go`): their copied `GetServiceState` x 6 had been its
    first proposal; `mock_*.go`, `*_mock.go` so too. A Go file naming a mock otherwise is code."""
    files = {"umh-core/go.mod": "module umh\n"}
    for service in ("benthos", "connection", "nmap"):
        files[f"umh-core/pkg/service/{service}/mock.go"] = "package x\n\nfunc (m *Mock) GetServiceState() {}\n"
        files[f"umh-core/pkg/service/{service}/{service}.go"] = "package x\n\nfunc Run() {}\n"
    files["umh-core/pkg/list/mock_utils.go"] = "package list\n"
    files["umh-core/pkg/http/server_mock.go"] = "package http\n"
    files["umh-core/pkg/http/mockserver.go"] = "package http\n"
    excluded = _excluded_by_init(tmp_path / "umh", files, tmp_path / "rules")
    assert excluded("umh-core/pkg/service/nmap/mock.go")
    assert excluded("umh-core/pkg/list/mock_utils.go") and excluded("umh-core/pkg/http/server_mock.go")
    assert not excluded("umh-core/pkg/service/nmap/nmap.go") and not excluded("umh-core/pkg/http/mockserver.go")


def test_init_excludes_retired_code(tmp_path):
    """ga-worldwind-suite: `Animator/obsolete/`, retired layers outside any source folder, whose
    copies of `Common`'s tiles were among its first proposals' instances; an `attic/` so too."""
    files = {"pom.xml": ""}
    for module in ("Common", "Animator", "Viewer"):
        files[f"{module}/pom.xml"] = ""
        files[f"{module}/src/main/java/au/gov/ga/{module.lower()}/Tile.java"] = "class Tile {}\n"
    files["Animator/obsolete/au/gov/ga/animator/OldTile.java"] = "class OldTile {}\n"
    files["Viewer/attic/au/gov/ga/viewer/OldView.java"] = "class OldView {}\n"
    excluded = _excluded_by_init(tmp_path / "worldwind", files, tmp_path / "rules")
    assert excluded("Animator/obsolete/au/gov/ga/animator/OldTile.java")
    assert excluded("Viewer/attic/au/gov/ga/viewer/OldView.java")
    assert not excluded("Animator/src/main/java/au/gov/ga/animator/Tile.java")


def test_init_excludes_an_archive_repeating_the_folders_beside_it(tmp_path):
    """beefy-contracts: `contracts/archive/` holds the strategies retired out of `contracts/BIFI/`,
    in the same folders (`strategies/Aave`, `strategies/Curve`, `interfaces/common` …): 202 archived
    strategies' `withdraw` had been its first proposal. defisaver's root `deprecated/` repeats the
    root's own `contracts/utils` …. A feature named `archive`, its `components/` and `hooks/` like
    every feature's, is code."""
    files = {"package.json": "{}"}
    for place in ("strategies/Aave", "strategies/Curve", "strategies/Common", "interfaces/common"):
        files[f"contracts/BIFI/{place}/Current.sol"] = "contract Current {}\n"
        files[f"contracts/archive/{place}/Old.sol"] = "contract Old {}\n"
    for place in ("contracts/utils", "contracts/checkers", "contracts/triggers"):
        files[f"{place}/Live.sol"] = "contract Live {}\n"
        files[f"deprecated/{place}/Gone.sol"] = "contract Gone {}\n"
    for feature in ("archive", "inbox", "search"):
        files[f"web/features/{feature}/components/List.tsx"] = "export const List = () => null;\n"
        files[f"web/features/{feature}/hooks/use{feature.title()}.ts"] = "export const use = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "vaults", files, tmp_path / "rules")
    assert excluded("contracts/archive/strategies/Aave/Old.sol")
    assert excluded("deprecated/contracts/utils/Gone.sol")
    assert not excluded("contracts/BIFI/strategies/Aave/Current.sol") and not excluded("contracts/utils/Live.sol")
    assert not excluded("web/features/archive/components/List.tsx")


def test_init_excludes_a_tutorial_s_numbered_steps_holding_the_same_files(tmp_path):
    """neo-one: a course's lessons, `courses/0-tokenomics/0-token/0-contracts/`, `1-properties/` …,
    each holding the contract as of that step (`one/contracts/Token.one.ts`): its first three
    proposals were the lessons' copies of one token. Numbered folders holding different code (a
    service's stages `1-ingest/`, `2-enrich/`, `3-publish/`) are code."""
    files = {"package.json": "{}"}
    for step in ("0-contracts", "1-properties", "2-storage", "3-events"):
        files[f"packages/site/courses/0-token/{step}/lesson.md"] = "# a lesson\n"
        files[f"packages/site/courses/0-token/{step}/one/contracts/Token.one.ts"] = "export class Token {}\n"
        files[f"packages/site/courses/0-token/{step}/one/tests/Token.test.ts"] = "test('t', () => 1);\n"
    for stage in ("1-ingest", "2-enrich", "3-publish"):
        files[f"packages/flow/src/{stage}/{stage[2:]}.ts"] = "export const run = () => 1;\n"
    for package in ("site", "flow", "core"):
        files[f"packages/{package}/package.json"] = "{}"
        files[f"packages/{package}/src/index.ts"] = "export const x = 1;\n"
    excluded = _excluded_by_init(tmp_path / "neo-one", files, tmp_path / "rules")
    assert excluded("packages/site/courses/0-token/2-storage/one/contracts/Token.one.ts")
    assert not excluded("packages/site/src/index.ts")
    assert not excluded("packages/flow/src/2-enrich/enrich.ts")


def test_init_keeps_a_books_last_chapter_where_its_chapters_are_the_repository(tmp_path):
    """eda-with-golang: a book's code, `ch3/` to `ch13/` at the top, each chapter the one before
    and a change; its first proposals had been the chapters' copies of one another. The last
    chapter is the code as the book ends: it alone is read. Top folders numbered as stages,
    holding different code, are all read."""
    files = {"README.md": "# the book's code\n"}
    for chapter in range(3, 8):
        for service in ("baskets", "depot", "ordering"):
            files[f"ch{chapter}/{service}/module.go"] = f"package {service}\n\nfunc Startup() int {{ return {chapter} }}\n"
            files[f"ch{chapter}/{service}/internal/app.go"] = f"package internal\n\nfunc Run() int {{ return {chapter} }}\n"
    excluded = _excluded_by_init(tmp_path / "book", files, tmp_path / "rules")
    assert excluded("ch3/depot/module.go") and excluded("ch6/ordering/internal/app.go")
    assert not excluded("ch7/depot/module.go")
    stages = {f"{n}-{name}/{name}.go": f"package {name}\n\nfunc Run() int {{ return {n} }}\n"
              for n, name in enumerate(("ingest", "enrich", "publish", "archive"), start=1)}
    assert not _excluded_by_init(tmp_path / "stages", stages, tmp_path / "stages-rules")("2-enrich/enrich.go")


def test_init_excludes_javascript_compiled_from_a_sibling_folder_and_reads_a_dotted_folder(tmp_path):
    """ethers: `lib.commonjs/` and `lib.esm/`, the JavaScript its `src.ts/` compiles to, committed
    beside it (1,464 files): each provider read three times, its `lib.commonjs` copy the first
    proposal; and `src.ts`, a folder whose name reads as a file type, had been read by no
    subsystem. A folder of JavaScript most of which has no TypeScript source beside it stays."""
    files = {"package.json": '{"main": "./lib.commonjs/index.js"}\n'}
    for n in range(12):
        files[f"src.ts/providers/provider-{n}.ts"] = f"export class P{n} {{ run() {{ return {n}; }} }}\n"
        for build in ("lib.commonjs", "lib.esm"):
            files[f"{build}/providers/provider-{n}.js"] = f"class P{n} {{ run() {{ return {n}; }} }}\n"
    files["src.ts/index.ts"] = "export * from './providers/provider-0';\n"
    for n in range(30):  # the library's own code, which no fleet holds
        files[f"src.ts/{('abi', 'address', 'crypto', 'hash', 'transaction', 'wallet')[n % 6]}/part-{n}.ts"] = \
            f"export const part{n} = () => {n};\n"
    for n in range(12):
        files[f"scripts/tool-{n}.js"] = f"module.exports = {n};\n"
    # its compiled entry requires each folder's index, as a registry would: excluded, no package
    for build in ("lib.commonjs", "lib.esm"):
        files[f"{build}/ethers.js"] = "".join(f'const f{n}_1 = require("./folder{n}/index.js");\n'
                                              for n in range(12)) + "// the exports\n" * 700
        files.update({f"{build}/folder{n}/index.js": f"exports.f{n} = {n};\n" for n in range(12)})
        files.update({f"src.ts/folder{n}/index.ts": f"export const f{n} = {n};\n" for n in range(12)})
    done, fleet_rules = _init(tmp_path / "ethers", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("lib.commonjs/providers/provider-1.js") and excluded("lib.esm/providers/provider-1.js")
    assert not excluded("src.ts/providers/provider-1.ts") and not excluded("scripts/tool-1.js")
    assert "src.ts/" in fleet_rules["subsystems"], done.stderr
    assert not any(glob.startswith("lib.") for glob in fleet_rules["subsystems"]), done.stderr
    scan = radar("scan", "--repo", tmp_path / "ethers", "--rules", tmp_path / "rules", "--out", tmp_path / "out",
                 "--no-cache", cwd=tmp_path)
    assert scan.returncode == 0 and "55 files" in scan.stderr.split("\n")[0], scan.stderr


def test_init_reads_a_repository_of_quickstarts_as_samples_and_names_no_tools_folder(tmp_path):
    """quarkus-quickstarts: 107 `*-quickstart` apps, each its own Maven build, copied from one
    another on purpose (22 near-gate entries, all such copies), and `getting-started*` guides; what
    is left is the CI's scripts, no package to name."""
    files = {".github/scripts/check.py": "def check():\n    return 1\n"}
    for name in ("kafka-quickstart", "amqp-quickstart", "redis-quickstart", "getting-started", "getting-started-async"):
        files[f"{name}/pom.xml"] = "<project/>\n"
        files[f"{name}/src/main/java/org/acme/Resource.java"] = "package org.acme;\n\nclass Resource {}\n"
    done, fleet_rules = _init(tmp_path / "samples", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == [] and "none found" in done.stderr and ".github" not in done.stderr
    assert {"**/*-quickstart/**", "**/getting-started*/**"} <= set(fleet_rules["exclude"])
    # jkube: a folder of quickstarts, `quickstarts/kit/helm/…` (their copied `getProjectDir`)
    jkube = {"jkube-kit/common/pom.xml": "<project/>\n",
             "jkube-kit/common/src/main/java/org/jkube/Common.java": "class Common {}\n",
             "quickstarts/kit/helm/pom.xml": "<project/>\n",
             "quickstarts/kit/helm/src/main/java/org/jkube/quickstart/Main.java": "class Main {}\n"}
    excluded = _excluded_by_init(tmp_path / "jkube", jkube, tmp_path / "jkube-rules")
    assert excluded("quickstarts/kit/helm/src/main/java/org/jkube/quickstart/Main.java")
    assert not excluded("jkube-kit/common/src/main/java/org/jkube/Common.java")


def test_init_keeps_the_root_packages_own_code_beside_tool_packages_at_the_top(tmp_path):
    """phpstan: five tools with a composer.json each (`compiler/`, `issue-bot/`…) made `*`, and
    `src/`, the root package's 1,292 files, was excluded as "not a package". helix's `runtime/`,
    tree-sitter queries beside its Rust crates, stays out."""
    files = {"composer.json": "{}"}
    for tool in ("compiler", "issue-bot", "apigen", "build-cs", "changelog-generator"):
        files[f"{tool}/composer.json"] = "{}"
        files[f"{tool}/src/Tool.php"] = "<?php\nclass Tool {}\n"
    for n in range(12):
        files[f"src/Rules/Rule{n}.php"] = f"<?php\nclass Rule{n} {{}}\n"
    done, fleet_rules = _init(tmp_path / "php-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"] and "src/**" not in fleet_rules["exclude"], done.stderr

    files = {"Cargo.toml": "[workspace]\n"}
    for crate in ("helix-core", "helix-view", "helix-term"):
        files[f"{crate}/Cargo.toml"] = "[package]\n"
        files[f"{crate}/src/lib.rs"] = "pub fn f() {}\n"
    for n in range(12):
        files[f"runtime/queries/lang{n}/highlights.scm"] = "(identifier) @variable\n"
    _, fleet_rules = _init(tmp_path / "rust-repo", files, tmp_path / "rust-rules")
    assert "runtime/**" in fleet_rules["exclude"]
    # echarts: its TypeScript `src/` beside JavaScript packages of locales and themes, one family
    files = {"package.json": "{}"}
    for package in ("i18n", "theme", "extension"):
        files[f"{package}/package.json"] = "{}"
        files[f"{package}/{package}.js"] = "module.exports = {};\n"
    files.update({f"src/model/Model{n}.ts": f"export class Model{n} {{}}\n" for n in range(12)})
    done, fleet_rules = _init(tmp_path / "ts-repo", files, tmp_path / "ts-rules")
    assert "src/**" not in fleet_rules["exclude"], done.stderr


def test_init_finds_gems_named_by_their_gemspec_and_leaves_out_the_other_top_folders(tmp_path):
    """rails: actionpack/actionpack.gemspec and eleven more at the top, one Gemfile for all;
    `tools/` and `.github/` hold code but are no gem, so no subsystem."""
    files = {"Gemfile": "source 'https://rubygems.org'\n", "tools/release.rb": "def release\nend\n",
             ".github/check.rb": "def check\nend\n"}
    for name in ("actionpack", "activerecord", "activesupport"):
        files[f"{name}/{name}.gemspec"] = "Gem::Specification.new\n"
        files[f"{name}/lib/{name}.rb"] = f"module {name.title()}\nend\n"
    _, fleet_rules = _init(tmp_path / "gems-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"]
    assert {"tools/**", ".github/**"} <= set(fleet_rules["exclude"])  # code at the top, no gem
    assert not any(glob.startswith("action") for glob in fleet_rules["exclude"])


def test_init_excludes_the_bundles_a_package_ships_but_not_its_source(tmp_path):
    """rails commits rollup's output (`app/assets/javascripts/actiontext.js`, the package's main
    and module) beside its source; a package whose main is under `src/` ships it as written."""
    files = {"Gemfile": "", "actiontext/actiontext.gemspec": "", "activestorage/activestorage.gemspec": "",
             "actiontext/rollup.config.js": "export default {};\n",
             "actiontext/package.json": json.dumps({"main": "app/assets/javascripts/actiontext.js",
                                                    "module": "./app/assets/javascripts/actiontext.esm.js"}),
             "actiontext/app/assets/javascripts/actiontext.js": "function start() { return 1; }\n",
             "actiontext/app/assets/javascripts/actiontext.esm.js": "export function start() { return 1; }\n",
             "actiontext/app/javascript/index.js": "export function start() { return 1; }\n",
             "activestorage/vite.config.ts": "export default {};\n",
             "activestorage/package.json": json.dumps({"main": "src/index.js"}),
             "activestorage/src/index.js": "export const a = 1;\n"}
    excluded = _excluded_by_init(tmp_path / "bundles-repo", files, tmp_path / "rules")
    assert excluded("actiontext/app/assets/javascripts/actiontext.js")
    assert excluded("actiontext/app/assets/javascripts/actiontext.esm.js")
    assert not excluded("actiontext/app/javascript/index.js") and not excluded("activestorage/src/index.js")


def test_init_never_reads_a_manifest_through_a_symlink_out_of_the_tree(tmp_path):
    """A tracked package.json that links out of the tree names no build output: it is not read."""
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps({"main": "dist/bundle.js"}))
    repo = tmp_path / "linked-repo"
    repo.mkdir()
    (repo / "web").mkdir()
    (repo / "web/package.json").symlink_to(outside)
    write(repo, {"web/rollup.config.js": "export default {};\n", "web/dist/bundle.js": "export const a = 1;\n"})
    git(repo, "init", "-q")
    commit_all(repo, "linked")
    done = radar("init", "--repo", repo, "--rules", tmp_path / "rules")
    assert done.returncode == 0, done.stderr
    assert "dist/bundle.js" not in (tmp_path / "rules" / "radar.yaml").read_text()


def test_init_finds_php_components_by_composer_json_dotnet_projects_by_csproj_and_swift_packages(tmp_path):
    """laravel: src/Illuminate/<Component>/composer.json, one composer.json at the top for all;
    a .NET solution: src/<Project>/<Project>.csproj; Swift packages by their Package.swift."""
    files = {"composer.json": "{}\n", "tests/Support/StrTest.php": "<?php\nclass StrTest {}\n"}
    for name in ("Support", "Routing", "Mail"):
        files[f"src/Illuminate/{name}/composer.json"] = "{}\n"
        files[f"src/Illuminate/{name}/{name}.php"] = f"<?php\nnamespace Illuminate\\{name};\nclass {name} {{}}\n"
    done, fleet_rules = _init(tmp_path / "php-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/Illuminate/*"] and "src/Illuminate/* (3 packages)" in done.stderr
    scan = radar("scan", "--repo", tmp_path / "php-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "3 subsystems, 3 files" in scan.stderr, scan.stderr

    files = {"Orders.sln": "\n"}
    for name in ("Orders.Core", "Orders.Data", "Orders.Api"):
        files[f"src/{name}/{name}.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\" />\n"
        files[f"src/{name}/Program.cs"] = f"namespace {name};\nclass Program {{ }}\n"
    done, fleet_rules = _init(tmp_path / "dotnet-repo", files, tmp_path / "dotnet-rules")
    assert fleet_rules["subsystems"] == ["src/*"] and "src/* (3 packages)" in done.stderr

    files = {}  # a Swift monorepo of packages, each its own Package.swift
    for name in ("Networking", "Storage", "Analytics"):
        files[f"Packages/{name}/Package.swift"] = "import PackageDescription\n"
        files[f"Packages/{name}/Sources/{name}/{name}.swift"] = f"public struct {name} {{}}\n"
    done, fleet_rules = _init(tmp_path / "swift-repo", files, tmp_path / "swift-rules")
    assert fleet_rules["subsystems"] == ["Packages/*"] and "Packages/* (3 packages)" in done.stderr


def test_init_finds_conan_recipes_and_leaves_out_their_test_packages_and_test_setup_files(tmp_path):
    """conan-center-index: recipes/<name>/all/conanfile.py, each with a test_package of its own;
    a JS package's vitest `test-setup.ts` is a test runner's, not the package's code; a Rust
    crate's `tests.rs` holds its unit tests; Django's migrations are frozen history."""
    files = {}
    for name in ("zlib", "boost", "fmt"):
        files[f"recipes/{name}/config.yml"] = "versions: {}\n"
        files[f"recipes/{name}/all/conanfile.py"] = f"class {name.title()}Conan:\n    name = '{name}'\n"
        files[f"recipes/{name}/all/test_package/conanfile.py"] = "class TestPackageConan:\n    pass\n"
        files[f"recipes/{name}/all/test_package/test_package.c"] = "int main(void) { return 0; }\n"
    files["web/package.json"] = "{}\n"
    files["web/test-setup.ts"] = "export const setup = 1;\n"
    files["web/icons/setup-test.ts"] = "export const setup = 2;\n"
    files["web/vitestSetup.ts"] = "export const setup = 3;\n"  # BlockNote's seven, its first proposal
    files["web/jest-setup.ts"] = "export const setup = 4;\n"  # depmap-portal's four, its first proposal
    files["web/setup-jest.ts"] = "export const setup = 5;\n"  # jest-preset-angular's name
    files["web/jest-environment-jsdom-fix.js"] = "export default class Env {}\n"  # daohaus' three, its #1
    # C++ tests named before what they test, beside the code: sil-kit's `Test_CanControllerConfig.cpp`
    # x 4 (its first proposal), Qt's `tst_qstring.cpp`, `test_parser.c`
    files["can/Test_CanControllerConfig.cpp"] = "TEST(Can, Config) { EXPECT_TRUE(true); }\n"
    files["core/tst_qstring.cpp"] = "void tst_QString::append() {}\n"
    files["parse/test_parser.c"] = "int main(void) { return 0; }\n"
    files["parse/testament.c"] = "int testament(void) { return 0; }\n"
    # langfuse: jest projects' `*.clienttest.tsx` and Storybook's stories (a copied fixture its #1)
    files["web/Badge.clienttest.tsx"] = "export const series = () => 1;\n"
    files["web/Badge.stories.tsx"] = "export const Default = () => 1;\n"
    # Figma's Code Connect: each component's snippet for the design tool (spirit-design-system's 51
    # `*.figma.tsx`, four form fields' its one proposal; metamask-design-system's 56)
    files["web/figma/TextArea.figma.tsx"] = "figma.connect(TextArea, 'url', { props: {} });\n"
    # an `integration/` folder holding its `test/` and what the tests set up beside it (Moralis-JS-SDK's
    # five packages' `integration/setup.ts`, their first proposal); an `integration/` of code stays
    files["web/integration/setup.ts"] = "export function setupAuth() { return 1; }\n"
    files["web/integration/test/auth.test.ts"] = "it('signs', () => 1);\n"
    files["app/integration/slack.ts"] = "export const post = () => 1;\n"
    # reka-ui: Histoire's stories, and the folder holding them with the dummies they render; a
    # news app's `stories/` is code
    files["packages/core/src/DatePicker/story/DatePicker.story.vue"] = "<template><div/></template>\n"
    files["packages/core/src/DatePicker/story/_DummyDatePicker.vue"] = "<template><div/></template>\n"
    files["packages/core/src/Label/Label.story.vue"] = "<template><div/></template>\n"
    files["app/stories/feed.py"] = "def feed():\n    return 1\n"
    files["web/Anthropic.vitest.ts"] = "export const calls = () => 1;\n"  # continue's vitest files
    files["web/evals/ask_user.eval.ts"] = "export const asks = () => 1;\n"  # gemini-cli's model evaluations
    files["web/useSignMessage.test-d.ts"] = "export const typed = () => 1;\n"  # wagmi's vitest type tests
    files["web/accounts_tests.js"] = "export const signs = () => 1;\n"  # a Meteor package's (meteor's 118)
    files["web/autocomplete_test.js"] = "export const types = () => 1;\n"  # beside the code (ace's 95)
    files["web/CertificateList.cy.ts"] = "export const intercepts = () => 1;\n"  # Cypress' (Kong's 152)
    files["web/ContentParentFeed.tests.js"] = "export const feeds = () => 1;\n"  # apollos-apps' 159
    files["web/person.repo.integration-spec.ts"] = "export const persons = () => 1;\n"  # NestJS' (dbildungs-iam's 54)
    files["web/app.e2e-spec.ts"] = "export const boots = () => 1;\n"
    files["eth/dm9051/test_apps/conftest.py"] = "def dut():\n    return 1\n"  # ESP-IDF's test apps
    files["eth/eth_test_app/main/esp_eth_test.c"] = "int test(void) { return 1; }\n"  # and a shared one
    files["rdkit/Chem/UnitTestLipinski.py"] = "def data():\n    return 1\n"  # RDKit's 97, beside the code
    files["go/domain/UnitTestReportGenerator.java"] = "class UnitTestReportGenerator {}\n"  # gocd's code
    files["mac/Pods/Sentry/Sources/Hub.swift"] = "struct Hub {}\n"  # CocoaPods' (hammerspoon's 1,312 files)
    files["include/pear/Net/DNS2/RR/A.php"] = "<?php class Net_DNS2_RR_A {}\n"  # PEAR's (osTicket's)
    files["mac/ThirdParty/NMSSH/NMSession.m"] = "@implementation NMSession\n@end\n"  # iTerm2's
    # a chip vendor's library copied beside each chip's own code: Silicon Labs' emlib and Arm's CMSIS
    # (Sub-IoT-Stack's three chips' `emlib/src/em_ebi.c` …: 101 of its 130 proposals)
    files["hal/chips/efm32gg/emlib/src/em_ebi.c"] = "void EBI_Init(void) {}\n"
    files["hal/chips/efm32gg/CMSIS/Include/core_cm3.h"] = "#define __CM3_REV 0x0201\n"
    for name in ("next-app", "nest-app"):  # try-it-out apps: no fleet
        files[f"playground/{name}/package.json"] = "{}\n"
        files[f"playground/{name}/index.js"] = "export const app = 1;\n"
    files["shop/orders/__init__.py"] = ""
    files["shop/orders/migrations/0001_initial.py"] = "def forwards(apps, schema):\n    return 1\n"
    files["crates/nu-io/Cargo.toml"] = "[package]\n"
    files["crates/nu-io/src/tests.rs"] = "fn reads() {}\n"
    done, fleet_rules = _init(tmp_path / "conan-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["recipes/*"] and "recipes/* (3 packages)" in done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("recipes/zlib/all/test_package/conanfile.py") and excluded("web/test-setup.ts")
    assert excluded("crates/nu-io/src/tests.rs") and excluded("web/icons/setup-test.ts")
    assert excluded("web/vitestSetup.ts") and excluded("web/jest-setup.ts") and excluded("web/setup-jest.ts")
    assert excluded("web/jest-environment-jsdom-fix.js")
    assert excluded("can/Test_CanControllerConfig.cpp") and excluded("core/tst_qstring.cpp")
    assert excluded("parse/test_parser.c") and not excluded("parse/testament.c")
    assert excluded("web/Badge.clienttest.tsx") and excluded("web/Badge.stories.tsx")
    assert excluded("web/figma/TextArea.figma.tsx")
    assert excluded("web/integration/setup.ts") and not excluded("app/integration/slack.ts")
    assert excluded("packages/core/src/DatePicker/story/_DummyDatePicker.vue")
    assert excluded("packages/core/src/Label/Label.story.vue") and not excluded("app/stories/feed.py")
    assert excluded("web/Anthropic.vitest.ts") and excluded("web/evals/ask_user.eval.ts")
    assert excluded("web/useSignMessage.test-d.ts") and excluded("web/accounts_tests.js")
    assert excluded("web/autocomplete_test.js") and excluded("rdkit/Chem/UnitTestLipinski.py")
    assert excluded("web/CertificateList.cy.ts") and excluded("eth/dm9051/test_apps/conftest.py")
    assert excluded("web/ContentParentFeed.tests.js") and excluded("web/person.repo.integration-spec.ts")
    assert excluded("web/app.e2e-spec.ts")
    assert excluded("eth/eth_test_app/main/esp_eth_test.c")
    assert not excluded("go/domain/UnitTestReportGenerator.java")
    assert excluded("mac/Pods/Sentry/Sources/Hub.swift") and excluded("include/pear/Net/DNS2/RR/A.php")
    assert excluded("mac/ThirdParty/NMSSH/NMSession.m")
    assert excluded("hal/chips/efm32gg/emlib/src/em_ebi.c") and excluded("hal/chips/efm32gg/CMSIS/Include/core_cm3.h")
    assert excluded("shop/orders/migrations/0001_initial.py")  # frozen history: copies on purpose
    assert not excluded("recipes/zlib/all/conanfile.py")


def test_init_finds_c_components_by_cmakelists_and_excludes_source_drops_named_for_a_release(tmp_path):
    """fluent-bit: plugins/<name>/CMakeLists.txt; lib/zstd-1.5.7 and lib/jansson-e23f558 are
    third-party drops (a version in the name and a license of their own), and so are the other
    folders beside them, `lib/cmetrics`, `lib/msgpack-c`: libraries it builds with; opentelemetry-java's
    instrumentation/jaxrs-2.0 is its own code for JAX-RS 2.0 (no license of its own)."""
    files = {"CMakeLists.txt": "project(fb)\n", "LICENSE": "Apache\n", "src/CMakeLists.txt": "\n"}
    for n in range(40):  # the core's own files: one library, never one package per file
        files[f"src/flb_part{n}.c"] = f"int flb_part{n}(void) {{ return {n}; }}\n"
    for name in ("in_tail", "out_http", "filter_grep"):
        files[f"plugins/{name}/CMakeLists.txt"] = "\n"
        files[f"plugins/{name}/{name}.c"] = f"int {name}_init(void) {{ return 0; }}\n"
    for name in ("zstd-1.5.7", "jansson-e23f558", "cmetrics", "msgpack-c"):  # the last two beside the releases
        files[f"lib/{name}/LICENSE"] = "BSD\n"
        files[f"lib/{name}/CMakeLists.txt"] = "\n"
        files[f"lib/{name}/src/{name[:4]}.c"] = "int vendored(void) { return 1; }\n"
    del files["lib/msgpack-c/LICENSE"]
    for name in ("jaxrs-2.0", "servlet-3.0"):
        files[f"instr/{name}/build.gradle.kts"] = "\n"
        files[f"instr/{name}/src/Advice.java"] = "class Advice {}\n"
    done, fleet_rules = _init(tmp_path / "c-repo", files, tmp_path / "rules")
    assert "plugins/*" in fleet_rules["subsystems"] and "instr/*" in fleet_rules["subsystems"]
    assert not any(glob.startswith("src/") for glob in fleet_rules["subsystems"])
    assert not any(glob.startswith("lib/") for glob in fleet_rules["subsystems"])
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("lib/zstd-1.5.7/src/zstd.c") and excluded("lib/jansson-e23f558/src/jans.c")
    assert excluded("lib/cmetrics/src/cmet.c") and excluded("lib/msgpack-c/src/msgp.c")
    assert not excluded("instr/jaxrs-2.0/src/Advice.java")


def test_init_keeps_a_folder_the_repositorys_tests_test_among_the_libraries_a_web_app_serves(tmp_path):
    """aodn-portal: `web-app/js/` serves ExtJS, OpenLayers and Bootstrap releases beside `portal/`,
    the app's own code, which `src/test/javascript/portal/` tests file by file (`CartSpec.js` for
    `cart/Cart.js`): it had been left out as a folder beside the releases, and the first scan had
    found no subsystem. A library beside them that carries its own tests stays out."""
    files = {"grails-app/conf/Config.groovy": "x = 1\n"}
    for name in ("ext-3.3.1", "OpenLayers-2.13.1", "bootstrap-3.3.6"):
        files[f"web-app/js/{name}/LICENSE"] = "BSD\n"
        for n in range(3):
            files[f"web-app/js/{name}/src/part{n}.js"] = f"function part{n}() {{ return {n}; }}\n"
    for part in ("cart", "search", "filter"):
        for n in range(4):
            files[f"web-app/js/portal/{part}/{part.title()}{n}.js"] = f"function {part}{n}(x) {{ return x + {n}; }}\n"
            files[f"src/test/javascript/portal/{part}/{part.title()}{n}Spec.js"] = f"describe('{part}{n}', () => {{}});\n"
    for n in range(4):  # tested too, but by its own tests, inside it: a library's repository
        files[f"web-app/js/widgets/core/Widget{n}.js"] = f"function widget{n}() {{ return {n}; }}\n"
        files[f"web-app/js/widgets/test/Widget{n}Spec.js"] = f"describe('w{n}', () => {{}});\n"
    done, fleet_rules = _init(tmp_path / "portal-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("web-app/js/ext-3.3.1/src/part0.js") and excluded("web-app/js/bootstrap-3.3.6/src/part1.js")
    assert excluded("web-app/js/widgets/core/Widget0.js")
    assert not excluded("web-app/js/portal/cart/Cart0.js")


def test_init_excludes_a_release_folder_whose_license_is_named_for_it_beside_it(tmp_path):
    """mapnik: `scons/scons-local-4.10.1/`, SCons shipped to build with, its license beside it as
    `scons/scons-LICENSE`: its Fortran and D tools (`f77.py`, `f90.py` …; `dmd.py`, `gdc.py`)
    had been proposals #2 and #3. A license named for another release is no drop's (a release's
    folder that a build of its own makes is the project's: _lone_releases)."""
    files = {"SConstruct": "env = Environment()\n", "scons/scons-LICENSE": "MIT\n", "scons/scons.py": "import SCons\n"}
    for name in ("f77", "f90", "f95", "dmd", "gdc", "ldc", "gcc", "msvc", "javac", "tex", "zip", "yacc"):
        files[f"scons/scons-local-4.10.1/SCons/Tool/{name}.py"] = f"def generate(env):\n    env['{name}'] = 1\n"
    files["tools/other-LICENSE"] = "MIT\n"
    files["tools/mytool-2.1/m.py"] = "def run():\n    return 1\n"
    files["tools/mytool-2.1/setup.py"] = "from setuptools import setup\nsetup()\n"
    for part in ("core", "render", "text"):
        files[f"src/{part}/{part}.cpp"] = f"int {part}() {{ return 1; }}\n"
    done, fleet_rules = _init(tmp_path / "scons-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("scons/scons-local-4.10.1/SCons/Tool/f77.py"), fleet_rules["exclude"]
    assert not excluded("tools/mytool-2.1/m.py"), fleet_rules["exclude"]


def test_init_excludes_a_libraries_classes_copied_into_a_module_under_their_own_package(tmp_path):
    """zap-extensions: its token generator add-on keeps JRandTest's 66 classes, copied in under
    their own `com/fasteasytrade/` beside the add-on's `org/zaproxy/`; their identical `main`
    methods, a class fleet's, had been its first two proposals. A module of the repository's
    own in another package, alone in its source folder, stays."""
    files = {"settings.gradle": "include 'addOns'\n"}
    for addon in ("tokengen", "spider", "fuzz", "ascan"):
        files[f"addOns/{addon}/{addon}.gradle.kts"] = "\n"
        for n in range(15):
            files[f"addOns/{addon}/src/main/java/org/zaproxy/addon/{addon}/C{n}.java"] = (
                f"package org.zaproxy.addon.{addon};\nclass C{n} {{}}\n")
    for n in range(3):
        files[f"addOns/tokengen/src/main/java/com/fasteasytrade/JRandTest/Algo/A{n}.java"] = (
            f"package com.fasteasytrade.JRandTest.Algo;\nclass A{n} {{}}\n")
    files["addOns/legacy/legacy.gradle.kts"] = "\n"
    files["addOns/legacy/src/main/java/net/paros/Legacy.java"] = "package net.paros;\nclass Legacy {}\n"
    excluded = _excluded_by_init(tmp_path / "zap", files, tmp_path / "rules")
    assert excluded("addOns/tokengen/src/main/java/com/fasteasytrade/JRandTest/Algo/A1.java")
    assert not excluded("addOns/tokengen/src/main/java/org/zaproxy/addon/tokengen/C1.java")
    assert not excluded("addOns/legacy/src/main/java/net/paros/Legacy.java")


def test_init_excludes_a_library_outnumbering_a_modules_own_classes_that_imports_none_of_the_repository(tmp_path):
    """osh-addons: its video service keeps mp4parser's 393 classes, `org/mp4parser/`, beside its 6
    of `org/sensorhub/` (a root holding half the repository's JVM files, not four fifths); their
    boxes' copies of one another had been its first proposal. A library imports nothing of the
    project it is copied into; the project's own classes under another root do."""
    files = {"settings.gradle": "include 'services'\n"}
    for module in ("service-sos", "service-hub", "driver-axis"):
        files[f"{module}/build.gradle"] = "\n"
        for n in range(20):
            files[f"{module}/src/main/java/org/sensorhub/impl/{module[-3:]}/C{n}.java"] = (
                f"package org.sensorhub.impl.{module[-3:]};\nclass C{n} {{}}\n")
    files["service-video/build.gradle"] = "\n"
    files["service-video/src/main/java/org/sensorhub/impl/video/VideoService.java"] = (
        "package org.sensorhub.impl.video;\nimport org.mp4parser.Box;\nclass VideoService {}\n")
    for n in range(6):
        files[f"service-video/src/main/java/org/mp4parser/boxes/B{n}.java"] = (
            f"package org.mp4parser.boxes;\nimport org.mp4parser.Box;\nclass B{n} {{}}\n")
        files[f"service-mqtt/src/main/java/com/botts/mqtt/M{n}.java"] = (
            f"package com.botts.mqtt;\nimport org.sensorhub.api.Module;\nclass M{n} {{}}\n")
    files["service-mqtt/build.gradle"] = "\n"
    files["service-mqtt/src/main/java/org/sensorhub/impl/mqtt/Service.java"] = "package org.sensorhub.impl.mqtt;\n"
    excluded = _excluded_by_init(tmp_path / "osh", files, tmp_path / "rules")
    assert excluded("service-video/src/main/java/org/mp4parser/boxes/B1.java")
    assert not excluded("service-video/src/main/java/org/sensorhub/impl/video/VideoService.java")
    assert not excluded("service-mqtt/src/main/java/com/botts/mqtt/M1.java")  # it imports the project's


def test_init_excludes_the_c_libraries_contributed_with_their_own_licenses(tmp_path):
    """premake: `contrib/mbedtls` and `contrib/zlib` hold their own licenses, beside curl, lua and
    libzip, the libraries it builds with (mbedtls' demo programs' `print_buf` x 3 had been its
    first proposal). PostgreSQL's `contrib/*`, its own extensions, hold none."""
    files = {"premake5.lua": "workspace 'Premake5'\n", "LICENSE.txt": "BSD\n"}
    for n in range(6):
        files[f"src/host/os_part{n}.c"] = f"int os_part{n}(void) {{ return {n}; }}\n"
    for name in ("mbedtls", "zlib", "curl", "lua"):
        files[f"contrib/{name}/premake5.lua"] = "project 'x'\n"
        files[f"contrib/{name}/src/{name}_a.c"] = "int a(void) { return 1; }\n"
        files[f"contrib/{name}/src/{name}_b.c"] = "int b(void) { return 2; }\n"
    files.update({"contrib/mbedtls/LICENSE": "Apache\n", "contrib/zlib/LICENSE": "zlib\n"})
    for name in ("pg_trgm", "hstore", "ltree"):
        files[f"pg/contrib/{name}/Makefile"] = "MODULE = x\n"
        files[f"pg/contrib/{name}/{name}.c"] = f"int {name}_in(void) {{ return 1; }}\n"
    excluded = _excluded_by_init(tmp_path / "premake", files, tmp_path / "rules")
    assert excluded("contrib/mbedtls/src/mbedtls_a.c") and excluded("contrib/curl/src/curl_a.c")
    assert not excluded("pg/contrib/hstore/hstore.c") and not excluded("src/host/os_part0.c")


def test_init_excludes_a_c_library_copied_in_with_its_own_license_and_ci(tmp_path):
    """Serial-Studio keeps hidapi, KissFFT and mdflib in `lib/`, each the library's repository
    copied in: its license, and a CI configuration that only runs at a repository's top
    (`.github/workflows/`, `.travis.yml`); hidapi's four platforms' `hid_free_enumeration` had been
    its first proposal. Ardour's own `libs/pbd` holds a license and no CI; spryker's PHP modules,
    split into repositories of their own, hold both and are its code."""
    files = {"CMakeLists.txt": "project(Serial-Studio)\n"}
    for n in range(6):
        files[f"app/src/part{n}.cpp"] = f"int part{n}() {{ return {n}; }}\n"
    files.update({"lib/hidapi/LICENSE.txt": "BSD\n", "lib/hidapi/.github/workflows/builds.yml": "on: push\n",
                  "lib/KissFFT/COPYING": "BSD\n", "lib/KissFFT/.travis.yml": "language: c\n",
                  "lib/KissFFT/kiss_fft.c": "int kiss(void) { return 1; }\n"})
    for platform in ("linux", "mac", "windows", "libusb"):
        files[f"lib/hidapi/{platform}/hid.c"] = "void hid_free_enumeration(void *d) { free(d); }\n"
    files.update({"libs/pbd/COPYING": "GPL\n", "libs/pbd/pool.cc": "int pool() { return 1; }\n",
                  "libs/pbd/id.cc": "int id() { return 2; }\n"})
    files.update({"Bundles/Acl/LICENSE": "MIT\n", "Bundles/Acl/.github/workflows/ci.yml": "on: push\n",
                  "Bundles/Acl/src/AclFacade.php": "<?php\nclass AclFacade {}\n"})
    excluded = _excluded_by_init(tmp_path / "serial", files, tmp_path / "rules")
    assert excluded("lib/hidapi/linux/hid.c") and excluded("lib/KissFFT/kiss_fft.c")
    assert not excluded("libs/pbd/pool.cc") and not excluded("app/src/part0.cpp")
    assert not excluded("Bundles/Acl/src/AclFacade.php")


def test_init_reads_a_project_kept_in_a_folder_with_its_own_license_and_ci(tmp_path):
    """A repository whose C project lives in one folder holding its license and a CI file of its
    own (a `.travis.yml` kept from before a move) is that project, not a library copied in: a
    folder holding most of the tree's C and C++ is never vendored so."""
    files = {"README.md": "# engine\n", "engine/LICENSE": "MIT\n", "engine/.travis.yml": "language: c\n",
             "tools/gen.c": "int gen(void) { return 0; }\n"}
    for n in range(8):
        files[f"engine/src/part{n}.c"] = f"int part{n}(void) {{ return {n}; }}\n"
    excluded = _excluded_by_init(tmp_path / "engine-repo", files, tmp_path / "rules")
    assert not excluded("engine/src/part0.c")


def test_init_excludes_the_libraries_in_a_folder_of_external_ones_that_holds_single_files_too(tmp_path):
    """raylib keeps single-header libraries in `src/external/` (`stb_image.h`, `stb_vorbis.c`)
    and GLFW in `src/external/glfw/`: the C files right in the folder had made it raylib's own,
    and GLFW's copied key tables its first proposal. Its folders are libraries still; njs'
    `external/*.c`, flat, are its own modules."""
    files = {"CMakeLists.txt": "project(raylib)\n", "src/external/stb_vorbis.c": "int stb(void) { return 1; }\n"}
    for name in ("rcore", "rtext", "raudio", "rmodels", "rshapes"):
        files[f"src/{name}.c"] = f"int {name}(void) {{ return 1; }}\n"
    for name in ("null_init", "win32_init", "wl_init"):
        files[f"src/external/glfw/src/{name}.c"] = f"int {name}(void) {{ return 1; }}\n"
    files.update({f"external/njs_{name}.c": f"int njs_{name}(void) {{ return 1; }}\n" for name in ("fs", "zlib")})
    excluded = _excluded_by_init(tmp_path / "raylib", files, tmp_path / "rules")
    assert excluded("src/external/glfw/src/null_init.c")
    assert not excluded("src/external/stb_vorbis.c") and not excluded("external/njs_fs.c")


def test_init_excludes_the_web_libraries_an_app_serves_named_for_their_releases(tmp_path):
    """gogs: `public/plugins/codemirror-5.17.0`, `dropzone-5.5.0` … twelve libraries copied in,
    one with a license of its own, had been a fleet of eleven packages (its subsystems listed
    `autosize-4.0.2`, `highlight-9.18.0` beside its own). Three releases or more side by side,
    none built as the repository's own package, are drops; modules named for the versions of
    what they instrument, a build file each (opentelemetry-java-instrumentation), are code."""
    files = {"go.mod": "module gogs.io/gogs\n", "main.go": "package main\n\nfunc main() {}\n"}
    for name in ("route", "database", "auth"):
        files[f"internal/{name}/{name}.go"] = f"package {name}\n\nfunc F() int {{ return 1 }}\n"
    for name in ("codemirror-5.17.0", "dropzone-5.5.0", "marked-4.3.0", "autosize-4.0.2"):
        files[f"public/plugins/{name}/{name[:4]}.js"] = f"window.{name[:4]} = () => 1;\n"
        files[f"public/plugins/{name}/package.json"] = "{}\n"
    files["public/plugins/marked-4.3.0/LICENSE"] = "MIT\n"
    for name in ("jaxrs-2.0", "jaxrs-3.0", "servlet-3.0"):
        files[f"instrumentation/{name}/javaagent/build.gradle.kts"] = "\n"
        files[f"instrumentation/{name}/javaagent/src/main/java/Advice.java"] = "class Advice {}\n"
    _, fleet_rules = _init(tmp_path / "gogs", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("public/plugins/codemirror-5.17.0/code.js") and excluded("public/plugins/dropzone-5.5.0/drop.js")
    assert not any(glob.startswith("public/plugins") for glob in fleet_rules["subsystems"])
    assert not excluded("instrumentation/jaxrs-2.0/javaagent/src/main/java/Advice.java")


def test_init_finds_c_components_by_their_makefile_and_what_they_build_on_beside_them(tmp_path):
    """micropython: twenty `ports/<port>` (esp32, stm32, rp2, unix …), each a Makefile and its C
    sources, had been one package, `ports`, inside which nothing is compared (five make a fleet). The core they
    build on (`py/`, `extmod/`) stays a package each though the ports hold most of the code: the
    ports' copies' home; its scripts (`tools/*.py`) and a folder of headers alone make none."""
    files = {"README.md": "micro\n"}
    for port in ("esp32", "stm32", "rp2", "unix", "nrf"):
        files[f"ports/{port}/Makefile"] = "all:\n"
        for n in range(15):
            files[f"ports/{port}/part{n}.c"] = f"int {port}_part{n}(void) {{ return {n}; }}\n"
    for n in range(12):
        files[f"py/obj{n}.c"] = f"int obj{n}(void) {{ return {n}; }}\n"
        files[f"tools/tool{n}.py"] = f"def tool{n}():\n    return {n}\n"
        files[f"include/api{n}.h"] = f"int api{n}(void);\n"
    for n in range(11):
        files[f"extmod/mod{n}.c"] = f"int mod{n}(void) {{ return {n}; }}\n"
    files["docs/Makefile"] = "html:\n"
    done, fleet_rules = _init(tmp_path / "c-ports", files, tmp_path / "rules")
    assert fleet_rules["subsystems"][0] == "ports/*" and "ports/* (5 packages)" in done.stderr
    assert "py" in fleet_rules["subsystems"] and "extmod" in fleet_rules["subsystems"]
    assert "tools" not in fleet_rules["subsystems"] and "include" not in fleet_rules["subsystems"]



def test_init_keeps_c_components_at_the_top_built_by_makefiles_or_automake_fragments(tmp_path):
    """FRR: its daemons at the top, `bgpd/`, `ospfd/`, `zebra/` …, a Makefile and a `subdir.am`
    each beside their C sources, and `lib/` and `pceplib/` with an automake fragment alone, had
    all been excluded as no package: its first scan had read 13 files of 1,300."""
    files = {"configure.ac": "AC_INIT\n", "Makefile.am": "include bgpd/subdir.am\n",
             "debian/control": "Source: frr\n", "tools/gen.py": "def gen():\n    return 1\n"}
    for daemon in ("bgpd", "ospfd", "ripd", "zebra", "pimd"):
        files[f"{daemon}/Makefile"] = "all:\n"
        files[f"{daemon}/subdir.am"] = f"sbin_PROGRAMS += {daemon}/{daemon}\n"
        files[f"{daemon}/{daemon}_main.c"] = f"int {daemon}_main(void) {{ return 0; }}\n"
    for library in ("lib", "pceplib"):
        files[f"{library}/subdir.am"] = f"lib_LTLIBRARIES += {library}/lib{library}.la\n"
        files[f"{library}/{library}_core.c"] = f"int {library}_init(void) {{ return 0; }}\n"
    done, fleet_rules = _init(tmp_path / "routing", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"], done.stderr
    for kept in ("bgpd/**", "lib/**", "pceplib/**"):
        assert kept not in fleet_rules["exclude"]
    assert "tools/**" in fleet_rules["exclude"]

def test_init_takes_the_go_packages_a_go_fleet_holding_most_of_the_code_builds_on(tmp_path):
    """lego: 219 DNS providers, `providers/dns/*`, hold most of the code; what they build on,
    `challenge/dns01` and `internal/errutils`, was read by no glob, so every home went to a debug
    transport inside the fleet. Beside Go fleets, the Go packages of the top folders are packages
    whatever their share; a top folder of Python scripts beside them is not."""
    files = {"go.mod": "module example.com/lego\n"}
    for n in range(12):
        files[f"providers/dns/p{n}/p{n}.go"] = f"package p{n}\n\nfunc Present{n}() int {{ return {n} }}\n"
        files[f"providers/dns/p{n}/client.go"] = f"package p{n}\n\nfunc client{n}() int {{ return {n} }}\n"
    for n in range(10):
        files[f"tools/gen{n}.py"] = f"def gen{n}():\n    return {n}\n"
    for n in range(6):
        files[f"challenge/dns01/part{n}.go"] = "package dns01\n"
        files[f"challenge/http01/part{n}.go"] = "package http01\n"
    _, fleet_rules = _init(tmp_path / "go-fleet", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["providers/dns/*", "challenge/dns01", "challenge/http01"]


def test_init_takes_every_small_go_package_of_a_go_monolith_beside_its_fleet(tmp_path):
    """tyk: `gateway/` (170 files) and `internal/*` hold the code; `storage/`, `config/`, `log/`,
    `user/`, nine Go files or fewer each, what the gateway and the fleet build on, were unread
    (a top folder had to hold ten files to be a package). A folder of Go is a package however
    small; a small folder of Python scripts beside them is still none."""
    files = {"go.mod": "module example.com/tyk\n"}
    for n in range(12):
        files[f"internal/p{n}/p{n}.go"] = f"package p{n}\n\nfunc F{n}() int {{ return {n} }}\n"
        files[f"gateway/part{n}.go"] = "package gateway\n"
        files[f"gateway/more{n}.go"] = "package gateway\n"
    for n in range(3):
        files[f"storage/store{n}.go"] = "package storage\n"
        files[f"tools/gen{n}.py"] = f"def gen{n}():\n    return {n}\n"
    files["log/log.go"] = "package log\n"
    _, fleet_rules = _init(tmp_path / "go-monolith", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["internal/*", "gateway", "log", "storage"]


def test_init_takes_a_lone_package_beside_a_fleet_a_folder_down_as_a_package(tmp_path):
    """vuepress: `packages/@vuepress/*` holds its sixteen packages, `packages/vuepress` its CLI,
    which one package alone could not make a fleet of `packages/*`: it had been unread. A folder
    of docs with a manifest is no such package."""
    files = {"package.json": "{}\n", "packages/vuepress/package.json": "{}\n",
             "packages/vuepress/cli.js": "export const cli = 1;\n", "packages/docs/package.json": "{}\n",
             "packages/docs/page.js": "export const page = 1;\n"}
    for name in ("core", "shared", "theme-default", "plugin-search"):
        files[f"packages/@vuepress/{name}/package.json"] = "{}\n"
        files[f"packages/@vuepress/{name}/index.js"] = f"export const x = '{name}';\n"
    done, fleet_rules = _init(tmp_path / "js-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/@vuepress/*", "packages/vuepress"], done.stderr


def test_init_finds_mruby_gems_by_their_mrbgem_rake(tmp_path):
    """mruby: its 68 gems, `mrbgems/mruby-*`, each declared by an `mrbgem.rake`, had been one
    package of 224 files, and its 41 build configurations, `build_config/*.rb`, a fleet."""
    files = {"Rakefile": "task :default\n"}
    for n in range(20):  # mruby-array-ext, mruby-io …
        files[f"mrbgems/mruby-gem{n}/mrbgem.rake"] = "MRuby::Gem::Specification.new('x') { }\n"
        files[f"mrbgems/mruby-gem{n}/src/gem{n}.c"] = f"int gem{n}(void) {{ return {n}; }}\n"
        files[f"mrbgems/mruby-gem{n}/mrblib/gem{n}.rb"] = f"class Gem{n}\nend\n"
    for n in range(22):
        files[f"build_config/target{n}.rb"] = f"MRuby::Build.new('t{n}') do |conf|\n  conf.gem 'x'\nend\n"
    _, fleet_rules = _init(tmp_path / "mruby-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["mrbgems/*"]


def test_init_takes_the_parts_of_a_package_holding_most_of_the_code_beside_its_tooling(tmp_path):
    """apollo-client: `src` (267 of 308 files) beside its tooling packages, `codegen`, `config`,
    `eslint-local-rules` …: one subsystem holding the library, its first scan said nothing at all.
    Its folders are its parts, as a lone library's are; a package beside others holding as much
    is not split."""
    files = {"package.json": "{}\n"}
    for tool in ("codegen", "eslint-local-rules", "size-limit"):
        files[f"{tool}/package.json"] = "{}\n"
        files[f"{tool}/index.js"] = f"export const tool = '{tool}';\n"
    files["src/package.json"] = "{}\n"
    for part in ("cache", "core", "link", "react", "utilities"):
        for n in range(4):
            files[f"src/{part}/m{n}.ts"] = f"export const {part}{n} = {n};\n"
    files["src/index.ts"] = "export * from './core/m0';\n"
    done, fleet_rules = _init(tmp_path / "lib-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*", "src/*"], done.stderr
    assert "src/* (5 packages)" in done.stderr


def test_init_takes_the_parts_of_a_package_holding_most_of_the_code_down_its_one_source_folder(tmp_path):
    """candlepin: a Gradle build whose root project is the app, `src/main/java/org/candlepin/`'s
    33 packages (`auth`, `model`, `resource` …), beside a `client` of one file and a `buildSrc`:
    `src` had been one subsystem of 906 files beside them, nothing to compare. Below the dominant
    package, the folder holding its code alone is looked into, as far as one holds it; a part
    holding ten folders of code is a fleet of them (OpenTripPlanner's `framework/*`)."""
    files = {"build.gradle": "plugins { id 'java' }\n", "settings.gradle": "include 'client'\n"}
    for tool in ("client", "buildSrc"):
        files[f"{tool}/build.gradle"] = "plugins { id 'java' }\n"
        files[f"{tool}/src/main/java/org/t/{tool}/Tool.java"] = f"package org.t.{tool};\nclass Tool {{}}\n"
    for part in ("auth", "model", "resource", "policy"):
        for n in range(6):
            files[f"src/main/java/org/app/{part}/C{n}.java"] = f"package org.app.{part};\nclass C{n} {{ int c = {n}; }}\n"
    for n in range(10):
        files[f"src/main/java/org/app/framework/f{n}/F.java"] = f"package org.app.framework.f{n};\nclass F {{}}\n"
    done, fleet_rules = _init(tmp_path / "gradle-repo", files, tmp_path / "rules")
    assert "src/main/java/org/app/*" in fleet_rules["subsystems"], done.stderr
    assert "src/main/java/org/app/framework/*" in fleet_rules["subsystems"], done.stderr


def test_init_takes_the_parts_of_a_package_holding_most_of_the_code_beside_a_fleet_of_modules_in_it(tmp_path):
    """pixijs: `src` (648 files) holds the library and, in it, `advanced-blend-modes/*.ts`, 23
    blend modes a module each: that fleet left the rest of `src` one subsystem (one watching
    candidate in all). The fleet stays, and `src`'s folders are its parts beside it."""
    files = {"package.json": "{}\n", "src/index.ts": "export * from './scene/m0';\n"}
    for n in range(20):
        files[f"src/advanced-blend-modes/Blend{n}.ts"] = f"export class Blend{n} {{ mode = {n}; }}\n"
    for part in ("accessibility", "rendering", "scene", "events", "maths"):
        for n in range(8):
            files[f"src/{part}/m{n}.ts"] = f"export const {part}{n} = {n};\n"
    done, fleet_rules = _init(tmp_path / "lib-repo", files, tmp_path / "rules")
    assert "src/*" in fleet_rules["subsystems"] and "src/advanced-blend-modes/*.ts" in fleet_rules["subsystems"], \
        done.stderr


def test_init_takes_the_parts_of_a_package_holding_most_of_the_code_beside_a_small_fleet_of_folders_in_it(tmp_path):
    """worldcoin's developer-portal: `web` (998 of 1,068 files) holds the Next.js app and, in it,
    `app/api/*`, 21 routes of a `route.ts` each: that fleet left the rest of `web` one subsystem,
    and its first scan had not one candidate. A fleet inside holding little of the package leaves
    its parts to be read; one holding most of it reads them already."""
    files = {"package.json": "{}\n", "web/package.json": "{}\n"}
    for n in range(21):
        files[f"web/app/api/route{n}/route.ts"] = f"export const GET = () => {n};\n"
    for part in ("scenes", "components", "lib", "hooks"):
        for n in range(40):
            files[f"web/{part}/f{n % 3}/m{n}.tsx"] = f"export const {part}{n} = {n};\n"
    done, fleet_rules = _init(tmp_path / "portal", files, tmp_path / "rules")
    assert "web/*" in fleet_rules["subsystems"] and "web/app/api/*" in fleet_rules["subsystems"], done.stderr


def test_init_reads_the_go_packages_left_beside_a_go_fleet_once_a_web_app_beside_it_is_taken(tmp_path):
    """woodpecker: `server/*`, `cli/*` … are Go fleets; its `web` app (161 TypeScript files) made
    most of the code no fleet held TypeScript, so `web` became a package and its Go packages
    beside the fleets (`agent`, `rpc`, `cmd/server`, nine files or fewer each) were read by no
    glob. What is left once `web` is taken is read again."""
    files = {"go.mod": "module example.com/ci\n\ngo 1.22\n", "web/package.json": "{}\n"}
    for k in range(10):
        files.update({f"server/part{k}/file{n}.go": f"package part{k}\n\nfunc F{n}() int {{ return {n} }}\n"
                      for n in range(2)})
    files.update({f"web/src/view{n % 10}/part{n}.ts": f"export const view{n} = {n};\n" for n in range(30)})
    files.update({f"agent/runner{n}.go": f"package agent\n\nfunc R{n}() int {{ return {n} }}\n" for n in range(3)})
    _, fleet_rules = _init(tmp_path / "ci", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["server/*", "web", "agent"]


def test_init_takes_the_go_packages_a_go_fleet_builds_on_beside_fleets_of_other_languages(tmp_path):
    """unkey: its Go services' `pkg/*` beside TypeScript apps holding most of the code; what the
    Go fleet builds on, `internal/services/*`, 278 Go files, was unread, since the fleets' code was
    mostly TypeScript. A quarter of it being Go is enough now."""
    files = {"go.mod": "module example.com/unkey\n", "package.json": "{}\n"}
    for n in range(12):
        files[f"pkg/p{n}/p{n}.go"] = f"package p{n}\n\nfunc P{n}() int {{ return {n} }}\n"
    for app in ("dashboard", "docs", "api"):
        files[f"web/apps/{app}/package.json"] = "{}\n"
        for n in range(10):
            files[f"web/apps/{app}/src/m{n}.ts"] = f"export const m{n} = {n};\n"
    for name in ("keys", "ratelimit"):
        files[f"internal/services/{name}/{name}.go"] = f"package {name}\n"
    _, fleet_rules = _init(tmp_path / "mixed", files, tmp_path / "rules")
    assert "internal/services/keys" in fleet_rules["subsystems"], fleet_rules["subsystems"]


def test_init_excludes_cucumbers_step_definitions_as_tests(tmp_path):
    """activeadmin: its 21 `features/step_definitions/*.rb`, Cucumber's steps, were a fleet of
    one-module packages beside the gem's own `lib/active_admin/*.rb`."""
    files = {"activeadmin.gemspec": "Gem::Specification.new\n"}
    for n in range(21):
        files[f"lib/active_admin/part{n}.rb"] = f"module Part{n}\n  def self.run\n    {n}\n  end\nend\n"
        files[f"features/step_definitions/step{n}_steps.rb"] = f"Given(/^step {n}$/) do\n  visit '/{n}'\nend\n"
        files[f"features/step{n}.feature"] = f"Feature: {n}\n"
    done, fleet_rules = _init(tmp_path / "gem", files, tmp_path / "rules")
    assert not any("step_definitions" in glob for glob in fleet_rules["subsystems"])
    assert "lib/active_admin/*.rb" in fleet_rules["subsystems"]
    assert any("step_definitions" in glob for glob in fleet_rules["exclude"])


def test_init_excludes_a_code_generators_templates_but_not_a_package_named_templates(tmp_path):
    """blitz: `packages/generator/templates/` holds the app its generator writes (a `Form.tsx`,
    login and signup pages …), copied into each new project on purpose: its proposals were those
    templates and the apps made from them. crewAI's `crewai_cli/templates/` likewise, and
    quasar's `create-quasar/templates/` and `app-vite/templates/`, beside the `bin/quasar` that
    writes them into an app (their copied Pinia stores had been its second proposal); caddy's
    `modules/caddyhttp/templates`, an HTTP module that renders templates, is code."""
    files = {"package.json": "{}\n", "go.mod": "module x\n"}
    for name in ("generator", "blitz-rpc", "blitz-auth"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.ts"] = f"export const {name.replace('-', '')} = 1;\n"
    files["packages/generator/templates/app/Form.tsx"] = "export function Form() { return null }\n"
    files["lib/cli/src/crewai_cli/templates/crew/main.py"] = "def run():\n    return 1\n"
    files["modules/caddyhttp/templates/tplcontext.go"] = "package templates\n\nfunc Render() int { return 1 }\n"
    files["create-quasar/templates/app/stores/index.ts"] = "export const store = 1;\n"
    files["app-vite/bin/quasar"] = "#!/usr/bin/env node\n"
    files["app-vite/templates/store/index.ts"] = "export const store = 1;\n"
    excluded = _excluded_by_init(tmp_path / "blitz", files, tmp_path / "rules")
    assert excluded("create-quasar/templates/app/stores/index.ts") and excluded("app-vite/templates/store/index.ts")
    assert excluded("packages/generator/templates/app/Form.tsx")
    assert excluded("lib/cli/src/crewai_cli/templates/crew/main.py")
    assert not excluded("modules/caddyhttp/templates/tplcontext.go")
    assert not excluded("packages/generator/src/index.ts")


def test_init_excludes_a_symfony_bundles_generator_skeletons_but_not_a_uis_skeleton_loaders(tmp_path):
    """Kunstmaan's bundles keep the code their generators write in `Resources/…/skeleton/`, PHP
    with Twig's `{{ namespace }}` placeholders: 128 files that did not parse. A React app's
    `components/skeleton/` (loading placeholders) is code."""
    files = {"composer.json": "{}\n", "package.json": "{}\n"}
    for name in ("AdminBundle", "CookieBundle", "GeneratorBundle"):
        files[f"src/Kunstmaan/{name}/composer.json"] = "{}\n"
        files[f"src/Kunstmaan/{name}/{name}.php"] = f"<?php\nclass {name} {{ }}\n"
    files["src/Kunstmaan/GeneratorBundle/Resources/SensioGeneratorBundle/skeleton/entity/Entity.php"] = \
        "<?php\nnamespace {{ namespace }};\nclass {{ entity_class }} { }\n"
    files["src/Kunstmaan/CookieBundle/Resources/skeleton/legal/Entity/LegalPage.php"] = "<?php\nclass {{ x }} { }\n"
    files["src/Kunstmaan/AdminBundle/Resources/skeleton/Controller.php"] = "<?php\nclass {{ y }} { }\n"  # right inside
    files["assets/components/skeleton/Skeleton.js"] = "export function Skeleton() { return null }\n"
    excluded = _excluded_by_init(tmp_path / "kunstmaan", files, tmp_path / "rules")
    assert excluded("src/Kunstmaan/GeneratorBundle/Resources/SensioGeneratorBundle/skeleton/entity/Entity.php")
    assert excluded("src/Kunstmaan/CookieBundle/Resources/skeleton/legal/Entity/LegalPage.php")
    assert excluded("src/Kunstmaan/AdminBundle/Resources/skeleton/Controller.php")
    assert not excluded("assets/components/skeleton/Skeleton.js")
    assert not excluded("src/Kunstmaan/AdminBundle/AdminBundle.php")


def test_init_excludes_a_maven_archetypes_project(tmp_path):
    """infinispan: `archetypes/*/src/main/resources/archetype-resources/`, the projects its five
    Maven archetypes generate: its custom module's `Attribute.java` was among its first
    proposal's copies. The archetype's own code is read."""
    files = {"pom.xml": "<project/>\n", "core/pom.xml": "<project/>\n",
             "core/src/main/java/org/x/Attribute.java": "public enum Attribute { NAME }\n",
             "archetypes/custom-module/pom.xml": "<project/>\n",
             "archetypes/custom-module/src/main/java/org/x/Setup.java": "class Setup {}\n",
             "archetypes/custom-module/src/main/resources/archetype-resources/src/main/java/Attribute.java":
                 "public enum Attribute { NAME }\n"}
    excluded = _excluded_by_init(tmp_path / "infinispan", files, tmp_path / "rules")
    assert excluded("archetypes/custom-module/src/main/resources/archetype-resources/src/main/java/Attribute.java")
    assert not excluded("archetypes/custom-module/src/main/java/org/x/Setup.java")
    assert not excluded("core/src/main/java/org/x/Attribute.java")


def test_a_fleets_folder_of_cpp_is_its_package_beside_its_python_scripts(tmp_path):
    """PowerDNS: `pdns/` holds the server's 197 `.cc` files, its products' folders (`pdns/*`) and
    three Python scripts; the scripts, read as one-module packages, had left the C++ read by no
    glob. The folder is a package for its C++, the scripts packages of their own."""
    body = "".join(f"int step_{n}(int x) {{ return x * {n} + {n}; }}\n" for n in range(40))
    files = {"meson.build": "project('pdns')\n"}
    for n in range(12):
        files[f"pdns/server_{n}.cc"] = body.replace("step_", f"server_{n}_")
    for name in ("dnsdistdist", "recursordist"):  # the products, each with a Rust library, and their tools
        files[f"pdns/{name}/meson.build"] = "project('x')\n"
        files[f"pdns/{name}/{name}-rust-lib/rust/Cargo.toml"] = "[package]\nname = 'x'\n"
        files[f"pdns/{name}/{name}-rust-lib/rust/src/lib.rs"] = "pub fn f() -> i32 { 1 }\n"
        files[f"pdns/{name}/{name}.cc"] = body.replace("step_", f"{name}_")
    files["pdns/keyroller/setup.py"] = "from setuptools import setup\n"
    files["pdns/keyroller/roller.py"] = "def roll(key):\n    return key[::-1]\n"
    for name in ("backends", "tools"):
        files[f"pdns/{name}/{name}.cc"] = body.replace("step_", f"{name}_")
    for name in ("dnsdist_top", "stubquery", "keyroller_tool"):
        files[f"pdns/{name}.py"] = "def main(argv):\n    return len(argv)\n"
    for n in range(12):  # its backends, a fleet of their own
        files[f"modules/backend{n}/meson.build"] = "project('x')\n"
        files[f"modules/backend{n}/backend{n}.cc"] = body.replace("step_", f"backend{n}_")
    done, fleet_rules = _init(tmp_path / "pdns", files, tmp_path / "rules")
    assert {"pdns/*", "pdns"} <= set(fleet_rules["subsystems"]), done.stderr


def test_init_keeps_out_the_forks_a_go_mod_replaces_and_the_libraries_beside_them(tmp_path):
    """cubefs: its go.mod replaces `github.com/jacobsa/fuse` and `github.com/spf13/cobra` with
    `./depends/jacobsa/fuse` and `./depends/spf13/cobra`, forks kept beside the other libraries
    it builds with (`depends/tiglabs/raft` …): `depends` had been a package, the home of its first
    proposals. A replacement by the module's own sub-module (`./api`) is its code, and so, on a
    host of its own, Kubernetes' staging modules (`k8s.io/api => ./staging/src/k8s.io/api`), and
    the repository's module as an example replaces it (sentinel-golang's adapters)."""
    files = {"go.mod": "module github.com/cubefs/cubefs\n\ngo 1.18\n\nreplace (\n"
                       "\tgithub.com/jacobsa/fuse => ./depends/jacobsa/fuse\n"
                       "\tgithub.com/spf13/cobra v1.0.0 => ./depends/spf13/cobra\n"
                       "\tgithub.com/tecbot/gorocksdb v0.1 => github.com/Cloudstriff/gorocksdb v1.0.1\n)\n\n"
                       "replace github.com/cubefs/cubefs/api => ./api\n",
             "api/go.mod": "module github.com/cubefs/cubefs/api\n", "api/api.go": "package api\n",
             "tools/go.mod": "module k8s.io/kubernetes/tools\n\nreplace k8s.io/api => ../staging/src/k8s.io/api\n",
             "staging/src/k8s.io/api/types.go": "package api\n", "sdk/client.go": "package sdk\n",
             "example/hello/go.mod": "module hello\n\nreplace github.com/cubefs/cubefs/sdk => ../../sdk\n"}
    for name in ("jacobsa/fuse", "spf13/cobra", "tiglabs/raft"):
        files[f"depends/{name}/lib.go"] = f"package {name.rpartition('/')[2]}\n\nfunc Run() int {{ return 1 }}\n"
    for name in ("master", "metanode", "datanode", "authnode"):
        files[f"{name}/server.go"] = f"package {name}\n\nfunc Start() int {{ return 1 }}\n"
    excluded = _excluded_by_init(tmp_path / "cubefs", files, tmp_path / "rules")
    assert excluded("depends/tiglabs/raft/lib.go") and excluded("depends/spf13/cobra/lib.go")
    assert not excluded("master/server.go") and not excluded("api/api.go")
    assert not excluded("staging/src/k8s.io/api/types.go") and not excluded("sdk/client.go")


def test_a_lone_makefile_beside_c_sources_makes_no_package(tmp_path):
    """vim: `src/` holds its Makefile and 178 C files, the editor's parts; a Makefile is any
    folder's build, so one alone is no component: `src/*.c` stay its parts."""
    files = {"src/Makefile": "all:\n", "README.md": "vim\n"}
    for n in range(25):
        files[f"src/part{n}.c"] = f"int part{n}(void) {{ return {n}; }}\n"
    for n in range(6):
        files[f"src/script{n}.sh"] = f"echo {n}\n"
    for folder in ("xdiff", "libvterm", "xxd"):
        files[f"src/{folder}/{folder}.c"] = f"int {folder}(void) {{ return 1; }}\n"
    files["runtime/Makefile"] = "all:\n"
    _, fleet_rules = _init(tmp_path / "editor", files, tmp_path / "rules")
    assert "src/*.c" in fleet_rules["subsystems"]
    from radar.commands.package_folders import package_folders
    sources = [f for f in files if f.endswith((".c", ".sh"))]
    assert "src" not in package_folders(list(files), sources)[0].get("", set())
    ports = {f"ports/{n}/{name}": "" for n in range(5) for name in ("Makefile", "main.c")}
    assert package_folders(list(ports), [f for f in ports if f.endswith(".c")])[0]["ports"] == {
        f"ports/{n}" for n in range(5)}


def test_init_excludes_a_folder_of_wrappers_around_git_submodules(tmp_path):
    """osquery: `libraries/cmake/source/<library>/` holds a CMakeLists.txt and platform headers
    beside `src`, the library's own repository as a submodule: 35 such were a fleet. One package
    holding a submodule of its own (netdata's `h2o` server beside `libh2o`) stays a package."""
    submodules = ("libraries/cmake/source/bzip2/src", "libraries/cmake/source/zlib/src",
                  "libraries/cmake/source/lz4/src", "plugins/h2o/libh2o")
    files = {".gitmodules": "".join(f'[submodule "{path}"]\n\tpath = {path}\n\turl = https://x/{n}\n'
                                    for n, path in enumerate(submodules))}
    for name in ("bzip2", "zlib", "lz4"):
        files[f"libraries/cmake/source/{name}/CMakeLists.txt"] = "\n"
        files[f"libraries/cmake/source/{name}/config/linux/config.h"] = "#define HAVE_UNISTD_H 1\n"
    for name in ("h2o", "tables", "logger"):
        files[f"plugins/{name}/CMakeLists.txt"] = "\n"
        files[f"plugins/{name}/{name}.cpp"] = f"int {name}_init() {{ return 0; }}\n"
    done, fleet_rules = _init(tmp_path / "agent", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["plugins/*"], done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("libraries/cmake/source/zlib/config/linux/config.h")
    assert not excluded("plugins/h2o/h2o.cpp")


def test_init_with_no_folder_of_packages_takes_a_folder_of_twenty_modules_as_one_module_packages(tmp_path):
    """An Ansible collection: plugins/modules/<module>.py, hundreds of them, no package anywhere;
    a folder of a few helpers, a private folder of generated tables and the tests' modules
    (celery's are in `t/`) are no fleet. The plugin types beside the modules are packages: their
    helpers in `plugins/module_utils`, their home; a private folder is none."""
    files = {"galaxy.yml": "namespace: community\n"}
    for n in range(100):
        files[f"plugins/modules/mod{n}.py"] = f"def main():\n    return {n}\n"
        files[f"tests/unit/plugins/modules/test_mod{n}.py"] = "def test():\n    pass\n"
        files[f"t/unit/modules/test_mod{n}.py"] = "def test():\n    pass\n"
        files[f"plugins/_tables/table{n}.py"] = f"TABLE = [{n}]\n"
    for n in range(19):
        files[f"plugins/module_utils/util{n}.py"] = f"def helper{n}():\n    return {n}\n"
    done, fleet_rules = _init(tmp_path / "collection", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["plugins/*", "plugins/modules/*.py"]
    assert "plugins/* (3 packages)" in done.stderr and "plugins/modules/*.py (100 one-module packages)" in done.stderr
    assert "**/t/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", tmp_path / "collection", "--rules", tmp_path / "rules", "--out", tmp_path / "out",
                 "--no-cache")
    # `plugins/modules` itself, every file its modules', is no subsystem
    assert scan.returncode == 0 and "102 subsystems" in scan.stderr, scan.stderr


def test_init_takes_the_modules_of_a_lone_library_as_its_parts_and_a_c_librarys_folder_for_its_headers(tmp_path):
    """libuv: one C library, no package anywhere; `src/unix/*.c` are its platform ports (linux.c,
    darwin.c, freebsd.c, …), the only parts to compare, and their folder, for the headers they
    include, where the code they share belongs. A lone Python library's dozen modules likewise;
    a folder of Go files is still one package."""
    files = {"CMakeLists.txt": "project(uv C)\n"}
    for n in range(22):
        files[f"src/unix/port{n}.c"] = f"int uv_port{n}(void) {{ return {n}; }}\n"
        files[f"src/unix/port{n}.h"] = f"int uv_port{n}(void);\n"
    _, fleet_rules = _init(tmp_path / "uv-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/unix/*.c", "src/unix"]
    files = {"pyproject.toml": "[project]\nname = 'requests'\n", "src/requests/__init__.py": ""}
    files.update({f"src/requests/part{n}.py": f"def part_{n}():\n    return {n}\n" for n in range(12)})
    _, fleet_rules = _init(tmp_path / "requests-repo", files, tmp_path / "py-rules")  # requests' 18 modules
    assert fleet_rules["subsystems"] == ["src/requests/*.py"]
    files = {"go.mod": "module example.com/one\n\ngo 1.22\n"}
    files.update({f"pkg/file{n}.go": f"package pkg\n\nfunc F{n}() int {{ return {n} }}\n" for n in range(22)})
    _, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "go-rules")
    assert fleet_rules["subsystems"] == []


def test_init_takes_a_c_programs_plugins_as_its_parts_beside_other_fleets_but_keeps_a_librarys_whole(tmp_path):
    """collectd: 205 plugins, a `src/<name>.c` each, beside `src/daemon/` and `src/utils/` they
    all build on, and a `contrib/` fleet elsewhere: `src` as one package had nothing to compare
    (0 proposals; 7 once its plugins were its parts). Its test programs (`src/ceph_test.c`) are
    tests. A folder of sources declaring a header of their name each (obs' `libobs/obs-*.c`) is
    one library's parts: it stays one package."""
    names = ("apache", "battery", "ceph", "cpu", "curl", "df", "disk", "dns", "email", "ethstat", "exec",
             "fhcount", "hddtemp", "interface", "ipmi", "irq", "load", "memory", "mysql", "nginx", "ntpd",
             "ping", "processes", "swap", "uptime")
    files = {"configure.ac": "AC_INIT([collectd])\n", "src/network.h": "int network(void);\n",
             "src/daemon/plugin.c": "int plugin_register(void) { return 0; }\n",
             "src/daemon/plugin.h": "int plugin_register(void);\n", "src/ceph_test.c": "int main(void) {}\n",
             "src/utils/common/common.c": "int sstrncpy(void) { return 0; }\n"}
    files.update({f"src/{name}.c": f"int {name}_read(void) {{ return plugin_register(); }}\n" for name in names})
    for tool in ("redhat", "docker", "systemd"):
        files[f"contrib/{tool}/package.json"] = "{}\n"
        files[f"contrib/{tool}/index.js"] = f"module.exports = '{tool}';\n"
    files.update({f"libobs/obs-{name}.c": f"int obs_{name}(void) {{ return 1; }}\n" for name in names})
    files.update({f"libobs/obs-{name}.h": f"int obs_{name}(void);\n" for name in names})
    _, fleet_rules = _init(tmp_path / "collectd-repo", files, tmp_path / "rules")
    assert {"src/*.c", "src", "src/*", "libobs"} <= set(fleet_rules["subsystems"])
    assert not any(glob.startswith("libobs/") for glob in fleet_rules["subsystems"])
    assert any_glob(tuple(fleet_rules["exclude"]))("src/ceph_test.c")


def test_init_takes_the_c_files_at_the_top_of_the_tree_as_its_parts_beside_a_small_fleet(tmp_path):
    """openssh: 158 `*.c` at the top (ssh.c, sshd.c, channels.c …) and `openbsd-compat/`, beside a
    `contrib/*` of two packaging tools: init named the tools alone, and a scan read 8 files of 873."""
    names = ("ssh", "sshd", "scp", "sftp", "channels", "packet", "kex", "auth", "auth2", "cipher", "mac",
             "misc", "log", "monitor", "servconf", "readconf", "session", "sshkey", "sshbuf", "hostfile",
             "dns", "compat", "clientloop", "serverloop", "ttymodes")
    files = {f"{name}.c": f"int {name}_run(void) {{ return 0; }}\n" for name in names}
    files.update({f"openbsd-compat/port{n}.c": f"int port{n}(void) {{ return {n}; }}\n" for n in range(12)})
    for tool in ("cygwin", "redhat"):
        files[f"contrib/{tool}/package.json"] = "{}\n"
        files[f"contrib/{tool}/setup.js"] = f"module.exports = '{tool}';\n"
    for n in range(4):  # contrib's own code (gnome-ssh-askpass*.c): a package of its own beside its tools
        files[f"contrib/askpass{n}.c"] = "".join(f"int ask{n}_{k}(int a) {{ return a + {k}; }}\n" for k in range(80))
    _, fleet_rules = _init(tmp_path / "ssh-repo", files, tmp_path / "rules")
    assert {"contrib/*", "contrib", "openbsd-compat", "*.c"} <= set(fleet_rules["subsystems"])


def test_init_takes_each_package_of_a_lone_go_module_whose_top_is_no_package(tmp_path):
    """pulsar-client-go: one Go module, `go.mod` alone at the top, its code in `pulsar/`,
    `pulsar/auth/`, `pulsaradmin/pkg/admin/auth/` …: no fleet anywhere, and init had found
    nothing, so a scan said nothing. Each package (a folder) is a part, tests and examples aside.
    gin's and zap's top is their main package, which no glob names: there nothing is taken."""
    files = {"go.mod": "module example.com/client\n\ngo 1.22\n",
             "examples/producer/main.go": "package main\n\nfunc main() {}\n",
             "pulsar/auth/oauth2_test.go": "package auth\n"}
    for folder in ("pulsar", "pulsar/auth", "pulsaradmin/pkg/admin/auth"):
        package = folder.rpartition("/")[2]
        files.update({f"{folder}/file{n}.go": f"package {package}\n\nfunc F{n}() int {{ return {n} }}\n"
                      for n in range(2)})
    done, fleet_rules = _init(tmp_path / "client", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["pulsar", "pulsar/auth", "pulsaradmin/pkg/admin/auth"], done.stderr
    assert "pulsar/auth (one package, 2 files)" in done.stderr
    files["client.go"] = "package client\n\nfunc New() int { return 1 }\n"
    _, fleet_rules = _init(tmp_path / "gin", files, tmp_path / "gin-rules")
    assert fleet_rules["subsystems"] == []


def test_init_takes_a_projects_folder_of_twenty_classes_as_the_projects_not_one_module_packages(tmp_path):
    """MonoGame: `MonoGame.Framework/` is one C# project (its .csproj files), its
    `Graphics/Vertices/*.cs` two dozen structs of that one assembly; beside a few tools, each
    folder of twenty classes had been a fleet of one-module packages (and their sub-folders
    helpers), so six vertex structs were six consumers. A project's classes are the project's:
    it is one package. A folder of twenty scripts still is a fleet of one-module packages."""
    project = "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>\n"
    files = {"Framework/Framework.csproj": project, "Framework/Game.cs": "class Game {}\n"}
    for n in range(3):
        files[f"Tools/Tool{n}/Tool{n}.csproj"] = project
        files[f"Tools/Tool{n}/Program.cs"] = f"class Program{n} {{ static void Main() {{}} }}\n"
    for n in range(24):
        files[f"Framework/Graphics/Vertices/Vertex{n}.cs"] = f"struct Vertex{n} {{ int x; }}\n"
        files[f"Framework/Graphics/Shader{n}.cs"] = f"class Shader{n} {{}}\n"
    files["Framework/Graphics/States/Blend.cs"] = "class Blend {}\n"
    _, fleet_rules = _init(tmp_path / "game", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["Tools/*", "Framework"]
    files.update({f"scripts2/task{n}.js": f"module.exports = () => {n};\n" for n in range(20)})
    _, fleet_rules = _init(tmp_path / "scripted", files, tmp_path / "scripted-rules")
    assert "scripts2/*.js" in fleet_rules["subsystems"]


def test_init_takes_fsharp_projects_as_packages_and_their_files_as_theirs(tmp_path):
    """FSharp.Data.GraphQL: nine `.fsproj` projects in `src/*`, each fifteen files or so compiled
    in order into one assembly; with no project manifest read, each project's files had been
    one-module packages, 67 subsystems. An F# project is a package, as a C# one is."""
    project = "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>\n"
    files = {}
    for name in ("Client", "Server", "Shared", "Server.AspNetCore"):
        files[f"src/GraphQL.{name}/GraphQL.{name}.fsproj"] = project
        for n in range(22):
            files[f"src/GraphQL.{name}/Part{n}.fs"] = f"module Part{n}\n\nlet value{n} x = x + {n}\n"
    _, fleet_rules = _init(tmp_path / "graphql", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/*"]


LOCALES = ("de", "fr", "es", "it", "ja", "pt_BR", "ru", "zh_CN", "sr@latin", "nb_NO")


def test_init_reads_owncloud_apps_as_packages_and_keeps_translations_out(tmp_path):
    """ownCloud: its apps, `apps/<name>/appinfo/info.xml` each, had been no fleet; a translation per
    locale in each app's `l10n/` (`de.js`, `pt_BR.js` …: the same table of messages, rewritten by
    a translation service) had been a fleet of one-module packages each, 1,100 of its 1,717
    subsystems. The apps are packages now, the translations kept out. A folder of modules with
    short names that are no locales (`io.js`, `os.js` …) is code, kept."""
    files = {"composer.json": "{}\n", "index.php": "<?php\nrequire 'lib/base.php';\n"}
    for app in ("comments", "files", "files_sharing", "dav"):
        files[f"apps/{app}/appinfo/info.xml"] = f"<info><id>{app}</id></info>\n"
        files[f"apps/{app}/lib/Activity.php"] = f"<?php\nclass Activity{app} {{ function f() {{ return 1; }} }}\n"
        files.update({f"apps/{app}/l10n/{locale}.js": f'OC.L10N.register("{app}", {{"Files" : "{locale}"}});\n'
                      for locale in LOCALES})
    files.update({f"lib/private/Share/Helper{n}.php": f"<?php\nclass Helper{n} {{}}\n" for n in range(2)})
    done, fleet_rules = _init(tmp_path / "owncloud", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["apps/*"], done.stderr
    assert "**/l10n/*.js" in fleet_rules["exclude"]
    assert '"**/l10n/*.js"   # translations: 40 source files' in (tmp_path / "rules" / "radar.yaml").read_text()
    files.update({f"public/js/summernote/lang/summernote-{locale.replace('_', '-')}.js": "jQuery.extend({});\n"
                  for locale in LOCALES})
    _, fleet_rules = _init(tmp_path / "prefixed", files, tmp_path / "prefixed-rules")
    assert "**/lang/*.js" in fleet_rules["exclude"]
    short = {f"net/{name}.js": f"module.exports = () => '{name}';\n"
             for name in ("io", "os", "ui", "fs", "db", "vm", "ws", "ip", "id", "it")}
    _, fleet_rules = _init(tmp_path / "short", {**files, **short}, tmp_path / "short-rules")
    assert not any("net" in glob for glob in fleet_rules["exclude"])


def test_init_finds_ant_and_ivy_plugins_and_the_core_the_build_at_the_top_keeps_in_src(tmp_path):
    """nutch: 78 plugins, `src/plugin/<name>/` with an `ivy.xml` (and Ant's build.xml) each, and
    the crawler they plug into, `src/java/`, built by the `build.xml` at the top. No manifest was
    known, so the plugins were one package and the core's folders of classes one-module packages;
    its first proposal, `setConf` x 8 (read the plugin's rules file), was a watching candidate.
    A crate at the top keeps its sources in `src/` likewise (qdrant's server: 113 files unread)."""
    files = {"build.xml": "<project name='nutch'/>\n", "ivy/ivy.xml": "<ivy-module/>\n"}
    for name in ("parse-html", "protocol-http", "urlfilter-regex", "index-basic"):
        files[f"src/plugin/{name}/ivy.xml"] = "<ivy-module/>\n"
        files[f"src/plugin/{name}/build.xml"] = "<project/>\n"
        for n in range(4):  # the plugins hold most of the code, as nutch's 78 do
            files[f"src/plugin/{name}/src/java/org/x/{name.replace('-', '')}/Plugin{n}.java"] = f"class Plugin{n} {{ }}\n"
    for n in range(12):
        files[f"src/java/org/x/crawl/Crawl{n}.java"] = f"class Crawl{n} {{ }}\n"
    _, fleet_rules = _init(tmp_path / "nutch", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/plugin/*", "src"]
    # qdrant: the server is the crate at the top of the tree, `src/`, beside its workspace's `lib/*`
    files = {"Cargo.toml": "[package]\nname = \"qdrant\"\n\n[workspace]\nmembers = [\"lib/*\"]\n"}
    for name in ("segment", "collection", "storage"):
        files[f"lib/{name}/Cargo.toml"] = f"[package]\nname = \"{name}\"\n"
        files.update({f"lib/{name}/src/part{n}.rs": f"pub fn run{n}() -> u32 {{ {n} }}\n" for n in range(5)})
    files.update({f"src/actix/api{n}.rs": f"pub fn api{n}() -> u32 {{ {n} }}\n" for n in range(12)})
    _, fleet_rules = _init(tmp_path / "qdrant", files, tmp_path / "rust-rules")
    assert fleet_rules["subsystems"] == ["lib/*", "src"]


def test_init_finds_nx_projects_by_project_json_and_a_workspaces_lone_package(tmp_path):
    """lerna: an Nx workspace, `libs/commands/<command>/` with a `project.json` and no
    package.json, so its commands' files were one-module packages; and its command-line tool,
    `packages/lerna`, the only package of the workspace's `packages/`, was unread beside them."""
    nx = '{"name": "x", "projectType": "library"}\n'
    files = {"nx.json": "{}\n", "package.json": "{}\n", "packages/lerna/package.json": "{}\n",
             "libs/core/project.json": nx, "libs/core/src/index.ts": "export const core = 1;\n",
             "libs/child-process/project.json": nx, "libs/child-process/src/index.ts": "export const spawn = 1;\n"}
    files.update({f"packages/lerna/src/cli{n}.ts": f"export const cli{n} = {n};\n" for n in range(10)})
    for command in ("publish", "version", "bootstrap", "exec"):
        files[f"libs/commands/{command}/project.json"] = nx
        files.update({f"libs/commands/{command}/src/lib/step{n}.ts": f"export const s{n} = {n};\n" for n in range(5)})
    _, fleet_rules = _init(tmp_path / "lerna", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["libs/*", "libs/commands/*", "packages/lerna"]


def test_init_takes_a_lone_csharp_librarys_namespaces_as_its_parts_not_its_classes(tmp_path):
    """Rebus: one C# library, `Rebus/Rebus.csproj`, its namespaces `Rebus/Sagas`, `Rebus/Retry` …;
    with nothing else found, a folder of ten classes or more had been a fleet of one-module
    packages each (`Rebus/Sagas/*.cs`), its classes the consumers. A lone library's namespaces
    are its parts, beside its test project and a small tool at the top too."""
    files = {"src/Bus/Bus.csproj": "<Project/>\n"}
    for n in range(10):
        files.update({f"src/Bus/Part{n}/Class{k}.cs": f"class Class{n}x{k} {{ }}\n" for k in range(11)})
    _, fleet_rules = _init(tmp_path / "lone", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/Bus/*"]
    files = {f"Rebus/{path[len('src/Bus/'):]}": text for path, text in files.items()}
    files.update({"Rebus/Rebus.csproj": "<Project/>\n", "Rebus.Tests/Rebus.Tests.csproj": "<Project/>\n",
                  "Tool/Tool.csproj": "<Project/>\n", "Tool/Program.cs": "class Program { }\n",
                  "Rebus.Tests/BusTest.cs": "class BusTest { }\n"})
    _, fleet_rules = _init(tmp_path / "rebus", files, tmp_path / "rebus-rules")
    assert fleet_rules["subsystems"] == ["Rebus/*"]


def test_init_reads_a_csharp_librarys_projects_side_by_side_and_leaves_out_folders_named_demos(tmp_path):
    """ScottPlot: its library, `src/Plot/Plot`, beside `src/Plot/Plot Controls/*`, the library in
    each UI toolkit (WPF, WinForms …, a project each), and the solution's folders `Plot Demos`,
    `Plot Cookbook` and `Plot Sandbox`, named in words: the demos and recipes had been 53
    subsystems, the controls read by no glob."""
    files = {"src/Plot/Plot/Plot.csproj": "<Project/>\n", "src/Plot/Plot/Plot.cs": "class Plot { }\n"}
    for n in range(10):
        files.update({f"src/Plot/Plot/Part{n}/Class{k}.cs": f"class Class{n}x{k} {{ }}\n" for k in range(3)})
    for toolkit in ("WPF", "WinForms", "Avalonia"):
        files[f"src/Plot/Plot Controls/Plot.{toolkit}/Plot.{toolkit}.csproj"] = "<Project/>\n"
        files[f"src/Plot/Plot Controls/Plot.{toolkit}/Control.cs"] = f"class {toolkit}Control {{ }}\n"
    for folder in ("Plot Demos", "Plot Cookbook", "Plot Sandbox"):
        files.update({f"src/Plot/{folder}/App{n}/App{n}.cs": f"class App{n} {{ }}\n" for n in range(3)})
    done, fleet_rules = _init(tmp_path / "plot", files, tmp_path / "rules")
    assert set(fleet_rules["subsystems"]) >= {"src/Plot/Plot Controls/*", "src/Plot/Plot"}, done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert all(excluded(f"src/Plot/{folder}/App1/App1.cs") for folder in ("Plot Demos", "Plot Cookbook", "Plot Sandbox"))


def test_init_keeps_out_dotnet_test_and_benchmark_projects_by_their_project_files_name(tmp_path):
    """Ocelot: `unit/Ocelot.UnitTests.csproj`, `acceptance/Ocelot.Acceptance.csproj` and
    `benchmark/Ocelot.Benchmarks.csproj`, folders named for nothing a test folder is, had been
    three of its packages beside `src`, the library, whose namespaces are its parts."""
    files = {"src/Gateway.csproj": "<Project/>\n", "unit/Gateway.UnitTests.csproj": "<Project/>\n",
             "acceptance/Gateway.Acceptance.csproj": "<Project/>\n",
             "benchmark/Gateway.Benchmarks.csproj": "<Project/>\n", "tool/Tool.csproj": "<Project/>\n"}
    for folder in ("unit", "acceptance", "benchmark", "tool"):
        files[f"{folder}/Steps.cs"] = f"class Steps{folder.title()} {{ }}\n"
    for n in range(10):
        files.update({f"src/Part{n}/Class{k}.cs": f"class Class{n}x{k} {{ }}\n" for k in range(3)})
    excluded = _excluded_by_init(tmp_path / "gateway", files, tmp_path / "rules")
    assert [excluded(f"{folder}/Steps.cs") for folder in ("unit", "acceptance", "benchmark", "tool")] == [
        True, True, True, False]


def test_init_keeps_out_smoke_tests(tmp_path):
    """steep: `smoke/`, 123 Ruby files its type checker is run on (`smoke/diagnostics/*.rb`
    among them), had been 30 subsystems beside `lib/steep/*`."""
    files = {f"smoke/case{n}/a.rb": f"x = {n}\n" for n in range(12)}
    files.update({f"smoke/diagnostics/d{n}.rb": f"y = '{n}' + 1\n" for n in range(12)})
    for name in ("ast", "drivers", "server"):
        files[f"lib/steep/{name}/{name}.rb"] = f"module Steep\n  class {name.title()}\n  end\nend\n"
    excluded = _excluded_by_init(tmp_path / "checker", files, tmp_path / "rules")
    assert excluded("smoke/case0/a.rb") and excluded("smoke/diagnostics/d0.rb")
    assert not excluded("lib/steep/ast/ast.rb")


def test_init_keeps_out_a_modules_test_harness_program_and_a_programs_unit_tests(tmp_path):
    """wazuh: eleven modules' `testtool/`, programs driving the module under test, 92 files; their
    copied argument parsers had been its first proposal. luanti's unit tests, 52
    `src/unittest/*.cpp` beside its code, had been as many subsystems; zcash's Google Test ones,
    `src/gtest/`, and their test doubles, its first proposal once `src` is read by its parts."""
    files = {}
    for name in ("dbsync", "keystore", "syscheck"):
        files[f"src/{name}/CMakeLists.txt"] = ""
        files[f"src/{name}/src/{name}.cpp"] = f"int {name}_open() {{ return 1; }}\n"
        files[f"src/{name}/testtool/main.cpp"] = "int main(int argc, char** argv) { return argc; }\n"
        files[f"src/unittest/test_{name}.cpp"] = f"int test_{name}() {{ return 1; }}\n"
        files[f"src/gtest/test_{name}.cpp"] = f"TEST({name}, Opens) {{ EXPECT_EQ(1, {name}_open()); }}\n"
    excluded = _excluded_by_init(tmp_path / "agent", files, tmp_path / "rules")
    assert excluded("src/dbsync/testtool/main.cpp") and not excluded("src/dbsync/src/dbsync.cpp")
    assert excluded("src/unittest/test_dbsync.cpp") and excluded("src/gtest/test_dbsync.cpp")


def test_init_keeps_out_dotnet_project_templates_and_lists_no_fleet_of_empty_packages(tmp_path):
    """aws-lambda-dotnet: its blueprints, a `dotnet new` template each (`template/.template.config/
    template.json`) per Visual Studio version, had been 94 packages, their `Function.cs` x 4 its
    first proposal; botbuilder-dotnet's Visual Studio templates (`*.vstemplate`), its bots'
    `Startup.Configure` x 4. Their templates kept out, each blueprint holds a manifest alone: no
    fleet of them is listed, the libraries are."""
    files = {}
    for version in ("vs2022", "vs2026"):
        for blueprint in ("DetectImageLabels", "S3Events", "SimpleApi"):
            root = f"Blueprints/BlueprintDefinitions/{version}/{blueprint}"
            files[f"{root}/blueprint-manifest.json"] = "{}\n"
            files[f"{root}/template/.template.config/template.json"] = "{}\n"
            files[f"{root}/template/src/Function.cs"] = "public class Function { public int Run() { return 1; } }\n"
            files[f"{root}/template/src/BlueprintBaseName.1.csproj"] = "<Project/>\n"
    for app in ("CoreBot", "EchoBot", "EmptyBot"):
        files[f"generators/vsix/ProjectTemplates/{app}/{app}.vstemplate"] = "<VSTemplate/>\n"
        files[f"generators/vsix/ProjectTemplates/{app}/Startup.cs"] = "public class Startup { }\n"
    for library in ("Amazon.Lambda.Core", "Amazon.Lambda.S3Events", "Amazon.Lambda.Logging"):
        files[f"Libraries/src/{library}/{library}.csproj"] = "<Project/>\n"
        files[f"Libraries/src/{library}/Handler.cs"] = f"public class Handler {{ public int N() {{ return {len(library)}; }} }}\n"
    _, fleet_rules = _init(tmp_path / "lambda", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("Blueprints/BlueprintDefinitions/vs2022/S3Events/template/src/Function.cs")
    assert excluded("generators/vsix/ProjectTemplates/EchoBot/Startup.cs")
    assert not excluded("Libraries/src/Amazon.Lambda.Core/Handler.cs")
    assert "Libraries/src/*" in fleet_rules["subsystems"]
    assert not [glob for glob in fleet_rules["subsystems"] if glob.startswith("Blueprints")]
    # a repository of templates (ardalis' CleanArchitecture, a template at its top): its code
    templates = {".template.config/template.json": "{}\n", "MinimalClean/.template.config/template.json": "{}\n"}
    templates.update({f"{top}src/{part}/{part}.cs": f"public class {part} {{ }}\n"
                      for top in ("", "MinimalClean/") for part in ("Core", "Infrastructure", "Web")})
    _, fleet_rules = _init(tmp_path / "clean", templates, tmp_path / "clean-rules")
    assert not any_glob(tuple(fleet_rules["exclude"]))("MinimalClean/src/Core/Core.cs")


def test_init_keeps_out_the_karma_entry_of_angular_projects(tmp_path):
    """ddp-angular: 23 projects' `src/test.ts`, each setting the Angular test environment up for
    Karma (`karma.conf.js` beside `src/`), had been its second proposal. Without Karma, a
    `src/test.ts` is code (a command line's `test` command)."""
    files = {}
    for app in ("ddp-angio", "ddp-atcp", "ddp-brain"):
        files[f"projects/{app}/karma.conf.js"] = "module.exports = function (config) {};\n"
        files[f"projects/{app}/src/test.ts"] = "getTestBed().initTestEnvironment(A, b());\n"
        files[f"projects/{app}/src/app/app.module.ts"] = f"export const {app.replace('-', '_')} = 1;\n"
    excluded = _excluded_by_init(tmp_path / "ddp", files, tmp_path / "rules")
    assert excluded("projects/ddp-atcp/src/test.ts") and not excluded("projects/ddp-atcp/src/app/app.module.ts")
    commands = {f"packages/{tool}/src/test.ts": f"export function test{tool}() {{ return 1; }}\n"
                for tool in ("cli", "runner", "bench")}
    assert not _excluded_by_init(tmp_path / "tools", commands, tmp_path / "tools-rules")("packages/cli/src/test.ts")


def test_init_keeps_out_what_wayfinder_writes_in_a_laravel_app_requiring_it(tmp_path):
    """bazaar-laravel: Wayfinder writes a TypeScript function for each controller action and named
    route into `resources/js/actions/` and `resources/js/routes/`, no banner in them: its 20
    Telescope controllers' `CacheController.ts` … had been its first proposal. An app without it
    keeps its `resources/js/actions/`, its own Redux actions as often."""
    files = {"composer.json": '{"require": {"laravel/framework": "^12.0", "laravel/wayfinder": "^0.1"}}\n'}
    for controller in ("CacheController", "EventsController", "JobsController"):
        files[f"resources/js/actions/Laravel/Telescope/Http/Controllers/{controller}.ts"] = (
            "export const index = () => ({ url: index.url(), method: 'post' })\n")
        files[f"resources/js/routes/{controller.lower()}/index.ts"] = "export const show = () => ({ url: '/x' })\n"
        files[f"resources/js/pages/{controller}.tsx"] = f"export default function {controller}() {{ return null }}\n"
    files["resources/js/wayfinder/index.ts"] = "export const queryParams = () => ''\n"
    excluded = _excluded_by_init(tmp_path / "bazaar", files, tmp_path / "rules")
    assert excluded("resources/js/actions/Laravel/Telescope/Http/Controllers/JobsController.ts")
    assert excluded("resources/js/routes/jobscontroller/index.ts") and excluded("resources/js/wayfinder/index.ts")
    assert not excluded("resources/js/pages/JobsController.tsx")
    files["composer.json"] = '{"require": {"laravel/framework": "^12.0"}}\n'
    mine = _excluded_by_init(tmp_path / "own", files, tmp_path / "own-rules")
    assert not mine("resources/js/actions/Laravel/Telescope/Http/Controllers/JobsController.ts")


def test_init_keeps_out_the_test_programs_of_a_hal(tmp_path):
    """mayhem-firmware: its copy of ChibiOS' `testhal/`, a program per board and driver
    (`testhal/STM32F4xx/IRQ_STORM/main.c`), had made 39 subsystems, their copied `main` its
    first proposals; the firmware's own applications are read."""
    files = {}
    for board in ("STM32F1xx", "STM32F37x", "STM32F4xx"):
        for driver in ("ADC", "IRQ_STORM", "SPI"):
            files[f"firmware/chibios/testhal/{board}/{driver}/main.c"] = f"int main(void) {{ return {len(driver)}; }}\n"
            files[f"firmware/chibios/testhal/{board}/{driver}/Makefile"] = "all:\n"
    for app in ("proc_ais", "proc_ert", "proc_tones"):
        files[f"firmware/baseband/{app}.cpp"] = f"int {app}_run(void) {{ return 1; }}\n"
    excluded = _excluded_by_init(tmp_path / "mayhem", files, tmp_path / "rules")
    assert excluded("firmware/chibios/testhal/STM32F4xx/SPI/main.c")
    assert not excluded("firmware/baseband/proc_ais.cpp")


def test_init_keeps_out_test_folders_named_for_their_kind_with_an_underscore(tmp_path):
    """insightconnect-plugins: each plugin's `unit_test/` holds its tests and their helpers,
    `util.py` and `mock.py` (4,635 files), whose copied mock responses had led its watch list;
    heron's `integration_test/` had been a package of 141 files."""
    files = {}
    for name in ("any_run", "automox", "azure_compute"):
        files[f"plugins/{name}/setup.py"] = ""
        files[f"plugins/{name}/komand_{name}/connection.py"] = "def connect(params):\n    return params\n"
        files[f"plugins/{name}/unit_test/util.py"] = "class MockResponse:\n    status_code = 200\n"
    files["integration_test/src/python/topology.py"] = "def run():\n    return 1\n"
    excluded = _excluded_by_init(tmp_path / "plugins", files, tmp_path / "rules")
    assert excluded("plugins/automox/unit_test/util.py") and excluded("integration_test/src/python/topology.py")
    assert not excluded("plugins/automox/komand_automox/connection.py")


def test_init_keeps_out_each_librarys_testsuite(tmp_path):
    """poco: each library's tests in its `testsuite/` (`Net/testsuite/src/WebSocketTest.cpp`):
    9 of its 11 first proposals were the SSL libraries' tests copied from `Net`'s."""
    files = {}
    for name in ("Net", "NetSSL_OpenSSL", "NetSSL_Win", "Foundation"):
        files[f"{name}/CMakeLists.txt"] = ""
        files[f"{name}/src/{name}.cpp"] = f"int {name}_open() {{ return 1; }}\n"
        files[f"{name}/testsuite/src/{name}Test.cpp"] = f"int test_{name}() {{ return 1; }}\n"
    excluded = _excluded_by_init(tmp_path / "poco", files, tmp_path / "rules")
    assert excluded("Net/testsuite/src/NetTest.cpp") and not excluded("Net/src/Net.cpp")


def test_init_keeps_out_the_engineering_systems_scripts(tmp_path):
    """typespec: each emitter package's `eng/scripts/` (Microsoft's and .NET Arcade's folder of
    build, CI and release scripts): three packages' copied `emit-e2e.ts` had been its first
    proposal."""
    files = {"package.json": json.dumps({"private": True, "workspaces": ["packages/*"]})}
    for name in ("http-client-js", "http-server-js", "http-server-csharp"):
        files[f"packages/{name}/package.json"] = json.dumps({"name": f"@typespec/{name}"})
        files[f"packages/{name}/src/emitter.ts"] = f"export const emit = () => '{name}';\n"
        files[f"packages/{name}/eng/scripts/emit-e2e.ts"] = "export function processFiles() { return 1; }\n"
    files["eng/common/scripts/labels.ts"] = "export const labels = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "typespec", files, tmp_path / "rules")
    assert excluded("packages/http-server-js/eng/scripts/emit-e2e.ts") and excluded("eng/common/scripts/labels.ts")
    assert not excluded("packages/http-server-js/src/emitter.ts")


def test_init_keeps_out_demo_apps_named_in_one_word(tmp_path):
    """GRDB: its documentation's `Documentation/DemoApps/GRDBDemo/…`, a demo app's 14 Swift files,
    had been a package of its fleet, beside the library's own."""
    files = {f"GRDB/Core/{name}.swift": f"public struct {name} {{ func run() -> Int {{ 1 }} }}\n"
             for name in ("Database", "Row", "Statement")}
    files.update({f"Documentation/DemoApps/GRDBDemo/Views/{name}.swift": f"struct {name} {{ }}\n"
                  for name in ("PlayerListView", "PlayerFormView")})
    excluded = _excluded_by_init(tmp_path / "grdb", files, tmp_path / "rules")
    assert excluded("Documentation/DemoApps/GRDBDemo/Views/PlayerListView.swift")
    assert not excluded("GRDB/Core/Row.swift")


def test_init_keeps_out_the_apps_tests_run_against(tmp_path):
    """yarp: `testassets/`, the ASP.NET Core way, six apps its functional tests start (a
    `ReverseProxy.Direct.Sample`, a `TestServer` …), had been six packages of its fleet."""
    files = {}
    for name in ("ReverseProxy", "Kubernetes.Controller", "TelemetryConsumption"):
        files[f"src/{name}/{name}.csproj"] = "<Project />\n"
        files[f"src/{name}/Proxy.cs"] = f"namespace {name} {{ public class Proxy {{ }} }}\n"
    for name in ("TestServer", "BenchmarkApp", "ReverseProxy.Code"):
        files[f"testassets/{name}/{name}.csproj"] = "<Project />\n"
        files[f"testassets/{name}/Program.cs"] = f"namespace {name} {{ public class Program {{ }} }}\n"
    excluded = _excluded_by_init(tmp_path / "yarp", files, tmp_path / "rules")
    assert excluded("testassets/TestServer/Program.cs") and not excluded("src/ReverseProxy/Proxy.cs")


def test_init_keeps_out_pesters_tests_and_its_own_tst_folder(tmp_path):
    """Pester: PowerShell's tests are `*.Tests.ps1` beside the code (101 in Pester), and Pester
    keeps its own in `tst/` (142 files): its custom assertions' copies there had been its first
    proposal, `tst/*.ps1` 30 one-module packages."""
    files = {}
    for name in ("Be", "Match", "Contain"):
        files[f"src/functions/assertions/{name}.ps1"] = f"function Should-{name} {{ param($a) $a }}\n"
        files[f"src/functions/assertions/{name}.Tests.ps1"] = f"Describe '{name}' {{ It 'works' {{ 1 }} }}\n"
        files[f"tst/Pester.{name}.ts.ps1"] = f"function Should-BeAwesome{name} {{ param($a) $a }}\n"
    excluded = _excluded_by_init(tmp_path / "pester", files, tmp_path / "rules")
    assert excluded("tst/Pester.Be.ts.ps1") and excluded("src/functions/assertions/Be.Tests.ps1")
    assert not excluded("src/functions/assertions/Be.ps1")


def test_init_keeps_out_test_doubles(tmp_path):
    """OpenZeppelin: `contracts/mocks/`, 119 contracts its tests deploy, had been a fleet beside the
    library; focalboard's Go `mocks/`, mockery's, and firezone's Swift `Mocks/` likewise."""
    files = {f"contracts/mocks/token/M{n}.sol": f"contract M{n} {{ function f() public {{}} }}\n" for n in range(12)}
    files.update({f"contracts/{name}/{name.title()}.sol": f"contract {name.title()} {{}}\n"
                  for name in ("token", "access", "utils", "proxy")})
    files["server/mocks/store.go"] = "package mocks\n"
    excluded = _excluded_by_init(tmp_path / "contracts", files, tmp_path / "rules")
    assert excluded("contracts/mocks/token/M0.sol") and excluded("server/mocks/store.go")
    assert not excluded("contracts/token/Token.sol")


def test_init_keeps_out_a_committed_bytecode_cache(tmp_path):
    """glances: a `glances/plugins/__pycache__/__init__.py`, committed, had been one of its
    plugins."""
    files = {"glances/plugins/__pycache__/__init__.py": "", "glances/__init__.py": ""}
    for name in ("cpu", "mem", "load"):
        files[f"glances/plugins/{name}/__init__.py"] = f"class Plugin{name.title()}:\n    pass\n"
    done, fleet_rules = _init(tmp_path / "monitor", files, tmp_path / "rules")
    assert any_glob(tuple(fleet_rules["exclude"]))("glances/plugins/__pycache__/__init__.py")
    assert "glances/plugins/* (3 packages)" in done.stderr, done.stderr


def test_init_keeps_out_cypress_end_to_end_tests(tmp_path):
    """react-admin: `cypress/`, its end-to-end tests, a package.json and twelve page objects
    beside the specs, had been a package beside `packages/*`."""
    files = {f"cypress/support/Page{n}.js": f"export default {{ visit: () => cy.visit('/{n}') }};\n"
             for n in range(12)}  # page objects; its specs are in `e2e/`, kept out by name already
    files.update({"cypress/package.json": "{}\n", "cypress/e2e/list.cy.js": "describe('list', () => {})\n"})
    for name in ("ra-core", "ra-ui", "ra-data"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.ts"] = f"export const name = '{name}';\n"
    excluded = _excluded_by_init(tmp_path / "admin", files, tmp_path / "rules")
    assert excluded("cypress/support/Page0.js") and not excluded("packages/ra-core/src/index.ts")


def test_init_keeps_out_a_sphinx_documentation_at_the_top_whatever_its_folders_name(tmp_path):
    """CodeIgniter4: `user_guide_src/source/conf.py` beside its `index.rst`, and 1,573 PHP
    snippets the guide shows, had been one package of its first scan. A `conf.py` of code, with
    no index beside it, is code."""
    files = {"user_guide_src/source/conf.py": "project = 'guide'\n", "user_guide_src/source/index.rst": "Guide\n",
             "user_guide_src/source/models/model/001.php": "<?php\n$model = new UserModel();\n",
             "tools/conf.py": "settings = {}\n", "tools/run.py": "print(1)\n"}
    for part in ("Cache", "Database", "HTTP"):
        files[f"system/{part}/{part}.php"] = f"<?php\nclass {part} {{ }}\n"
    excluded = _excluded_by_init(tmp_path / "framework", files, tmp_path / "rules")
    assert excluded("user_guide_src/source/models/model/001.php") and not excluded("tools/run.py")


def test_init_takes_a_projects_classes_beside_its_folders_of_plugins_as_their_framework(tmp_path):
    """Steeltoe: `Connectors/` is one C# project, its connectors' folders (`PostgreSql/`,
    `Redis/` …) a fleet, and its own 15 classes (`ConnectorFactory.cs` …) their framework, which
    had been a fleet of one-module packages beside them, each class a consumer and no home.
    Python's modules beside their packages stay one-module packages (sentry-python's integrations)."""
    files = {"Connectors/Connectors.csproj": "<Project/>\n"}
    for name in ("PostgreSql", "Redis", "MongoDb", "MySql"):
        files[f"Connectors/{name}/{name}Connector.cs"] = f"class {name}Connector : Connector {{}}\n"
    for n in range(12):  # 8 KB or more of the framework's own code
        files[f"Connectors/Framework{n}.cs"] = "class Framework { int Size() { return 1; } }\n" * 20
    files.update({f"sdk/integrations/{name}/__init__.py": "" for name in ("aws", "gcp", "azure")})
    files.update({f"sdk/integrations/{name}.py": "def setup():\n    return 1\n" for name in ("flask", "django", "rq")})
    files.update({"sdk/__init__.py": "", "sdk/integrations/__init__.py": ""})
    _, fleet_rules = _init(tmp_path / "connectors", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["Connectors/*", "Connectors", "sdk/integrations/*", "sdk/integrations/*.py"]


def test_init_takes_each_package_of_a_lone_jvm_library_when_too_few_subsystems_are_found(tmp_path):
    """vert.x: `vertx-core` and `vertx-core-logging`, beside a module of tests: two subsystems,
    so nothing could ever be proposed and the first scan said nothing at all. Its packages,
    `io/vertx/core/http`, `…/net` …, are the parts (its first scan: a `shutdown` three servers
    copy); `module-info.java` at a source root is no package. Three modules are a fleet, the
    one holding most of the code read by its packages beside it (parts.dominant_parts)."""
    pom = "<project><modelVersion>4.0.0</modelVersion></project>\n"
    files = {"pom.xml": pom, "core/pom.xml": pom, "logging/pom.xml": pom, "core-tests/pom.xml": pom,
             "core-tests/src/main/java/io/x/it/Check.java": "package io.x.it;\nclass Check {}\n",
             "core/src/main/java/module-info.java": "module io.x.core {}\n",
             "logging/src/main/java/io/x/logging/Log.java": "package io.x.logging;\npublic class Log {}\n"}
    parts = ("http", "net", "json", "dns", "file", "eventbus", "buffer", "streams", "impl", "spi")
    for part in parts:
        files[f"core/src/main/java/io/x/core/{part}/{part.title()}.java"] = (
            f"package io.x.core.{part};\npublic class {part.title()} {{\n  int size() {{ return 1; }}\n}}\n")
    _, fleet_rules = _init(tmp_path / "vertx", files, tmp_path / "rules")
    assert set(fleet_rules["subsystems"]) == {f"core/src/main/java/io/x/core/{part}" for part in parts} | {
        "logging/src/main/java/io/x/logging"}
    files["cli/pom.xml"] = pom
    files["cli/src/main/java/io/x/cli/Main.java"] = "package io.x.cli;\npublic class Main {}\n"
    _, fleet_rules = _init(tmp_path / "three", files, tmp_path / "three-rules")
    assert fleet_rules["subsystems"] == ["*", "core/src/main/java/io/x/core/*"]


def test_init_takes_each_package_of_a_lone_go_module_whose_top_is_a_programs_glue(tmp_path):
    """packer: its top is the `main` package, 12 files of 504 (main.go, commands.go, log.go …), its
    code in `hcl2template/`, `command/`, `provisioner/shell/` …: init found nothing, a scan said
    nothing. A top holding a tenth of the module or less is glue; gin's, a third, is its heart."""
    files = {"go.mod": "module example.com/builder\n\ngo 1.22\n", "main.go": "package main\n\nfunc main() {}\n"}
    for folder in ("command", "hcl2template", "provisioner/shell", "provisioner/file", "post-processor/checksum"):
        package = folder.rpartition("/")[2]
        files.update({f"{folder}/file{n}.go": f"package {package}\n\nfunc F{n}() int {{ return {n} }}\n"
                      for n in range(2)})
    done, fleet_rules = _init(tmp_path / "builder", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["command", "hcl2template", "post-processor/checksum", "provisioner/file",
                                         "provisioner/shell"], done.stderr
    files.update({f"glue{n}.go": "package main\n" for n in range(2)})  # 3 files of 13 at the top
    _, fleet_rules = _init(tmp_path / "library", files, tmp_path / "library-rules")
    assert fleet_rules["subsystems"] == []


def test_init_takes_a_lone_librarys_modules_beside_a_folder_too_small_to_make_a_fleet(tmp_path):
    """aiohttp: `aiohttp/` (44 modules) and `requirements/` (pins, a pyproject.toml for pip-tools and
    one script) were two packages at the top, `*`: one library read as one consumer, and nothing
    could ever reach three. Fewer packages than the gate's consumers: the library's modules."""
    files = {"setup.py": "", "aiohttp/__init__.py": "", "requirements/pyproject.toml": "[tool.pip-tools]\n",
             "requirements/sync.py": "print('pins')\n"}
    files.update({f"aiohttp/module{n}.py": f"def f{n}():\n    return {n}\n" for n in range(20)})
    done, fleet_rules = _init(tmp_path / "library", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["aiohttp/*.py"], done.stderr


def test_init_takes_a_folder_of_modules_beside_a_few_packages_and_its_helpers_as_their_home(tmp_path):
    """eslint: two small `packages/*` and 300 rules in `lib/rules/*.js`, which all require
    `./utils/ast-utils`: the rules are the fleet, their helpers' folder a subsystem (the home)."""
    files = {"package.json": "{}\n", "lib/rules/utils/ast-utils.js": "exports.isToken = (t) => !!t;\n",
             "lib/rules/utils/fix-tracker.js": "exports.track = (f) => f;\n",
             "lib/rules/fixtures/sample.js": "var a = 1;\n"}
    for name in ("js", "eslint-config-eslint"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/index.js"] = "module.exports = {};\n"
    for n in range(25):
        files[f"lib/rules/rule{n}.js"] = (f'const astUtils = require("./utils/ast-utils");\n'
                                          f"module.exports = {{ create: () => astUtils.isToken({n}) }};\n")
    done, fleet_rules = _init(tmp_path / "linter", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*", "lib/rules/*.js", "lib/rules/*"], done.stderr
    assert "lib/rules/*.js (25 one-module packages)" in done.stderr


def test_init_takes_a_folder_of_drivers_inside_a_package_as_a_fleet(tmp_path):
    """libcloud: `libcloud/{compute,dns,storage}` are packages, and `compute/drivers/*.py` holds
    one driver per cloud: the drivers are a fleet; a folder of a package's own modules is not."""
    files = {"setup.py": "", "libcloud/__init__.py": ""}
    for api in ("compute", "dns", "storage"):
        files[f"libcloud/{api}/__init__.py"] = ""
        files[f"libcloud/{api}/base.py"] = "class Driver:\n    pass\n"
    for n in range(25):
        files[f"libcloud/compute/drivers/cloud{n}.py"] = f"def create():\n    return {n}\n"
        files[f"libcloud/storage/parts/part{n}.py"] = f"def part{n}():\n    return {n}\n"
        files[f"libcloud/dns/addons/addon{n}.py"] = f"def load():\n    return {n}\n"  # mitmproxy's addons
        files[f"libcloud/modules/module{n}.py"] = f"def main():\n    return {n}\n"  # ansible's modules
        files[f"libcloud/storage/hooks/hook{n}.py"] = f"def instrument():\n    return {n}\n"  # newrelic's hooks
    _, fleet_rules = _init(tmp_path / "clouds", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["libcloud/*", "libcloud/compute/drivers/*.py", "libcloud/dns/addons/*.py",
                                         "libcloud/modules/*.py", "libcloud/storage/hooks/*.py"]


def test_init_takes_c_plugins_a_file_each_as_a_fleet(tmp_path):
    """radare2 and rizin: `libr/bin/p/bin_elf.c` …, a plugin a file, and `libr/io/p/*.c` had
    been inside their library's one package (a C folder is one package): with rizin's plugins a
    fleet, its first proposals are the hash plugins' copied boilerplate x 18 and the capstone
    analysis plugins' `opex` x 8. A C folder of its own modules stays one package, and so does
    one plugin's folder inside `p/` (radare2's `libr/arch/p/pyc/*.c`, 34 files)."""
    files = {"meson.build": ""}
    for lib in ("bin", "io", "util", "core", "cons"):
        files[f"libr/{lib}/meson.build"] = ""
        files[f"libr/{lib}/{lib}.c"] = f"int {lib}_init(void) {{ return 0; }}\n"
    for n in range(PLUGIN_FLEET + 2):
        files[f"libr/bin/p/bin_format{n}.c"] = f"int load{n}(void) {{ return {n}; }}\n"
        files[f"libr/core/p/asm/asm_arch{n}.c"] = f"int assemble{n}(void) {{ return {n}; }}\n"  # rizin's kinds
        files[f"libr/core/p/pyc/part{n}.c"] = f"int decode{n}(void) {{ return {n}; }}\n"  # radare2's one plugin
        files[f"libr/util/part{n}.c"] = f"int part{n}(void) {{ return {n}; }}\n"
    _, fleet_rules = _init(tmp_path / "r2", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["libr/*", "libr/bin/p/*.c", "libr/core/p/asm/*.c"]


def test_init_reads_a_folder_whose_classes_name_its_kind_first_as_the_framework_of_that_kind(tmp_path):
    """nifi: `components/connector/` holds the connectors' framework (ConnectorNode,
    ConnectorRepository, StandardConnectorNode), not a connector per class; its adapters'
    folder, each class named for what it adapts (MapInboundAdapter), is a fleet."""
    files = {"pom.xml": ""}
    for name in ("api", "core", "cache"):
        files[f"{name}/pom.xml"] = ""
        files[f"{name}/src/main/java/org/x/{name.title()}.java"] = "class A { int a() { return 1; } }\n"
    base = "core/src/main/java/org/x/components"
    for n, part in enumerate(("Node", "Repository", "State", "Action", "Configuration", "SyncMode") * 4):
        name = f"{'Standard' if n % 2 else ''}Connector{part}{n}"
        files[f"{base}/connector/{name}.java"] = f"class {name} {{ int a() {{ return {n}; }} }}\n"
    for n in range(PLUGIN_FLEET + 2):
        files[f"cache/src/main/java/org/x/adapter/Kind{n}InboundAdapter.java"] = (
            f"class Kind{n}InboundAdapter {{ int a() {{ return {n}; }} }}\n")
    files["cache/src/main/java/org/x/adapter/support/Codec.java"] = "class Codec { int a() { return 0; } }\n"
    _, fleet_rules = _init(tmp_path / "flow", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*", "cache/src/main/java/org/x/adapter/*.java",
                                         "cache/src/main/java/org/x/adapter/*"]


def test_init_leaves_a_react_apps_hooks_in_its_package(tmp_path):
    """`hooks/` is a fleet of Python modules (newrelic's instrumentation, above); a JavaScript
    app's `src/hooks/*.ts` are its own React hooks (novu's 42, spree's dashboard's 54)."""
    files = {"package.json": "{}"}
    for name in ("web", "api", "shared"):
        files[f"packages/{name}/package.json"] = f'{{"name": "{name}"}}'
        files[f"packages/{name}/src/index.ts"] = f"export const {name} = 1;\n"
    for n in range(25):
        files[f"packages/web/src/hooks/useThing{n}.ts"] = f"export function useThing{n}() {{ return {n}; }}\n"
    _, fleet_rules = _init(tmp_path / "app", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*"]


def test_init_takes_a_folder_of_drivers_named_in_the_singular_as_a_fleet(tmp_path):
    """typeorm: `src/driver/<database>/`, one folder per database (mysql, postgres, cockroachdb
    …), whose query runners copy each other (`parseTableName` x 10): the folder is named in the
    singular, and the drivers had been one package with the library; `src/engine/` stays one."""
    files = {"package.json": "{}"}
    for name in ("mysql", "postgres", "sqlite", "cockroachdb"):
        files[f"src/driver/{name}/{name.title()}Driver.ts"] = f"export class {name.title()}Driver {{}}\n"
    files.update({f"src/part{n}.ts": f"export const part{n} = {n};\n" for n in range(12)})
    files.update({f"src/engine/{name}/{name}.ts": f"export const {name} = 1;\n" for name in ("pool", "cursor", "row")})
    _, fleet_rules = _init(tmp_path / "orm", files, tmp_path / "rules")
    assert "src/driver/*" in fleet_rules["subsystems"] and "src/engine/*" not in fleet_rules["subsystems"]


def test_init_takes_a_monoliths_top_folders_beside_its_plugins_when_they_hold_most_of_the_code(tmp_path):
    """outline: `plugins/*` (23) held 181 of its 1,858 files; `app/`, `server/` and `shared/`, the
    product itself, were unread. A folder of a demo is still none, nor Kubernetes' `hack/`
    (cluster-api's build and verify tools)."""
    files = {"package.json": "{}"}
    for name in ("slack", "github", "figma"):
        files[f"plugins/{name}/plugin.json"] = "{}"
        files[f"plugins/{name}/server/index.ts"] = "export const a = 1;\n"
    for top, n in (("app", 30), ("server", 20), ("shared", 12), ("demo", 12), ("hack", 12)):
        for i in range(n):
            files[f"{top}/part{i}/mod{i}.ts"] = f"export const v{i} = {i};\n"
    _, fleet_rules = _init(tmp_path / "monolith", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["plugins/*", "app", "server", "shared"]


def test_init_takes_a_jvm_builds_top_modules_beside_its_larger_fleets_as_their_home(tmp_path):
    """Sentinel: `sentinel-adapter/*` (21) and `sentinel-extension/*` (14) held most of the code,
    and `sentinel-core`, the module of the build every adapter depends on, was unread, so no
    home could be it. A top module of a build (pydantic-ai's `pydantic_graph` too) holding ten
    sources or more is a package whatever its share; a top folder of Java with no build of its
    own is not, nor a small module."""
    files = {"pom.xml": "<project/>\n", "sentinel-core/pom.xml": "<project/>\n", "small/pom.xml": "<project/>\n",
             "small/src/main/java/S.java": "class S { }\n"}
    for family, n in (("sentinel-adapter", 12), ("sentinel-extension", 8)):
        for i in range(n):
            files[f"{family}/{family}-{i}/pom.xml"] = "<project/>\n"
            for j in range(6):
                files[f"{family}/{family}-{i}/src/main/java/A{j}.java"] = f"class A{j} {{ }}\n"
    for top in ("sentinel-core", "tools"):
        for i in range(12):
            files[f"{top}/src/main/java/C{i}.java"] = f"class C{i} {{ }}\n"
    files["graph/pyproject.toml"] = "[project]\n"  # pydantic-ai's `pydantic_graph`, a package of any build
    files.update({f"graph/graph/g{i}.py": f"def g{i}():\n    return {i}\n" for i in range(10)})
    # rocketmq-clients' `csharp/`: a .NET solution, its project a folder further down
    files["csharp/client.sln"] = "Microsoft Visual Studio Solution File\n"
    files["csharp/client/client.csproj"] = "<Project/>\n"
    files.update({f"csharp/client/C{i}.cs": f"class C{i} {{ }}\n" for i in range(10)})
    _, fleet_rules = _init(tmp_path / "jvm-build", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["sentinel-adapter/*", "sentinel-extension/*", "csharp", "graph",
                                         "sentinel-core"]


def test_init_takes_the_go_packages_of_a_top_folder_beside_a_fleet_each_as_a_package(tmp_path):
    """caddy: `modules/caddyhttp/*` is a fleet; `modules/caddytls`, `modules/logging`,
    `modules/caddypki` … were one package, `modules`, so their copies of each other were one
    subsystem's. A Go package is a folder. A folder holding a Go module (etcd's `client/v3`,
    its go.mod) stays one, as does one holding versions side by side (cluster-api's
    `upstreamv1beta3` and `upstreamv1beta4`)."""
    def go(package: str, n: int) -> str:
        return f"package {package}\n\nfunc F{n}() int {{ return {n} }}\n"
    files = {"go.mod": "module example.com/server\n\ngo 1.22\n"}
    files.update({f"modules/http/handler{n}/handler.go": go(f"handler{n}", n) for n in range(10)})
    for package, n in (("tls", 8), ("logging", 6), ("pki", 5)):
        files.update({f"modules/{package}/file{i}.go": go(package, i) for i in range(n)})
    _, fleet_rules = _init(tmp_path / "server", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["modules/http/*", "modules/logging", "modules/pki", "modules/tls"]
    versions = {**files, "modules/pki/upstreamv1beta3/types.go": go("v3", 1),
                "modules/pki/upstreamv1beta4/types.go": go("v4", 1)}
    _, fleet_rules = _init(tmp_path / "versions", versions, tmp_path / "versions-rules")
    assert fleet_rules["subsystems"] == ["modules/http/*", "modules"]
    module = {**files, "modules/tls/go.mod": "module example.com/server/modules/tls\n"}
    _, fleet_rules = _init(tmp_path / "module", module, tmp_path / "module-rules")
    assert fleet_rules["subsystems"] == ["modules/http/*", "modules"]


def test_init_takes_a_renderers_diagrams_as_a_fleet(tmp_path):
    """mermaid: `packages/mermaid/src/diagrams/*`, one folder per diagram type, no manifest each:
    their copied `svgDraw.js` helpers (`byFo`, `byTspan` x 4) were one subsystem's."""
    files = {"package.json": "{}"}
    for name in ("mermaid", "parser", "core"):
        files[f"packages/{name}/package.json"] = "{}"
        files[f"packages/{name}/src/index.ts"] = "export const a = 1;\n"
    for name in ("flowchart", "sequence", "timeline", "c4", "gantt", "pie", "git", "er", "class", "state",
                 "mindmap", "sankey"):  # ten or more, this deep inside a package
        files[f"packages/mermaid/src/diagrams/{name}/svgDraw.js"] = "export const draw = () => 1;\n"
    _, fleet_rules = _init(tmp_path / "renderer", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["packages/*", "packages/mermaid/src/diagrams/*"]


def test_init_takes_a_scrapers_extractors_as_a_fleet(tmp_path):
    """yt-dlp: `yt_dlp/extractor/*.py`, one module per site, inside the package `yt_dlp/extractor`:
    copies between sites were one subsystem's, never a candidate."""
    files = {"setup.py": "", "yt_dlp/__init__.py": ""}
    for name in ("extractor", "networking", "utils"):
        files[f"yt_dlp/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    for n in range(12):
        files[f"yt_dlp/extractor/site{n}.py"] = f"class Site{n}IE:\n    pass\n"
    _, fleet_rules = _init(tmp_path / "scraper", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["yt_dlp/*", "yt_dlp/extractor/*.py"]


def test_a_tree_written_in_languages_the_radar_does_not_parse_is_told_so(tmp_path):
    """elixir: `lib/*` held six apps of `.ex` files, unread then; init found no subsystem and a
    scan read one file, and neither said why. Julia's are unread still."""
    files = {"lib/mix/setup.py": "def setup():\n    return 1\n"}
    for app in ("eex", "iex", "logger", "mix"):
        for n in range(3):
            files[f"lib/{app}/src/{app}_{n}.jl"] = f"f{n}() = {n}\n"
    done, _ = _init(tmp_path / "julia-repo", files, tmp_path / "rules")
    assert "note: 12 tracked files are in languages the radar does not parse (Julia 12), 1 in ones it does" \
        in done.stderr
    scan = radar("scan", "--repo", tmp_path / "julia-repo", "--out", tmp_path / "out", "--no-cache", cwd=tmp_path)
    assert scan.returncode == 0 and "note: languages not read: 12 of the subsystems' files" in scan.stderr
    assert "(Julia 12), 1 in one it does (python," in scan.stderr, scan.stderr
    assert "languages not read: 12" in (tmp_path / "out" / "abstractions.md").read_text()


def test_a_compiler_written_in_idris_beside_its_c_runtime_is_told_unread(tmp_path):
    """Idris2: its compiler's `.idr` files were not counted as code in any language, so init and a
    scan of its C runtime alone (`support/c`) said nothing of what they had not read."""
    files = {f"support/c/idris_{name}.c": f"int idris_{name}(void) {{ return 1; }}\n" for name in ("gc", "io")}
    files.update({f"src/Core/{name}.idr": f"module Core.{name}\n\nf : Nat -> Nat\nf x = x\n"
                  for name in ("Context", "Normalise", "Unify", "Value")})
    done, _ = _init(tmp_path / "idris", files, tmp_path / "rules")
    assert "note: 4 tracked files are in languages the radar does not parse (Idris 4), 2 in ones it does" \
        in done.stderr


def test_a_tree_of_v_beside_its_c_is_told_unread(tmp_path):
    """vlang/v: its 6,196 `.v` files (V's, as Verilog's and Coq's are named) were counted in no
    language, so a scan of the C beside them said nothing of the rest."""
    files = {f"cmd/zip/{name}.c": f"int zip_{name}(void) {{ return 1; }}\n" for name in ("open", "close")}
    files.update({f"vlib/{module}/{module}.v": f"module {module}\n\npub fn run() int {{ return 1 }}\n"
                  for module in ("os", "json", "net")})
    done, _ = _init(tmp_path / "v", files, tmp_path / "rules")
    assert "note: 3 tracked files are in languages the radar does not parse (V, Verilog or Coq 3), 2 in ones it does" \
        in done.stderr


def test_an_elixir_umbrellas_apps_are_read_and_a_copied_function_goes_to_the_app_they_use(tmp_path):
    """blockscout: an umbrella's `apps/*`, a mix.exs each; `.ex` files had been unread. A retry
    loop copied into three apps, each calling the core app's repo, is proposed into the core."""
    retry = ("  def with_retry(fun, attempts) do\n"
             "    case Core.Repo.transaction(fun) do\n"
             "      {:ok, result} -> {:ok, result}\n"
             "      {:error, reason} when attempts > 1 ->\n"
             "        Process.sleep(backoff(attempts))\n"
             "        with_retry(fun, attempts - 1)\n"
             "      {:error, reason} -> Logger.error(\"gave up: #{inspect(reason)}\"); {:error, reason}\n"
             "    end\n"
             "  end\n")
    files = {"mix.exs": "defmodule Umbrella.MixProject do\nend\n",
             "apps/core/mix.exs": "defmodule Core.MixProject do\nend\n",
             "apps/core/lib/core/repo.ex": "defmodule Core.Repo do\n  def transaction(fun), do: fun.()\nend\n"}
    own = {"web": "  def render(conn, params), do: Phoenix.Controller.json(conn, Map.take(params, [\"id\"]))\n",
           "worker": "  def perform(%{args: args}) do\n    Enum.each(args, &IO.inspect/1)\n    :ok\n  end\n",
           "billing": ("  def invoice(customer, items) do\n"
                       "    total = Enum.reduce(items, 0, fn i, acc -> acc + i.price * i.qty end)\n"
                       "    %{customer: customer.id, total: total, tax: total * 0.2, lines: length(items)}\n  end\n")}
    for app, code in own.items():
        files[f"apps/{app}/mix.exs"] = f"defmodule {app.title()}.MixProject do\nend\n"
        files[f"apps/{app}/lib/{app}/jobs.ex"] = (f"defmodule {app.title()}.Jobs do\n  alias Core.Repo\n\n{retry}\n"
                                                  f"{code}\n  defp backoff(n), do: n * {len(app)}\nend\n")
    assert _proposed_on_first_scan(tmp_path, "umbrella", files, ["apps/*"]) == [
        (["billing", "web", "worker"], "apps/core", "with_retry")]


def test_a_flutter_repositorys_dart_packages_are_read_and_a_copied_function_goes_to_the_one_they_import(tmp_path):
    """flutterfire: `packages/*`, a pubspec.yaml each, had been read for their Kotlin and Swift
    alone (934 Dart files unread). A channel call copied into three plugins, each importing the
    core package, is proposed into the core."""
    copied = ("Future<int> readLevel(Channel channel, String method) async {\n"
              "  final level = await channel.invoke<int>(method);\n"
              "  if (level == null || level < 0) {\n"
              "    throw StateError('no level from $method');\n"
              "  }\n"
              "  return level.clamp(0, 100);\n"
              "}\n")
    own = {"battery": "bool charging(String state) => state == 'charging' || state == 'full';\n",
           "wifi": "String ssid(Map<String, Object?> info) {\n  return (info['ssid'] as String?) ?? '';\n}\n",
           "share": "List<String> paths(List<Object> files) => [for (final f in files) f.toString()];\n"}
    files = {"packages/core/pubspec.yaml": "name: core\n",
             "packages/core/lib/core.dart": "class Channel {\n  Future<T?> invoke<T>(String method) async => null;\n}\n"}
    for name, code in own.items():
        files[f"packages/{name}/pubspec.yaml"] = f"name: {name}\n"
        files[f"packages/{name}/lib/{name}.dart"] = f"import 'package:core/core.dart';\n\n{copied}\n{code}"
    assert _proposed_on_first_scan(tmp_path, "plugins", files, ["packages/*"]) == [
        (["battery", "share", "wifi"], "packages/core", "readLevel")]


def test_a_powershell_modules_dsc_resources_are_a_fleet_beside_the_helpers_they_call(tmp_path):
    """Microsoft365DSC: 391 `DSCResources/MSFT_*` folders, a .psm1 each, had been one package with
    the module's helpers (`Modules/`, 19 files), the helpers a home no glob read once the
    resources were a fleet."""
    files = {"Modules/M365DSC/M365DSC.psd1": "@{ ModuleVersion = '1.0' }\n"}
    for n in range(5):
        files[f"Modules/M365DSC/Modules/Util{n}.psm1"] = f"function Get-Util{n} {{ return {n} }}\n"
    for name in ("AADGroup", "AADUser", "TeamsPolicy", "IntuneApp", "EXOMailbox", "SPOSite"):
        files[f"Modules/M365DSC/DSCResources/MSFT_{name}/MSFT_{name}.psm1"] = \
            "function Get-TargetResource { Get-Util1 }\n"
    _, fleet_rules = _init(tmp_path / "m365dsc", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["Modules/M365DSC/DSCResources/*", "Modules/M365DSC/Modules"]


def test_the_library_beside_a_fleet_of_modules_is_read_though_entry_scripts_sit_beside_them(tmp_path):
    """FOSSBilling: `src/modules/*` (40 modules) beside `src/library` (129 files, the classes they
    build on) and seven entry scripts in `src/` (`index.php`, `cron.php` …): the scripts had
    kept the library out, so the modules' lazy repository getter x 6 had a module for its home.
    A folder holding ten sources of its own or more is a package, and no library beside it."""
    files = {"composer.json": "{}\n"}
    files.update({f"src/{name}.php": "<?php\nrequire 'load.php';\n" for name in ("index", "cron", "load", "di")})
    for name in ("Client", "Invoice", "Order", "Currency", "Product", "Email", "News", "Staff", "Theme", "Cart"):
        files[f"src/modules/{name}/Service.php"] = f"<?php\nclass {name}Service {{}}\n"
    files.update({f"src/library/FOSSBilling/Part{n}.php": f"<?php\nclass Part{n} {{}}\n" for n in range(6)})
    _, fleet_rules = _init(tmp_path / "billing", files, tmp_path / "rules")
    assert "src/library" in fleet_rules["subsystems"]
    files.update({f"src/page{n}.php": f"<?php\necho {n};\n" for n in range(10)})
    _, fleet_rules = _init(tmp_path / "pages", files, tmp_path / "page-rules")
    assert "src/library" not in fleet_rules["subsystems"]


def test_a_package_beside_a_fleet_counts_once_however_many_files_it_holds(tmp_path):
    """koel: its integrations' fleet beside `app/Http/Controllers` (161 files), one package, had
    counted as 161, so that its 40 front-end stores, `resources/assets/js/stores/*.ts`, made no
    fleet: their copied `paginate` had been its first proposal before."""
    files = {"composer.json": "{}\n"}
    for name in ("Lastfm", "Spotify", "Ticketmaster", "Wikipedia", "YouTube", "Dropbox", "IPinfo", "Itunes",
                 "MusicBrainz", "Wikidata"):
        files[f"app/Http/Integrations/{name}/{name}Connector.php"] = f"<?php\nclass {name}Connector {{}}\n"
    for n in range(30):
        files[f"app/Http/Controllers/Controller{n}.php"] = f"<?php\nclass Controller{n} {{}}\n"
    for n in range(MODULE_FLEET + 2):
        files[f"resources/js/stores/store{n}.ts"] = f"export const store{n} = {{ all: () => [{n}] }};\n"
    _, fleet_rules = _init(tmp_path / "player", files, tmp_path / "rules")
    assert "resources/js/stores/*.ts" in fleet_rules["subsystems"]


def test_init_keeps_a_docusaurus_sites_code_out_whatever_its_folder(tmp_path):
    """riverpod: `website/`, a Docusaurus site, holds 619 Dart snippets its pages show, a copy for
    each translation: it had been a package and three more."""
    files = {"website/docusaurus.config.js": "module.exports = {};\n",
             "website/docs/providers.dart": "int a() => 1;\n", "website/i18n/fr/providers.dart": "int a() => 1;\n",
             "packages/core/pubspec.yaml": "name: core\n", "packages/core/lib/core.dart": "int b() => 2;\n",
             "packages/hooks/pubspec.yaml": "name: hooks\n", "packages/hooks/lib/hooks.dart": "int c() => 3;\n"}
    excluded = _excluded_by_init(tmp_path / "riverpod", files, tmp_path / "rules")
    assert excluded("website/docs/providers.dart") and excluded("website/i18n/fr/providers.dart")
    assert not excluded("packages/core/lib/core.dart")


def test_the_mix_project_at_the_tops_own_lib_is_read_beside_its_apps(tmp_path):
    """livebook: a Mix project at the top keeps its code in `lib/` (266 files) beside two apps
    with a mix.exs each and an `assets/` package of JavaScript; `lib/**` had been kept out as
    no package, so its first scan read the apps and the assets alone."""
    files = {"mix.exs": "defmodule Livebook.MixProject do\nend\n", "assets/package.json": "{}\n",
             "proto/mix.exs": "defmodule Proto.MixProject do\nend\n", "iframe/mix.exs": "defmodule I.MixProject do\nend\n",
             "iframe/lib/iframe.ex": "defmodule Iframe do\n  def f, do: 1\nend\n"}
    for n in range(20):  # more JavaScript than Elixir in the packages found
        files[f"assets/js/hook{n}.js"] = f"export function hook{n}() {{ return {n}; }}\n"
    for n in range(12):
        files[f"proto/lib/proto/msg{n}.ex"] = f"defmodule Proto.Msg{n} do\n  def f, do: {n}\nend\n"
    for part in ("livebook", "livebook_web", "livebook_cli"):
        for n in range(40):  # three quarters of the code
            files[f"lib/{part}/m{n}.ex"] = f"defmodule M{n} do\n  def f, do: {n}\nend\n"
    done, fleet_rules = _init(tmp_path / "livebook", files, tmp_path / "rules")
    assert "lib/*" in fleet_rules["subsystems"], done.stderr
    assert not any(glob.startswith("lib/") for glob in fleet_rules["exclude"]), fleet_rules["exclude"]


def test_init_makes_no_fleet_of_type_declarations_or_generated_code(tmp_path):
    """webpack: `declarations/plugins/*` (`.d.ts`) and `schemas/plugins/*` (validators its
    build generates from JSON schemas) were its only fleets: 0 units read, `lib/` unread. A
    generator's file name says so without a banner."""
    files = {"package.json": "{}"}
    for n in range(12):
        files[f"lib/Plugin{n}.js"] = f"class Plugin{n} {{\n  apply() {{\n    return {n};\n  }}\n}}\n"
    for name in ("optimize", "container", "css"):
        files[f"declarations/plugins/{name}/Options.d.ts"] = "export interface Options {\n  name: string;\n}\n"
        files[f"schemas/plugins/{name}/Options.check.js"] = ("/*\n * This file was automatically generated.\n"
                                                             " * DO NOT MODIFY BY HAND.\n */\nconst check = 1;\n")
        files[f"clients/{name}/resource.generated.js"] = "const client = 1;\n"  # kyverno's, named, no banner
    _, fleet_rules = _init(tmp_path / "bundler", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["lib/*.js"]


def test_init_reads_a_c_programs_own_files_and_leaves_out_its_regression_tests_and_deps(tmp_path):
    """tmux: 150 `*.c` at the top and 128 `regress/*.sh`, its only fleet (vim's `testdir/`
    likewise: its syntax tests' inputs were two fleets); redis: `deps/jemalloc`,
    `deps/lua`, libraries it builds with, whose copies of its own code were proposed. A Go
    package named `deps` is code (hugo's), and so are C files right in `external/` (njs')."""
    files = {"Makefile": ""}
    for n in range(12):
        files[f"cmd-{n}.c"] = f"int cmd_{n}(void) {{ return {n}; }}\n"
        files[f"regress/case-{n}.sh"] = f"echo {n}\n"
        files[f"runtime/syntax/testdir/input/case{n}.java"] = f"class Case{n} {{}}\n"  # vim's syntax tests'
        files[f"runtime/syntax/testdir/input/case{n}.sh"] = f"echo {n}\n"
        files[f"compat/shim{n}.c"] = f"int shim_{n}(void) {{ return {n}; }}\n"
        files[f"external/module{n}.c"] = f"int module_{n}(void) {{ return {n}; }}\n"
    for lib in ("jemalloc", "lua"):
        files[f"deps/{lib}/src/{lib}.c"] = "int lib(void) { return 0; }\n"
    files["internal/deps/deps.go"] = "package deps\n"
    _, fleet_rules = _init(tmp_path / "c-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*.c", "compat/*.c", "external/*.c"]
    assert "**/regress/**" in fleet_rules["exclude"] and "deps/**" in fleet_rules["exclude"]
    assert "**/testdir/**" in fleet_rules["exclude"]
    assert not any("internal" in glob or "external" in glob for glob in fleet_rules["exclude"])


def test_init_reads_the_folders_beside_a_c_programs_files_at_the_top(tmp_path):
    """OpenRGB: 14 `*.cpp` at the top, and 197 `Controllers/*` folders of drivers, 721 files, that
    init had taken as held by `*.cpp` (a glob of no folder matches at any depth; a scan's, from
    the top only), so left unread: a scan of 14 files. Its `dependencies/hidapi-win`,
    `dependencies/mdns` … are libraries it builds with, and so, whatever the case of their
    folder's name, are devilutionX's 24 `3rdParty/*` (they had been a fleet), ADIOS2's
    `thirdparty/*` (EVPath's demos and tests had been its one proposal) and DISTRHO-Ports' juced's
    `dependancies/*` (AngelScript's calling conventions x 7, its first proposal)."""
    files = {"OpenRGB.pro": ""}
    for n in range(12):
        files[f"Manager{n}.cpp"] = f"int manager_{n}(void) {{ return {n}; }}\n"
        files[f"Controllers/Vendor{n}Controller/Vendor{n}Controller.cpp"] = f"int vendor_{n}(void) {{ return {n}; }}\n"
        files[f"Controllers/Vendor{n}Controller/Vendor{n}Controller.h"] = f"int vendor_{n}(void);\n"
    for lib in ("hidapi", "mdns", "stb"):
        files[f"dependencies/{lib}/{lib}.c"] = "int lib(void) { return 0; }\n"
        files[f"3rdParty/{lib}/CMakeLists.txt"] = "add_library(x)\n"
        files[f"3rdParty/{lib}/{lib}.cpp"] = "int lib(void) { return 0; }\n"
        files[f"src/thirdparty/{lib}/{lib}.c"] = "int lib(void) { return 0; }\n"  # ADIOS2's EVPath, atl …
        files[f"libs/juced/dependancies/{lib}/{lib}.cpp"] = "int lib(void) { return 0; }\n"  # so written
    _, fleet_rules = _init(tmp_path / "openrgb-repo", files, tmp_path / "rules")
    assert any(glob.startswith("Controllers") for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]
    assert not any(glob.startswith("3rdParty") for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]
    assert "dependencies/**" in fleet_rules["exclude"]
    assert "src/thirdparty/**" in fleet_rules["exclude"], fleet_rules["exclude"]
    assert "libs/juced/dependancies/**" in fleet_rules["exclude"], fleet_rules["exclude"]


def test_init_leaves_out_a_go_packages_test_helpers(tmp_path):
    """opentelemetry-collector: `exporter/exportertest`, `receivertest`… each copy `NewNopSettings`
    for tests to build components with; they were its second proposal. A folder merely ending in
    "test" (`attest`) is code."""
    files = {"go.mod": "module x\n"}
    for name in ("exporter", "receiver", "processor", "attest"):
        files[f"{name}/{name}.go"] = f"package {name}\n\nfunc New() int {{ return 1 }}\n"
        files[f"{name}/{name}test/nop.go"] = f"package {name}test\n\nfunc NewNop() int {{ return 0 }}\n"
    files["signer/attest/attest.go"] = "package attest\n\nfunc Sign() int { return 2 }\n"
    _, fleet_rules = _init(tmp_path / "collector", files, tmp_path / "rules")
    assert {"**/exportertest/**", "**/receivertest/**", "**/processortest/**"} <= set(fleet_rules["exclude"])
    assert not any("attest/" in glob for glob in fleet_rules["exclude"]), fleet_rules["exclude"]


def test_init_leaves_out_benchmarks_whose_copies_of_the_timed_code_are_on_purpose(tmp_path):
    """netty: its `microbench` module copies HPACK's constant-time `equals` to time it against
    the codecs' own; scanned, it was the third consumer of a proposal. Rust's `benches/` alike."""
    equals = ("static int equalsConstantTime(byte[] s1, byte[] s2) {\n"
              "    if (s1.length != s2.length) {\n        return 0;\n    }\n"
              "    int c = 0;\n    for (int i = 0; i < s1.length; i++) {\n        c |= s1[i] ^ s2[i];\n    }\n"
              "    return ((c - 1) >>> 31) & (s1.length == s2.length ? 1 : 0) & (c == 0 ? 1 : 0);\n}\n")
    files = {"pom.xml": "<project/>"}
    for name in ("codec-http2", "codec-http3", "microbench"):
        files[f"{name}/pom.xml"] = "<project/>"
        files[f"{name}/src/main/java/io/netty/{name[-5:]}/Util.java"] = f"class Util {{\n{equals}}}\n"
    files["codec-http2/benches/Timing.java"] = f"class Timing {{\n{equals}}}\n"
    _, fleet_rules = _init(tmp_path / "netty-repo", files, tmp_path / "rules")
    assert "**/microbench/**" in fleet_rules["exclude"] and "**/benches/**" in fleet_rules["exclude"]
    scan = radar("scan", "--repo", tmp_path / "netty-repo", "--rules", tmp_path / "rules",
                 "--out", tmp_path / "out", "--no-cache")
    assert scan.returncode == 0 and "2 subsystems, 2 files" in scan.stderr, scan.stderr


def test_init_takes_ten_modules_in_a_folder_named_for_what_plugs_in_as_a_fleet(tmp_path):
    """celery: `celery/backends/*.py`, 18 result backends, fewer than the twenty that make any
    folder of modules a fleet; luigi's `contrib/*.py` likewise. Ten modules of a package's own,
    or of React icons for providers, stay the package's."""
    files = {"setup.py": "", "celery/__init__.py": ""}
    for name in ("app", "worker", "utils", "backends", "contrib", "parts", "providers"):
        files[f"celery/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    for n in range(12):
        files[f"celery/backends/store{n}.py"] = f"def get():\n    return {n}\n"
        files[f"celery/contrib/tool{n}.py"] = f"def run():\n    return {n}\n"
        files[f"celery/parts/part{n}.py"] = f"def part{n}():\n    return {n}\n"
        files[f"celery/providers/icon{n}.py"] = f"def icon{n}():\n    return {n}\n"
    _, fleet_rules = _init(tmp_path / "celery-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["celery/*", "celery/backends/*.py", "celery/contrib/*.py"]


def test_init_takes_the_folders_of_a_folder_named_for_what_plugs_in_as_packages(tmp_path):
    """vector: one crate at the top, beside `lib/*`, whose `src/sinks/<sink>/` folders (no
    manifest: Rust modules) are the sinks; as a `packages/` folder's, the folder's name says
    what its sub-folders are. A folder of the crate's own modules is no fleet."""
    files = {"Cargo.toml": "[package]\nname = 'vector'\n", "src/main.rs": "fn main() {}\n"}
    for name in ("core", "buffers", "common"):
        files[f"lib/{name}/Cargo.toml"] = f"[package]\nname = '{name}'\n"
        files[f"lib/{name}/src/lib.rs"] = "pub fn get() {}\n"
    for name in ("kafka", "http", "loki", "s3"):
        files[f"src/sinks/{name}/mod.rs"] = "mod sink;\n"
        files[f"src/sinks/{name}/sink.rs"] = f"pub fn run_{name}() {{}}\n"
        files[f"src/config/{name}/mod.rs"] = f"pub fn {name}() {{}}\n"
    for name in ("apps", "proc", "cgroups"):  # netdata's C plugins
        files[f"src/collectors/{name}.plugin/main.c"] = f"int {name}_main(void) {{ return 0; }}\n"
    _, fleet_rules = _init(tmp_path / "vector-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["lib/*", "src/collectors/*", "src/sinks/*"]


def test_init_finds_a_folder_of_many_go_packages_in_one_module(tmp_path):
    """prometheus: one go.mod, each folder a package; `discovery/*` holds thirty providers, a
    folder of two packages is no fleet (each is a package the fleet builds on), and a package's
    own files are not packages each."""
    files = {"go.mod": "module example.com/x\n", "main.go": "package main\n"}
    for n in range(12):
        files[f"discovery/p{n}/p{n}.go"] = f"package p{n}\n\nfunc Discover{n}() int {{ return {n} }}\n"
        files[f"discovery/p{n}/p{n}_test.go"] = f"package p{n}\n"
        files[f"discovery/sd{n}.go"] = "package discovery\n"
    for name in ("strutil", "httputil"):
        files[f"util/{name}/{name}.go"] = f"package {name}\n"
    done, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["discovery/*", "util/httputil", "util/strutil"]
    assert "discovery/* (12 packages)" in done.stderr

    files = {"go.mod": "module example.com/op\n"}  # camel-k: pkg/* beside the larger pkg/util/*
    for n in range(10):
        files[f"pkg/part{n}/part{n}.go"] = f"package part{n}\n"
    for n in range(12):
        files[f"pkg/util/u{n}/u{n}.go"] = f"package u{n}\n"
    files["pkg/util/util.go"] = "package util\n"
    _, fleet_rules = _init(tmp_path / "operator-repo", files, tmp_path / "operator-rules")
    assert fleet_rules["subsystems"] == ["pkg/*", "pkg/util/*"]  # not the utilities alone


def test_init_takes_each_go_file_named_for_the_plugin_it_is_as_a_package(tmp_path):
    """keda: one Go package `pkg/scalers`, a scaler per file (`aws_sqs_queue_scaler.go`), beside
    its interface (`scaler.go`); build constraints' files (`_linux.go`) and feature flags'
    (`_enabled.go`) are no plugins, nor are tests'."""
    files = {"go.mod": "module example.com/k\n", "pkg/scalers/scaler.go": "package scalers\n"}
    for n in range(12):
        files[f"pkg/scalers/queue{n}_scaler.go"] = f"package scalers\n\nfunc New{n}() int {{ return {n} }}\n"
        files[f"pkg/scalers/queue{n}_scaler_test.go"] = "package scalers\n"
        files[f"pkg/sys/call{n}_linux.go"] = "package sys\n"
        files[f"pkg/features/f{n}_enabled.go"] = "package features\n"
        files[f"pkg/e2e/tests/case{n}_runner.go"] = "package tests\n"
    for name in ("util", "metrics", "eventemitter", "scaling", "provider", "webhooks", "prommetrics"):
        files[f"pkg/{name}/{name}.go"] = f"package {name}\n"
    done, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["pkg/*", "pkg/scalers/*_scaler.go"]
    assert "pkg/scalers/*_scaler.go (12 one-module packages)" in done.stderr


def test_init_takes_each_resource_and_data_source_of_a_terraform_provider_as_a_package(tmp_path):
    """terraform-provider-github: one Go package `github`, its 111 resources and 76 data sources
    a file each by the plugin SDK's names (`resource_github_repository.go`), beside the provider
    and its helpers (`provider.go`, `util.go`); the plugin framework names them last
    (`team_resource.go`). Its first scan had read one subsystem and proposed nothing."""
    files = {"go.mod": "module example.com/tf\n", "main.go": "package main\n",
             "github/provider.go": "package github\n", "github/util.go": "package github\n"}
    for n in range(12):
        files[f"github/resource_github_thing{n}.go"] = "package github\n"
        files[f"github/data_source_github_thing{n}.go"] = "package github\n"
        files[f"internal/framework/thing{n}_resource.go"] = "package framework\n"
    _, fleet_rules = _init(tmp_path / "provider-repo", files, tmp_path / "rules")
    assert {"github/resource_*.go", "github/data_source_*.go", "github",  # the provider and its helpers: one
            "internal/framework/*_resource.go"} <= set(fleet_rules["subsystems"])


REGISTERING_CHARGER = """package charger

import "example.com/evcc/util"

func init() {{
\t{registration}
}}

// New{n} is charger {n}: {padding}
func New{n}(other map[string]any) (int, error) {{
\tif other == nil {{
\t\treturn 0, util.ErrMissing
\t}}
\treturn {n}, nil
}}
"""


def test_init_takes_each_go_file_registering_a_plugin_by_name_as_a_package(tmp_path):
    """evcc: 111 chargers in one Go package, a file each registering itself in its `init()`
    (`registry.AddCtx("abb", NewABBFromConfig)`), beside `charger/<protocol>/` packages: each
    file is a package, as the Python modules of a folder are. A CLI's commands adding themselves
    to the root command (cobra's `rootCmd.AddCommand(versionCmd)`) stay one package."""
    files = {"go.mod": "module example.com/evcc\n", "util/util.go": "package util\n"}
    for folder, registration in (("charger", 'registry.AddCtx("c{n}", New{n})'), ("cmd", "rootCmd.AddCommand(cmd{n})")):
        for n in range(12):
            files[f"{folder}/p{n}/p{n}.go"] = f"package p{n}\n\nfunc Read{n}() int {{ return {n} }}\n"
            files[f"{folder}/c{n}.go"] = REGISTERING_CHARGER.format(
                n=n, registration=registration.format(n=n), padding="x" * 600)
        files[f"{folder}/registry.go"] = "package charger\n\nvar registry = map[string]int{}\n"
    done, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["charger/*", "charger/*.go", "cmd/*", "cmd", "util"], done.stderr
    assert "charger/*.go (13 one-module packages)" in done.stderr


def test_init_takes_a_folder_of_python_modules_defining_one_entry_point_as_one_module_packages(tmp_path):
    """klipper: 136 `klippy/extras/*.py`, each defining `load_config(config)`, which the host looks
    up in each, had been one package of `klippy/*`: their copies of one another never compared.
    A folder of modules naming their functions each its own way, or of scripts each with a
    `main()`, stays one package."""
    files = {"klippy/klippy.py": "def run():\n    return 1\n"}
    files.update({f"klippy/{package}/__init__.py": "" for package in ("extras", "util", "tools", "kinematics")})
    for n in range(12):
        files[f"klippy/extras/heater{n}.py"] = (f"class Heater{n}:\n    def __init__(self, config):\n"
                                               f"        self.config = config\n\n\n"
                                               f"def load_config(config):\n    return Heater{n}(config)\n")
        files[f"klippy/util/helper{n}.py"] = f"def helper{n}(value):\n    return value + {n}\n"
        files[f"klippy/tools/tool{n}.py"] = f"def main():\n    return {n}\n"
    done, fleet_rules = _init(tmp_path / "klipper-repo", files, tmp_path / "rules")
    assert "klippy/extras/*.py" in fleet_rules["subsystems"], done.stderr
    assert not {"klippy/util/*.py", "klippy/tools/*.py"} & set(fleet_rules["subsystems"]), done.stderr


def test_init_takes_a_folder_of_python_classes_of_no_base_sharing_a_method_as_one_module_packages(tmp_path):
    """theHarvester: 64 `discovery/*.py`, each a class of its own name and of no base with a
    `process` the host calls (duck-typed plugins), had been one package. A folder of classes of
    no base naming their methods each its own way stays one."""
    files = {"theHarvester/__main__.py": "def main():\n    return 1\n"}
    files.update({f"theHarvester/{package}/__init__.py": "" for package in ("discovery", "lib", "parsers")})
    for n in range(12):
        files[f"theHarvester/discovery/search{n}.py"] = (f"class Search{n}:\n    async def process(self, proxy):\n"
                                                         f"        return {n}\n")
        files[f"theHarvester/lib/helper{n}.py"] = (f"class Helper{n}:\n    def helper{n}(self):\n"
                                                   f"        return {n}\n")
    done, fleet_rules = _init(tmp_path / "harvester-repo", files, tmp_path / "rules")
    assert "theHarvester/discovery/*.py" in fleet_rules["subsystems"], done.stderr
    assert "theHarvester/lib/*.py" not in fleet_rules["subsystems"], done.stderr


def test_init_takes_a_folder_of_python_classes_extending_one_base_of_its_own_as_one_module_packages(tmp_path):
    """IntelOwl: 109 `observable_analyzers/*.py`, each a class extending `ObservableAnalyzer` of
    `analyzers_manager/classes.py`, had been one package. A model's layers, each an `nn.Module`
    (torch's, no base of the repository's), stay one."""
    files = {"api_app/analyzers_manager/classes.py": "class ObservableAnalyzer:\n    pass\n"}
    files.update({f"api_app/{package}/__init__.py": "" for package in ("analyzers_manager", "models", "core")})
    for n in range(12):
        files[f"api_app/analyzers_manager/observable_analyzers/a{n}.py"] = (
            f"from api_app.analyzers_manager import classes\n\n\nclass Lookup{n}(classes.ObservableAnalyzer):\n"
            f"    def run(self):\n        return {n}\n")
        files[f"api_app/models/layers/l{n}.py"] = (f"from torch import nn\n\n\nclass Layer{n}(nn.Module):\n"
                                                  f"    def forward(self, x):\n        return x * {n}\n")
    done, fleet_rules = _init(tmp_path / "intelowl-repo", files, tmp_path / "rules")
    assert "api_app/analyzers_manager/observable_analyzers/*.py" in fleet_rules["subsystems"], done.stderr
    assert "api_app/models/layers/*.py" not in fleet_rules["subsystems"], done.stderr


def test_init_takes_a_folder_of_cpp_classes_extending_one_base_of_its_own_as_one_source_packages(tmp_path):
    """domoticz: 145 `hardware/*.cpp` drivers, most a `CDomoticzHardwareBase` of
    `hardware/DomoticzHardware.h`, had been one package (a C++ folder is one): its first scan
    went from one proposal to seventeen. Their folder stays a package, for their headers; a
    folder of classes extending a library's base (`std::exception`) stays one package."""
    files = {"CMakeLists.txt": "project(domoticz)\n",
             "hardware/DomoticzHardware.h": "class CDomoticzHardwareBase\n{\npublic:\n  virtual bool Start();\n};\n",
             "hardware/DomoticzHardware.cpp": '#include "DomoticzHardware.h"\nbool CDomoticzHardwareBase::Start() '
                                              '{ return true; }\n'}
    for n in range(12):
        files[f"hardware/Driver{n}.h"] = (f'#include "DomoticzHardware.h"\nclass CDriver{n} : public '
                                          f"CDomoticzHardwareBase\n{{\npublic:\n  bool Start() override;\n}};\n")
        files[f"hardware/Driver{n}.cpp"] = f'#include "Driver{n}.h"\nbool CDriver{n}::Start() {{ return {n} > 0; }}\n'
        files[f"main/Error{n}.cpp"] = (f"#include <exception>\nclass Error{n} : public std::exception\n{{\n}};\n"
                                       f"int error{n}() {{ return {n}; }}\n")
    for name in ("mqtt", "zwave", "lua"):  # a fleet elsewhere: no lone library's modules
        files[f"plugins/{name}/CMakeLists.txt"] = f"add_library({name})\n"
        files[f"plugins/{name}/{name}.cpp"] = f"int {name}() {{ return 1; }}\n"
    # Waybar's modules: `src/modules/*.cpp`, their classes in `include/modules/*.hpp`, an `ALabel` of `include/`
    files["include/ALabel.hpp"] = "class ALabel {\n};\n"
    for n in range(12):
        files[f"include/modules/m{n}.hpp"] = f"#include \"ALabel.hpp\"\nclass M{n} : public ALabel {{\n}};\n"
        files[f"src/modules/m{n}.cpp"] = f'#include "modules/m{n}.hpp"\nint m{n}() {{ return {n}; }}\n'
    done, fleet_rules = _init(tmp_path / "domoticz-repo", files, tmp_path / "rules")
    assert "hardware/*.cpp" in fleet_rules["subsystems"] and "hardware" in fleet_rules["subsystems"], done.stderr
    assert "src/modules/*.cpp" in fleet_rules["subsystems"], done.stderr
    assert "main/*.cpp" not in fleet_rules["subsystems"], done.stderr


def test_init_takes_a_folder_of_many_jvm_classes_extending_one_base_of_the_repository_as_plugins(tmp_path):
    """error-prone: 450 of its 516 `core/…/bugpatterns/*.java` extend `BugChecker`, declared in
    its `check_api` module: read as one package, their copies of one another (a JUnit runner's
    fix x 3) were never compared. A family of fewer classes of one base (storm's 18 stream
    processors) and classes extending a library's base stay their project's classes."""
    files = {"pom.xml": "<project/>\n", "check_api/pom.xml": "<project/>\n", "core/pom.xml": "<project/>\n",
             "check_api/src/main/java/ep/bugpatterns/BugChecker.java": "public abstract class BugChecker {}\n",
             "core/src/main/java/ep/streams/BaseProcessor.java": "public abstract class BaseProcessor {}\n"}
    for module in ("annotations", "type_annotations", "docgen"):  # the build's modules at the top
        files[f"{module}/pom.xml"] = "<project/>\n"
        files[f"{module}/src/main/java/ep/{module}/Main.java"] = "public class Main {}\n"
    for n in range(MODULE_FLEET + 2):
        files[f"core/src/main/java/ep/bugpatterns/Check{n}.java"] = (
            f"package ep.bugpatterns;\n\npublic final class Check{n} extends BugChecker\n    implements Matcher {{\n}}\n")
        files[f"core/src/main/java/ep/errors/Error{n}.java"] = f"public class Error{n} extends RuntimeException {{}}\n"
    for n in range(PLUGIN_FLEET + 2):
        files[f"core/src/main/java/ep/streams/Processor{n}.java"] = (
            f"public class Processor{n}<T> extends BaseProcessor<T> {{}}\n")
    done, fleet_rules = _init(tmp_path / "jvm-repo", files, tmp_path / "rules")
    assert "core/src/main/java/ep/bugpatterns/*.java" in fleet_rules["subsystems"], done.stderr
    assert not any(glob.endswith(("errors/*.java", "streams/*.java")) for glob in fleet_rules["subsystems"]), done.stderr


def test_init_takes_a_folder_of_jvm_classes_extending_a_base_through_one_beside_them_as_plugins(tmp_path):
    """checkstyle: its 26 naming checks extend `AbstractNameCheck` beside them (13) or its own
    subclasses, each an `AbstractCheck` of `api/`: counted by their direct bases alone, none had
    MODULE_FLEET, so the folder was one package and the checks' copied `getRegexp` set-up x 7,
    its first proposal, one consumer's. A family of classes extending one another (ambari's events,
    a `ClusterEvent` or a `HostEvent` beside them, each an `AmbariEvent`) stays its project's."""
    files = {"pom.xml": "<project/>\n",
             "src/main/java/cs/api/AbstractCheck.java": "public abstract class AbstractCheck {}\n",
             "src/main/java/cs/naming/AbstractNameCheck.java":
                 "public abstract class AbstractNameCheck extends AbstractCheck {}\n",
             "src/main/java/cs/naming/AbstractAccessNameCheck.java":
                 "public abstract class AbstractAccessNameCheck\n    extends AbstractNameCheck {}\n"}
    for n in range(MODULE_FLEET):
        base = ("AbstractNameCheck", "AbstractAccessNameCheck", "AbstractCheck")[n % 3]
        files[f"src/main/java/cs/naming/Name{n}Check.java"] = f"public class Name{n}Check extends {base} {{}}\n"
        event = ("ClusterEvent", "HostEvent", "AmbariEvent")[n % 3]
        files[f"src/main/java/cs/events/Event{n}.java"] = f"public class Event{n} extends {event} {{}}\n"
    files["src/main/java/cs/api/AmbariEvent.java"] = "public abstract class AmbariEvent {}\n"
    files.update({f"src/main/java/cs/part{n}/Part.java": "public class Part {}\n" for n in range(8)})  # its other packages
    for event in ("ClusterEvent", "HostEvent"):
        files[f"src/main/java/cs/events/{event}.java"] = f"public abstract class {event} extends AmbariEvent {{}}\n"
    done, fleet_rules = _init(tmp_path / "checks", files, tmp_path / "rules")
    assert "src/main/java/cs/naming/*.java" in fleet_rules["subsystems"], done.stderr
    assert "src/main/java/cs/events/*.java" not in fleet_rules["subsystems"], done.stderr


def test_init_takes_no_family_of_jvm_classes_of_one_beside_them_or_of_an_error_as_plugins(tmp_path):
    """milo: its client's and its server's 37 generated `model/nodes/variables/*.java`, most a
    `BaseDataVariableTypeNode` beside them, itself a `BaseVariableTypeNode` beside them, had been
    read as plugins, one package a class, and their generated accessors x 821 were its first
    proposal; ditto's 48 `exceptions/*.java`, each a `DittoRuntimeException` nesting a `Builder`,
    likewise (its first proposal, the builders x 89), and Forge's events; nor are milo's 39 generated
    `model/methods/*.java`, abstract classes each declaring a method's arguments for an
    `AbstractMethodInvocationHandler` (their copies, its next first proposal). Strategies of a base
    beside them extending a generic one of another module (ditto's `AbstractThingCommandStrategy<C
    extends Command<C>>`) are plugins still, and so are candlepin's exception mappers, each a
    `CandlepinExceptionMapper` beside them, which extends nothing."""
    files = {"pom.xml": "<project/>\n",
             "base/src/main/java/d/base/DittoRuntimeException.java": "public class DittoRuntimeException {}\n",
             "base/src/main/java/d/base/AbstractStrategy.java": "public abstract class AbstractStrategy<C> {}\n",
             "base/src/main/java/d/base/EntityEvent.java": "public class EntityEvent {}\n",
             "things/src/main/java/d/events/LivingEvent.java": "public class LivingEvent extends EntityEvent {}\n",
             "things/src/main/java/d/strategies/AbstractThingStrategy.java":
                 "abstract class AbstractThingStrategy<C extends Command<C>>\n"
                 "        extends AbstractStrategy<C, Thing> {}\n",
             "things/src/main/java/d/mappers/CandlepinExceptionMapper.java":
                 "public class CandlepinExceptionMapper {}\n",
             "base/src/main/java/d/base/AbstractMethodInvocationHandler.java":
                 "public abstract class AbstractMethodInvocationHandler {}\n"}
    for side in ("client", "server"):
        files[f"{side}/src/main/java/m/variables/BaseVariableTypeNode.java"] = \
            "public class BaseVariableTypeNode extends UaNode {}\n"
        files[f"{side}/src/main/java/m/variables/BaseDataVariableTypeNode.java"] = \
            "public class BaseDataVariableTypeNode extends BaseVariableTypeNode {}\n"
        for n in range(MODULE_FLEET + 2):
            files[f"{side}/src/main/java/m/variables/Item{n}TypeNode.java"] = \
                f"public class Item{n}TypeNode extends BaseDataVariableTypeNode {{}}\n"
    for n in range(MODULE_FLEET + 2):
        files[f"things/src/main/java/d/exceptions/Thing{n}Exception.java"] = (
            f"public final class Thing{n}Exception extends DittoRuntimeException {{\n"
            f"    public static final class Builder extends DittoRuntimeExceptionBuilder<Thing{n}Exception> {{}}\n}}\n")
        files[f"things/src/main/java/d/events/Living{n}Event.java"] = \
            f"public class Living{n}Event extends LivingEvent {{}}\n"
        files[f"things/src/main/java/d/strategies/Modify{n}Strategy.java"] = \
            f"final class Modify{n}Strategy extends AbstractThingStrategy<Modify{n}> {{}}\n"
        files[f"things/src/main/java/d/mappers/Failure{n}Mapper.java"] = (
            f"@Provider\npublic class Failure{n}Mapper extends CandlepinExceptionMapper\n"
            f"    implements ExceptionMapper<Failure{n}> {{}}\n")
        files[f"server/src/main/java/m/methods/Add{n}Method.java"] = \
            f"public abstract class Add{n}Method extends AbstractMethodInvocationHandler {{}}\n"
    done, fleet_rules = _init(tmp_path / "opc-repo", files, tmp_path / "rules")
    assert {"things/src/main/java/d/strategies/*.java", "things/src/main/java/d/mappers/*.java"} \
        <= set(fleet_rules["subsystems"]), done.stderr
    assert not any(glob.endswith(("variables/*.java", "exceptions/*.java", "events/*.java", "methods/*.java"))
                   for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]


def test_init_takes_no_family_of_jvm_classes_one_for_each_arity_as_plugins(tmp_path):
    """redis-om-spring: its 21 tuple mappers, `SingleMapperImpl<T, T0>` … `VigintupleMapperImpl<T,
    T0, …, T19>`, each an `AbstractTupleMapper` of the repository, had been read as plugins, one
    package a class, and the mappers of arities 8 to 20 were its first proposal: one class
    written again for each count of type parameters, which Java cannot write once. Plugins of one
    generic base, each of one type parameter, are plugins still."""
    files = {"pom.xml": "<project/>\n",
             "src/main/java/r/tuple/AbstractTupleMapper.java": "public abstract class AbstractTupleMapper<T, R> {}\n",
             "src/main/java/r/tuple/BaseProcessor.java": "public abstract class BaseProcessor<T> {}\n"}
    files.update({f"src/main/java/r/part{n}/Part.java": "public class Part {}\n" for n in range(8)})
    for n in range(1, MODULE_FLEET + 2):
        types = ", ".join(f"T{i}" for i in range(n))
        files[f"src/main/java/r/tuple/mapper/Arity{n}MapperImpl.java"] = (
            f"public final class Arity{n}MapperImpl<T, {types}> extends\n"
            f"    AbstractTupleMapper<T, Arity{n}<{types}>> {{}}\n")
        files[f"src/main/java/r/streams/Processor{n}.java"] = (
            f"public class Processor{n}<T> extends BaseProcessor<T> {{}}\n")
    done, fleet_rules = _init(tmp_path / "tuples", files, tmp_path / "rules")
    assert "src/main/java/r/streams/*.java" in fleet_rules["subsystems"], done.stderr
    assert "src/main/java/r/tuple/mapper/*.java" not in fleet_rules["subsystems"], fleet_rules["subsystems"]


def test_init_takes_a_lone_jvm_librarys_packages_not_its_classes(tmp_path):
    """datasketches-java: one library, its packages `kll`, `theta`, `hll` … each of ten classes or
    more, with no base most extend: its classes had been 288 consumers, and its first proposals
    the `double`, `float` and `long` specialisations of one sketch, written so on purpose. Its
    packages are its parts, as a lone library's with fewer classes are (vert.x's)."""
    files = {"pom.xml": "<project/>\n"}
    parts = ("kll", "theta", "hll", "cpc", "tuple", "sampling", "quantiles", "frequencies", "hash", "common")
    for part in parts:
        for n in range(PLUGIN_FLEET):
            files[f"src/main/java/ds/{part}/{part.title()}{n}.java"] = (
                f"package ds.{part};\npublic class {part.title()}{n} {{\n  int size() {{ return {n}; }}\n}}\n")
    done, fleet_rules = _init(tmp_path / "sketches", files, tmp_path / "rules")
    assert set(fleet_rules["subsystems"]) == {f"src/main/java/ds/{part}" for part in parts}, done.stderr


def test_init_reads_a_cpp_top_folder_beside_fleets_by_its_sources_and_their_headers(tmp_path):
    """domoticz' `push/`, 7 sources and their 7 headers beside its fleets: counted by its sources
    alone, fewer than ten, it had been read by no glob. Headers alone (`include/`) are no package."""
    files = {"CMakeLists.txt": "project(x)\n"}
    for name in ("mqtt", "zwave", "lua"):
        files[f"plugins/{name}/CMakeLists.txt"] = f"add_library({name})\n"
        for n in range(20):
            files[f"plugins/{name}/{name}{n}.cpp"] = f"int {name}_{n}() {{ return {n}; }}\n"
    for n in range(6):
        files[f"push/Push{n}.cpp"] = f'#include "Push{n}.h"\nint push{n}() {{ return {n}; }}\n'
        files[f"push/Push{n}.h"] = f"int push{n}();\n"
        files[f"include/api{n}.h"] = f"int api{n}();\n"
        files[f"include/api_more{n}.h"] = f"int api_more{n}();\n"
    _, fleet_rules = _init(tmp_path / "cpp-repo", files, tmp_path / "rules")
    assert "push" in fleet_rules["subsystems"] and "include" not in fleet_rules["subsystems"], fleet_rules


def test_init_reads_a_top_folder_named_for_shared_code_beside_fleets_holding_most_code(tmp_path):
    """tapir: `core/` (126 files, its main library, no build file of its own: sbt's at the top)
    beside its fleets of integrations holding most of the code had been read by no glob, and so
    could be no home; sharetribe's `lib/` likewise. A folder of packages with builds of their own
    (amplication's `libs/*`) is read by its packages."""
    files = {"build.sbt": "lazy val core = project\n"}
    for name in ("http4s", "akka", "netty", "zio"):
        files[f"server/{name}/build.gradle"] = ""
        for n in range(40):
            files[f"server/{name}/src/S{n}.scala"] = f"object S{n} {{ def s = {n} }}\n"
    for n in range(12):
        files[f"core/src/main/scala/Core{n}.scala"] = f"object Core{n} {{ def c = {n} }}\n"
    _, fleet_rules = _init(tmp_path / "tapir-repo", files, tmp_path / "rules")
    assert "core" in fleet_rules["subsystems"], fleet_rules["subsystems"]


def test_init_takes_ten_python_programs_with_their_requirements_side_by_side_as_packages(tmp_path):
    """Cortex-Analyzers: 156 `analyzers/<name>/`, each a script and its requirements.txt, no
    package's manifest: `analyzers` had been one package of 210 files. Two such folders (capa's
    `web/rules` beside `web/explorer`) are a program's parts, no fleet."""
    files = {}
    for n in range(12):
        files[f"analyzers/A{n}/a{n}.py"] = f"def analyze{n}(value):\n    return value + {n}\n"
        files[f"analyzers/A{n}/requirements.txt"] = "cortexutils\nrequests\n"
    for n in range(2):
        files[f"web/site{n}/build{n}.py"] = f"def build{n}(value):\n    return value * {n}\n"
        files[f"web/site{n}/requirements.txt"] = "jinja2\n"
    _, fleet_rules = _init(tmp_path / "cortex-repo", files, tmp_path / "rules")
    assert "analyzers/*" in fleet_rules["subsystems"] and "web/*" not in fleet_rules["subsystems"]


def test_init_takes_a_folder_of_go_plugins_registering_themselves_in_no_fleet_as_one_file_packages(tmp_path):
    """node_exporter: one Go package, `collector/`, its collectors a file each, each calling
    `registerCollector("arp", …)` in its `init()`: init had found nothing to scan. Such a folder
    that is a package of a fleet already (juicefs' `pkg/object`, one of `pkg/*`) stays one."""
    files = {"go.mod": "module example.com/ne\n", "node_exporter.go": "package main\n\nfunc main() {}\n"}
    for n in range(12):
        files[f"collector/c{n}_linux.go"] = REGISTERING_CHARGER.format(
            n=n, registration=f'registerCollector("c{n}", defaultEnabled, New{n})', padding="")
    files["collector/collector.go"] = "package collector\n\nfunc registerCollector(name string) {}\n"
    _, fleet_rules = _init(tmp_path / "flat-repo", files, tmp_path / "flat-rules")
    assert fleet_rules["subsystems"] == ["collector/*.go"]
    files = {"go.mod": "module example.com/jfs\n"}
    for n in range(12):
        files[f"pkg/p{n}/p{n}.go"] = f"package p{n}\n\nfunc Read{n}() int {{ return {n} }}\n"
        files[f"pkg/object/o{n}.go"] = REGISTERING_CHARGER.format(
            n=n, registration=f'Register("o{n}", New{n})', padding="")
    _, fleet_rules = _init(tmp_path / "fleet-repo", files, tmp_path / "fleet-rules")
    assert fleet_rules["subsystems"] == ["pkg/*"]


def test_init_takes_smaller_folders_of_go_packages_beside_a_fleet_but_not_the_folder_above_it(tmp_path):
    """dapr's components-contrib: `bindings/*` (23) and `state/*` (21) beside `pubsub/*` (9);
    telegraf's `plugins/` holds the fleets and a registry package each, so it is none; a folder
    of four packages is no fleet, each a Go package beside it, and a Go module of its own (alloy's
    `syntax/`) one package, one library's parts."""
    files = {"go.mod": "module example.com/contrib\n"}
    for fleet, count in (("bindings", 12), ("pubsub", 6), ("lock", 4)):
        for n in range(count):
            files[f"{fleet}/c{n}/c{n}.go"] = f"package c{n}\n\nfunc New{n}() int {{ return {n} }}\n"
    for kind in ("inputs", "outputs", "parsers", "processors", "serializers"):
        files[f"plugins/{kind}/registry.go"] = f"package {kind}\n"
    for n in range(10):
        files[f"plugins/inputs/i{n}/i{n}.go"] = f"package i{n}\n"
    files["syntax/go.mod"] = "module example.com/contrib/syntax\n"  # alloy's: one library of its own
    for part in ("parser", "scanner", "printer", "vm", "token"):
        files[f"syntax/{part}/{part}.go"] = f"package {part}\n"
    done, fleet_rules = _init(tmp_path / "go-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["bindings/*", "pubsub/*", "plugins/inputs/*", "lock/c0", "lock/c1",
                                         "lock/c2", "lock/c3", "plugins/outputs", "plugins/parsers",
                                         "plugins/processors", "plugins/serializers", "syntax"], done.stderr
    assert "pubsub/* (6 packages)" in done.stderr


def test_init_takes_the_package_a_fleet_lives_in_but_not_a_registry(tmp_path):
    """ibis: `ibis/backends/__init__.py` holds BaseBackend, which every backend extends: the
    package its fleet lives in, so their home. telegraf's `plugins/inputs/registry.go` is a
    registry every plugin imports: a few lines, no home."""
    base = "class BaseBackend:\n" + "".join(f"    def method_{n}(self, value):\n        return value + {n}\n\n"
                                           for n in range(300))
    files = {"pyproject.toml": "", "ibis/__init__.py": "", "ibis/backends/__init__.py": base,
             "ibis/backends/conftest.py": "import pytest\n"}
    for name in ("duckdb", "postgres", "sqlite"):
        files[f"ibis/backends/{name}/__init__.py"] = "from ibis.backends import BaseBackend\n"
    for n in range(10):
        files[f"plugins/inputs/in{n}/in{n}.go"] = f"package in{n}\n"
    files["go.mod"] = "module example.com/agent\n"
    files["plugins/inputs/registry.go"] = "package inputs\n\nvar Inputs = map[string]int{}\n"
    done, fleet_rules = _init(tmp_path / "fleets", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["ibis/backends/*", "ibis/backends", "plugins/inputs/*"], done.stderr
    assert "ibis/backends (one package, 1 file)" in done.stderr


def test_init_reads_a_flutter_apps_dart_code_not_its_platform_runners(tmp_path):
    """fluffychat: a Flutter app, its pubspec.yaml at the top, its code in `lib/` (228 files),
    and the runners `flutter create` writes for each platform, `android/` (a Gradle build),
    `linux/` and `windows/` (a CMakeLists.txt each): those had been its packages and `lib/`
    excluded as no package; its first scan read 21 files."""
    files = {"pubspec.yaml": "name: fluffychat\n", "android/build.gradle.kts": "",
             "android/app/src/main/kotlin/MainActivity.kt": "class MainActivity\n",
             "linux/CMakeLists.txt": "", "linux/main.cc": "int main() { return 0; }\n",
             "windows/CMakeLists.txt": "", "windows/runner/main.cpp": "int main() { return 0; }\n"}
    for n in range(MODULE_FLEET):
        files[f"lib/widgets/widget{n}.dart"] = f"class Widget{n} {{ int build() => {n}; }}\n"
    done, fleet_rules = _init(tmp_path / "fluffychat", files, tmp_path / "rules")
    assert "lib/widgets/*.dart" in fleet_rules["subsystems"], done.stderr
    assert not any(glob.startswith(("android", "linux", "windows", "*")) for glob in fleet_rules["subsystems"])


def test_init_takes_the_go_package_declaring_what_its_fleet_implements(tmp_path):
    """dex: `connector/connector.go`, a few KB of the interfaces its sixteen connectors
    implement, which all of them import: their home, not a package three of four happen to
    import (`pkg/groups`, where the connectors' shared OAuth token refresh had gone)."""
    files = {"go.mod": "module example.com/dex\n",
             "connector/connector.go": "package connector\n\ntype Connector interface{}\n",
             "pkg/groups/groups.go": "package groups\n\nfunc Filter() {}\n"}
    for n in range(10):
        files[f"connector/c{n}/c{n}.go"] = f'package c{n}\n\nimport "example.com/dex/connector"\n'
    done, fleet_rules = _init(tmp_path / "dex", files, tmp_path / "rules")
    assert "connector" in fleet_rules["subsystems"], done.stderr


def test_init_takes_the_other_packages_of_the_package_a_fleet_lives_in(tmp_path):
    """sentry-python: `sentry_sdk/integrations/*` lives in the `sentry_sdk` package, beside
    `sentry_sdk/ai` (the helpers the AI integrations share): a subsystem, their home; its
    tests, private packages and a package holding nothing but its `__init__.py` are not."""
    files = {"setup.py": "", "sentry_sdk/__init__.py": "", "sentry_sdk/integrations/__init__.py": "",
             "sentry_sdk/ai/__init__.py": "", "sentry_sdk/ai/utils.py": "def truncate(x):\n    return x\n",
             "sentry_sdk/_vendored/__init__.py": "", "sentry_sdk/tests/__init__.py": "",
             "sentry_sdk/crons/__init__.py": ""}
    for name in ("openai", "anthropic", "cohere", "langchain", "litellm"):
        files[f"sentry_sdk/integrations/{name}/__init__.py"] = "from sentry_sdk.ai.utils import truncate\n"
    done, fleet_rules = _init(tmp_path / "sdk", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["sentry_sdk/integrations/*", "sentry_sdk/ai"], done.stderr
    assert "sentry_sdk/ai (one package, 2 files)" in done.stderr


def test_init_lists_no_package_whose_every_file_a_fleet_inside_it_holds(tmp_path):
    """sqlfluff: `src/sqlfluff/dialects`, a package beside its `rules/*`, is also a folder of 54
    one-module dialects, which hold all its files: it had been listed, with no file to scan."""
    files = {"setup.py": "", "src/sqlfluff/__init__.py": "", "src/sqlfluff/rules/__init__.py": ""}
    for name in ("api", "cli", "core", "utils", "dialects"):
        files[f"src/sqlfluff/{name}/__init__.py"] = ""
        files[f"src/sqlfluff/{name}/base.py"] = f"def {name}(x):\n    return x\n"
    for name in ("aliasing", "ambiguous", "capitalisation", "convention", "jinja", "layout", "references",
                 "structure", "tsql", "postgres", "oracle"):
        files[f"src/sqlfluff/rules/{name}/__init__.py"] = f"def rules_{name}():\n    return '{name}'\n"
    for n in range(24):
        files[f"src/sqlfluff/dialects/dialect_{n}.py"] = f"def dialect_{n}():\n    return {n}\n"
    done, fleet_rules = _init(tmp_path / "linter", files, tmp_path / "rules")
    assert "src/sqlfluff/dialects/*.py" in fleet_rules["subsystems"], done.stderr
    assert "src/sqlfluff/dialects" not in fleet_rules["subsystems"] and "src/sqlfluff/core" in fleet_rules["subsystems"]


def test_init_makes_no_fleet_of_versions_kept_side_by_side(tmp_path):
    """opentelemetry-go's `semconv/v1.20.0` … `v1.43.0`: each version a frozen copy of the
    last, kept on purpose, and the packages inside a version no fleet either."""
    files = {"go.mod": "module example.com/otel\n"}
    for n in range(12):
        files[f"exporters/e{n}/e{n}.go"] = f"package e{n}\n\nfunc Export{n}() int {{ return {n} }}\n"
    for minor in range(20, 32):
        files[f"semconv/v1.{minor}.0/schema.go"] = "package semconv\n\nconst SchemaURL = \"x\"\n"
        for part in range(10):
            files[f"semconv/v1.{minor}.0/conv{part}/conv.go"] = f"package conv{part}\n"
    _, fleet_rules = _init(tmp_path / "versions-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["exporters/*"]


def test_init_makes_no_fleet_of_versions_named_after_what_they_adapt(tmp_path):
    """WorldEdit's Bukkit adapters `adapter-1.21.4` … `adapter-26.2`, a Gradle module each built
    against its Minecraft version: seven copies of one block class had been its first proposal.
    Folders sharing a name before a dotted version are versions side by side, as `v1.20.0` are;
    modules of other names with a version each (`jaxrs-2.0`, `servlet-3.0`) stay a fleet."""
    files = {"settings.gradle.kts": "rootProject.name = \"worldedit\"\n"}
    for name in ("worldedit-core", "worldedit-bukkit", "worldedit-sponge"):
        files[f"{name}/build.gradle.kts"] = "\n"
        files[f"{name}/src/main/java/Main.java"] = f"class Main{name[10:]} {{}}\n"
    for version in ("1.21.4", "1.21.5", "1.21.6", "26.1", "26.2"):
        files[f"worldedit-bukkit/adapters/adapter-{version}/build.gradle.kts"] = "\n"
        files[f"worldedit-bukkit/adapters/adapter-{version}/src/main/java/Block.java"] = "class Block {}\n"
    for name in ("jaxrs-2.0", "servlet-3.0", "akka-http-10.0"):
        files[f"instrumentation/{name}/build.gradle.kts"] = "\n"
        files[f"instrumentation/{name}/src/main/java/Advice.java"] = "class Advice {}\n"
    _, fleet_rules = _init(tmp_path / "worldedit", files, tmp_path / "rules")
    assert not any("adapters" in glob for glob in fleet_rules["subsystems"])
    assert "instrumentation/*" in fleet_rules["subsystems"]


def test_init_excludes_a_folder_named_for_a_library_and_its_release(tmp_path):
    """integration-studio's 13 copies of `bootstrap-3.3.7/` beside its editors' pages (their
    `bootstrap.js`, 2,377 lines, its second proposal), tcommon-studio-se's `jfreechart-1.0.12/`
    (959 Java files) and opentrons-modules' `MCSDK_v5.4.4/`: a release of a library dropped in.
    Folders sharing a name before their versions are the project's (WorldEdit's adapters), and
    so is one built by a manifest of its own (`instrumentation/jaxrs-2.0/build.gradle.kts`)."""
    files = {"pom.xml": "<project/>\n", "editor/src/main/java/Editor.java": "class Editor {}\n",
             "editor/assets/bootstrap-3.3.7/js/bootstrap.js": "(function ($) { $.fn.modal = 1 })(jQuery)\n",
             "charts/lib_src/jfreechart-1.0.12/org/jfree/chart/Chart.java": "class Chart {}\n",
             "firmware/MCSDK_v5.4.4/MCLib/Src/pid.c": "int pid(void) { return 0; }\n",
             "instrumentation/jaxrs-2.0/build.gradle.kts": "\n",
             "instrumentation/jaxrs-2.0/src/main/java/Advice.java": "class Advice {}\n"}
    for version in ("1.21.4", "26.1"):
        files[f"adapters/adapter-{version}/src/main/java/Block.java"] = "class Block {}\n"
    excluded = _excluded_by_init(tmp_path / "studio", files, tmp_path / "rules")
    assert excluded("editor/assets/bootstrap-3.3.7/js/bootstrap.js")
    assert excluded("charts/lib_src/jfreechart-1.0.12/org/jfree/chart/Chart.java")
    assert excluded("firmware/MCSDK_v5.4.4/MCLib/Src/pid.c")
    assert not excluded("adapters/adapter-26.1/src/main/java/Block.java")
    assert not excluded("instrumentation/jaxrs-2.0/src/main/java/Advice.java")
    assert not excluded("editor/src/main/java/Editor.java")


def test_init_excludes_the_folder_of_a_library_whose_release_jar_it_holds(tmp_path):
    """Utopia-Scala's `Manuscript/lib/pdfbox/` holds `pdfbox-3.0.3.jar` and PDFBox's source release
    beside it (1,054 Java files: its annotation handlers' `getLineWidth` x 5 had been the second
    proposal). A jar of another name (`lib/tools/helper-1.0.jar`), or a folder's own build output
    (`target/`), leaves the folder the project's."""
    files = {"build.sbt": "\n", "Genesis/src/utopia/genesis/Handler.scala": "class Handler\n",
             "Manuscript/lib/pdfbox/pdfbox-3.0.3.jar": "jar\n",
             "Manuscript/lib/pdfbox/src/pdfbox/src/main/java/org/apache/pdfbox/PDDocument.java":
                 "class PDDocument {}\n",
             "Manuscript/src/utopia/manuscript/Pdf.scala": "class Pdf\n",
             "Tools/lib/tools/helper-1.0.jar": "jar\n", "Tools/lib/tools/Run.java": "class Run {}\n"}
    excluded = _excluded_by_init(tmp_path / "utopia", files, tmp_path / "rules")
    assert excluded("Manuscript/lib/pdfbox/src/pdfbox/src/main/java/org/apache/pdfbox/PDDocument.java")
    assert not excluded("Manuscript/src/utopia/manuscript/Pdf.scala")
    assert not excluded("Tools/lib/tools/Run.java")


def test_globs_are_relative_to_a_repo_subfolder(tmp_path):
    repo = _monorepo(tmp_path / "outer")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "radar.yaml").write_text("fleet:\n  subsystems: ['*']\n")
    done = radar("scan", "--repo", repo / "packages", "--rules", rules, "--out", tmp_path / "out", "--no-cache")
    assert done.returncode == 0 and "4 subsystems" in done.stderr
    warnings = json.loads((tmp_path / "out" / "snapshots" / "latest.json").read_text())["scan"]["warnings"]
    assert any("subsystem globs are read below it" in w for w in warnings)


# ---------------------------------------------------------------- demo

def test_the_demo_leaves_the_checkout_unchanged_keeps_its_fleet_and_starts_at_pass_1(tmp_path):
    checkout = tmp_path / "clone"
    checkout.mkdir()
    git(checkout, "init", "-q")
    write(checkout, {"README.md": "x\n", ".gitignore": "radar-demo/\n"})
    commit_all(checkout, "clone")
    tracked = {p: (checkout / p).read_bytes() for p in ("README.md", ".gitignore")}
    for run in (1, 2):
        done = radar("demo", cwd=checkout, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "pass 1:" in done.stdout and "radar dashboard --out radar-demo" in done.stdout
        assert "Empty-pass streak" not in (checkout / "radar-demo" / "abstractions.md").read_text()
    assert {p: (checkout / p).read_bytes() for p in tracked} == tracked
    assert git(checkout, "status", "--porcelain") == ""
    snapshot = json.loads((checkout / "radar-demo" / "snapshots" / "latest.json").read_text())
    first = snapshot["candidates"][0]["instances"][0]
    root = next(s["root"] for s in snapshot["subsystems"] if s["name"] == first["subsystem"])
    assert os.path.isfile(os.path.join(root, first["path"]))  # the evidence links open


def test_the_demo_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    assert main(["demo", "--out", str(tmp_path / "mine"), "--quiet"]) == Exit.USAGE
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_files_that_did_not_parse_are_listed(tmp_path):
    repo = _monorepo(tmp_path)
    write(repo, {"packages/alpha/src/broken.js": "export function (( {\n  return ]]] ;\n"})
    commit_all(repo, "broken")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "radar.yaml").write_text("fleet:\n  subsystems: ['packages/*']\n")
    done = radar("scan", "--repo", repo, "--rules", rules, "--out", tmp_path / "out", "--no-cache", "--verbose")
    assert done.returncode == 0 and "did not parse: alpha: packages/alpha/src/broken.js" in done.stderr
    snapshot = json.loads((tmp_path / "out" / "snapshots" / "latest.json").read_text())
    assert snapshot["scan"]["parse_errors"] == ["alpha: packages/alpha/src/broken.js"]
    census = radar("census", "--out", tmp_path / "out")
    assert "packages/alpha/src/broken.js" in census.stdout
    brief = radar("scan", "--repo", repo, "--rules", rules, "--out", tmp_path / "out", "--no-cache")
    assert "; 1 file did not parse fully (--verbose lists them)" in brief.stderr, brief.stderr


def test_a_glob_that_matches_nothing_is_reported(tmp_path):
    repo = _monorepo(tmp_path)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "radar.yaml").write_text("fleet:\n  subsystems: ['packages/*', 'pakages/*']\n")
    done = radar("scan", "--repo", repo, "--rules", rules, "--out", tmp_path / "out", "--no-cache")
    assert done.returncode == 0 and "4 subsystems" in done.stderr
    warnings = json.loads((tmp_path / "out" / "snapshots" / "latest.json").read_text())["scan"]["warnings"]
    assert any("'pakages/*' matches no folder" in w for w in warnings)


def test_rules_found_in_the_current_folder_are_named_when_scanning_elsewhere(tmp_path):
    repo = _monorepo(tmp_path)
    (tmp_path / "here" / "rules").mkdir(parents=True)
    (tmp_path / "here" / "rules" / "radar.yaml").write_text("fleet:\n  subsystems: ['packages/*']\n")
    done = radar("scan", "--repo", repo, "--out", tmp_path / "out", "--no-cache", cwd=tmp_path / "here")
    assert done.returncode == 0
    assert f"using the rules in {tmp_path / 'here' / 'rules'}" in done.stderr
    assert f"rules: {tmp_path / 'here' / 'rules'}" in done.stderr


def test_a_scan_ends_naming_its_first_proposals_or_else_those_nearest_the_gate(scanned, capsys):
    out, _, snapshot = scanned
    args = argparse.Namespace(out=out, quiet=False, verbose=False)
    _summary(snapshot, out / "snapshots" / "latest.json", args)
    proposed = [c for c in snapshot["candidates"] if c["verdict"] == "proposed"]
    err = capsys.readouterr().err
    assert f"proposed: {proposed[0]['id']} — " in err and f"→ {proposed[0]['home']}" in err
    for candidate in snapshot["candidates"]:
        candidate["verdict"] = "watching" if candidate["verdict"] == "proposed" else candidate["verdict"]
    near = leads(snapshot)[1]
    _summary(snapshot, out / "snapshots" / "latest.json", args)
    err = capsys.readouterr().err
    assert near and f"near the gate: {near[0]['id']} — " in err and "— missing: " in err


def test_init_takes_a_folder_of_many_rule_folders_as_packages_and_their_library_as_the_home(tmp_path):
    """stylelint: 151 `lib/rules/<rule>/index.mjs` beside the helpers they import from
    `lib/utils/*.mjs` and its own thirty modules (`lib/standalone.mjs` …): each rule is a package
    and `lib` their home (the helpers, 154 modules, had been the fleet and the rules one
    package); eslint's lone `lib/rules/utils/` stays none."""
    files = {"package.json": "{}\n"}
    files.update({f"lib/part{n}.mjs": f"export default () => {n};\n" for n in range(10)})
    for n in range(22):
        files[f"lib/utils/util{n}.mjs"] = f"export default function util{n}() {{ return {n}; }}\n"
    for n in range(21):
        files[f"lib/rules/rule-{n}/index.mjs"] = (f"import util{n} from '../../utils/util{n}.mjs';\n"
                                                  f"export default () => util{n}();\n")
    done, fleet_rules = _init(tmp_path / "stylelint-like", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["lib/rules/*", "lib"], done.stderr
    assert "lib/rules/* (21 packages)" in done.stderr


def test_init_takes_a_folder_of_many_generators_as_packages_but_not_a_few(tmp_path):
    """generator-jhipster: 38 Yeoman `generators/<name>/` (angular, react, vue …) had been one
    package of 550 files, their copies never compared; rails' five groups of
    `railties/lib/rails/generators/` are no fleet."""
    files = {"package.json": "{}\n", "lib/index.ts": "export default {};\n"}
    for n in range(22):  # its library's modules, a fleet of their own
        files[f"lib/models/model{n}.ts"] = f"export default class Model{n} {{ name() {{ return {n}; }} }}\n"
    for n in range(12):
        files[f"generators/gen{n}/generator.ts"] = f"export default class Gen{n} {{ run() {{ return {n}; }} }}\n"
    done, fleet_rules = _init(tmp_path / "yeoman-like", files, tmp_path / "rules")
    assert "generators/*" in fleet_rules["subsystems"], done.stderr
    few = {f"railties/lib/rails/generators/{name}/base.rb": "module Rails\nend\n"
           for name in ("erb", "rails", "test_unit", "testing", "named")}
    _, fleet_rules = _init(tmp_path / "rails-like", {"Gemfile": "", **few}, tmp_path / "rules2")
    assert "railties/lib/rails/generators/*" not in fleet_rules["subsystems"]


def test_init_takes_a_folder_of_search_engines_as_a_fleet(tmp_path):
    """searxng: `searx/engines/*.py`, one module per search engine, inside a package holding
    a dozen sub-packages: a fleet (it had been one subsystem, its copies never compared)."""
    files = {"setup.py": "", "searx/__init__.py": "", "searx/utils.py": "def clean(text):\n    return text\n"}
    for name in ("network", "search", "plugins"):
        files[f"searx/{name}/__init__.py"] = f"def {name}():\n    return 1\n"
    for n in range(12):
        files[f"searx/engines/engine{n}.py"] = f"from searx.utils import clean\n\ndef response(resp):\n    return {n}\n"
    done, fleet_rules = _init(tmp_path / "searx-like", files, tmp_path / "rules")
    assert "searx/engines/*.py" in fleet_rules["subsystems"], done.stderr


def test_init_keeps_out_what_openapi_generator_lists_as_written_by_it(tmp_path):
    """RedHatInsights' javascript-clients: 14 API clients, each `src/` written by OpenAPI Generator,
    which lists what it wrote in `src/.openapi-generator/FILES`, no banner in them: their 547
    parameter guards were its first proposal. A folder holding code the list does not name is
    the team's, and stays."""
    guard = "export const isParams = (p) => p.length === 1 && typeof p[0] === 'object';\n"
    files = {"package.json": "{}\n"}
    for name in ("compliance", "inventory", "patch"):
        files[f"packages/{name}/package.json"] = "{}\n"
        files[f"packages/{name}/src/Get/index.ts"] = guard
        files[f"packages/{name}/src/index.ts"] = "export * from './Get';\n"
        files[f"packages/{name}/src/.openapi-generator/FILES"] = ".gitignore\nGet/index.ts\nindex.ts\n"
    files["packages/shared/package.json"] = "{}\n"
    files["packages/shared/src/index.ts"] = "export const base = 1;\n"
    files["packages/shared/src/hand.ts"] = "export const hand = 2;\n"
    files["packages/shared/src/.openapi-generator/FILES"] = "index.ts\n"
    done, fleet_rules = _init(tmp_path / "clients", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("packages/patch/src/Get/index.ts") and excluded("packages/compliance/src/index.ts"), done.stderr
    assert not excluded("packages/shared/src/hand.ts") and not excluded("packages/shared/src/index.ts")


def test_init_keeps_out_a_libraries_utest_folders(tmp_path):
    """xo-umbrella2: each of its C++ libraries keeps its unit tests in `utest/`, whose copied test
    mains had been its first proposal."""
    files = {"CMakeLists.txt": "project(xo)\n"}
    for name in ("alloc", "expression", "reader"):
        files[f"xo-{name}/CMakeLists.txt"] = f"add_library({name})\n"
        files[f"xo-{name}/src/{name}.cpp"] = f"int {name}() {{ return 1; }}\n"
        files[f"xo-{name}/utest/{name}_utest_main.cpp"] = "int main() { return 0; }\n"
    done, fleet_rules = _init(tmp_path / "xo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("xo-alloc/utest/alloc_utest_main.cpp") and not excluded("xo-alloc/src/alloc.cpp"), done.stderr


def test_init_takes_a_scrapy_projects_spiders_as_a_fleet(tmp_path):
    """city-scrapers: `city_scrapers/spiders/*.py`, Scrapy's folder of one spider per site (58),
    beside the mixins they share: it had been one package, their copies never compared."""
    files = {"setup.py": "", "city_scrapers/__init__.py": "",
             "city_scrapers/mixins/__init__.py": "", "city_scrapers/mixins/board.py": "class Board:\n    pass\n",
             "city_scrapers/settings/__init__.py": "", "city_scrapers/settings/base.py": "BOT_NAME = 'x'\n",
             "city_scrapers/middleware.py": "class Middleware:\n    pass\n", "city_scrapers/utils.py": "X = 1\n",
             "city_scrapers/spiders/__init__.py": ""}
    for n in range(12):  # each extends the spider class of a library outside the tree
        files[f"city_scrapers/spiders/city{n}.py"] = f"from city_scrapers_core.spiders import CityScrapersSpider\n\n" \
                                                     f"class Spider{n}(CityScrapersSpider):\n    name = 'city{n}'\n"
    done, fleet_rules = _init(tmp_path / "scrapers", files, tmp_path / "rules")
    assert "city_scrapers/spiders/*.py" in fleet_rules["subsystems"], done.stderr


def test_init_excludes_maven_integration_tests_and_folders_of_examples(tmp_path):
    """checkstyle: `src/it/java` (Maven's integration tests, beside `src/main`) and
    `src/xdocs-examples` held 2,599 files of copies of the checks' test cases, and fleets of
    one-module packages were read there; sentry-java's `sentry-samples` holds 27 sample apps, whose
    controllers were 60 of its 75 proposals; a `documentation/` folder at the top holds the
    documentation's code, as a Swift DocC catalog holds its tutorials' (`Documentation.docc`);
    `sentinel-demo` holds demo apps (three of Sentinel's thirteen proposals were their copies), as
    chroma's `sample_apps` and logto's `packages/demo-app` do;
    `example-generators` is code."""
    files = {"pom.xml": "<project/>\n"}
    for folder in ("src/main/java/org/x/checks", "src/it/java/org/x/checks", "src/xdocs-examples/java/org/x/checks",
                   "sentry-samples/spring/src/main/java/org/x/checks"):
        for n in range(22):
            files[f"{folder}/Check{n}.java"] = f"package org.x.checks;\n\npublic class Check{n} {{ }}\n"
    files.update({f"tools/example-generators/gen{n}.py": f"def gen{n}():\n    return {n}\n" for n in range(3)})
    files["documentation/manual/code/Console.java"] = "class Console {}\n"  # playframework's 358 files
    files["src/main/java/org/x/documentation/Generator.java"] = "class Generator {}\n"  # a feature's code
    files["src/main/swift/Lib.docc/Tutorials/Step01.swift"] = "struct Step {}\n"  # each step a copy
    files["sentinel-demo/sentinel-demo-basic/src/main/java/Demo.java"] = "class Demo {}\n"  # Sentinel's 30 demo apps
    files["sample_apps/chat/src/main/java/Chat.java"] = "class Chat {}\n"  # chroma's sample apps
    files["packages/demo-app/src/main/java/App.java"] = "class App {}\n"  # logto's demo app
    _, fleet_rules = _init(tmp_path / "maven-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("documentation/manual/code/Console.java")
    assert not excluded("src/main/java/org/x/documentation/Generator.java")
    assert excluded("src/main/swift/Lib.docc/Tutorials/Step01.swift")
    assert excluded("sentinel-demo/sentinel-demo-basic/src/main/java/Demo.java")
    assert excluded("sample_apps/chat/src/main/java/Chat.java") and excluded("packages/demo-app/src/main/java/App.java")
    assert excluded("src/it/java/org/x/checks/Check1.java")
    assert excluded("src/xdocs-examples/java/org/x/checks/Check1.java")
    assert excluded("sentry-samples/spring/src/main/java/org/x/checks/Check1.java")
    assert not excluded("src/main/java/org/x/checks/Check1.java")
    assert not excluded("tools/example-generators/gen1.py")
    assert fleet_rules["subsystems"] == ["src/main/java/org/x/checks/*.java"]


def test_init_excludes_the_example_apps_named_so_at_the_top(tmp_path):
    """react-native-screens: `FabricExample` and `TVOSExample`, example apps with a package.json
    each beside the library's `src/`, `ios/`, `android/`, had been two of its ten packages. Deeper,
    a folder so named is a component's as often (VictoriaMetrics' `components/Main/CodeExample`)."""
    files = {"package.json": '{"name": "rn-lib"}\n'}
    for app in ("FabricExample", "TVOSExample"):
        files[f"{app}/package.json"] = f'{{"name": "{app}"}}\n'
        files[f"{app}/App.tsx"] = "export default function App() { return null; }\n"
    for package in ("reanimated", "gesture-handler", "navigation"):
        files[f"{package}/package.json"] = f'{{"name": "{package}"}}\n'
        files[f"{package}/index.ts"] = f"export const {package[:4]} = 1;\n"
    files["web/package.json"] = '{"name": "web"}\n'
    files["web/src/components/Main/CodeExample/CodeExample.tsx"] = "export const CodeExample = () => null;\n"
    _, fleet_rules = _init(tmp_path / "rn-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("FabricExample/App.tsx") and excluded("TVOSExample/App.tsx"), fleet_rules["exclude"]
    assert not excluded("web/src/components/Main/CodeExample/CodeExample.tsx")
    assert not excluded("reanimated/index.ts")


def test_init_excludes_dotnet_projects_named_for_their_samples(tmp_path):
    """NSwag: `src/NSwag.Sample.NET80`, `…NET90`, `…NET100` and their `NSwag.Sample.Common`, seven
    sample web apps beside the library's projects, had been read as packages (their copied
    `Startup` led its near-gate list); a project named for what it does with samples is code."""
    files = {}
    for project in ("NSwag.Core", "NSwag.Generation", "NSwag.AspNetCore", "NSwag.Sampling", "NSwag.Sample.NET80",
                    "NSwag.Sample.NET90", "NSwag.Sample.Common", "Acme.Examples"):
        files[f"src/{project}/{project}.csproj"] = "<Project/>\n"
        files[f"src/{project}/Startup.cs"] = f"namespace {project} {{ public class Startup {{ }} }}\n"
    _, fleet_rules = _init(tmp_path / "dotnet-repo", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("src/NSwag.Sample.NET80/Startup.cs") and excluded("src/NSwag.Sample.Common/Startup.cs")
    assert excluded("src/Acme.Examples/Startup.cs")
    assert not excluded("src/NSwag.Sampling/Startup.cs") and not excluded("src/NSwag.Core/Startup.cs")


def test_init_excludes_androids_debug_sources_beside_main_but_not_a_debug_module(tmp_path):
    """thunderbird-android: `feature/*/src/debug/` holds the screens' fake view models for
    previews, and three of them had been its first proposal; nushell's
    `crates/nu-command/src/debug/` (no `src/main` beside it) is its debug commands' code."""
    files = {"settings.gradle.kts": "include(':a')\n"}
    for name in ("edit", "setup", "server"):
        files[f"feature/{name}/build.gradle.kts"] = "plugins { }\n"
        files[f"feature/{name}/src/main/kotlin/app/{name}/Screen.kt"] = f"class {name.title()}Screen\n"
        files[f"feature/{name}/src/debug/kotlin/app/{name}/FakeViewModel.kt"] = f"class Fake{name.title()}ViewModel\n"
    files["crates/nu-command/Cargo.toml"] = "[package]\n"
    files["crates/nu-command/src/debug/ast.rs"] = "pub fn ast() {}\n"
    excluded = _excluded_by_init(tmp_path / "android-repo", files, tmp_path / "rules")
    assert excluded("feature/edit/src/debug/kotlin/app/edit/FakeViewModel.kt")
    assert not excluded("feature/edit/src/main/kotlin/app/edit/Screen.kt")
    assert not excluded("crates/nu-command/src/debug/ast.rs")


def test_init_excludes_a_project_generators_starters_but_not_a_lone_template_folder(tmp_path):
    """vite: `packages/create-vite/template-react`, `template-vue-ts` … (sixteen) are starters
    copied whole into new projects; they had been sixteen packages, and their `App` x 3 came
    first near the gate. A lone `template-engine/` is code."""
    files = {"package.json": "{}"}
    for name in ("cli", "core", "create-app"):
        files[f"packages/{name}/package.json"] = "{}"
        files[f"packages/{name}/src/index.ts"] = "export const a = 1;\n"
    for starter in ("react", "vue", "svelte", "react-ts"):
        files[f"packages/create-app/template-{starter}/package.json"] = "{}"
        files[f"packages/create-app/template-{starter}/src/App.tsx"] = "export const App = () => 1;\n"
    for starter in ("react", "blaze", "vue"):  # meteor's `tools/static-assets/skel-react` …, its #1 once
        files[f"packages/cli/skel-{starter}/server/main.js"] = "export const main = () => 1;\n"
    for kit in ("expo", "next", "monorepo"):  # gluestack-ui's `apps/starter-kit-expo` …, its first two once
        files[f"apps/starter-kit-{kit}/components/ui/box/index.tsx"] = "export const Box = () => 1;\n"
    files["packages/core/template-engine/render.ts"] = "export const render = () => 1;\n"
    _, fleet_rules = _init(tmp_path / "generator", files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("packages/create-app/template-vue/src/App.tsx")
    assert excluded("packages/cli/skel-vue/server/main.js")
    assert excluded("apps/starter-kit-next/components/ui/box/index.tsx")
    assert not excluded("packages/core/template-engine/render.ts")
    assert fleet_rules["subsystems"] == ["packages/*"]


def test_init_excludes_test_source_sets_beside_src_but_not_a_lone_it_folder(tmp_path):
    """The AWS Toolkit for JetBrains: each plugin keeps `src/`, `tst/`, `it/` (integration tests)
    and test source sets for some IDE versions, `tst-253+/`, `it-242-253/`; its integration tests'
    copied `samIsExecuted` x 3 had been its first proposal. Maven's `src/it/` holds its
    invoker's integration tests. An `it/` beside no `src/` is an Italian translation's as often."""
    files = {"settings.gradle.kts": "\n"}
    for plugin in ("core", "rider", "ultimate"):
        for folder in ("src", "tst", "it", "tst-253+", "it-242-253"):
            files[f"plugins/{plugin}/{folder}/software/aws/{plugin}/C.kt"] = f"package software.aws.{plugin}\nclass C\n"
    files["plugin-maven/src/main/java/org/x/Mojo.java"] = "package org.x;\nclass Mojo {}\n"
    files["plugin-maven/src/it/basic/src/main/java/App.java"] = "class App {}\n"
    files["web/locales/it/messages.js"] = "export default {};\n"
    excluded = _excluded_by_init(tmp_path / "toolkit", files, tmp_path / "rules")
    assert all(excluded(f"plugins/rider/{folder}/software/aws/rider/C.kt") for folder in ("it", "tst-253+", "it-242-253"))
    assert excluded("plugin-maven/src/it/basic/src/main/java/App.java")
    assert not excluded("plugins/rider/src/software/aws/rider/C.kt") and not excluded("web/locales/it/messages.js")


def test_init_excludes_packages_own_sandboxes_but_not_a_lone_one(tmp_path):
    """Kong's public-ui-components: 36 packages each keep a `sandbox/`, the app their developers
    mount its components in, whose copied pages had been its second and third proposals. A
    lone `sandbox/` is code as often (hull-connectors' VM's `server/sandbox`)."""
    files = {}
    for name in ("entities-certificates", "entities-routes", "entities-plugins"):
        files[f"packages/entities/{name}/package.json"] = "{}"
        files[f"packages/entities/{name}/src/index.ts"] = "export const a = 1;\n"
        files[f"packages/entities/{name}/sandbox/pages/ListPage.vue"] = "<template><div/></template>\n"
    excluded = _excluded_by_init(tmp_path / "kong", files, tmp_path / "rules")
    assert excluded("packages/entities/entities-routes/sandbox/pages/ListPage.vue")
    assert not excluded("packages/entities/entities-routes/src/index.ts")
    for name in ("entities-routes", "entities-plugins"):
        del files[f"packages/entities/{name}/sandbox/pages/ListPage.vue"]
    files["packages/entities/entities-plugins/src/sandbox/vm.ts"] = "export const run = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "hull", files, tmp_path / "hull-rules")
    assert not excluded("packages/entities/entities-plugins/src/sandbox/vm.ts")


def test_init_excludes_the_code_a_documentation_shows_and_reads_a_linters_checkers(tmp_path):
    """fastapi: `docs_src/<topic>/tutorial001_py310.py` … (462 snippets, each repeating the
    tutorial's set-up on purpose) were 76 packages and all of its watch list; pylint's 32
    `checkers/*.py` were one package with the library."""
    files = {"pyproject.toml": "[project]\nname = 'web'\n", "web/__init__.py": ""}
    files.update({f"web/part{n}.py": f"def part{n}():\n    return {n}\n" for n in range(12)})
    for topic in ("body", "cookies", "query_params"):
        files[f"docs_src/{topic}/tutorial001.py"] = "from web import part1\n\napp = part1()\n"
    files.update({f"web/checkers/checker{n}.py": f"def check{n}(node):\n    return node\n" for n in range(10)})
    _, fleet_rules = _init(tmp_path / "web-repo", files, tmp_path / "rules")
    assert "docs_src/*" not in fleet_rules["subsystems"]
    assert any_glob(tuple(fleet_rules["exclude"]))("docs_src/body/tutorial001.py")
    assert "web/checkers/*.py" in fleet_rules["subsystems"]


def test_init_excludes_test_folders_named_in_camel_case(tmp_path):
    """okhttp's Gradle source sets `src/jvmTest`, `src/commonTest` (167 test files were read),
    spring's `src/testFixtures`, opentelemetry-java-instrumentation's `src/testJava17` and
    `src/testNoReceiveTelemetry` (whose Kafka tests were proposed), spotbugs'
    `spotbugsTestCases` module, Xcode's `AppTests` target; a feature named `speedtest` and a
    module's own `src/commonMain` stay."""
    files = {"settings.gradle": "", "app/AppTests/AppTests.swift": "func testApp() {}\n",
             "spotbugsTestCases/src/java/Bug1.java": "class Bug1 {}\n",
             "core/build.gradle": "", "core/commonMain/src/kotlinx/Basic.kt": "class Basic\n",
             "core/commonTest/src/kotlinx/BasicTest.kt": "class BasicTest\n"}  # Kotlin Multiplatform's
    for module in ("okhttp", "mockwebserver", "logging"):
        files[f"{module}/build.gradle"] = ""
        for source_set in ("commonMain", "jvmTest", "commonTest", "testFixtures", "speedtest", "testJava17",
                           "testNoReceiveTelemetry"):
            files[f"{module}/src/{source_set}/kotlin/{module}/A.kt"] = f"package {module}\n\nclass A\n"
    excluded = _excluded_by_init(tmp_path / "gradle-repo", files, tmp_path / "rules")
    for test in ("okhttp/src/jvmTest/kotlin/okhttp/A.kt", "okhttp/src/commonTest/kotlin/okhttp/A.kt",
                 "okhttp/src/testFixtures/kotlin/okhttp/A.kt", "okhttp/src/testJava17/kotlin/okhttp/A.kt",
                 "logging/src/testNoReceiveTelemetry/kotlin/logging/A.kt", "spotbugsTestCases/src/java/Bug1.java",
                 "app/AppTests/AppTests.swift", "core/commonTest/src/kotlinx/BasicTest.kt"):
        assert excluded(test), test
    assert not excluded("okhttp/src/commonMain/kotlin/okhttp/A.kt")
    assert not excluded("core/commonMain/src/kotlinx/Basic.kt")
    assert not excluded("okhttp/src/speedtest/kotlin/okhttp/A.kt")


def test_init_excludes_a_folder_of_tests_named_for_the_folder_it_tests(tmp_path):
    """newrelic-dotnet-agent's profiler: `MethodRewriterTest/` beside `MethodRewriter/`,
    `Sicily/SicilyTest/` inside the parser it tests, each a C++ test program, whose test
    templates' `ToString` x 3 had been its only proposal. A `SpeedTest/` feature stays."""
    files = {"Profiler/CMakeLists.txt": "", "Profiler/SpeedTest/Meter.cpp": "int meter() { return 1; }\n"}
    for name in ("MethodRewriter", "SignatureParser", "Logging"):
        files[f"Profiler/{name}/{name}.cpp"] = "int f() { return 1; }\n"
        files[f"Profiler/{name}Test/TestTemplates.h"] = "int g() { return 2; }\n"
    files["Profiler/Sicily/Parser.cpp"] = "int parse() { return 1; }\n"
    files["Profiler/Sicily/SicilyTest/TestTemplates.h"] = "int g() { return 2; }\n"
    excluded = _excluded_by_init(tmp_path / "profiler", files, tmp_path / "rules")
    for test in ("Profiler/MethodRewriterTest/TestTemplates.h", "Profiler/LoggingTest/TestTemplates.h",
                 "Profiler/Sicily/SicilyTest/TestTemplates.h"):
        assert excluded(test), test
    assert not excluded("Profiler/MethodRewriter/MethodRewriter.cpp")
    assert not excluded("Profiler/SpeedTest/Meter.cpp")


def test_init_never_excludes_a_jvm_package_named_like_a_folder_of_examples_or_tests(tmp_path):
    """nowinandroid: its Kotlin lives in `src/main/kotlin/com/google/samples/apps/…`, and the
    package's `samples` had made `**/samples/**` an exclude: 17 of its files were read, not 161.
    A package path's names are a package's (`com/example/…` too); the source set's (`src/test`)
    and a real examples folder still say what they hold."""
    files = {"settings.gradle.kts": "", "samples/demo/Demo.kt": "package demo\n\nclass Demo\n"}
    for module in ("data", "model", "network"):
        files[f"core/{module}/build.gradle.kts"] = ""
        for source_set in ("main", "test"):
            files[f"core/{module}/src/{source_set}/kotlin/com/google/samples/apps/{module}/A.kt"] = \
                f"package com.google.samples.apps.{module}\n\nclass A\n"
        files[f"core/{module}/src/main/java/com/example/{module}/B.java"] = f"package com.example.{module};\nclass B {{}}\n"
    excluded = _excluded_by_init(tmp_path / "android-repo", files, tmp_path / "rules")
    assert not excluded("core/data/src/main/kotlin/com/google/samples/apps/data/A.kt")
    assert not excluded("core/data/src/main/java/com/example/data/B.java")
    assert excluded("core/data/src/test/kotlin/com/google/samples/apps/data/A.kt")
    assert excluded("samples/demo/Demo.kt")


def test_init_finds_a_folder_of_what_plugs_in_inside_the_modules_at_the_top(tmp_path):
    """kafka: `*` are its Gradle modules, and `connect/transforms` holds Kafka Connect's
    transforms, one class each (`Cast`, `Flatten`, `InsertField` …, whose `apply` x 4 are one
    template method); with modules at the top no folder of what plugs in had been read."""
    files = {"settings.gradle": ""}
    for module in ("clients", "core", "transforms"):
        files[f"{module}/build.gradle"] = ""
        files[f"{module}/src/main/java/org/x/{module}/Main.java"] = f"package org.x.{module};\nclass Main {{}}\n"
    files.update({f"transforms/src/main/java/org/x/transforms/Transform{n}.java":
                  f"package org.x.transforms;\npublic class Transform{n} {{ }}\n" for n in range(20)})
    _, fleet_rules = _init(tmp_path / "gradle-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*", "transforms/src/main/java/org/x/transforms/*.java"]


def test_init_reads_folder_names_of_what_plugs_in_in_any_case(tmp_path):
    """.NET's and PHP's folders are capitalised: `src/Plugins/<name>/` is a fleet as `plugins/`
    is (phpstan's `src/Rules/*`, thirty rule categories, had been one package with its library)."""
    files = {"Notifier.sln": "", "src/Core/Core.cs": "namespace Notifier { public class Core {} }\n"}
    for name in ("Email", "Slack", "Teams"):
        files[f"src/Plugins/{name}/Sender.cs"] = f"namespace Notifier.{name} {{ public class Sender {{}} }}\n"
    done, fleet_rules = _init(tmp_path / "dotnet-repo", files, tmp_path / "rules")
    assert "src/Plugins/*" in fleet_rules["subsystems"], done.stderr


def test_init_takes_the_library_a_fleet_of_modules_is_built_on_as_a_package(tmp_path):
    """starship: `src/modules/*.rs`, one module per prompt segment, use the crate's own
    `src/context.rs`, `src/utils.rs`…, which no package held: its version modules' copies x 7
    had no home. The crate's `src` is their library, from five files in no package (shrine's
    core, beside its plugins); a package's own sub-packages, where some are
    subsystems already (sentry-python's `sentry_sdk/ai`), are the homes instead."""
    files = {"Cargo.toml": "[package]\nname = \"starship\"\n"}
    for n in range(22):
        files[f"src/modules/segment{n}.rs"] = f"use crate::utils;\npub fn module{n}() -> u32 {{ utils::width() + {n} }}\n"
    for n in range(11):
        files[f"src/core{n}.rs"] = f"pub fn core{n}() -> u32 {{ {n} }}\n"
    done, fleet_rules = _init(tmp_path / "starship-like", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["src/modules/*.rs", "src"], done.stderr
    assert "src (one package, 11 files)" in done.stderr
    # shrine: its 51 `lib/shrine/plugins/*.rb` beside the core they plug into, five files and a folder
    files = {"shrine.gemspec": "Gem::Specification.new\n", "lib/shrine.rb": "class Shrine\nend\n"}
    files.update({f"lib/shrine/plugins/plugin{n}.rb": f"class Shrine\n  P{n} = {n}\nend\n" for n in range(20)})
    files.update({f"lib/shrine/{name}.rb": f"class Shrine\n  {name.title()} = 1\nend\n"
                  for name in ("attacher", "attachment", "uploaded_file", "version")})
    files["lib/shrine/storage/s3.rb"] = "class Shrine\n  S3 = 1\nend\n"
    done, fleet_rules = _init(tmp_path / "shrine-like", files, tmp_path / "shrine-rules")
    assert fleet_rules["subsystems"] == ["lib/shrine/plugins/*.rb", "lib/shrine"], done.stderr


def test_init_excludes_alembic_environments_whatever_their_folder_is_named(tmp_path):
    """ckan: each extension's `migration/<extension>/` holds Alembic's `env.py`, `script.py.mako`
    and `versions/`; four copies of `env.py` were its first proposal. A folder named `migration`
    holding no Alembic environment is code."""
    files = {"setup.py": "", "ckan/__init__.py": ""}
    for name in ("activity", "tracking", "datastore"):
        files[f"ckanext/{name}/__init__.py"] = ""
        files[f"ckanext/{name}/plugin.py"] = f"def setup_{name}():\n    return '{name}'\n"
        files[f"ckanext/{name}/migration/{name}/env.py"] = "def run_migrations_online():\n    return 1\n"
        files[f"ckanext/{name}/migration/{name}/script.py.mako"] = "${message}\n"
        files[f"ckanext/{name}/migration/{name}/versions/0f6f6ca7fd8d_add.py"] = "def upgrade():\n    pass\n"
    files["ckanext/datastore/migration/helpers.py"] = "def migrate():\n    return 1\n"
    excluded = _excluded_by_init(tmp_path / "ckan-repo", files, tmp_path / "rules")
    assert excluded("ckanext/activity/migration/activity/env.py")
    assert excluded("ckanext/tracking/migration/tracking/versions/0f6f6ca7fd8d_add.py")
    assert not excluded("ckanext/datastore/migration/helpers.py")
    assert not excluded("ckanext/activity/plugin.py")


def test_init_excludes_dotnet_test_and_benchmark_projects_named_with_a_dot(tmp_path):
    """osu keeps its test projects beside the projects they test, `osu.Game.Rulesets.Osu.Tests`
    and `….Tests.Android`: the rulesets' copies of one test were its first proposal; Sonarr's
    `src/NzbDrone.Core.Test` (491 files) was read as code. `osu.Game.Testing` stays read: a
    library for tests ships."""
    files = {"osu.sln": ""}
    for name in ("osu.Game", "osu.Game.Rulesets.Osu", "osu.Game.Rulesets.Taiko", "osu.Game.Rulesets.Mania",
                 "osu.Game.Rulesets.Osu.Tests", "osu.Game.Rulesets.Osu.Tests.Android", "osu.Game.Benchmarks",
                 "src/NzbDrone.Core.Test", "osu.Game.Specs", "osu.Game.Testing"):
        files[f"{name}/{name.rpartition('/')[2]}.csproj"] = "<Project/>\n"
        files[f"{name}/Thing.cs"] = "namespace N { public class Thing { public int Run() { return 1; } } }\n"
    excluded = _excluded_by_init(tmp_path / "osu-repo", files, tmp_path / "rules")
    for name in ("osu.Game.Rulesets.Osu.Tests", "osu.Game.Rulesets.Osu.Tests.Android", "osu.Game.Benchmarks",
                 "src/NzbDrone.Core.Test", "osu.Game.Specs"):
        assert excluded(f"{name}/Thing.cs"), name
    for name in ("osu.Game", "osu.Game.Rulesets.Osu", "osu.Game.Testing"):
        assert not excluded(f"{name}/Thing.cs"), name


def test_init_keeps_out_what_gitattributes_mark_generated_or_vendored_for_linguist(tmp_path):
    """gateway-api's and eventing's `.gitattributes` mark their Kubernetes clients
    `/pkg/client/** linguist-generated=true` (142 and 359 Go files with no banner, read as code), m3's
    its mocks `*_mock.go linguist-generated`; a `.gitattributes` deeper names paths from its folder.
    A marked folder part of which a later line unsets (amplify-flutter's `**/example/ios/** …` then
    `**/example/ios/unit_tests/** linguist-generated=false`) stays read, which a glob could not say,
    as do paths marked `-linguist-vendored` or in comments."""
    files = {".gitattributes": "# Linguist\n/pkg/client/** linguist-generated=true\n*_mock.go linguist-generated\n"
                               "**/ios/Runner/** linguist-generated\n"
                               "**/ios/Runner/Custom/** linguist-generated=false\n"
                               "lib/** -linguist-vendored\n# third/** linguist-vendored\n",
             "services/api/.gitattributes": "copied/** linguist-vendored\n"}
    for path in ("pkg/client/set.go", "pkg/store/store_mock.go", "pkg/store/store.go", "app/ios/Runner/Generated.swift",
                 "app/ios/Runner/Custom/Plugin.swift", "lib/util.go", "third/x.go",
                 "services/api/copied/lru.go", "services/api/main.go", "copied/own.go"):
        files[path] = "package x\n\nfunc F() int { return 1 }\n"
    excluded = _excluded_by_init(tmp_path / "attrs-repo", files, tmp_path / "rules")
    for path in ("pkg/client/set.go", "pkg/store/store_mock.go", "services/api/copied/lru.go"):
        assert excluded(path), path
    for path in ("pkg/store/store.go", "app/ios/Runner/Generated.swift", "app/ios/Runner/Custom/Plugin.swift",
                 "lib/util.go", "third/x.go", "services/api/main.go", "copied/own.go"):
        assert not excluded(path), path


def test_init_excludes_eclipse_test_bundles_named_with_a_dot_in_lower_case(tmp_path):
    """eclipse.jdt.ls keeps its tests in the bundle `org.eclipse.jdt.ls.tests` (and
    `….tests.syntaxserver`) beside `org.eclipse.jdt.ls.core`: read as code, its test classes' copies
    of one another were its first proposal. A bundle named for tests' tools that ships stays read."""
    files = {"pom.xml": "<project/>\n"}
    for name in ("org.eclipse.jdt.ls.core", "org.eclipse.jdt.ls.tests", "org.eclipse.jdt.ls.tests.syntaxserver",
                 "org.eclipse.jdt.ls.testing", "org.eclipse.jdt.ls.product"):
        files[f"{name}/pom.xml"] = "<project/>\n"
        files[f"{name}/src/org/eclipse/Thing.java"] = "public class Thing { int run() { return 1; } }\n"
    excluded = _excluded_by_init(tmp_path / "jdtls-repo", files, tmp_path / "rules")
    assert excluded("org.eclipse.jdt.ls.tests/src/org/eclipse/Thing.java")
    assert excluded("org.eclipse.jdt.ls.tests.syntaxserver/src/org/eclipse/Thing.java")
    for name in ("org.eclipse.jdt.ls.core", "org.eclipse.jdt.ls.testing", "org.eclipse.jdt.ls.product"):
        assert not excluded(f"{name}/src/org/eclipse/Thing.java"), name


def test_init_reads_eclipse_bundles_built_with_no_pom_of_their_own_as_a_fleet(tmp_path):
    """m2e-core: Tycho builds its 28 `org.eclipse.m2e.*` bundles from their `META-INF/MANIFEST.MF`,
    with no pom.xml of their own; they had been read only beside its test bundles' fleets, and
    once those were excluded as tests, its bundles were left out as no packages. A `META-INF`
    deeper in a folder (a jar's resources) makes no package, the folder a Maven module by its
    `src/main`; nor does a jar unpacked in a folder named for its version (mina-sshd's)."""
    files = {"pom.xml": "<project><modules><module>org.eclipse.m2e.core</module></modules></project>\n"}
    for name in ("core", "core.ui", "jdt", "editor", "launching"):
        files[f"org.eclipse.m2e.{name}/META-INF/MANIFEST.MF"] = f"Bundle-SymbolicName: org.eclipse.m2e.{name}\n"
        for n in range(12):
            files[f"org.eclipse.m2e.{name}/src/org/eclipse/m2e/{name}/C{n}.java"] = f"public class C{n} {{}}\n"
    files["org.eclipse.m2e.core.tests/META-INF/MANIFEST.MF"] = "Bundle-SymbolicName: org.eclipse.m2e.core.tests\n"
    files["org.eclipse.m2e.core.tests/src/org/eclipse/m2e/core/CTest.java"] = "public class CTest {}\n"
    files["tools/src/main/resources/META-INF/MANIFEST.MF"] = "Main-Class: T\n"
    files["tools/src/main/java/T.java"] = "public class T {}\n"
    files["sources/tomcat-apr-5.5.23-sources/META-INF/MANIFEST.MF"] = "Manifest-Version: 1.0\n"  # a jar unpacked
    files["sources/tomcat-apr-5.5.23-sources/org/apache/tomcat/jni/File.java"] = "public class File {}\n"
    done, fleet_rules = _init(tmp_path / "m2e-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"] and "* (6 packages)" in done.stderr, done.stderr
    assert fleet_rules["exclude"][2:] == ["**/*.tests/**", "sources/**"], fleet_rules["exclude"]


def test_init_excludes_a_maven_or_gradle_benchmark_module_named_with_a_hyphen(tmp_path):
    """liteflow's `liteflow-benchmark/*`, eight JMH modules, had been read as eight subsystems;
    its `liteflow-script-plugin/*` are its code; so is a crate named so (fluvio's `fluvio-benchmark`,
    its command line's `benchmark`)."""
    files = {"pom.xml": "<project/>\n", "liteflow-benchmark/pom.xml": "<project/>\n",
             "crates/fluvio-benchmark/Cargo.toml": "[package]\n", "crates/fluvio-benchmark/src/lib.rs": "fn run() {}\n"}
    for module in ("liteflow-benchmark/liteflow-benchmark-common", "liteflow-benchmark/liteflow-benchmark-compile",
                   "liteflow-script-plugin/liteflow-script-java", "liteflow-script-plugin/liteflow-script-python",
                   "liteflow-script-plugin/liteflow-script-groovy", "liteflow-core"):
        name = module.rpartition("/")[2]
        files[f"{module}/pom.xml"] = "<project/>\n"
        files[f"{module}/src/main/java/com/yomahub/{name.replace('-', '')}/Thing.java"] = "class Thing { int run() { return 1; } }\n"
    excluded = _excluded_by_init(tmp_path / "liteflow", files, tmp_path / "rules")
    assert excluded("liteflow-benchmark/liteflow-benchmark-common/src/main/java/com/yomahub/liteflowbenchmarkcommon/Thing.java")
    assert not excluded("liteflow-script-plugin/liteflow-script-java/src/main/java/com/yomahub/liteflowscriptjava/Thing.java")
    assert not excluded("crates/fluvio-benchmark/src/lib.rs")


def test_init_excludes_a_copy_of_src_beside_it_as_its_builds_output(tmp_path):
    """mkdocs-material commits its build, `material/`, beside `src/`: the same Python modules,
    path for path, so its twelve plugins were each read twice. A folder beside `src/` sharing a
    few names (`tests/`, `docs/`) is no copy."""
    files = {"pyproject.toml": ""}
    for plugin in ("blog", "search", "social", "tags", "info", "privacy"):
        for module in ("__init__.py", "plugin.py", "config.py"):
            body = f"def {plugin}_{module[:-3].strip('_')}():\n    return 1\n"
            files[f"src/plugins/{plugin}/{module}"] = files[f"material/plugins/{plugin}/{module}"] = body
    files["material/templates/assets/bundle.min.js"] = "var a=1;\n"
    files.update({"tools/plugins/blog/__init__.py": "", "tools/plugins/blog/check.py": "def check():\n    return 1\n"})
    excluded = _excluded_by_init(tmp_path / "mkdocs-material", files, tmp_path / "rules")
    assert excluded("material/plugins/blog/plugin.py") and not excluded("src/plugins/blog/plugin.py")
    assert not excluded("tools/plugins/blog/check.py")


def test_init_excludes_a_folder_holding_the_distributions_the_requirements_pin(tmp_path):
    """Tautulli ships its dependencies as source in `lib/` (27 of the 35 its requirements.txt
    pins, beside what they need): `lib/*` made 64 subsystems and its own `plexpy/` went unread.
    A monorepo whose requirements name its own packages, each with a manifest, keeps them."""
    pins = ("cherrypy", "requests", "arrow", "bleach", "cherrypy-cors", "Mako")
    files = {"requirements.txt": "".join(f"{name}==1.0\n" for name in pins) + "-e ./tools\n"}
    for name in ("cherrypy", "requests", "arrow", "bleach", "cherrypy_cors", "mako", "idna", "dateutil"):
        files[f"lib/{name}/__init__.py"] = f"def {name}_call(x):\n    return x.go()\n"
    for name in ("activity", "notifiers", "webserve", "helpers", "database"):
        files[f"plexpy/{name}.py"] = f"def {name}(x):\n    return x.go()\n"
    files["Tautulli.py"] = "import plexpy\n"
    repo = tmp_path / "tautulli-repo"
    _, fleet_rules = _init(repo, files, tmp_path / "rules")
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("lib/cherrypy/__init__.py") and excluded("lib/idna/__init__.py")
    assert not excluded("plexpy/activity.py")
    assert not any(glob.startswith("lib") for glob in fleet_rules["subsystems"])
    own = {"requirements.txt": "".join(f"{name}==1.0\n" for name in pins)}
    for name in pins:
        folder = name.lower().replace("-", "_")
        own[f"packages/{folder}/pyproject.toml"] = f"[project]\nname = '{name}'\n"
        own[f"packages/{folder}/{folder}/__init__.py"] = f"def {folder}_call(x):\n    return x.go()\n"
    assert not _excluded_by_init(tmp_path / "monorepo", own, tmp_path / "own-rules")("packages/arrow/arrow/__init__.py")


def test_init_excludes_a_folder_pip_installed_distributions_into(tmp_path):
    """bazarr ships its dependencies installed with `pip install --target libs` (a `.dist-info`
    folder beside each, its requirements.txt pinning none of them): `libs/*` made 221 subsystems,
    a twelve-second first scan, and its #1 proposal was in apprise. Its own code is kept."""
    files = {"requirements.txt": "lxml>=4.3.0\n"}
    for name in ("apprise", "alembic", "attrs", "babelfish", "flask", "mako"):
        files[f"libs/{name}/__init__.py"] = f"def {name}_call(x):\n    return x.go()\n"
        files[f"libs/{name}-1.0.dist-info/METADATA"] = f"Name: {name}\n"
    for name in ("api", "subtitles", "radarr", "sonarr"):
        files[f"bazarr/{name}/__init__.py"] = f"def {name}(x):\n    return x.go()\n"
    excluded = _excluded_by_init(tmp_path / "bazarr-repo", files, tmp_path / "rules")
    assert excluded("libs/apprise/__init__.py") and not excluded("bazarr/api/__init__.py")


def test_init_excludes_the_folder_an_app_puts_on_the_import_path(tmp_path):
    """SickGear ships its dependencies as source in `lib/`, which `sickgear.py` puts on sys.path
    (pinned nowhere, no `.dist-info`): its 62 packages were subsystems and the first proposal
    in apprise's plugins. A setup script putting `src/`, its one package, there keeps it."""
    files = {"sickgear.py": "import os\nimport sys\n\nsys.path.insert(1, os.path.abspath(os.path.join("
                            "os.path.dirname(__file__), 'lib')))\nimport sickgear\n"}
    for name in ("apprise", "bs4", "requests", "dateutil", "guessit", "rarfile"):
        files[f"lib/{name}/__init__.py"] = f"def {name}_call(x):\n    return x.go()\n"
    for name in ("providers", "notifiers", "webserve", "helpers"):
        files[f"sickgear/{name}/__init__.py"] = f"def {name}(x):\n    return x.go()\n"
    excluded = _excluded_by_init(tmp_path / "sickgear-repo", files, tmp_path / "rules")
    assert excluded("lib/apprise/__init__.py") and not excluded("sickgear/providers/__init__.py")
    own = {"setup.py": "import sys\nsys.path.insert(0, 'src')\n", "src/tool/__init__.py": "X = 1\n"}
    own.update({f"src/tool/{name}.py": f"def {name}(x):\n    return x.go()\n" for name in ("a", "b", "c", "d", "e")})
    assert not _excluded_by_init(tmp_path / "own-repo", own, tmp_path / "own-rules")("src/tool/a.py")


def test_init_excludes_the_folder_put_on_the_import_path_written_with_a_slash(tmp_path):
    """Headphones' `Headphones.py` puts `'lib/'` on sys.path: its 42 packages (requests, bs4,
    mutagen …) had been the only subsystems, and its own `headphones/` read by no glob."""
    files = {"Headphones.py": "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), 'lib/'))\n"}
    for name in ("requests", "bs4", "mutagen", "cherrypy", "mako", "pytz"):
        files[f"lib/{name}/__init__.py"] = f"def {name}_call(x):\n    return x.go()\n"
    for name in ("searcher", "importer", "postprocessor", "notifiers"):
        files[f"headphones/{name}.py"] = f"def {name}(x):\n    return x.go()\n"
    files["headphones/__init__.py"] = "X = 1\n"
    excluded = _excluded_by_init(tmp_path / "headphones-repo", files, tmp_path / "rules")
    assert excluded("lib/requests/__init__.py") and not excluded("headphones/searcher.py")


def test_init_excludes_a_folder_its_readme_says_holds_third_party_code(tmp_path):
    """klipper's `lib/README`: "This directory contains external library code." Its 1,094 files,
    chip vendors' SDKs, had been a package of the scan (489 of them not parsing). A README
    saying a folder uses external libraries keeps it."""
    files = {"lib/README": "This directory contains external library code.\n\nThe cmsis directory contains code "
                           "from:\n  https://github.com/ARM-software/CMSIS_5\n",
             "src/README.md": "# Sources\n\nThis directory contains code calling external libraries.\n"}
    for n in range(4):
        files[f"lib/sdk{n}/sdk{n}.c"] = f"int sdk{n}(int x) {{ return x + {n}; }}\n"
        files[f"src/part{n}/part{n}.c"] = f"int part{n}(int x) {{ return x * {n}; }}\n"
        files[f"src/part{n}/Makefile"] = "all:\n"
    excluded = _excluded_by_init(tmp_path / "klipper-repo", files, tmp_path / "rules")
    assert excluded("lib/sdk0/sdk0.c") and not excluded("src/part0/part0.c")
    # ChibiOS-Contrib's `ext/readme.txt` says so in its own words (NXP's USB stack, its #1 proposal)
    files["lib/README"] = "All the code contained under ./ext is not part of the ChibiOS/ChibiOS-Contrib\nproject.\n"
    excluded = _excluded_by_init(tmp_path / "chibios-repo", files, tmp_path / "chibios-rules")
    assert excluded("lib/sdk0/sdk0.c") and not excluded("src/part0/part0.c")


def test_init_excludes_a_folder_of_libraries_holding_their_minified_builds(tmp_path):
    """trilium's `libraries/`: jquery, knockout and bootstrap minified, and CodeMirror's 121
    `mode/*` folders, which had been its only fleet, its own `src/` one package; gitbucket's
    `assets/vendors/`, whose Ace modes had been 482 subsystems. A `lib/` of
    one's own code holding one minified file stays."""
    files = {"libraries/jquery.min.js": "!function(){}();\n", "libraries/knockout.min.js": "!function(){}();\n",
             "lib/app.js": "export function app() { return 1; }\n", "lib/polyfill.min.js": "!function(){}();\n"}
    # gitbucket's `assets/vendors/`: jquery's and bootstrap's builds, Ace's 482 modes and snippets
    files.update({"web/assets/vendors/jquery/jquery.min.js": "!function(){}();\n",
                  "web/assets/vendors/bootstrap/bootstrap.min.js": "!function(){}();\n"})
    for n in range(12):
        files[f"libraries/codemirror/mode/lang{n}/lang{n}.js"] = f"export function mode{n}() {{ return {n}; }}\n"
        files[f"src/services/service{n}.js"] = f"export function service{n}() {{ return {n}; }}\n"
        files[f"web/assets/vendors/ace/mode-lang{n}.js"] = f"export function mode{n}() {{ return {n}; }}\n"
    excluded = _excluded_by_init(tmp_path / "trilium-repo", files, tmp_path / "rules")
    assert excluded("libraries/codemirror/mode/lang0/lang0.js") and not excluded("lib/app.js")
    assert excluded("web/assets/vendors/ace/mode-lang0.js")
    assert not excluded("src/services/service0.js")


def test_init_excludes_a_static_folder_of_the_libraries_a_web_app_serves(tmp_path):
    """movabletype's `mt-static/`: jquery, jqueryui, chartjs, popper, riot … each with its minified
    build, beside CodeMirror's 121 `mode/*` folders, which had been its fleet and its first four
    proposals; and Perl's `extlib/`, the CPAN modules it ships (539 files, a package). Its own
    `src/` stays, and so does a package's `static/` holding two libraries' builds, or holding
    packages with a manifest each, its own builds committed."""
    tiny = "!function(){}();\n"
    files = {f"mt-static/{name}/{name}.min.js": tiny for name in ("jquery", "jqueryui", "popper", "riot")}
    files["mt-static/bootstrap5/js/bootstrap.min.js"] = tiny  # one folder down
    files["mt-static/mt.js"] = "export function mt() { return 1; }\n"
    files.update({"app/static/vue/vue.min.js": tiny, "app/static/axios/axios.min.js": tiny,
                  "app/static/app/main.js": "export function main() { return 1; }\n"})
    for n in range(12):
        files[f"mt-static/codemirror/mode/lang{n}/lang{n}.js"] = f"export function mode{n}() {{ return {n}; }}\n"
        files[f"src/elements/element{n}.js"] = f"export function element{n}() {{ return {n}; }}\n"
        files[f"extlib/Image/Part{n}.pm"] = f"package Image::Part{n};\nsub part {{ return {n}; }}\n1;\n"
        files[f"lib/MT/Part{n}.pm"] = f"package MT::Part{n};\nsub part {{ return {n}; }}\n1;\n"
    for n in range(6):  # a monorepo committing each package's minified build: its own
        files[f"packages/p{n}/package.json"] = json.dumps({"name": f"p{n}"})
        files[f"packages/p{n}/dist/p{n}.min.js"] = tiny
        files[f"packages/p{n}/src/index.js"] = f"export function p{n}() {{ return {n}; }}\n"
    excluded = _excluded_by_init(tmp_path / "movabletype", files, tmp_path / "rules")
    assert excluded("mt-static/codemirror/mode/lang0/lang0.js") and excluded("mt-static/jquery/jquery.min.js")
    assert excluded("extlib/Image/Part0.pm") and not excluded("lib/MT/Part0.pm")
    assert not excluded("src/elements/element0.js") and not excluded("app/static/app/main.js")
    assert not excluded("packages/p0/src/index.js")


def test_init_excludes_the_packages_composer_installs_into_a_vendor_dir_of_its_own(tmp_path):
    """FreshRSS: `lib/composer.json` says `"vendor-dir": "./"`, so SimplePie and PHPMailer are in
    `lib/simplepie/simplepie`, `lib/phpmailer/phpmailer`; its first proposal was in SimplePie.
    FreshRSS' own framework beside them, `lib/Minz`, is kept."""
    files = {"lib/composer.json": json.dumps({"require": {"simplepie/simplepie": "1.8", "phpmailer/phpmailer": "6.9",
                                                          "php": ">=8.1"}, "config": {"vendor-dir": "./"}})}
    for n in range(3):
        files[f"lib/simplepie/simplepie/src/Part{n}.php"] = f"<?php\nclass Part{n} {{ function f() {{ return {n}; }} }}\n"
        files[f"lib/phpmailer/phpmailer/src/Mail{n}.php"] = f"<?php\nclass Mail{n} {{ function f() {{ return {n}; }} }}\n"
        files[f"lib/Minz/Part{n}.php"] = f"<?php\nclass Minz{n} {{ function f() {{ return {n}; }} }}\n"
    excluded = _excluded_by_init(tmp_path / "reader", files, tmp_path / "rules")
    assert excluded("lib/simplepie/simplepie/src/Part0.php") and excluded("lib/phpmailer/phpmailer/src/Mail1.php")
    assert not excluded("lib/Minz/Part0.php")


def test_init_excludes_the_patched_copies_of_the_packages_composer_requires(tmp_path):
    """freescout keeps patched copies of 36 packages in `overrides/<vendor>/<package>`, 32 of
    them in its composer.json's `require`, loaded before Composer's: they had been one package of
    162 files. A folder of the app's own modules named as packages are is kept."""
    required = [f"vendor{n}/package{n}" for n in range(6)]
    files = {"composer.json": json.dumps({"require": {name: "1.0" for name in required}})}
    for n, name in enumerate(required):
        files[f"overrides/{name}/src/Patched{n}.php"] = f"<?php\nclass Patched{n} {{ function f() {{ return {n}; }} }}\n"
    files["overrides/other/transitive/src/Dep.php"] = "<?php\nclass Dep {}\n"
    for n in range(3):
        files[f"app/Http/Controller{n}.php"] = f"<?php\nclass Controller{n} {{ function f() {{ return {n}; }} }}\n"
    excluded = _excluded_by_init(tmp_path / "helpdesk", files, tmp_path / "rules")
    assert excluded("overrides/vendor0/package0/src/Patched0.php") and excluded("overrides/other/transitive/src/Dep.php")
    assert not excluded("app/Http/Controller0.php")


def test_init_excludes_the_dart_packages_never_published_that_call_themselves_examples(tmp_path):
    """dio: `example_dart/`, a Dart package `dio_example` with `publish_to: none`, had been 21 of
    its 28 subsystems, `example_dart/lib/*.dart`. A published plugin is kept, and so is an app
    never published that calls itself nothing of the kind."""
    files = {"pubspec.yaml": "name: dio_workspace\npublish_to: none\n",
             "dio/pubspec.yaml": "name: dio\ndescription: A powerful HTTP client for Dart.\n",
             "dio/lib/dio.dart": "class Dio { int get() => 1; }\n",
             "example_dart/pubspec.yaml": "name: dio_example\ndescription: The example snippets.\npublish_to: \"none\"\n",
             "app/pubspec.yaml": "name: shop\ndescription: The shop's app.\npublish_to: 'none'\n",
             "app/lib/main.dart": "void main() {}\n"}
    for name in ("cookie_manager", "http2_adapter", "web_adapter"):
        files[f"plugins/{name}/pubspec.yaml"] = f"name: {name}\ndescription: A plugin for dio.\n"
        files[f"plugins/{name}/lib/{name}.dart"] = f"class {name.title()} {{ int run() => 1; }}\n"
    for snippet in ("download", "upload", "cancel"):
        files[f"example_dart/lib/{snippet}.dart"] = f"void {snippet}() {{}}\n"
    excluded = _excluded_by_init(tmp_path / "dio", files, tmp_path / "rules")
    assert excluded("example_dart/lib/download.dart")
    assert not excluded("plugins/web_adapter/lib/web_adapter.dart") and not excluded("app/lib/main.dart")


def test_init_excludes_go_folders_of_demo_programs_but_not_a_demo_package(tmp_path):
    """sentinel-golang: each data source's `pkg/datasource/<source>/demo/` holds a program
    (`package main`) showing it, copies of one another, which had been its second proposal;
    tilt's `internal/cli/demo` is a package of its command line (`package demo`), code."""
    files = {"go.mod": "module example.com/sentinel\n\ngo 1.21\n"}
    for source in ("apollo", "consul", "etcdv3"):
        files[f"pkg/datasource/{source}/{source}.go"] = f"package {source}\n\nfunc New() int {{ return 1 }}\n"
        files[f"pkg/datasource/{source}/demo/main.go"] = "// Copyright\n\npackage main\n\nfunc main() {}\n"
    files["internal/cli/demo/demo.go"] = "package demo\n\nfunc Run() int { return 1 }\n"
    files["internal/cli/cli.go"] = "package cli\n\nfunc Main() int { return 1 }\n"
    excluded = _excluded_by_init(tmp_path / "sentinel", files, tmp_path / "rules")
    assert excluded("pkg/datasource/apollo/demo/main.go") and excluded("pkg/datasource/etcdv3/demo/main.go")
    assert not excluded("pkg/datasource/apollo/apollo.go") and not excluded("internal/cli/demo/demo.go")


def test_init_makes_no_fleet_of_upgrade_scripts(tmp_path):
    """invenio-app-rdm: its 16 `upgrade_scripts/migrate_8_0_to_9_0.py` … had been one-module
    packages; kept out as migrations before the layout is read, they make no fleet."""
    files = {"pyproject.toml": "", "app/__init__.py": "", "app/upgrade_scripts/__init__.py": ""}
    for n in range(1, 22):
        files[f"app/upgrade_scripts/migrate_{n}_0_to_{n + 1}_0.py"] = f"def execute_upgrade():\n    return {n}\n"
    for name in ("records", "requests", "theme"):
        files[f"app/{name}/__init__.py"] = ""
        files[f"app/{name}/views.py"] = f"def {name}():\n    return 1\n"
    done, fleet_rules = _init(tmp_path / "invenio", files, tmp_path / "rules")
    assert not any("upgrade_scripts" in glob for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]
    assert "app/*" in fleet_rules["subsystems"], done.stderr


def test_init_excludes_the_scripts_folders_a_packages_npm_scripts_run(tmp_path):
    """CopilotKit: its Angular, React and Vue packages each run `node scripts/scope-preflight.mjs`
    to build, a script copied from one to the next: its first proposal once its showcase apps were
    kept out. A `scripts/` folder its package's npm scripts do not run is kept, and so is a web
    app's whose scripts run the repository's (`../../scripts/`)."""
    files = {"package.json": json.dumps({"private": True, "workspaces": ["packages/*", "apps/*"]})}
    for name in ("angular", "react", "vue"):
        files[f"packages/{name}/package.json"] = json.dumps(
            {"name": name, "scripts": {"build": "tsc && node scripts/scope-preflight.mjs ./dist"}})
        files[f"packages/{name}/scripts/scope-preflight.mjs"] = "export const scope = (css) => css;\n"
        files[f"packages/{name}/src/index.ts"] = f"export const {name} = () => 1;\n"
    files["packages/core/package.json"] = json.dumps({"name": "core", "scripts": {"build": "tsc"}})
    files["packages/core/scripts/codegen.ts"] = "export const codegen = () => 1;\n"
    files["apps/web/package.json"] = json.dumps({"name": "web", "scripts": {"lint": "node ../../scripts/lint.mjs"}})
    files["apps/web/public/scripts/app.js"] = "export const app = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "copilotkit", files, tmp_path / "rules")
    assert excluded("packages/vue/scripts/scope-preflight.mjs") and not excluded("packages/vue/src/index.ts")
    assert not excluded("packages/core/scripts/codegen.ts") and not excluded("apps/web/public/scripts/app.js")


def test_init_excludes_the_php_files_a_packages_composer_scripts_run(tmp_path):
    """swoft-component: each component's composer.json runs its tests with `php run.php -c
    phpunit.xml`, a copy of PHPUnit's runner in every component (its first proposal, nine
    `run.php`); mediawiki-services-parsoid's `bin/parserTests.php`. A PHP file no script runs is
    code, and so is one a script names without running it with `php`."""
    files = {"composer.json": json.dumps({"name": "swoft/component",
                                          "scripts": {"db": "php run.php -c src/db/phpunit.xml"}}),
             "run.php": "<?php\nrequire 'vendor/autoload.php';\n"}
    for name in ("db", "redis", "task"):
        files[f"src/{name}/composer.json"] = json.dumps({"name": f"swoft/{name}",
                                                         "scripts": {"test": "php run.php -c phpunit.xml"}})
        files[f"src/{name}/run.php"] = "<?php\nrequire __DIR__ . '/vendor/autoload.php';\n"
        files[f"src/{name}/src/{name.title()}.php"] = f"<?php\nclass {name.title()} {{}}\n"
    files["src/http/composer.json"] = json.dumps({"name": "swoft/http", "scripts": {"post-install": "echo run.php"}})
    files["src/http/run.php"] = "<?php\nrequire __DIR__ . '/vendor/autoload.php';\n"
    excluded = _excluded_by_init(tmp_path / "swoft", files, tmp_path / "rules")
    assert excluded("src/db/run.php") and excluded("run.php")
    assert not excluded("src/db/src/Db.php") and not excluded("src/http/run.php")


def test_init_excludes_the_private_packages_that_call_themselves_examples_and_prebundled_dependencies(tmp_path):
    """module-federation: 23 of its 32 `apps/*` are private packages described "Federation
    example for 3000-home" or named `metro-example-host`: their copied Next.js `_document.js`
    had been its first proposal. umi pre-bundles its dependencies into `packages/*/compiled/*`
    (80 subsystems). A private app described otherwise, and a published package whose
    description mentions examples, are kept; a private package named a test is a test's."""
    files = {"package.json": json.dumps({"private": True, "workspaces": ["apps/*", "packages/*"]})}
    for name in ("3000-home", "3001-shop", "metro-example-host"):
        files[f"apps/{name}/package.json"] = json.dumps({"name": f"@mf/{name}", "private": True,
                                                         "description": f"Federation example for {name}"
                                                         if name[0].isdigit() else ""})
        files[f"apps/{name}/pages/_document.js"] = "export default function Doc() { return 1; }\n"
    files["apps/dashboard/package.json"] = json.dumps({"private": True, "description": "The team's dashboard"})
    files["apps/dashboard/src/index.js"] = "export const run = () => 1;\n"
    for name in ("runtime", "sdk", "docs-gen"):
        files[f"packages/{name}/package.json"] = json.dumps({"name": name, "description": "Examples made from docs"})
        files[f"packages/{name}/src/index.js"] = f"export const {name.replace('-', '')} = () => 1;\n"
        files[f"packages/{name}/compiled/axios/index.js"] = "module.exports = function axios() {};\n"
    # viem: the library run in each runtime, private packages named `test-bun`, `test-vite` …
    for runtime in ("bun", "vite"):
        files[f"environments/{runtime}/package.json"] = json.dumps({"name": f"test-{runtime}", "private": True})
        files[f"environments/{runtime}/index.ts"] = "export const client = () => 1;\n"
    files["apps/contest/package.json"] = json.dumps({"name": "contest", "private": True})  # a word, no test
    files["apps/contest/src/index.js"] = "export const vote = () => 1;\n"
    excluded = _excluded_by_init(tmp_path / "federation", files, tmp_path / "rules")
    assert excluded("apps/3000-home/pages/_document.js") and excluded("apps/metro-example-host/pages/_document.js")
    assert excluded("packages/sdk/compiled/axios/index.js")
    assert not excluded("apps/dashboard/src/index.js") and not excluded("packages/docs-gen/src/index.js")
    assert excluded("environments/bun/index.ts") and excluded("environments/vite/index.ts")
    assert not excluded("apps/contest/src/index.js")


def test_init_excludes_the_folders_a_cargo_workspace_keeps_out_of_its_build(tmp_path):
    """leptos' workspace excludes `benchmarks`, `examples` and `projects`: twelve example apps,
    each copying one file server and one error page, which were its first three proposals.
    The workspace's own crates, and a crate not named there, are kept."""
    files = {"Cargo.toml": '[workspace]\nmembers = ["leptos", "router", "meta"]\n'
                           'exclude = ["benchmarks", "projects", "missing/*"]\n'}
    for crate in ("leptos", "router", "meta", "tachys"):
        files[f"{crate}/Cargo.toml"] = "[package]\n"
        files[f"{crate}/src/lib.rs"] = "pub fn run() -> u32 { 1 }\n"
    for app in ("hackernews", "sso_auth", "sitemap"):
        files[f"projects/{app}/Cargo.toml"] = "[package]\n"
        files[f"projects/{app}/src/fileserv.rs"] = "pub fn serve() -> u32 { 2 }\n"
    files["benchmarks/src/lib.rs"] = "pub fn bench() -> u32 { 3 }\n"
    done, fleet_rules = _init(tmp_path / "rust-repo", files, tmp_path / "rules")
    assert fleet_rules["subsystems"] == ["*"], done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("projects/sitemap/src/fileserv.rs") and excluded("benchmarks/src/lib.rs")
    assert not excluded("tachys/src/lib.rs") and not excluded("leptos/src/lib.rs")
    rules = (tmp_path / "rules" / "radar.yaml").read_text()
    assert '"projects/**"   # not in the Cargo workspace: 3 source files' in rules


def test_init_excludes_suites_named_as_one_lower_case_word(tmp_path):
    """OpenStack's heat keeps its integration tests in `heat_integrationtests/`, beside `heat/`:
    three of them were packages of its first scan; MapServer its pytest suite in `msautotest/`
    (its 14 folders its only fleet), KDE its in `autotests/`. `unittest_helpers/` is code."""
    files = {"setup.py": "", "heat/__init__.py": ""}
    for folder in ("heat/engine", "heat/api", "heat_integrationtests/functional", "tests/agent_unittests",
                   "watcherx/integrationtest", "unittest_helpers", "msautotest/wxs", "kio/autotests",
                   "autotester"):
        files[f"{folder}/__init__.py"] = ""
        files[f"{folder}/thing.py"] = "def run(x):\n    return x.go()\n"
    excluded = _excluded_by_init(tmp_path / "heat-repo", files, tmp_path / "rules")
    for folder in ("heat_integrationtests/functional", "tests/agent_unittests", "watcherx/integrationtest",
                   "msautotest/wxs", "kio/autotests"):
        assert excluded(f"{folder}/thing.py"), folder
    for folder in ("heat/engine", "unittest_helpers", "autotester"):
        assert not excluded(f"{folder}/thing.py"), folder


def test_init_excludes_dated_and_numbered_migrations_but_not_a_frameworks_migrations_code(tmp_path):
    """jellyfin: `Migrations/Routines/20250420200000_MigrateLibraryDb.cs` copies `MapImageToEntity`
    on purpose (frozen history), as uptime-kuma's `db/knex_migrations/2023-08-16-0000-create-uptime.js`
    are (55 were a fleet); laravel's `Database/Migrations/Migrator.php` is its code, as a
    library for migrations is (`diesel_migrations`)."""
    files = {"App.sln": ""}
    for name in ("Server", "Database", "Api"):
        files[f"src/{name}/{name}.csproj"] = "<Project/>\n"
        files[f"src/{name}/Service.cs"] = f"namespace {name} {{ public class Service {{}} }}\n"
    files["src/Server/Migrations/Routines/20250420200000_MigrateLibraryDb.cs"] = "class MigrateLibraryDb {}\n"
    files["src/Database/Migrations/Migrator.cs"] = "class Migrator {}\n"
    files["db/knex_migrations/2023-08-16-0000-create-uptime.js"] = "exports.up = (knex) => knex;\n"
    files["tools/diesel_migrations/src/lib.js"] = "exports.run = () => 1;\n"
    # beef's ActiveRecord migrations numbered as Rails once did, `core/main/ar-migrations/002_create_x.rb`
    # (23 had been one-module packages, their copied `change` its first proposal); a module named
    # for a version it handles, `v2_api.rb`, is code
    files["core/main/ar-migrations/002_create_hooked_browsers.rb"] = "class CreateHookedBrowsers; end\n"
    files["core/main/ar-migrations/v2_api.rb"] = "class Api; end\n"
    # invenio-app-rdm's upgrade scripts, named for the versions they upgrade from and to
    files["invenio_app_rdm/upgrade_scripts/migrate_8_0_to_9_0.py"] = "def execute_upgrade():\n    pass\n"
    files["invenio_app_rdm/upgrade/steps.py"] = "def plan():\n    pass\n"
    # superdesk's data updates, numbered and dated in a folder not named for migrations
    files["core/data_updates/00001_20160722-111630_users.py"] = "class DataUpdate:\n    pass\n"
    files["core/data_updates/commands.py"] = "class Command:\n    pass\n"
    # the data-migrate gem's data migrations, named for the second each was made, in `db/data/`
    # (simple-server's 32: their copied `up` x 8 had been its first proposal); a report named for
    # a day, `20240101_report.rb`, is code
    files["db/data/20230620114230_set_up_sms_reminders.rb"] = "class SetUpSmsReminders\n  def up; end\nend\n"
    files["app/reports/20240101_report.rb"] = "class Report; end\n"
    # a Frappe app's patches, listed in its `patches.txt`, at the app's top and in a doctype's folder
    # (helpdesk's 35 `patches/*.py` had been one-module packages); a patches folder elsewhere is code
    files["helpdesk/helpdesk/patches.txt"] = "helpdesk.patches.rename_doctypes\n"
    files["helpdesk/helpdesk/patches/rename_doctypes.py"] = "def execute():\n    pass\n"
    files["helpdesk/helpdesk/doctype/hd_ticket/patches/backfill_sla.py"] = "def execute():\n    pass\n"
    files["helpdesk/helpdesk/doctype/hd_ticket/hd_ticket.py"] = "class HDTicket:\n    pass\n"
    files["tools/patches/apply.py"] = "def apply():\n    pass\n"
    # Oro's Doctrine migrations, a folder each named for the version it brings the schema to (its
    # copied icon queries x 4 had been a proposal), the installer beside them, run instead of them on
    # a fresh install (crm's copied foreign keys x 9), and the data migrations; the bundle's own code
    # is code, as is an API's version of a tool for migrations
    oro = "src/Oro/Bundle/NavigationBundle/Migrations/Schema"
    files[f"{oro}/v1_6/UpdateMenuIconQuery.php"] = "<?php class UpdateMenuIconQuery {}\n"
    files[f"{oro}/NavigationBundleInstaller.php"] = "<?php class NavigationBundleInstaller {}\n"
    files["src/Oro/Bundle/NavigationBundle/Migrations/Data/ORM/LoadMenu.php"] = "<?php class LoadMenu {}\n"
    files["src/Oro/Bundle/NavigationBundle/Menu/MenuBuilder.php"] = "<?php class MenuBuilder {}\n"
    files["pkg/apis/migration/v1alpha1/types.go"] = "package v1alpha1\n"
    excluded = _excluded_by_init(tmp_path / "dotnet-repo", files, tmp_path / "rules")
    assert excluded("helpdesk/helpdesk/patches/rename_doctypes.py")
    assert excluded("helpdesk/helpdesk/doctype/hd_ticket/patches/backfill_sla.py")
    assert not excluded("helpdesk/helpdesk/doctype/hd_ticket/hd_ticket.py")
    assert not excluded("tools/patches/apply.py")
    assert excluded(f"{oro}/v1_6/UpdateMenuIconQuery.php")
    assert excluded(f"{oro}/NavigationBundleInstaller.php")
    assert excluded("src/Oro/Bundle/NavigationBundle/Migrations/Data/ORM/LoadMenu.php")
    assert not excluded("src/Oro/Bundle/NavigationBundle/Menu/MenuBuilder.php")
    assert not excluded("pkg/apis/migration/v1alpha1/types.go")
    assert excluded("core/data_updates/00001_20160722-111630_users.py")
    assert not excluded("core/data_updates/commands.py")
    assert excluded("db/data/20230620114230_set_up_sms_reminders.rb")
    assert not excluded("app/reports/20240101_report.rb")
    assert excluded("core/main/ar-migrations/002_create_hooked_browsers.rb")
    assert not excluded("core/main/ar-migrations/v2_api.rb")
    assert excluded("invenio_app_rdm/upgrade_scripts/migrate_8_0_to_9_0.py")
    assert not excluded("invenio_app_rdm/upgrade/steps.py")
    assert excluded("src/Server/Migrations/Routines/20250420200000_MigrateLibraryDb.cs")
    assert excluded("db/knex_migrations/2023-08-16-0000-create-uptime.js")
    assert not excluded("src/Database/Migrations/Migrator.cs")
    assert not excluded("tools/diesel_migrations/src/lib.js")


def test_init_reads_perls_distributions_as_packages_and_keeps_out_those_from_cpan(tmp_path):
    """Perl's own repository: `dist/*` and `ext/*` are distributions it maintains (a Makefile.PL
    each), `dist/` no build's output (it had been excluded as generated, and with it the C of its
    XS modules); `cpan/*` are those whose upstream is CPAN, vendored (MakeMaker's platform ports
    had been its first proposals). A Perl app's own `lib/CPAN/` namespace stays code, and so does an
    app's module named so (webmin's `cpan/`, its page for Perl modules)."""
    files = {"perl.c": "int main(void) { return 0; }\n"}
    for n in range(4):
        for folder in ("dist", "ext", "cpan"):
            files[f"{folder}/Dist{n}/Makefile.PL"] = "use ExtUtils::MakeMaker;\nWriteMakefile(NAME => 'Dist');\n"
            files[f"{folder}/Dist{n}/lib/Dist{n}.pm"] = f"package Dist{n};\nsub run {{ return {n}; }}\n1;\n"
        files[f"dist/Dist{n}/Dist{n}.c"] = f"int dist{n}(void) {{ return {n}; }}\n"
    done, fleet_rules = _init(tmp_path / "perl5", files, tmp_path / "rules")
    assert {"dist/*", "ext/*"} <= set(fleet_rules["subsystems"]), done.stderr
    excluded = any_glob(tuple(fleet_rules["exclude"]))
    assert excluded("cpan/Dist0/lib/Dist0.pm")
    assert not excluded("dist/Dist0/lib/Dist0.pm") and not excluded("dist/Dist0/Dist0.c")
    app = {f"lib/CPAN/Part{n}.pm": f"package CPAN::Part{n};\nsub part {{ return {n}; }}\n1;\n" for n in range(3)}
    app.update({f"cpan/Page{n}.pm": f"package Page{n};\nsub page {{ return {n}; }}\n1;\n" for n in range(3)})
    excluded = _excluded_by_init(tmp_path / "app", app, tmp_path / "app-rules")
    assert not excluded("lib/CPAN/Part0.pm") and not excluded("cpan/Page0.pm")


def test_init_takes_ten_folders_each_declaring_a_plugin_in_its_manifest_json_as_packages(tmp_path):
    """Cockpit: `pkg/<page>/manifest.json` declares each of its 14 pages (networkmanager,
    storaged, systemd …), their JavaScript beside it, with no package.json: `pkg` had been one
    package of 343 files, nothing compared between its pages. A web app's one manifest.json (a
    PWA's `public/manifest.json`) makes no fleet."""
    files = {"package.json": '{"name": "dev-deps", "private": true}\n'}
    for n in range(12):
        files[f"pkg/page{n}/manifest.json"] = f'{{"menu": {{"index": {{"label": "Page {n}"}}}}}}\n'
        files[f"pkg/page{n}/page{n}.jsx"] = f"export function render{n}(value) {{\n    return value + {n};\n}}\n"
    files["web/public/manifest.json"] = '{"name": "app"}\n'
    files["web/src/app.js"] = "export function app(value) {\n    return value;\n}\n"
    _, fleet_rules = _init(tmp_path / "cockpit-repo", files, tmp_path / "rules")
    assert "pkg/*" in fleet_rules["subsystems"], fleet_rules["subsystems"]
    assert not any(glob.startswith("web/public") for glob in fleet_rules["subsystems"]), fleet_rules["subsystems"]


def _pom(*dependencies: tuple[str, str]) -> str:
    """A Maven module's pom.xml depending on these (artifactId, scope) pairs."""
    blocks = "".join(f"<dependency><groupId>g</groupId><artifactId>{artifact}</artifactId>"
                     + (f"<scope>{scope}</scope>" if scope else "") + "</dependency>\n"
                     for artifact, scope in dependencies)
    return f"<project>\n<dependencies>\n{blocks}</dependencies>\n</project>\n"


def test_init_keeps_out_a_module_whose_own_code_drives_a_browser_or_an_app_under_test(tmp_path):
    """inji-wallet: `injitest/`, its Appium and Selenium suites run by TestNG, keeps its page
    objects in `src/main/java`; their copied header checks x 8 had been its only proposal. A module
    testing with Selenium in its own `src/test` scope is product code, and so is a crawler driving a
    browser with no test framework."""
    files = {"pom.xml": "<project/>\n",
             "injitest/pom.xml": _pom(("java-client", ""), ("selenium-java", ""), ("testng", "")),
             "injitest/src/main/java/inji/pages/BasePage.java": "class BasePage {}\n",
             "wallet/pom.xml": _pom(("spring-core", ""), ("selenium-java", "test"), ("junit", "test")),
             "wallet/src/main/java/w/Wallet.java": "class Wallet {}\n",
             "crawler/pom.xml": _pom(("selenium-java", ""), ("jsoup", "")),
             "crawler/src/main/java/c/Crawler.java": "class Crawler {}\n"}
    excluded = _excluded_by_init(tmp_path / "inji", files, tmp_path / "rules")
    assert excluded("injitest/src/main/java/inji/pages/BasePage.java")
    assert not excluded("wallet/src/main/java/w/Wallet.java") and not excluded("crawler/src/main/java/c/Crawler.java")


def test_init_keeps_out_a_package_its_readme_says_a_generator_wrote(tmp_path):
    """rh: its FHIR crates' READMEs say "This crate was automatically generated using the RH
    codegen CLI tool" (2,400 modules, no file saying so; its first scan read them, 33 s). An Nx
    library's "This library was generated with Nx" is a scaffolder's: its code is people's."""
    files = {"Cargo.toml": "[workspace]\n"}
    for name in ("rh-codegen", "rh-fhirpath", "rh-hl7_fhir_r4_core", "rh-cql"):
        files[f"crates/{name}/Cargo.toml"] = f'[package]\nname = "{name}"\n'
        files[f"crates/{name}/src/lib.rs"] = "pub fn f() -> i32 { 1 }\n"
    files["crates/rh-hl7_fhir_r4_core/README.md"] = (
        "# rh_hl7_fhir_r4_core\n\n**Generated FHIR Types**\n\n## Important Notice\n\n"
        "**This crate was automatically generated using the RH codegen CLI tool.**\n")
    files["crates/rh-cql/README.md"] = "# rh-cql\n\nThis library was generated with [Nx](https://nx.dev).\n"
    excluded = _excluded_by_init(tmp_path / "rh", files, tmp_path / "rules")
    assert excluded("crates/rh-hl7_fhir_r4_core/src/lib.rs")
    assert not excluded("crates/rh-cql/src/lib.rs") and not excluded("crates/rh-codegen/src/lib.rs")
