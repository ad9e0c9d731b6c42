"""Precision and recall on real repositories, against hand labels (issue 12), in one run.

    .venv/bin/python bench/precision.py --corpus /path/to/clones            # every labelled repo
    .venv/bin/python bench/precision.py --corpus /path/to/clones --only moto --show 20
    .venv/bin/python bench/precision.py --corpus /path/to/clones --inject  # + injection recall

`bench/labels/<name>.yaml` holds the labels of one public repository (made by reading the code
before any tuning: paths, unit names and lines, never code). The clone must be at
`<corpus>/<name>` at the labelled commit (the script says so when it is not). Each repository
is scanned with the labelled subsystem globs and excludes and one catch-all routing rule, so
that only the other gate criteria decide (or, with --homes inferred, no routing rule at all, as
on a first scan: homes come from the dependency graph).

A candidate takes the label of the labelled group it shares most members with (an instance
holds a member when it is that unit, or a larger unit around its line; at least two shared); otherwise it is "unlabelled", which counts as not
real and is listed so that it can be labelled. Printed per repository:
- precision@10: the share of the first 10 proposed (by score) labelled real;
- recall: the share of the real groups at least half of whose members are held by candidates
  of any verdict, each pairing two or more of its members across subsystems;
- with --inject, the injection recall of bench/inject.py (Python, types 1-3, radar only).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"
TOP = 10


def load_labels(name: str) -> dict:
    return yaml.safe_load((LABELS / f"{name}.yaml").read_text(encoding="utf-8"))


def write_rules(folder: Path, labels: dict, homes: str) -> Path:
    """The labelled scope; with homes "catch-all" one routing rule homes everything, with
    "inferred" there is no routing rule (a first scan: homes come from the dependency graph)."""
    folder.mkdir(parents=True, exist_ok=True)
    fleet = {"subsystems": labels["subsystems"], "main_namespaces": [], "exclude": labels.get("exclude", [])}
    (folder / "radar.yaml").write_text(yaml.safe_dump({"fleet": fleet}))
    routing = folder / "routing.yaml"
    if homes == "catch-all":
        routing.write_text(yaml.safe_dump([{"kind": "shared logic", "home": "shared", "match": {"paths": ["**"]}}]))
    else:
        routing.unlink(missing_ok=True)
    return folder


def scan(repo: Path, rules: Path, out: Path) -> dict:
    radar = Path(sys.executable).parent / "radar"
    shutil.rmtree(out, ignore_errors=True)  # a fresh history: every pass is a first pass
    subprocess.run([str(radar), "scan", "--repo", str(repo), "--rules", str(rules), "--out", str(out),
                    "--no-cache", "--quiet"], check=True)
    return json.loads((out / "snapshots" / "latest.json").read_text())


def holds(instance: dict, member: dict) -> bool:
    """An instance holds a labelled member: the same unit, a block inside it (a block bears its
    function's name), or a larger unit around it (the radar reports the largest repeating unit:
    a copied module rather than its functions)."""
    if instance["path"] != member["path"]:
        return False
    return instance["name"] == member["name"] or instance["start_line"] <= member["line"] <= instance["end_line"]


def held(instances: list[dict], group: dict) -> list[tuple[dict, dict]]:
    """(instance, member) pairs of the group's members the instances hold, each member once."""
    found = []
    for member in group["members"]:
        instance = next((i for i in instances if holds(i, member)), None)
        if instance is not None:
            found.append((instance, member))
    return found


def label_of(candidate: dict, groups: list[dict]) -> tuple[str, int | None]:
    """The label of the group sharing most members with the candidate (two at least)."""
    best, shared = None, 1
    for index, group in enumerate(groups):
        common = len(held(candidate["instances"], group))
        if common > shared:
            best, shared = index, common
    return ("unlabelled", None) if best is None else (groups[best]["label"], best)


def recalled(group: dict, candidates: list[dict]) -> bool:
    """Candidates that pair two or more of the group's members across subsystems hold, together,
    at least half of its members (a labelled group may join several helpers copied together)."""
    taken: set[tuple[str, int]] = set()
    clusters = [c["instances"] for c in candidates] + [v["instances"] for c in candidates for v in c.get("variants", ())]
    for instances in clusters:
        mine = held(instances, group)
        if len(mine) >= 2 and len({i["subsystem"] for i, _ in mine}) >= 2:
            taken |= {(m["path"], m["line"]) for _, m in mine}
    return len(taken) >= max(2, (len(group["members"]) + 1) // 2)


def evaluate(name: str, corpus: Path, work: Path, show: int, homes: str = "catch-all") -> dict:
    labels = load_labels(name)
    repo = corpus / name
    if not (repo / ".git").exists():
        raise SystemExit(f"{repo}: no clone of {labels['repo']} (clone it there at {labels['commit']})")
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    snapshot = scan(repo, write_rules(work / f"rules-{name}", labels, homes), work / f"out-{name}")
    groups = labels["groups"]
    candidates = snapshot["candidates"]
    proposed = sorted((c for c in candidates if c["verdict"] == "proposed"), key=lambda c: -c["score"])
    top = [(c, *label_of(c, groups)) for c in proposed[:TOP]]
    real = [g for g in groups if g["label"] == "real"]
    found = [g for g in real if recalled(g, candidates)]
    natures = Counter(c.get("nature", "logic") for c in candidates)
    result = {
        "repo": labels["repo"], "homes": homes, "labelled_commit": labels["commit"], "scanned_commit": head,
        "candidates": len(candidates), "proposed": len(proposed), "natures": dict(natures),
        "precision_at_10": (sum(label == "real" for _, label, _ in top) / len(top)) if top else None,
        "recall": len(found) / len(real) if real else None, "real_groups": len(real),
        "missed": [g["what"] for g in real if g not in found],
        "top": [(c["id"], c["name"], len(c["consumers"]), c["score"], c.get("shared_content"), label,
                 groups[index]["what"][:60] if index is not None else "")
                for c, label, index in top],
    }
    if show:
        watching = sorted((c for c in candidates if c["verdict"] == "watching"), key=lambda c: -c["score"])[:show]
        result["watching"] = [(c["id"], c["name"], len(c["consumers"]), c["score"], c.get("nature"),
                               c.get("shared_content"), label_of(c, groups)[0]) for c in watching]
    return result


def injection_recall(functions: int, seed: int) -> list[tuple]:
    spec = importlib.util.spec_from_file_location("inject", HERE / "inject.py")
    inject = importlib.util.module_from_spec(spec)
    sys.modules["inject"] = inject  # dataclasses look their module up while the class is made
    spec.loader.exec_module(inject)
    options = argparse.Namespace(functions=functions, seed=seed, types="1,2,3", timeout=900.0,
                                 no_jscpd=True, show_missed=False)
    return inject.run_language(inject.LANGS["python"], options)


def report(result: dict) -> str:
    p10 = "n/a (nothing proposed)" if result["precision_at_10"] is None else f"{result['precision_at_10']:.2f}"
    lines = [f"## {result['repo']} (labelled at {result['labelled_commit'][:10]}, scanned {result['scanned_commit'][:10]}; "
             f"homes: {result['homes']})",
             f"candidates {result['candidates']} ({', '.join(f'{k} {v}' for k, v in sorted(result['natures'].items()))}); "
             f"proposed {result['proposed']}",
             f"precision@10 of proposed: {p10}",
             f"recall of labelled real duplicates: {result['recall']:.2f} ({result['real_groups']} groups)"]
    lines += [f"  top {i}. {cid} {name} ×{n} score {score} content {content} → {label} {what}"
              for i, (cid, name, n, score, content, label, what) in enumerate(result["top"], 1)]
    lines += [f"  missed: {what}" for what in result["missed"]]
    lines += [f"  watching {cid} {name} ×{n} score {score} {nature} {content} → {label}"
              for cid, name, n, score, nature, content, label in result.get("watching", [])]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder holding one clone per label file")
    parser.add_argument("--only", action="append", help="a label file's name (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="also list the first N watching")
    parser.add_argument("--inject", action="store_true", help="also the injection recall (Python)")
    parser.add_argument("--functions", type=int, default=40)
    parser.add_argument("--homes", choices=("catch-all", "inferred"), default="catch-all",
                        help="one catch-all routing rule (default), or none: homes inferred, as on a first scan")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="keep the rules and snapshots here (default: a temp dir)")
    args = parser.parse_args(argv)
    names = args.only or sorted(p.stem for p in LABELS.glob("*.yaml"))
    results = []
    with tempfile.TemporaryDirectory(prefix="radar-precision-") as work:
        for name in names:
            results.append(evaluate(name, args.corpus, args.keep or Path(work), args.show, args.homes))
            print(report(results[-1]), flush=True)
    if args.inject:
        rows = injection_recall(args.functions, 1)
        print("## injection recall (bench/inject.py, Python, radar)")
        for language, clone_type, groups, hit, _, count in rows:
            print(f"  type-{clone_type}: {hit / groups:.2f} ({hit}/{groups}, {count} candidates)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
