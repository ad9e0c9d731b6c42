"""`radar demo`: build the demo fleet, scan it once, say what to try next.

It never touches the checkout it runs in beyond the one folder it names (`radar-demo/` by
default, ignored by this repository's .gitignore): the fleet is built in `<out>/fleet` and kept
there, so the backlog's evidence links open; every run starts afresh at pass 1 (a folder is
only cleared when an earlier demo wrote it).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from radar.commands import UsageError

MARKER = ".radar-demo"  # written in every demo output folder: only those are ever cleared
DEFAULT_OUT = Path("radar-demo")


def run_demo(out: Path | None, fleet_dir: Path | None, progress, quiet: bool = False) -> tuple[Path, Path]:
    from radar.demo.fleet import build_fleet, demo_spec
    from radar.pipeline import run_pass
    from radar.request import ScanRequest

    out = (out or DEFAULT_OUT).absolute()
    fleet_dir = (fleet_dir or out / "fleet").absolute()
    _clear(out, fleet_dir)
    try:
        fleet = build_fleet(fleet_dir, demo_spec())
    except OSError as error:
        raise UsageError(f"--fleet {fleet_dir}: cannot build the demo fleet there ({error.strerror or error})") from error
    (out / MARKER).write_text("written by `radar demo`; the next demo clears this folder\n", encoding="utf-8")
    if not quiet:
        print(f"demo fleet: {len(fleet.worktrees)} worktrees under {fleet.root}", file=sys.stderr)
    request = ScanRequest(repo=fleet.repo, rules_dir=fleet.rules, out=out, cache_dir=None, jobs=0)
    snapshot, path = run_pass(request, progress)
    counts = {v: sum(c["verdict"] == v for c in snapshot["candidates"]) for v in ("proposed", "watching", "rejected", "done")}
    print(f"pass {snapshot['scan']['pass']}: {len(snapshot['subsystems'])} subsystems, {snapshot['scan']['files']} files; "
          f"{counts['proposed']} proposed, {counts['watching']} watching, {counts['rejected']} rejected, {counts['done']} done\n"
          f"wrote {out / 'abstractions.md'} and {path}; the fleet stays in {fleet.root}\n\n"
          "next:\n"
          f"  radar dashboard --out {_shown(out)}          # browse it at http://127.0.0.1:8501\n"
          f"  radar explain {_first(snapshot)} --out {_shown(out)}\n"
          "  radar init --repo PATH --rules my-rules        # starter rules for your repository\n"
          "  radar scan --repo PATH --rules my-rules --out radar-out")
    return out, fleet.root


def _clear(out: Path, fleet_dir: Path) -> None:
    """An earlier demo's output goes (so this one is pass 1); anything else is refused."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file, not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise UsageError(f"--out {out} holds files the demo did not write: name an empty or new folder")
        shutil.rmtree(out)
    if fleet_dir.exists() and any(fleet_dir.iterdir()):
        raise UsageError(f"--fleet {fleet_dir} is not empty: name an empty or new folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"--out {out}: cannot write there ({error.strerror or error})") from error


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _first(snapshot: dict) -> str:
    proposed = [c for c in snapshot["candidates"] if c["verdict"] == "proposed"]
    return (proposed or snapshot["candidates"] or [{"id": "C-…"}])[0]["id"]
