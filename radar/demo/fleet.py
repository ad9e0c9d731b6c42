"""Fixture fleet: a real git repository with one worktree per loop subsystem, planted patterns.

`build_fleet(root, spec)` writes, under `root`:
- `main/`: the main checkout (branch `main`): a README and `lib/<merged>/` for every
  substrate merged into main (so those files are checked out in every worktree too);
- `loops/<name>/`: one `git worktree add` per loop subsystem, branch `loops/<name>`, whose
  own namespace `lib/<name>/` is committed there (ordinary domain modules plus plants);
- `rules/`: `radar.yaml`, `routing.yaml`, `decisions.yaml` for this fleet.

Every planted pattern is described by a `Plant`: where its instances were written and the
verdict a careful human expects. Content is a pure function of the spec and its seed; commit
dates are relative to `now` ("old" ~30+ days, "recent" ~2 hours), with a fixed identity and
no dependence on the user's git configuration.
"""
from __future__ import annotations

import os
import random
import re
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from radar.demo import sources as src
from radar.demo.filler import Filler, FleetError

# Plant kinds: stable names, in the order they are planted.
CONFORMANCE = "conformance-harness"
PAGINATION = "pagination"
EVENT_LOG = "event-log"
OUTBOX = "outbox-dirty"
THIN = "thin-helper"
RETRY = "retry-no-home"
NORMALIZE = "normalize-rejected"
API = "api-collision"
PHANTOM = "merged-phantom"
VISIBILITY = "visibility-near-miss"
MEMO = "memo-inferred-home"
PLANT_KINDS: tuple[str, ...] = (CONFORMANCE, PAGINATION, EVENT_LOG, OUTBOX, THIN, RETRY,
                                NORMALIZE, API, PHANTOM, VISIBILITY, MEMO)

# How many worktree subsystems each kind is planted in (FleetSpec.counts overrides).
DEFAULT_COUNTS: dict[str, int] = {CONFORMANCE: 5, PAGINATION: 2, EVENT_LOG: 3, OUTBOX: 3,
                                  THIN: 4, RETRY: 3, NORMALIZE: 3, API: 3, VISIBILITY: 4, MEMO: 3}

# kind -> (expected verdict, home or None, file name inside lib/<sub>/)
_KIND_INFO: dict[str, tuple[str, str | None, str]] = {
    CONFORMANCE: ("proposed", "lib/guest", "conformance.sh"),
    PAGINATION: ("watching", "lib/feed", "page.sx"),
    EVENT_LOG: ("watching", "lib/persist", "audit.sx"),
    OUTBOX: ("watching", "lib/fed-sx", "outbox.sx"),
    THIN: ("watching", None, ""),
    RETRY: ("watching", None, "retry.sx"),
    NORMALIZE: ("rejected", None, "normalize.sx"),
    API: ("collision", None, "api.sx"),
    PHANTOM: ("none", None, ""),
    VISIBILITY: ("proposed", "lib/acl", "visibility.sx"),
    MEMO: ("proposed", None, "memo.sx"),  # home inferred: every copy calls the merged store
}
REJECT_REASON = "name collision: same noun, domain-specific op"

IDENTITY = {"GIT_AUTHOR_NAME": "Fleet Builder", "GIT_AUTHOR_EMAIL": "fleet@example.invalid",
            "GIT_COMMITTER_NAME": "Fleet Builder", "GIT_COMMITTER_EMAIL": "fleet@example.invalid"}


@dataclass(frozen=True)
class Plant:
    """One planted pattern and the verdict a careful human expects of the radar."""

    name: str  # the plant kind, e.g. "conformance-harness"
    expect: str  # proposed | watching | rejected | collision | none
    why: str
    subsystems: tuple[str, ...]
    paths: tuple[str, ...]  # per instance, relative to its subsystem's checkout root
    home: str | None = None  # the home a routing rule gives it, if any
    unstable: tuple[str, ...] = ()  # subsystems whose copy changed recently or is dirty
    inferred_home: str | None = None  # the home the dependency graph gives it (no rule matches)


@dataclass(frozen=True)
class FleetSpec:
    worktrees: tuple[str, ...]  # loop subsystems, one worktree each
    merged: tuple[str, ...]  # substrates merged into main (lib/<name>/ in every checkout)
    seed: int = 0
    plants: tuple[str, ...] = PLANT_KINDS
    counts: tuple[tuple[str, int], ...] = ()  # (kind, worktree subsystems) overrides
    filler: tuple[int, int] = (2, 5)  # ordinary modules per worktree subsystem (min, max)
    merged_filler: tuple[int, int] = (2, 4)  # ordinary modules per merged substrate
    old_days: int = 30  # stable commits are at least this old
    recent_hours: int = 2  # the age of the one recent commit

    def count(self, kind: str) -> int:
        return dict(self.counts).get(kind, DEFAULT_COUNTS.get(kind, 0))


@dataclass(frozen=True)
class BuiltFleet:
    root: Path
    repo: Path  # the main checkout (pass as --repo)
    worktrees: dict[str, Path]
    rules: Path  # radar.yaml, routing.yaml, decisions.yaml for this fleet
    plants: tuple[Plant, ...]

    def plant(self, name: str) -> Plant:
        return next(p for p in self.plants if p.name == name)


def demo_spec() -> FleetSpec:
    """The embedded demo: a dozen loop worktrees, five merged substrates, every plant."""
    return FleetSpec(
        worktrees=("acl", "feed", "mod", "search", "events", "content", "commerce",
                   "identity", "flow", "relations", "fed-sx", "artdag"),
        merged=("persist", "guest", "host", "prolog", "datalog"),
        seed=7,
    )


# --------------------------------------------------------------------------- templates
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _render(template: str, values: dict[str, str]) -> str:
    text = template
    for _ in range(4):  # values may themselves hold placeholders
        new = _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
        if new == text:
            return new
        text = new
    return text


def _prefix(sub: str, rng: random.Random) -> str:
    return sub + rng.choice(("/", "-"))


def _values(choices: dict[str, tuple], sub: str, p: str, rng: random.Random) -> dict[str, str]:
    """One copy's placeholder values: a random choice per placeholder, in a fixed order."""
    values = {"sub": sub, "p": p}
    for key, options in choices.items():
        pick = rng.choice(options)
        values.update(zip(key.split(","), pick) if "," in key else [(key, str(pick))])
    return values


def _store(spec: FleetSpec) -> str:
    """The merged substrate the memo plant's copies call."""
    return "persist" if "persist" in spec.merged else spec.merged[0]


def _copy(kind: str, sub: str, p: str, rng: random.Random, index: int = 0,
          edited: bool = False, store: str = "") -> str:
    """One planted copy of `kind` for subsystem `sub` (prefix `p`)."""
    template, choices = src.PLANTED[kind]
    values = _values(choices, sub, p, rng)
    values["store"] = store
    values["header"] = _render(values["header"], values)
    if kind == VISIBILITY and index > 0:  # copy 0 is plain; the others change one form
        key, text = src.VISIBILITY_EDITS[(index - 1) % len(src.VISIBILITY_EDITS)]
        values[key] = text
    if edited:  # a later edit of one copy: a literal and a comment, the same shape
        key, note = src.EDITS[kind]
        values[key] = str(int(values[key]) * 2)
        values["header"] += "\n" + note
    return _render(template, values)


# --------------------------------------------------------------------------- git
def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(IDENTITY, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return env


class _Git:
    def __init__(self):
        self.env = _git_env()

    def __call__(self, cwd: Path, *args: str, date: datetime | None = None) -> str:
        env = self.env
        if date is not None:
            stamp = f"@{int(date.timestamp())} +0000"
            env = dict(env, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        res = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
        if res.returncode != 0:
            raise FleetError(f"git {' '.join(args)} failed in {cwd}: {res.stderr.strip()}")
        return res.stdout

    def commit(self, cwd: Path, message: str, date: datetime) -> None:
        self(cwd, "add", "-A")
        self(cwd, "commit", "-q", "--no-verify", "-m", message, date=date)


def _write(base: Path, files: dict[str, str]) -> None:
    for rel, text in sorted(files.items()):
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------- plan
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_RESERVED_FILES = {"api", "audit", "log", "ledger", "snapshot", "page", "outbox", "retry",
                   "normalize", "visibility", "conformance", "middleware", "handler", "http",
                   "fed", "federation", "router"}


def _check(spec: FleetSpec) -> None:
    names = list(spec.worktrees) + list(spec.merged)
    if not spec.worktrees:
        raise FleetError("a fleet needs at least one worktree subsystem")
    if len(set(names)) != len(names):
        raise FleetError(f"subsystem names must be distinct: {names}")
    for n in names:
        if not _NAME.match(n) or n in ("main", "loops", "rules"):
            raise FleetError(f"bad subsystem name {n!r} (lowercase letters, digits, '-')")
    for kind in spec.plants:
        if kind not in PLANT_KINDS:
            raise FleetError(f"unknown plant kind {kind!r}; known: {', '.join(PLANT_KINDS)}")
    for kind in (PHANTOM, MEMO):
        if kind in spec.plants and not spec.merged:
            raise FleetError(f"plant {kind!r} needs at least one merged substrate")


def _allocate(spec: FleetSpec) -> dict[str, list[str]]:
    """Which worktree subsystems carry each plant kind (in spec order)."""
    rng = random.Random(f"{spec.seed}:allocate")
    order = {n: i for i, n in enumerate(spec.worktrees)}
    movers = [k for k in (EVENT_LOG, OUTBOX) if k in spec.plants]  # one recent, one dirty
    picks = rng.sample(spec.worktrees, min(len(movers), len(spec.worktrees)))
    actives = {k: picks[i % len(picks)] for i, k in enumerate(movers)}
    stable = [w for w in spec.worktrees if w not in actives.values()]
    out: dict[str, list[str]] = {}
    for kind in spec.plants:
        if kind in (PHANTOM,):
            continue
        n = spec.count(kind)
        home = _KIND_INFO[kind][1]
        pool = [w for w in stable if home is None or f"lib/{w}" != home]
        if kind == MEMO:  # the retry plant's consumers must keep sharing no dependency
            pool = [w for w in pool if w not in out.get(RETRY, ())]
        need = n - (1 if kind in actives else 0)
        if need > len(pool) or n < 1:
            raise FleetError(
                f"plant {kind!r} needs {n} worktree subsystems but only {len(pool)} stable "
                f"ones are available (worktrees: {', '.join(spec.worktrees)})")
        chosen = rng.sample(pool, need) + ([actives[kind]] if kind in actives else [])
        out[kind] = sorted(chosen, key=order.__getitem__)
    return out | {f"active:{k}": [v] for k, v in actives.items()}


def _file_names(spec: FleetSpec) -> dict[str, list[str]]:
    """Ordinary module names per subsystem, unique across the fleet."""
    rng = random.Random(f"{spec.seed}:files")
    pool = [n for n in src.FILE_NOUNS if n not in _RESERVED_FILES]
    rng.shuffle(pool)
    out: dict[str, list[str]] = {}
    for sub in list(spec.merged) + list(spec.worktrees):
        lo, hi = spec.merged_filler if sub in spec.merged else spec.filler
        names = []
        for _ in range(rng.randint(lo, hi)):
            names.append(pool.pop() if pool else f"{rng.choice(src.NOUNS)}-{sub}-{len(names)}")
        out[sub] = names
    return out


# --------------------------------------------------------------------------- build
def build_fleet(root: Path, spec: FleetSpec | None = None, *,
                now: datetime | None = None) -> BuiltFleet:
    spec = spec or demo_spec()
    _check(spec)
    now = (now or datetime.now(timezone.utc))
    now = now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now.astimezone(timezone.utc)
    root = Path(root).resolve()
    for part in ("main", "loops", "rules"):
        if (root / part).exists():
            raise FleetError(f"{root / part} already exists: build a fleet into an empty folder")
    alloc = _allocate(spec)
    files = _file_names(spec)
    seen: set[str] = set()
    prefixes = {s: _prefix(s, random.Random(f"{spec.seed}:prefix:{s}"))
                for s in spec.worktrees + spec.merged}

    def rng_for(*parts: object) -> random.Random:
        return random.Random(":".join(str(p) for p in (spec.seed, *parts)))

    def ordinary(sub: str) -> dict[str, str]:
        out = {}
        for i, name in enumerate(files[sub]):
            r = rng_for("filler", sub, name)
            out[f"lib/{sub}/{name}.sx"] = Filler(r, seen).module(
                sub, prefixes[sub], name, r.randint(2, 5))
        return out

    # -- content of main (merged substrates) and of each worktree's own namespace
    main_files = {"README.md": src.README.format(merged=", ".join(spec.merged) or "(none)",
                                                 worktrees=", ".join(spec.worktrees))}
    for sub in spec.merged:
        main_files.update(ordinary(sub))
    own: dict[str, dict[str, str]] = {w: ordinary(w) for w in spec.worktrees}

    plants: list[Plant] = []
    recent: dict[str, dict[str, str]] = {}  # worktree -> files changed in the recent commit
    dirty: dict[str, dict[str, str]] = {}  # worktree -> files edited but never committed

    def plant_files(kind: str, make=_copy) -> tuple[str, ...]:
        subs = alloc[kind]
        paths = []
        for i, sub in enumerate(subs):
            rel = f"lib/{sub}/{_KIND_INFO[kind][2]}"
            own[sub][rel] = make(kind, sub, prefixes[sub], rng_for(kind, sub), i)
            paths.append(rel)
        return tuple(paths)

    def add(kind: str, why: str, subs, paths, unstable=(), inferred=None) -> None:
        verdict, home, _ = _KIND_INFO[kind]
        plants.append(Plant(kind, verdict, why, tuple(subs), tuple(paths), home, tuple(unstable),
                            inferred))

    for kind in spec.plants:
        subs = alloc.get(kind, [])
        if kind == CONFORMANCE:
            paths = plant_files(kind)
            add(kind, f"{len(subs)} stable consumers, identical shape, home lib/guest", subs, paths)
        elif kind == PAGINATION:
            paths = plant_files(kind)
            add(kind, f"{len(subs)} consumers, needs 3", subs, paths)
        elif kind == EVENT_LOG:
            paths = plant_files(kind)
            mover = alloc["active:" + kind][0]
            rel = f"lib/{mover}/audit.sx"
            recent[mover] = {rel: _copy(kind, mover, prefixes[mover], rng_for(kind, mover),
                                        edited=True)}
            subs, paths = list(subs), list(paths)
            if "persist" in spec.merged:  # persist owns the shape: the home to adopt
                main_files["lib/persist/log.sx"] = _copy(
                    kind, "persist", "persist/", rng_for(kind, "persist"))
                subs.append("persist")
                paths.append("lib/persist/log.sx")
            add(kind, f"unstable: {mover}'s copy changed {spec.recent_hours} h ago", subs, paths,
                [mover])
        elif kind == OUTBOX:
            paths = plant_files(kind)
            mover = alloc["active:" + kind][0]
            dirty[mover] = {f"lib/{mover}/outbox.sx": _copy(
                kind, mover, prefixes[mover], rng_for(kind, mover), edited=True)}
            add(kind, f"unstable: {mover}'s copy has uncommitted edits", subs, paths, [mover])
        elif kind == THIN:
            paths = []
            for sub in subs:
                rel = f"lib/{sub}/{files[sub][0]}.sx"
                own[sub][rel] += src.THIN_SX
                paths.append(rel)
            add(kind, "too thin: a one-liner and a small helper, under min_tokens", subs, paths)
        elif kind == RETRY:
            paths = plant_files(kind)
            add(kind, "no natural home: no routing rule matches", subs, paths)
        elif kind == NORMALIZE:
            paths = plant_files(kind)
            add(kind, f"decision: {REJECT_REASON}", subs, paths)
        elif kind == API:
            def api(k, s, p, r, i):
                return Filler(r, seen).module(s, p, "api", r.randint(3, 5))
            paths = plant_files(kind, api)
            add(kind, "same file name, divergent structure", subs, paths)
        elif kind == VISIBILITY:
            paths = plant_files(kind)  # any two copies differ by one or two forms
            add(kind, "near-miss copies (1-2 forms differ), stable, home lib/acl", subs, paths)
        elif kind == MEMO:
            store = _store(spec)
            paths = plant_files(kind, lambda k, s, p, r, i: _copy(k, s, p, r, store=store))
            add(kind, f"no routing rule matches; every copy calls {store}/: home lib/{store}, "
                "inferred", subs, paths, inferred=f"lib/{store}")
        elif kind == PHANTOM:
            first = "persist" if "persist" in spec.merged else spec.merged[0]
            phantom = [(first, f"lib/{first}/snapshot.sx", src.SNAPSHOT_SX)]
            rest = [m for m in spec.merged if m != first]
            if rest:
                second = "host" if "host" in rest else rest[0]
                phantom.append((second, f"lib/{second}/middleware.sx", src.MIDDLEWARE_SX))
            for _, rel, text in phantom:
                main_files[rel] = text
            add(kind, "one merged artifact checked out in every worktree, not N consumers",
                [s for s, _, _ in phantom], [rel for _, rel, _ in phantom])

    # -- git: main first, then one worktree (branch) per loop subsystem
    git = _Git()
    repo = root / "main"
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main", "--template=", ".")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "config", "user.name", IDENTITY["GIT_AUTHOR_NAME"])
    git(repo, "config", "user.email", IDENTITY["GIT_AUTHOR_EMAIL"])
    _write(repo, main_files)
    git.commit(repo, "Merge substrates: " + ", ".join(spec.merged or ("none",)),
               now - timedelta(days=spec.old_days + 30))
    worktrees: dict[str, Path] = {}
    for i, sub in enumerate(spec.worktrees):
        wt = root / "loops" / sub
        git(repo, "worktree", "add", "-q", "-b", f"loops/{sub}", str(wt), "main")
        _write(wt, own[sub])
        age = timedelta(days=spec.old_days + 14 - (i % 12), hours=i % 7)
        git.commit(wt, f"{sub}: phase 1-2, {len(own[sub])} modules", now - age)
        if sub in recent:
            _write(wt, recent[sub])
            git.commit(wt, f"{sub}: raise log capacity", now - timedelta(hours=spec.recent_hours))
        if sub in dirty:
            _write(wt, dirty[sub])
        worktrees[sub] = wt

    rules = root / "rules"
    _write(rules, _rules_files(spec))
    return BuiltFleet(root=root, repo=repo, worktrees=worktrees, rules=rules,
                      plants=tuple(plants))


def _rules_files(spec: FleetSpec) -> dict[str, str]:
    decisions = "[]\n"
    if NORMALIZE in spec.plants:
        decisions = src.DECISIONS_YAML.replace("{{reason}}", REJECT_REASON)
    return {"radar.yaml": src.RADAR_YAML, "routing.yaml": src.ROUTING_YAML,
            "decisions.yaml": decisions}
