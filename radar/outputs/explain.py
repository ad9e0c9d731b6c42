"""`radar explain ID`: one candidate from the latest snapshot, in plain text.

The gate checklist with the numbers, the score breakdown, the routing rule that chose the
home (or the references it was inferred from), the decision if any, and every instance as `subsystem: path:line`.
"""
from __future__ import annotations

from radar.outputs.backlog import unit_words


def find_candidate(snapshot: dict, candidate_id: str) -> dict | None:
    for candidate in snapshot["candidates"]:
        if candidate["id"] == candidate_id:
            return candidate
    matches = [c for c in snapshot["candidates"] if c["id"].startswith(candidate_id)]
    return matches[0] if len(matches) == 1 else None


def explain(snapshot: dict, candidate: dict) -> str:
    c = candidate
    lines = [
        f"{c['id']}  {c['verdict'].upper()}  (pass {snapshot['scan']['pass']}, {snapshot['scan']['finished_at']})",
        f"shape: {unit_words(c.get('unit', 'unit'))} {c.get('name', '')!r} ({c.get('language', '?')}), "
        f"{c['tokens']} tokens, similarity {c['similarity']:.2f}"
        + (f", shared content {c['shared_content']:.2f} ({c.get('nature', 'logic')})" if "shared_content" in c else ""),
        f"consumers ({len(c['consumers'])}): {', '.join(c['consumers'])}",
        "",
        "gate:",
    ]
    for check in c.get("gate", []):
        lines.append(f"  [{'x' if check['met'] else ' '}] {check['criterion']:<10} {check['detail']}")
    if c.get("decision"):
        d = c["decision"]
        where = f" (decisions.yaml line {d['line']})" if d.get("line") else ""
        lines += ["", f"decision: {d['verdict']}{where}: {d['reason']}"]
    if c.get("review"):
        lines.append(f"review: {c['review']}")
    routing = c.get("routing") or {}
    lines += ["", f"home: {c['home'] or 'none'}" + (f" ({c['action']})" if c.get("action") else ""),
              f"  chosen by: {routing.get('by', 'unknown')}"]
    if routing.get("helper"):
        helper = routing["helper"]
        where = f"{helper['name']} ({helper['path']}:{helper['line']}), in {helper['subsystem']}"
        if helper.get("unit") == "block":  # part of a unit: made a helper of its own first
            lines.append(f"  extract: the copy in {where}, into a helper the others adopt")
        else:
            hidden = " (private there: made visible to the others first)" if helper.get("private") else ""
            lines.append(f"  adopt: {where}{hidden}")
    if routing.get("inferred") and routing.get("evidence"):
        lines.append("  references to it (one per consumer):")
        lines += [f"    {where}" for where in routing["evidence"]]
    breakdown = c.get("score_breakdown") or {}
    lines += ["", f"score: {c['score']:g}"]
    if breakdown:
        lines.append(f"  = {breakdown['explanation']}")
    lines += ["", "instances:"]
    for i in c["instances"]:
        state = "stable" if i["stable"] else f"unstable: {i.get('unstable_because') or 'moving'}"
        lines.append(f"  {i['subsystem']}: {i['path']}:{i['start_line']}  ({i['name']}, lines "
                     f"{i['start_line']}-{i['end_line']}, similarity {i.get('similarity', 1):.2f}"
                     + (f", shared content {i['shared_content']:.2f}" if "shared_content" in i else "") + f", {state})")
    for v in c.get("variants", []):
        lines.append(f"  variant {v['name']} (similarity {v['similarity']:.2f}): "
                     + ", ".join(f"{i['subsystem']}: {i['path']}:{i['start_line']}" for i in v["instances"]))
    return "\n".join(lines) + "\n"
