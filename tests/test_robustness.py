"""Hostile input: a fleet salted with every kind of bad file still passes, counts each skip by
reason, never reads outside its tree, and finds exactly the candidates of the clean fleet.
Also: configuration errors through the real CLI, and a fuzz run of the parser front end."""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gitfleet import (RADAR, candidate_view, commit_all, git, latest, make_fleet, radar, scan_args,
                      shared_retry, unique_module, write)
from radar.stages.analyse import analyse_bytes
from radar.stages.reading import MAX_FILE_BYTES, SKIP_REASONS, read_source
from radar.cli import main

SECRET = "TOPSECRET-ZQ91"  # only ever written outside the fleet


def _outside(base: Path) -> Path:
    """Files the radar must never read: clones of the real candidate, so following them would
    also change the candidates."""
    outside = base / "outside"
    write(outside, {
        "secret_zq91.py": shared_retry("zq91") + f"\nKEY = '{SECRET}'\n",
        "dir/more_zq91.py": shared_retry("zq92") + f"\nKEY = '{SECRET}'\n",
        "ns/retry.py": shared_retry("zq93") + f"\nKEY = '{SECRET}'\n",
    })
    return outside


def huge_form() -> bytes:
    """One Clojure form nested a third of a million deep, just under the size limit: a
    recursive walk would blow the stack, a quadratic one would never end. (One opening paren
    per line: a single 1 MiB line would be skipped as a minified bundle before parsing.)"""
    depth = (MAX_FILE_BYTES - 64) // 3
    return b"(def huge " + b"(\n" * depth + b"x" + b")" * depth + b")\n"


BROKEN = unique_module("kept", 0) + "\n\ndef broken(:\n    return ((]\n"


def build(base: Path, salt: bool) -> Path:
    fleet = make_fleet(base / "fleet", worktrees=("acl", "feed", "mod"))
    junk = base / "fleet" / "wt" / "junk"  # a subsystem that takes part in no candidate
    git(fleet.repo, "worktree", "add", "-q", "-b", "loops/junk", str(junk))
    write(junk, {"lib/junk/pipe.py": "x = 1\n"})
    commit_all(junk, "junk")
    if not salt:
        return fleet.repo
    outside = _outside(base)
    acl = fleet.worktrees["acl"]
    ns = acl / "lib" / "acl"
    write(acl, {
        "lib/acl/binary.py": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16,
        "lib/acl/latin1.py": "def caf\xe9():\n    return '\xe9t\xe9'\n".encode("latin-1"),
        "lib/acl/too_large.py": b"x = 1\n" * (MAX_FILE_BYTES // 6 + 1),
        "lib/acl/huge_form.clj": huge_form(),
        "lib/acl/broken.py": BROKEN,
        "lib/acl/retry.generated.py": shared_retry("acl"),  # a generator's name: a copy never read
        # a vendor's file copied in, its author the vendor's team (STM32's CMSIS system file)
        "lib/acl/system_stm32.py": '"""\n@file    system_stm32.py\n@author  MCD Application Team\n"""\nclock = 1\n',
        "lib/acl/acl_de.ts": '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n'
                             + "<context><name>Acl</name></context>\n" * 50 + "</TS>\n",  # Qt's translations
        # a TypeScript declaration file, as tsc emits it, whose `import('x').T<any>` the grammar cannot read
        "lib/acl/types/index.d.ts": "export type Creator = import('postcss').PluginCreator<any>;\n",
    })
    os.symlink(outside / "secret_zq91.py", ns / "link_out.py")
    os.symlink(outside / "dir", ns / "dir_out")
    os.symlink("loop_b.py", ns / "loop_a.py")
    os.symlink("loop_a.py", ns / "loop_b.py")
    os.symlink(".", ns / "self")  # a folder loop that stays inside
    os.symlink("/nonexistent-zq91/gone.py", ns / "dangling.py")
    commit_all(acl, "salt", )
    os.symlink(outside / "ns", fleet.repo / "lib" / "zq91")  # a main namespace leaving the tree
    # A FIFO where a tracked file was: opening it for reading would block for ever.
    pipe = junk / "lib" / "junk" / "pipe.py"
    pipe.unlink()
    os.mkfifo(pipe)
    return fleet.repo


@pytest.fixture(scope="module")
def passes(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("salted")
    rules = base / "rules"
    rules.mkdir()
    out = {}
    for name, salt in (("clean", False), ("salted", True)):
        repo = build(base / name, salt)
        started = time.monotonic()
        assert main(scan_args(repo, base / name / "out", "--rules", str(rules))) == 0
        out[name] = {"snapshot": latest(base / name / "out"), "out": base / name / "out",
                     "seconds": time.monotonic() - started, "base": base / name}
    return out


def test_salted_pass_counts_every_reason(passes) -> None:
    skipped = passes["salted"]["snapshot"]["scan"]["skipped"]
    assert set(skipped) == set(SKIP_REASONS)
    assert skipped == {"binary": 1, "too_large": 1, "undecodable": 1, "parse_error": 1,
                       # link_out.py, dir_out, dangling.py, the lib/zq91 namespace
                       "symlink_outside": 4, "unreadable": 1, "symlink_loop": 2, "generated": 1, "vendored": 1,
                       "markup": 1, "declarations": 1}
    assert set(passes["clean"]["snapshot"]["scan"]["skipped"].values()) == {0}


def test_salted_pass_finds_the_same_candidates(passes) -> None:
    clean, salted = passes["clean"]["snapshot"], passes["salted"]["snapshot"]
    assert candidate_view(salted) == candidate_view(clean)
    assert [c["id"] for c in salted["candidates"]] == [c["id"] for c in clean["candidates"]]
    assert any(c["verdict"] == "proposed" for c in clean["candidates"])
    assert [s["name"] for s in salted["subsystems"]] == [s["name"] for s in clean["subsystems"]]


def test_salted_pass_stays_bounded(passes) -> None:
    assert passes["salted"]["seconds"] < 60


def test_nothing_outside_the_tree_reaches_any_output(passes) -> None:
    outside = passes["salted"]["base"] / "outside"
    needles = [SECRET.encode(), b"zq91", b"zq92", b"zq93", str(outside).encode()]
    for path in passes["salted"]["out"].rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not [n for n in needles if n in data], path


def test_unparsable_code_keeps_the_units_that_parse() -> None:
    skipped, parse_error, units = analyse_bytes(BROKEN.encode(), "python")[:3]
    assert skipped is None and parse_error
    names = [unit[1] for unit in units]
    assert "kept_part_0_0" in names and "kept_part_0_1" in names and "broken" not in names


def test_huge_form_parsed_whole(passes) -> None:
    """The half-million-deep form in the salted fleet parsed without error: the only parse
    error counted is broken.py's (see above), and the pass stayed bounded."""
    assert len(huge_form()) <= MAX_FILE_BYTES
    acl = next(s for s in passes["salted"]["snapshot"]["subsystems"] if s["name"] == "acl")
    clean_acl = next(s for s in passes["clean"]["snapshot"]["subsystems"] if s["name"] == "acl")
    # + the huge form's module and its def, + broken.py's two kept functions
    assert acl["units"] == clean_acl["units"] + 4


def test_plain_folder_with_hostile_entries(tmp_path: Path) -> None:
    outside = _outside(tmp_path)
    folder = tmp_path / "plain"
    for sub in ("acl", "feed", "mod"):
        write(folder, {f"lib/{sub}/retry.py": shared_retry(sub)})
    ns = folder / "lib" / "acl"
    os.mkfifo(ns / "pipe.py")
    os.symlink("loop_b.py", ns / "loop_a.py")
    os.symlink("loop_a.py", ns / "loop_b.py")
    os.symlink(outside / "secret_zq91.py", ns / "link_out.py")
    os.symlink(outside / "dir", ns / "dir_out")
    os.symlink(outside / "ns", folder / "lib" / "zq91")
    rules = tmp_path / "rules"
    rules.mkdir()
    assert main(scan_args(folder, tmp_path / "out", "--rules", str(rules))) == 0
    snapshot = latest(tmp_path / "out")
    assert snapshot["scan"]["skipped"]["unreadable"] == 1
    assert snapshot["scan"]["skipped"]["symlink_loop"] == 2
    assert snapshot["scan"]["skipped"]["symlink_outside"] == 3
    assert [s["name"] for s in snapshot["subsystems"]] == ["acl", "feed", "mod"]
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or SECRET.encode() not in path.read_bytes()


def test_read_source_never_follows_or_blocks(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text("x = 1\n")
    os.symlink(tmp_path / "real.py", tmp_path / "link.py")
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    os.mkfifo(tmp_path / "fifo.py")
    assert read_source(str(tmp_path / "real.py")) == (b"x = 1\n", None)
    assert read_source(str(tmp_path / "link.py")) == (None, "unreadable")
    assert read_source(str(tmp_path / "a")) == (None, "symlink_loop")
    assert read_source(str(tmp_path / "fifo.py")) == (None, "unreadable")
    assert read_source(str(tmp_path)) == (None, "unreadable")
    assert read_source(str(tmp_path / "gone.py")) == (None, "unreadable")


def _as_unprivileged(base: Path) -> list[str]:
    """Root reads files whatever their mode, so as root the scan runs as `nobody` (setpriv drops
    the privileges of that one subprocess), over a tree `nobody` owns in a folder it can reach."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: setpriv (util-linux) is needed to drop privileges for this test"
    nobody = pwd.getpwnam("nobody")
    for path in [base, *base.rglob("*")]:
        os.lchown(path, nobody.pw_uid, nobody.pw_gid)
    return [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups", "--"]


def test_chmod_000_file_is_unreadable(tmp_path: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="radar-chmod-"))  # tmp_path's parents are root-only (0700)
    try:
        base.chmod(0o755)
        fleet = make_fleet(base / "fleet", worktrees=("acl",), merged=())
        secret = fleet.worktrees["acl"] / "lib" / "acl" / "closed.py"
        secret.write_text("def closed():\n    return 1\n")
        (base / "rules").mkdir()
        (base / "home").mkdir()
        drop = _as_unprivileged(base)
        secret.chmod(0)
        done = subprocess.run([*drop, str(RADAR), *scan_args(fleet.repo, base / "out", "--rules", str(base / "rules"))],
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "HOME": str(base / "home")})
        assert done.returncode == 0, done.stderr
        assert latest(base / "out")["scan"]["skipped"]["unreadable"] == 1
    finally:
        shutil.rmtree(base)


# ---------------------------------------------------------------- configuration errors

CONFIG_ERRORS = {
    "malformed_yaml": ("radar.yaml", "gate:\n  min_tokens: 5\n   stable_days: 3\n", 3, None),
    "unknown_key": ("radar.yaml", "fleet:\n  worktree_namespce: \"lib/{name}\"\n", 2, "fleet.worktree_namespce"),
    "wrong_type": ("radar.yaml", "gate:\n  min_consumers: lots\n", 2, "gate.min_consumers"),
    "bad_glob": ("radar.yaml", "fleet:\n  exclude:\n    - ok/**\n    - \"a[b\"\n", 4, "fleet.exclude[1]"),
    "routing_wrong_type": ("routing.yaml", "- kind: x\n  home: lib/x\n  match:\n    paths: 3\n", 4, "paths"),
    "decision_bad_verdict": ("decisions.yaml", "- match: {id: C-1}\n  verdict: maybe\n  reason: r\n", 2, "verdict"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_ERRORS))
def test_config_errors_exit_2_naming_file_line_and_key(case: str, tmp_path: Path) -> None:
    name, text, line, key = CONFIG_ERRORS[case]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / name).write_text(text)
    folder = tmp_path / "plain"
    write(folder, {"lib/a/x.py": "x = 1\n"})
    out = tmp_path / "out"
    done = radar(*scan_args(folder, out, "--rules", rules), cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{rules / name}:{line}:" in done.stderr
    if key:
        assert key in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


# ---------------------------------------------------------------- fuzzing the front end

LANGUAGES = ["python", "javascript", "go", "c", "java", "ruby", "bash", "clojure", "commonlisp", "rust"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(alphabet=st.sampled_from(list("()[]{}<>;:'\"`\\#/*-+=.,\n\t af0xé\u2028\U0001f600")),
            max_size=400).map(lambda s: s.encode("utf-8")),
), language=st.sampled_from(LANGUAGES))
def test_front_end_never_raises_on_random_bytes(data: bytes, language: str) -> None:
    skipped, parse_error, units, (blind, names) = analyse_bytes(data, language)[:4]
    assert skipped in (None, "binary", "undecodable", "parse_error", "generated")
    assert isinstance(parse_error, bool) and len(blind) == len(names)
    for unit in units:  # (kind, name, start_line, end_line, first_token, size, exact, samples, …)
        start, end, first, size, samples = unit[2], unit[3], unit[4], unit[5], unit[7]
        assert 1 <= start <= end and 0 <= first and first + size <= len(blind)
        assert list(samples) == sorted(samples)
