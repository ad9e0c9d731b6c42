"""Speed and memory benchmark (issue 5): radar cold / warm / one-file change vs jscpd 5.3.

    .venv/bin/python bench/speed.py [--runs 3] [--worktrees 60] [--rebuild] [--only NAME]
        [--moto PATH] [--babel PATH]     (or RADAR_BENCH_MOTO / RADAR_BENCH_BABEL)
        [--dbeaver PATH] [--thingsboard PATH]   (or RADAR_BENCH_DBEAVER / ..._THINGSBOARD)

Builds, under bench/.work/ (git-ignored):
- corpus/pkgs: a git repo whose main checkout has lib/<pkg>/ = the .py files of several
  pure-Python packages installed in the venv, committed 90 days ago;
- corpus/fleet: the demo fleet generator (radar.demo.fleet.build_fleet) with many worktrees;
- corpus/<name>/repo: a local clone of each real repository given (moto: Python, 182 service
  packages, ~11k commits; babel: JS/TS monorepo, ~150 packages, ~18.6k commits), made afresh
  from the path given at each round (never from the network), so every round starts where a
  user who has just cloned does (git's index written in the second of its files); the given
  checkout is never touched, the one-file edits are committed in the clone; the rules the
  bench scans them with are written under corpus/<name>/rules; for the larger first-scan
  repositories (dbeaver: Java, 139 plugins, ~26.3k commits; thingsboard: Java and TypeScript,
  ~28.2k commits), those rules are the ones `radar init` writes, and jscpd walks a copy of the
  very files the radar parses with them (corpus/<name>/parsed);
installs jscpd@5.3.2 under bench/.work/jscpd if missing, then for each tree, in rounds of
  jscpd, radar cold (fresh empty --cache and --out), radar warm (same cache and out, nothing
  changed), radar after committing a one-line comment to one file ("comment": moves no
  shape), radar after committing a small new function to that file ("edit": moves a shape,
  so the fleet is clustered again),
prints medians of wall time and of peak memory (RSS of the whole process tree, sampled every
10 ms, and the largest single process), and the ratios radar/jscpd.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (JSCPD, RADAR, ROOT, WORK, commit_all, count_lines, ensure_jscpd, fresh,  # noqa: E402
                    git, git_env, measure, package_source, source_files)

# ~210k lines of Python: pure-Python packages of the `bench` extra (pyproject.toml).
PACKAGES = ("yaml", "git", "gitdb", "jsonschema", "hypothesis", "click", "jinja2", "requests",
            "_pytest", "packaging", "dateutil", "attr", "anyio")
CORPUS = WORK / "corpus"
FLEET_NAMES = tuple(f"{a}{b}" for a in ("alpha", "beta", "gamma", "delta", "kappa", "sigma",
                                         "omega", "theta", "zeta", "lambda")
                    for b in ("", "-io", "-db", "-ui", "-api", "-ops", "-ml", "-fs"))


def build_pkgs(dest: Path) -> Path:
    if (dest / ".git").exists():
        return dest
    fresh(dest)
    sources = {pkg: package_source(pkg) for pkg in PACKAGES}  # all present, or stop here
    for pkg, src in sources.items():
        for f in sorted(src.rglob("*.py")):
            if "__pycache__" in f.parts:
                continue
            out = dest / "lib" / pkg.strip("_") / f.relative_to(src)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(f.read_bytes())
    (dest / "README.md").write_text("benchmark corpus: installed packages, one per lib/<pkg>\n")
    git(dest, "init", "-q")
    commit_all(dest, "import packages", days_ago=90)
    return dest


def build_fleet_tree(dest: Path, worktrees: int) -> tuple[Path, Path]:
    """(repo, rules) of a demo-generator fleet with `worktrees` loop worktrees."""
    from radar.demo.fleet import FleetSpec, build_fleet, demo_spec
    if not (dest / "main" / ".git").exists():
        fresh(dest)
        base = demo_spec()
        spec = FleetSpec(worktrees=FLEET_NAMES[:worktrees], merged=base.merged, seed=base.seed,
                         filler=(4, 8))
        build_fleet(dest, spec)
    return dest / "main", dest / "rules"


@dataclass(frozen=True)
class RealRepo:
    """A real public repository with a long history, scanned as a monorepo of packages."""
    name: str
    subsystems: str  # the subsystem glob, e.g. "packages/*"
    scan_root: str  # what jscpd scans, relative to the checkout
    exts: tuple[str, ...]  # suffixes radar parses there (the first one picks the edited file)
    skip: tuple[str, ...]  # folder names left out by both tools (tests, fixtures, builds)
    jscpd_formats: str


REAL = {
    "moto": RealRepo("moto", "moto/*", "moto", (".py",), (), "python"),
    "babel": RealRepo("babel", "packages/*", "packages", (".ts", ".js", ".mjs", ".cjs", ".tsx", ".jsx"),
                      ("node_modules", "vendor", "test", "fixtures", "__tests__", "lib"),
                      "javascript,typescript,jsx,tsx"),
}


@dataclass(frozen=True)
class FirstScan:
    """A larger real repository scanned as a user's first scan does: with the rules `radar init`
    writes for it (subsystems, excludes), jscpd given the very files the radar parses."""
    name: str
    ext: str  # the suffix of the file the one-file changes go to


FIRST_SCANS = {
    "dbeaver": FirstScan("dbeaver", ".java"),  # ~26.3k commits, 139 plugins: Java, some C/C++ and JS
    "thingsboard": FirstScan("thingsboard", ".java"),  # ~28.2k commits, 60 modules: Java, TS, JS
}


@dataclass(frozen=True)
class Scope:
    """What both tools read of one tree: the files (counted, parsed alone), jscpd's arguments
    naming them, and the file the one-file changes go to (relative to the repository)."""
    files: tuple[Path, ...]
    jscpd: tuple[str, ...]
    target: str


def folder_scope(repo: Path, root: Path, options: list[str], exts: tuple[str, ...], skip: tuple[str, ...] = ()
                 ) -> Scope:
    """jscpd walks `root` itself (with `options`); radar's rules pick the same files."""
    under = root.relative_to(repo).as_posix() if root.is_relative_to(repo) else ""
    return Scope(tuple(source_files(root, exts, frozenset(skip))), (*options, str(root)),
                 pick_target(repo, exts[0], under, skip))


def first_scan_scope(repo: Path, rules: Path, ext: str, copies: Path) -> Scope:
    """The files a pass with `rules` parses (radar's own discovery and excludes), copied under
    `copies` for jscpd to walk (given them one by one, jscpd takes over twice the CPU: 2.3 s
    against 1.0 s on 1,467 Java files); the one-file changes go to the middle one ending in `ext`."""
    files = tuple(sorted(repo / path for path in parsed_files(repo, rules)))
    fresh(copies)
    for f in files:
        copy = copies / f.relative_to(repo)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(f.read_bytes())
    return Scope(files, (str(copies),), middle_file((f.relative_to(repo).as_posix() for f in files), ext))


def middle_file(paths: Iterable[str], ext: str) -> str:
    """The file a first scan's one-file changes go to: the middle one, in path order, ending in `ext`."""
    named = sorted(path for path in paths if path.endswith(ext))
    return named[len(named) // 2]


def inside_class(text: str, member: str) -> str:
    """A Java file's text with `member` added inside its last class, before the closing brace."""
    cut = text.rfind("}")
    return text[:cut] + member + text[cut:]


def parsed_files(repo: Path, rules: Path) -> dict[str, str]:
    """Each file a pass with `rules` parses (radar's own discovery and excludes), relative to
    `repo`, and its subsystem."""
    from radar.config import load_rules
    from radar.request import file_works
    from radar.stages.discover import discover

    loaded = load_rules(rules)
    return {Path(w.abspath).relative_to(repo).as_posix(): w.subsystem
            for w in file_works(discover(repo, loaded.fleet), loaded)}


def init_rules(repo: Path, dest: Path) -> Path:
    """The starter rules `radar init` writes for `repo`, as a user's first scan takes them."""
    fresh(dest)
    subprocess.run([str(RADAR), "init", "--repo", str(repo), "--rules", str(dest)], check=True,
                   stdout=subprocess.DEVNULL)
    return dest


def real_rules(spec: RealRepo, dest: Path) -> Path:
    """The rules the bench scans a real repository with: its packages as subsystems, the
    skipped folders excluded, and a catch-all routing rule so every criterion but the home
    decides (as in bench/README.md's precision runs)."""
    fresh(dest)
    excludes = ", ".join(f'"**/{name}/**"' for name in ("node_modules", "vendor", *spec.skip))
    (dest / "radar.yaml").write_text(
        f'fleet:\n  subsystems: ["{spec.subsystems}"]\n  main_namespaces: []\n  exclude: [{excludes}]\n')
    (dest / "routing.yaml").write_text('- kind: shared logic\n  home: shared\n  match:\n    paths: ["**"]\n')
    return dest


def clone_real(source: Path, dest: Path) -> Path:
    """A fresh local clone (objects hard-linked, never fetched from the network) in which the
    bench may commit its edits; `source` itself is only read."""
    fresh(dest)
    subprocess.run(["git", "clone", "-q", "--local", str(source), str(dest)], check=True, env=git_env())
    return dest


def one_file_change(repo: Path, target: str, round_: int, code: bool, date: datetime | None = None) -> None:
    """Commit a one-line comment (moves no shape) or a new small function (moves the module's
    shape, so the fleet is clustered again) at the end of `target` (dated `date`: the same
    commit, the same id, in every clone)."""
    p = repo / target
    text = p.read_text()
    js = target.endswith((".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx"))
    if not code:
        comment = "#" if target.endswith((".py", ".sh")) else "//" if js or target.endswith(".java") else ";"
        addition = f"\n{comment} bench change {round_}\n"
    elif target.endswith(".java"):  # a method belongs inside the class
        text, addition = inside_class(text, f"\n    public static int benchEdit{round_}(int value) {{\n"
                                            f"        return value + {round_};\n    }}\n"), ""
    elif js:
        addition = f"\nexport function benchEdit{round_}(value) {{\n  return value + {round_};\n}}\n"
    elif target.endswith(".py"):
        addition = f"\n\ndef bench_edit_{round_}(value):\n    return value + {round_}\n"
    elif target.endswith(".sh"):
        addition = f"\nbench_edit_{round_}() {{\n  echo $(( $1 + {round_} ))\n}}\n"
    else:
        addition = f"\n(define (bench-edit-{round_} value)\n  (+ value {round_}))\n"
    p.write_text(text + addition)
    git(repo, "add", target)
    git(repo, "commit", "-q", "-m", f"bench {'edit' if code else 'change'} {round_}", date=date)


def parse_only(files: list[Path]) -> float:
    """Seconds tree-sitter alone takes to parse `files` on one core: the floor under any cold
    pass that parses everything (no walk, no shaping, no clustering)."""
    from radar.stages.languages import language_for
    from radar.stages.parse import _grammar, _parser

    sources = [(language_for(f.name), f.read_bytes()) for f in files]
    parsers = {language: _parser(_grammar(language).grammar) for language, _ in sources}
    started = time.perf_counter()
    for language, data in sources:
        parsers[language].parse(data)
    return time.perf_counter() - started


def pick_target(repo: Path, ext: str, under: str = "", skip: tuple[str, ...] = ()) -> str:
    files = sorted(l for l in git(repo, "ls-files", "--", under or ".").splitlines()
                   if l.endswith(ext) and not set(l.split("/")[:-1]) & set(skip))
    return files[len(files) // 2]


def bench_tree(label: str, repo: Path, scope: Scope, rules: Path | None, runs: int, jobs: int | None,
               timeout: float, checkout=None) -> dict:
    """Rounds of jscpd, radar cold, warm, comment and edit on `repo`; `checkout()`, when given,
    makes `repo` afresh before each round."""
    work = fresh(WORK / "runs" / label)
    files, lines, size = count_lines(scope.files)
    print(f"[{label}] {files} files, {lines} lines, {size / 1e6:.1f} MB in {repo}", file=sys.stderr)
    target = scope.target
    print(f"[{label}] one-file changes go to {target}", file=sys.stderr)
    results: dict[str, list] = {k: [] for k in ("jscpd", "cold", "warm", "change", "edit")}
    radar_base = [str(RADAR), "scan", "--repo", str(repo), "--quiet"]
    if rules:
        radar_base += ["--rules", str(rules)]
    if jobs:
        radar_base += ["--jobs", str(jobs)]
    for r in range(runs):
        if checkout is not None and r:
            checkout()
        out_j = fresh(work / f"jscpd-{r}")
        cmd = [str(JSCPD), "--silent", "--reporters", "json", "--output", str(out_j),
               *scope.jscpd]
        results["jscpd"].append(measure(cmd, cwd=work, timeout=timeout))
        cache, out = fresh(work / f"cache-{r}"), fresh(work / f"out-{r}")
        radar = radar_base + ["--cache", str(cache), "--out", str(out)]
        results["cold"].append(measure(radar, cwd=work, timeout=timeout))
        results["warm"].append(measure(radar, cwd=work, timeout=timeout))
        one_file_change(repo, target, r, code=False)
        results["change"].append(measure(radar, cwd=work, timeout=timeout))
        one_file_change(repo, target, r, code=True)
        results["edit"].append(measure(radar, cwd=work, timeout=timeout))
        for k, v in results.items():
            if v[-1].rc not in (0, 1):  # jscpd exits 0; radar 0
                print(f"[{label}] {k} round {r} exit {v[-1].rc}: {v[-1].stderr[-2000:]}",
                      file=sys.stderr)
        print(f"[{label}] round {r}: " + ", ".join(
            f"{k} {v[-1].wall:.2f}s (cpu {v[-1].cpu:.2f}s) {v[-1].tree_peak_mb:.0f}MB" for k, v in results.items()),
            file=sys.stderr)
    # candidates of the last cold run, for the record
    snap = work / f"out-{runs - 1}" / "snapshots" / "latest.json"
    cands = len(json.loads(snap.read_text())["candidates"]) if snap.exists() else None
    rep = work / f"jscpd-{runs - 1}" / "jscpd-report.json"
    clones = len(json.loads(rep.read_text()).get("duplicates", [])) if rep.exists() else None
    parse_s = statistics.median(parse_only(scope.files) for _ in range(runs))
    med = {k: {"wall": statistics.median(x.wall for x in v), "cpu": statistics.median(x.cpu for x in v),
               "tree_mb": statistics.median(x.tree_peak_mb for x in v),
               "proc_mb": statistics.median(x.max_proc_mb for x in v),
               "rc": sorted({x.rc for x in v})} for k, v in results.items()}
    return {"label": label, "files": files, "lines": lines, "bytes": size, "median": med, "parse_s": parse_s,
            "radar_candidates": cands, "jscpd_clones": clones}


def real_scope(name: str, repo: Path) -> tuple[Scope, Path]:
    """What both tools read of a real repository's clone, and the rules radar scans it with:
    REAL's by their layout, FIRST_SCANS' as `radar init` writes them."""
    if name in FIRST_SCANS:
        rules = init_rules(repo, CORPUS / name / "rules")
        return first_scan_scope(repo, rules, FIRST_SCANS[name].ext, CORPUS / name / "parsed"), rules
    spec = REAL[name]
    ignore = ",".join(f"**/{d}/**" for d in ("node_modules", "vendor", ".git", *spec.skip))
    options = ["--format", spec.jscpd_formats, "--ignore", ignore]
    scope = folder_scope(repo, repo / spec.scan_root, options, spec.exts, spec.skip)
    return scope, real_rules(spec, CORPUS / name / "rules")


def table(rows: list[dict], runs: int) -> str:
    out = []
    for row in rows:
        m = row["median"]
        j = m["jscpd"]
        out.append(f"\n{row['label']}: {row['files']} files, {row['lines']:,} lines, "
                   f"{row['bytes'] / 1e6:.1f} MB; radar candidates {row['radar_candidates']}, "
                   f"jscpd clones {row['jscpd_clones']} (medians of {runs} alternating runs)")
        out.append(f"  {'run':<14}{'wall s':>8}{'x jscpd':>9}{'cpu s':>8}{'x jscpd':>9}{'tree MB':>9}"
                   f"{'x jscpd':>9}{'proc MB':>9}{'x jscpd':>9}  exit")
        for k, name in (("jscpd", "jscpd"), ("cold", "radar cold"), ("warm", "radar warm"),
                        ("change", "radar comment"), ("edit", "radar edit")):
            v = m[k]
            out.append(f"  {name:<14}{v['wall']:>8.2f}{v['wall'] / j['wall']:>9.2f}"
                       f"{v['cpu']:>8.2f}{v['cpu'] / max(j['cpu'], 1e-9):>9.2f}{v['tree_mb']:>9.0f}{v['tree_mb'] / j['tree_mb']:>9.2f}"
                       f"{v['proc_mb']:>9.0f}{v['proc_mb'] / j['proc_mb']:>9.2f}  {v['rc']}")
        out.append(f"  (tree-sitter parse alone, one core, in-process: {row['parse_s']:.2f} s = "
                   f"{row['parse_s'] / j['wall']:.2f}x jscpd)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--worktrees", type=int, default=60, help="fleet worktrees (max 80)")
    ap.add_argument("--jobs", type=int, default=None, help="radar --jobs (default: radar's)")
    ap.add_argument("--only", choices=("pkgs", "fleet", *REAL, *FIRST_SCANS), action="append",
                    help="only these trees (repeatable)")
    for name in (*REAL, *FIRST_SCANS):
        ap.add_argument(f"--{name}", type=Path, default=os.environ.get(f"RADAR_BENCH_{name.upper()}"),
                        help=f"a checkout of {name} (or $RADAR_BENCH_{name.upper()}); left out when not given")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the corpus")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args(argv)
    ensure_jscpd()
    # Byte-compile radar as an installed wheel is: with PYTHONDONTWRITEBYTECODE set (as on
    # these machines) every run would otherwise compile its modules again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "radar")], check=True,
                   stdout=subprocess.DEVNULL)
    if a.rebuild and CORPUS.exists():
        fresh(CORPUS)
    rows = []
    wanted = set(a.only or ("pkgs", "fleet", *REAL, *FIRST_SCANS))
    if "pkgs" in wanted:
        repo = build_pkgs(CORPUS / "pkgs")
        rows.append(bench_tree("pkgs", repo, folder_scope(repo, repo / "lib", ["--format", "python"], (".py",)),
                               None, a.runs, a.jobs, a.timeout))
    if "fleet" in wanted:
        repo, rules = build_fleet_tree(CORPUS / "fleet", a.worktrees)
        # jscpd gets the main checkout and every worktree, as radar sees them
        options = ["--formats-exts", "clojure:sx", "--format", "clojure,bash", "--ignore", "**/.git/**,**/rules/**"]
        rows.append(bench_tree("fleet", repo, folder_scope(repo, repo.parent, options, (".sx", ".sh")), rules,
                               a.runs, a.jobs, a.timeout))
    for name in (*REAL, *FIRST_SCANS):
        source = getattr(a, name)
        if name not in wanted or source is None:
            continue
        def checkout(source=Path(source).resolve(), dest=CORPUS / name / "repo") -> Path:
            return clone_real(source, dest)
        repo = checkout()
        scope, rules = real_scope(name, repo)
        rows.append(bench_tree(name, repo, scope, rules, a.runs, a.jobs, a.timeout, checkout))
    head = (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.node()}, "
            f"{os.cpu_count()} cores, {platform.python_version()}")
    print(head + table(rows, a.runs))
    if a.json:
        a.json.write_text(json.dumps({"when": head, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
