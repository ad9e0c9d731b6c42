"""Inferred homes on a real repository with no routing rules (issue 13).

    .venv/bin/python bench/homes.py --repo /path/to/moto --rules DIR [--cache DIR] [--examples 8]

`--rules` must hold a radar.yaml (subsystems, excludes) and no routing.yaml: the point is a
first scan, where every home has to come from the code. Prints the dependency graph's size,
how many candidates get an inferred home (proposed ones apart), extract vs adopt, the homes
chosen most often, and a few candidates with their evidence to read by hand.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from radar.pipeline import census_only


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--rules", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args(argv)
    if (args.rules / "routing.yaml").exists():
        print(f"{args.rules}/routing.yaml exists: inferred homes are measured with no routing rules",
              file=sys.stderr)
        return 2
    snapshot = census_only(args.repo, args.rules, args.cache)
    print("\n".join(report(snapshot, args.examples)))
    return 0


def report(snapshot: dict, examples: int) -> list[str]:
    subsystems = snapshot["subsystems"]
    candidates = snapshot["candidates"]
    inferred = [c for c in candidates if (c.get("routing") or {}).get("inferred")]
    proposed = [c for c in candidates if c["verdict"] == "proposed"]
    edges = sum(len(s.get("depends_on") or []) for s in subsystems)
    lines = [
        f"{len(subsystems)} subsystems, {edges} dependency edges; most depended on: " + ", ".join(
            f"{s['name']} ({s['dependents']})" for s in sorted(subsystems, key=lambda s: -s["dependents"])[:5]),
        f"{len(candidates)} candidates: {len(inferred)} with an inferred home "
        f"({Counter(c['action'] for c in inferred).most_common()}), "
        f"{sum(1 for c in candidates if not c['home'])} with no home",
        f"proposed: {len(proposed)}, of which {sum(c in inferred for c in proposed)} with an inferred home",
        "homes chosen most often: " + ", ".join(f"{h} ({n})" for h, n in Counter(c["home"] for c in inferred).most_common(8)),
        "",
    ]
    shown = proposed[:examples] + [c for c in inferred if c["action"] == "adopt"][:max(2, examples // 3)]
    for c in shown:
        lines.append(f"{c['id']} {c['verdict']} {c['name']} ({len(c['consumers'])} consumers) -> "
                     f"{c['home']} [{c['action']}]: {c['routing']['by']}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
