"""The backlog people read: `abstractions.md`, rendered from a snapshot, regenerated whole.

Sections in the contract's order: Last scan, Proposed, Watching, Done, Rejected, Census.
Every candidate shows consumers, home, score and `subsystem: path:line` evidence. Text that
comes from scanned code is escaped so a unit name can never become markup.
"""
from __future__ import annotations


CENSUS_DEFINITIONS_SHOWN = 40

GATE_PARAGRAPH = (
    "**AHA gate to reach _Proposed_:** ≥{min_consumers} real consumers (distinct subsystems) · every "
    "instance stable (committed, unchanged for {stable_days}+ days, not in a moving subsystem) · "
    "structurally identical (similarity ≥ {min_similarity}) · at least {min_tokens} tokens · a natural "
    "home (routing rules). Anything short → _Watching_ (with what is missing) or _Rejected_ (with why). "
    "Detection only: the radar never edits the code it scans."
)


def escape(text: str) -> str:
    """Markdown-inert text: no HTML, no table breaks, no emphasis or link syntax."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#":
        out = out.replace(char, "\\" + char)
    return out


def render(snapshot: dict) -> str:
    gate = snapshot.get("gate") or {"min_consumers": 3, "stable_days": 7, "min_similarity": 0.9, "min_tokens": 50}
    lines = ["# Abstraction Radar — backlog", "", GATE_PARAGRAPH.format(**gate), ""]
    if snapshot.get("repo_kind") == "folder":
        lines += ["_Scanned a plain folder (not git): there is no history, so every instance counts as stable._", ""]
    lines += ["---", ""]
    lines += _last_scan(snapshot)
    by_verdict = {v: [c for c in snapshot["candidates"] if c["verdict"] == v]
                  for v in ("proposed", "watching", "done", "rejected")}
    roots = {s["name"]: s["root"] for s in snapshot["subsystems"]}
    lines += _section("Proposed", by_verdict["proposed"], "No candidate clears the gate yet.", roots)
    lines += _section("Watching", by_verdict["watching"], "Nothing is close to the gate.", roots)
    lines += _section("Done", by_verdict["done"], "Nothing recorded as done.", roots)
    lines += _section("Rejected", by_verdict["rejected"], "Nothing rejected.", roots)
    lines += census_section(snapshot["census"])
    return "\n".join(lines).rstrip() + "\n"


def _last_scan(snapshot: dict) -> list[str]:
    scan = snapshot["scan"]
    subsystems = snapshot["subsystems"]
    names = ", ".join(escape(s["name"]) + (" (active)" if s["active"] else "") for s in subsystems)
    skipped = ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in scan["skipped"].items() if n)
    filtered = scan.get("filtered", {})
    kept_out = (f"; kept out by filters: {filtered.get('thin_units', 0)} units under {snapshot.get('gate', {}).get('min_tokens', 50) // 2} "
                f"tokens, {filtered.get('idioms', 0)} idiom clusters (more than 2 instances per consumer)") if filtered else ""
    lines = [
        "## Last scan", "",
        f"- **Date:** {scan['finished_at'].replace('T', ' ').replace('Z', ' UTC')} (pass {scan['pass']})",
        f"- **Scanned:** {len(subsystems)} subsystems: {names or 'none found'}",
        f"- **Read:** {scan.get('files', 0)} files, {scan.get('units', 0)} units"
        + (f"; skipped {skipped}" if skipped else "") + kept_out,
        f"- **Changes since the last pass:** {_changes(scan)}",
    ]
    lines += [f"- **Warning:** {escape(w)}" for w in scan.get("warnings", [])]
    history = scan.get("history", [])
    streak = _empty_streak(history)
    if streak > 1:
        lines.append(f"- **Empty-pass streak:** {streak} passes in a row (since pass {history[-streak]['pass']}) "
                     "with no new candidate through the gate")
    if len(history) > 1:
        lines += ["", "Recent passes:", "", "| pass | finished | subsystems | new | grown | shrunk | gone | proposed | watching | result |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
        for row in reversed(history):
            result = "empty pass: no new candidates cleared the gate" if row["empty_pass"] else "new candidates cleared the gate"
            lines.append(f"| {row['pass']} | {row['finished_at']} | {row['subsystems']} | {row['new']} | {row['grown']} | "
                         f"{row['shrunk']} | {row['gone']} | {row['proposed']} | {row['watching']} | {result} |")
    return lines + [""]


def _changes(scan: dict) -> str:
    changes = scan["changes"]
    parts = [f"{key} {', '.join(changes[key])}" for key in ("new", "grown", "shrunk", "gone") if changes.get(key)]
    parts += [f"{v['id']} {v['from']} → {v['to']}" for v in changes.get("verdicts", [])]
    if changes.get("subsystems_added"):
        parts.append("subsystems joined: " + ", ".join(map(escape, changes["subsystems_added"])))
    if changes.get("subsystems_removed"):
        parts.append("subsystems left: " + ", ".join(map(escape, changes["subsystems_removed"])))
    verdict = ("scanned {} subsystems, no new candidates cleared the gate" if scan["empty_pass"]
               else "new candidates cleared the gate").format(scan.get("history", [{}])[-1].get("subsystems", "?"))
    return "; ".join(parts + [verdict]) + "."


def _empty_streak(history: list[dict]) -> int:
    streak = 0
    for row in reversed(history):
        if not row["empty_pass"]:
            break
        streak += 1
    return streak


def _section(title: str, candidates: list[dict], empty: str, roots: dict[str, str]) -> list[str]:
    lines = [f"## {title}", ""]
    if not candidates:
        return lines + [f"_{empty}_", ""]
    for position, candidate in enumerate(candidates, 1):
        lines += _candidate(position, candidate, roots) + [""]
    return lines


def _candidate(position: int, c: dict, roots: dict[str, str]) -> list[str]:
    home = escape(c["home"]) if c["home"] else "no home yet"
    action = f" ({c['action']})" if c.get("action") else ""
    kind = escape(c["kind"]) if c.get("kind") else "unrouted shape"
    lines = [
        f"### {position}. {c['id']} — {kind} → {home}{action}", "",
        f"- **Consumers ({len(c['consumers'])}):** {', '.join(map(escape, c['consumers']))}",
        f"- **Home:** {home}" + (f" — {escape(c['routing']['by'])}" if c.get("routing") else ""),
        f"- **Score:** {c['score']:g}" + (f" — {escape(c['score_breakdown']['explanation'])}" if c.get("score_breakdown") else ""),
        f"- **Shape:** {c.get('unit', 'unit')} `{_code_span(c.get('name', ''))}` ({c.get('language', '?')}), "
        f"{c['tokens']} tokens, similarity {c['similarity']:.2f}",
    ]
    helper = (c.get("routing") or {}).get("helper")
    if c.get("action") == "adopt" and helper:
        lines.append(f"- **Action:** adopt `{_code_span(helper['name'])}` ({escape(helper['path'])}:{helper['line']}) "
                     f"from {home}: it already defines this shape")
    elif c.get("action") == "adopt":
        lines.append(f"- **Action:** adopt / delegate to {home}: the work belongs to that subsystem's own loop")
    elif c.get("action") == "extract":
        lines.append(f"- **Action:** extract into {home}, then the consumers adopt it")
    if c["verdict"] != "proposed" and c["missing"]:
        lines.append(f"- **Missing:** {'; '.join(map(escape, c['missing']))}")
    if c.get("first_seen_pass"):
        lines.append(f"- **First seen:** pass {c['first_seen_pass']}")
    if c.get("reason"):
        lines.append(f"- **Reason:** {escape(c['reason'])}")
    if c.get("review"):
        lines.append(f"- **Review:** {escape(c['review'])}")
    lines.append("- **Evidence:**")
    for i in c["instances"]:
        flag = "" if i["stable"] else f" — unstable: {escape(i.get('unstable_because') or 'moving')}"
        if i.get("quiet_passes"):
            flag += f" — same shape for {i['quiet_passes']} pass{'es' if i['quiet_passes'] > 1 else ''}"
        lines.append(f"  - {escape(i['subsystem'])}: [{escape(i['path'])}:{i['start_line']}]"
                     f"(<{_link(i, roots)}>) `{_code_span(i['name'])}` lines {i['start_line']}–{i['end_line']}{flag}")
    return lines


def _link(instance: dict, roots: dict[str, str]) -> str:
    """The file in its subsystem's checkout, at the line: editors and terminals open these."""
    root = roots.get(instance["subsystem"], "").rstrip("/")
    return f"file://{root}/{instance['path']}#L{instance['start_line']}" if root else f"{instance['path']}#L{instance['start_line']}"


def _code_span(text: str) -> str:
    return text.replace("`", "'").replace("\n", " ")


def census_section(rows: list[dict]) -> list[str]:
    lines = ["## Census", "",
             "Names that recur across subsystems' own namespaces: _shape-match_ when the units cluster, "
             "_collision_ when only the name is shared, _decided_ when a decision covers it.", ""]
    files = [r for r in rows if r["kind"] == "file"]
    definitions = [r for r in rows if r["kind"] == "definition"]
    for title, chosen in (("File names", files), ("Definition names", definitions[:CENSUS_DEFINITIONS_SHOWN])):
        lines += [f"### {title}", ""]
        if not chosen:
            lines += ["_No recurrence._", ""]
            continue
        lines += ["| name | owners | count | verdict | candidates |", "|---|---|---:|---|---|"]
        for r in chosen:
            lines.append(f"| {escape(r['name'])} | {', '.join(map(escape, r['owners']))} | {r['count']} | "
                         f"{r['verdict']} | {', '.join(r['candidates']) or '—'} |")
        lines.append("")
    if len(definitions) > CENSUS_DEFINITIONS_SHOWN:
        lines += [f"_{len(definitions) - CENSUS_DEFINITIONS_SHOWN} more recurring definition names: "
                  "`radar census` lists them all._", ""]
    return lines


