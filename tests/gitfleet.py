"""Tiny real git fleets for tests: a main checkout, worktrees, fixed identity and dates.

Everything goes through the real `git` binary with a fixed author, fixed dates, signing off
and the user's global/system config ignored, so a fleet is the same on every machine.
Also: a fingerprint of a whole tree (to prove a pass wrote nothing) and a way to run the CLI.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

OLD = "2024-06-01T12:00:00+00:00"  # long before any stable_days window
RADAR = Path(sys.executable).with_name("radar")

_IDENTITY = {
    "GIT_AUTHOR_NAME": "Fleet Test", "GIT_AUTHOR_EMAIL": "fleet@example.invalid",
    "GIT_COMMITTER_NAME": "Fleet Test", "GIT_COMMITTER_EMAIL": "fleet@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C",
}


def git_env(date: str = OLD) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | _IDENTITY | {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}


def git(cwd: Path, *args: str, date: str = OLD) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main",
         "-c", "protocol.file.allow=always", *args],
        cwd=cwd, env=git_env(date), capture_output=True, text=True)
    if done.returncode:
        raise AssertionError(f"git {' '.join(args)} in {cwd} failed:\n{done.stderr}")
    return done.stdout


def commit_old(worktree, path, text):
    """Commit a file in a worktree as if it had been written a month ago."""
    (worktree / path).parent.mkdir(parents=True, exist_ok=True)
    (worktree / path).write_text(text)
    when = (datetime.now(timezone.utc) - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%S+0000")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    subprocess.run(["git", "-C", str(worktree), "add", path], check=True, env=env)
    subprocess.run(["git", "-C", str(worktree), "-c", "commit.gpgsign=false", "commit", "-qm", "copy", "--", path],
                   check=True, env=env)


def write(base: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def commit_all(cwd: Path, message: str, date: str = OLD) -> None:
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "--allow-empty", "-m", message, date=date)


# ---------------------------------------------------------------- source the radar can find

def shared_retry(sub: str) -> str:
    """The same shape in every subsystem, names and values changed: a real candidate."""
    return f'''import time


def retry_{sub}(operation_{sub}, attempts, pause):
    last_{sub} = None
    for attempt in range(attempts):
        try:
            outcome = operation_{sub}(attempt)
            if outcome is not None and outcome != "{sub}":
                return outcome
        except ValueError as problem:
            last_{sub} = problem
            time.sleep(pause * (2 ** attempt) + {len(sub)})
    raise RuntimeError("{sub}: gave up after retries", attempts, last_{sub})
'''


_TEMPLATES = (
    "    if {a} {op} {n} > {b}:\n        {b} = [{b}, {a}, {n}][{m}]",
    "    {a} = ({a} {op} {b}) {op} {n}",
    "    for item in range({n}):\n        {a} = {a} {op} item",
    "    while {a} < {n}:\n        {a} += {m} or 1",
    "    with open(str({a})) as handle:\n        {b} = handle.read({n})",
    "    try:\n        {a} = {b}[{n}]\n    except (KeyError, IndexError):\n        pass",
    "    assert {a} is not None, \"{n}\"",
    "    {b} = {{\"k{n}\": {a}, \"j\": lambda q: q * {m}}}",
    "    {a} = \"-\".join(str(x) for x in ({a}, {b}) if x)",
    "    if not isinstance({b}, int):\n        return None",
    "    {b} = sorted([{a}, {b}], key=abs, reverse={n} % 2 == 0)[0]",
    "    del {a}\n    {a} = {b}",
)


def unique_module(sub: str, index: int) -> str:
    """Long functions of pseudo-random structure: bulk that parses but should not cluster."""
    seed = int(hashlib.sha256(f"{sub}/{index}".encode()).hexdigest()[:12], 16)
    ops = ("+", "-", "*", "//", "%", "&", "|", "^")
    functions = []
    for number in range(2):
        body = [f"def {sub}_part_{index}_{number}(value, other):"]
        for step in range(40 + seed % 40):
            seed = (seed * 6364136223846793005 + 1442695040888963407) & ((1 << 64) - 1)
            template = _TEMPLATES[(seed >> 33) % len(_TEMPLATES)]
            a, b = ("value", "other") if (seed >> 20) & 1 else ("other", "value")
            body.append(template.format(a=a, b=b, op=ops[(seed >> 40) % len(ops)],
                                        n=(seed >> 45) % 97, m=step % 3))
        body.append("    return value, other")
        functions.append("\n".join(body))
    return "\n\n\n".join(functions) + "\n"


def subsystem_files(sub: str, bulk: int = 1) -> dict[str, str]:
    files = {f"lib/{sub}/retry.py": shared_retry(sub)}
    for index in range(bulk):
        files[f"lib/{sub}/part_{index}.py"] = unique_module(sub, index)
    return files


# ---------------------------------------------------------------- fleets

@dataclass
class GitFleet:
    root: Path  # holds everything below
    repo: Path  # the main checkout (or the bare repository)
    worktrees: dict[str, Path] = field(default_factory=dict)

    def roots(self) -> list[Path]:
        return [self.repo, *self.worktrees.values()]


def make_fleet(base: Path, worktrees: tuple[str, ...] = ("acl", "feed", "mod"),
               merged: tuple[str, ...] = ("core",), bulk: int = 1, bare: bool = False) -> GitFleet:
    """A main checkout with `merged` subsystems under lib/, one worktree per `worktrees` name
    (branch loops/<name>, its own lib/<name>). With `bare`, the main repository is bare and
    the merged subsystems live on its main branch only."""
    base.mkdir(parents=True, exist_ok=True)
    seed = base / ("seed" if bare else "main")
    seed.mkdir()
    git(seed, "init", "-q")
    files: dict[str, str] = {"README.md": "fleet\n"}
    for sub in merged:
        files |= subsystem_files(sub, bulk)
    write(seed, files)
    commit_all(seed, "merged subsystems")
    repo = seed
    if bare:
        repo = base / "repo.git"
        git(base, "clone", "-q", "--bare", str(seed), str(repo))
        import shutil
        shutil.rmtree(seed)
    fleet = GitFleet(base, repo)
    for sub in worktrees:
        path = base / "wt" / sub
        git(repo, "worktree", "add", "-q", "-b", f"loops/{sub}", str(path))
        write(path, subsystem_files(sub, bulk))
        commit_all(path, f"{sub}: first cut")
        fleet.worktrees[sub] = path
    return fleet


# ---------------------------------------------------------------- proofs

def tree_state(*roots: Path) -> dict[str, tuple]:
    """(kind, size, mtime_ns, sha256 or link target) of every entry under the roots, .git
    included, directories too (a lock file made and removed still changes its folder's mtime)."""
    state: dict[str, tuple] = {}
    for root in roots:
        for directory, dirnames, filenames in os.walk(root, followlinks=False):
            for name in [*dirnames, *filenames, "."]:
                path = os.path.normpath(os.path.join(directory, name))
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode):
                    with open(path, "rb") as handle:
                        detail = hashlib.sha256(handle.read()).hexdigest()
                elif stat.S_ISLNK(info.st_mode):
                    detail = os.readlink(path)
                else:
                    detail = stat.S_IFMT(info.st_mode)
                state[path] = (info.st_size if not stat.S_ISDIR(info.st_mode) else 0,
                               info.st_mtime_ns, info.st_mode, detail)
    return state


def diff_states(before: dict, after: dict) -> list[str]:
    changed = [f"changed: {p} {before[p]} -> {after[p]}" for p in before if p in after and before[p] != after[p]]
    return (changed + [f"removed: {p}" for p in before if p not in after]
            + [f"added: {p}" for p in after if p not in before])


def radar(*args: str | Path, cwd: Path | None = None, timeout: float = 120,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the installed `radar` console script."""
    return subprocess.run([str(RADAR), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=env)


def scan_args(repo: Path, out: Path, *extra: str) -> list[str]:
    return ["scan", "--repo", str(repo), "--out", str(out), "--no-cache", "--jobs", "1", "--quiet", *extra]


def latest(out: Path) -> dict:
    return json.loads((out / "snapshots" / "latest.json").read_text(encoding="utf-8"))


def candidate_view(snapshot: dict) -> list[tuple]:
    """What a candidate is, without pass-specific or salt-sensitive details."""
    return sorted(
        (c["verdict"], tuple(c["consumers"]), c["similarity"], c["tokens"],
         tuple(sorted((i["subsystem"], i["path"], i["start_line"], i["end_line"], i["name"])
                      for i in c["instances"])))
        for c in snapshot["candidates"])


# ---------------------------------------------------------------- repository shapes

def stale_index(checkout: Path, relative: str) -> None:
    """Touch a tracked file without changing it: its index stat data goes stale, so a git
    command allowed to take optional locks would rewrite the index (what a pass must not do)."""
    path = checkout / relative
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))


def _standard(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    stale_index(fleet.repo, "lib/core/retry.py")
    stale_index(fleet.worktrees["acl"], "lib/acl/retry.py")
    return fleet.repo, {"acl": "worktree", "feed": "worktree", "mod": "worktree", "core": "main"}


def _missing_worktree(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    import shutil
    shutil.rmtree(fleet.worktrees["feed"])
    return fleet.repo, {"acl": "worktree", "mod": "worktree", "core": "main"}


def _detached(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    git(fleet.worktrees["mod"], "checkout", "-q", "--detach")
    path = base / "wt" / "loose"
    git(fleet.repo, "worktree", "add", "-q", "--detach", str(path), "loops/acl")
    return fleet.repo, {"acl": "worktree", "feed": "worktree", "mod": "worktree", "core": "main",
                        "loose": "worktree"}


def _bare(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base, bare=True)
    return fleet.repo, {"acl": "worktree", "feed": "worktree", "mod": "worktree"}


def _submodule(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    vendored = base / "vendored"
    vendored.mkdir()
    git(vendored, "init", "-q")
    write(vendored, {"inner.py": shared_retry("inner")})
    commit_all(vendored, "vendored")
    acl = fleet.worktrees["acl"]
    git(acl, "submodule", "add", "-q", str(vendored), "lib/acl/vendored")
    commit_all(acl, "vendor a submodule")
    git(fleet.repo, "submodule", "add", "-q", str(vendored), "lib/core/vendored")
    commit_all(fleet.repo, "vendor a submodule")
    return fleet.repo, {"acl": "worktree", "feed": "worktree", "mod": "worktree", "core": "main"}


def _shallow(base: Path) -> tuple[Path, dict]:
    origin = make_fleet(base / "origin")
    for sub in ("acl", "feed"):
        write(origin.worktrees[sub], {f"lib/{sub}/later.py": unique_module(sub, 7)})
        commit_all(origin.worktrees[sub], "later", date="2024-07-01T12:00:00+00:00")
    clone = base / "shallow"
    git(base, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{origin.repo}", str(clone))
    for sub in ("acl", "feed"):
        git(clone, "worktree", "add", "-q", str(base / "wt" / sub), f"loops/{sub}")
    import shutil
    shutil.rmtree(base / "origin")  # nothing left to deepen from: the clone stays shallow
    return clone, {"acl": "worktree", "feed": "worktree", "core": "main"}


def _empty(base: Path) -> tuple[Path, dict]:
    repo = base / "empty"
    repo.mkdir(parents=True)
    git(repo, "init", "-q")
    write(repo, {"lib/fresh/retry.py": shared_retry("fresh")})
    return repo, {"fresh": "main"}


def _empty_namespace(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    git(fleet.repo, "worktree", "add", "-q", "-b", "loops/newbie", str(base / "wt" / "newbie"))
    return fleet.repo, {"acl": "worktree", "feed": "worktree", "mod": "worktree", "core": "main",
                        "newbie": "worktree"}


def _repo_is_worktree(base: Path) -> tuple[Path, dict]:
    fleet = make_fleet(base)
    return fleet.worktrees["feed"], {"acl": "worktree", "feed": "worktree", "mod": "worktree", "core": "main"}


def _plain(base: Path) -> tuple[Path, dict]:
    folder = base / "plain"
    for sub in ("acl", "feed", "mod"):
        write(folder, subsystem_files(sub))
    return folder, {"acl": "folder", "feed": "folder", "mod": "folder"}


# name -> builder(base) returning (the --repo to scan, {subsystem: source} expected)
SHAPES = {
    "standard": _standard, "missing_worktree": _missing_worktree, "detached_head": _detached,
    "bare_main": _bare, "submodule": _submodule, "shallow_clone": _shallow, "empty_repo": _empty,
    "namespace_not_yet": _empty_namespace, "repo_is_worktree": _repo_is_worktree, "plain_folder": _plain,
}
