"""The backlog people read: `abstractions.md`, rendered from a snapshot, regenerated whole.

Sections in the contract's order: Last scan, Proposed, Watching, Done, Rejected, Census.
It must read at any size: a summary table opens it, proposed candidates are shown in full,
watching ones are grouped by what blocks them (the near-gate ones first, as short entries; the
long tail as one compact table row each), and nothing on a line changes from pass to pass
unless the candidate did, so a committed backlog's diff shows what moved. Every candidate
still shows its consumers, home, score and `subsystem: path:line` evidence. Text that comes
from scanned code is escaped so a unit name can never become markup.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from radar.outputs.census_md import census_section

__all__ = ["census_section", "escape", "leads", "render"]

NEAR_GATE_ENTRIES = 15  # near-gate candidates shown as short entries; the rest go to the tables
ENTRY_EVIDENCE = 4  # evidence links in a near-gate entry before "+N more"
LISTED_IDS = 10  # ids named in "Changes since the last pass" before "N new" is enough
HISTORY_ROWS = 10  # recent passes in Last scan
SUBSYSTEM_NAMES = 60  # subsystem names in Last scan before "… and N more"
FORKED = 3  # proposals copied across exactly the same consumers that say those packages repeat each other
FORKED_SHOWN = 5  # of those, named in an entry before "and N more"
CRITERIA = ("consumers", "stable", "identical", "size", "intent", "home")
BLOCKER_WORDS = {
    "consumers": "too few consumers", "stable": "not stable yet", "identical": "similar, not identical",
    "size": "too thin", "intent": "copied on purpose", "home": "no natural home",
}
BOILERPLATE = ("boilerplate", "no behaviour", "delegation", "layout", "drawing", "configuration", "wiring", "protocol")  # never proposed: shown apart

GATE_PARAGRAPH = (
    "**AHA gate to reach _Proposed_:** ≥{min_consumers} real consumers (distinct subsystems) · every "
    "instance stable (committed, unchanged for {stable_days}+ days, not in a moving subsystem) · "
    "structurally identical (similarity ≥ {min_similarity}) · at least {min_tokens} tokens · shared logic, "
    "not a shared shape alone · not copied on purpose (most copies marked `Copied from …`) · a natural "
    "home (routing rules). Anything short → _Watching_ (with what is missing) or _Rejected_ (with why). "
    "Detection only: the radar never edits the code it scans."
)
DEFAULT_GATE = {"min_consumers": 3, "stable_days": 7, "min_similarity": 0.9, "min_tokens": 50}


def escape(text: str) -> str:
    """Markdown-inert text: no HTML, no table breaks, no emphasis or link syntax."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#":
        out = out.replace(char, "\\" + char)
    return out


def render(snapshot: dict) -> str:
    return assemble(render_parts(snapshot), snapshot["scan"])


def render_parts(snapshot: dict) -> tuple[str, tuple, str]:
    """The backlog but for what its Last scan section takes from the scan: (the text before that
    section, the section's facts from the rest of the snapshot, the text after it), plain strings
    and numbers (radar/outputs/outcome.py keeps them for passes that publish the same candidates)."""
    gate = {**DEFAULT_GATE, **(snapshot.get("gate") or {})}
    lines = ["# Abstraction Radar — backlog", "", GATE_PARAGRAPH.format(**gate), ""]
    if snapshot.get("repo_kind") == "folder":
        lines += ["_Scanned a plain folder (not git): there is no history, so every instance counts as stable._", ""]
    lines += ["---", ""]
    by_verdict = {v: [c for c in snapshot["candidates"] if c["verdict"] == v]
                  for v in ("proposed", "watching", "done", "rejected")}
    roots = {s["name"]: s["root"] for s in snapshot["subsystems"]}
    watching = _Watching(by_verdict["watching"], gate)
    facts = ([escape(s["name"]) + (" (active)" if s["active"] else "") for s in snapshot["subsystems"]],
             [len(by_verdict[v]) for v in ("proposed", "watching", "done", "rejected")], watching.summary(),
             len(snapshot["census"]), snapshot.get("gate", {}).get("min_tokens", 50))
    body = _entries("Proposed", by_verdict["proposed"], "No candidate clears the gate yet.", roots)
    body += watching.render(roots)
    body += _entries("Done", by_verdict["done"], "Nothing recorded as done.", roots)
    body += _entries("Rejected", by_verdict["rejected"], "Nothing rejected.", roots)
    body += census_section(snapshot["census"])
    return "\n".join(lines), facts, "\n".join(body)


def assemble(parts: tuple[str, tuple, str], scan: dict) -> str:
    """The backlog from render_parts and the pass's scan object."""
    head, facts, body = parts
    return "\n".join([head, *_last_scan(scan, *facts), body]).rstrip() + "\n"


# ---------------------------------------------------------------- Last scan

def _last_scan(scan: dict, names: list[str], counts: list[int], watching: str, census: int,
               min_tokens: int) -> list[str]:
    proposed, watched, done, rejected = counts
    shown = ", ".join(names[:SUBSYSTEM_NAMES]) + (f", … and {len(names) - SUBSYSTEM_NAMES} more"
                                                   if len(names) > SUBSYSTEM_NAMES else "")
    skipped = ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in scan["skipped"].items()
                        if n and reason != "parse_error")
    # a file tree-sitter could not parse whole is read but for the units its errors break
    broken = scan["skipped"].get("parse_error", 0)
    filtered = scan.get("filtered", {})
    kept_out = (f"; kept out by filters: {filtered.get('thin_units', 0)} units under {min_tokens // 2} "
                f"tokens, {filtered.get('idioms', 0)} idiom clusters (more than 2 instances per consumer)") if filtered else ""
    lines = [
        "## Last scan", "",
        f"- **Date:** {scan['finished_at'].replace('T', ' ').replace('Z', ' UTC')} (pass {scan['pass']})",
        f"- **Scanned:** {len(names)} subsystems: {shown or 'none found'}",
        f"- **Read:** {scan.get('files', 0)} files, {scan.get('units', 0)} units"
        + (f"; skipped {skipped}" if skipped else "")
        + (f"; {broken} with parse errors, read but for the units they break" if broken else "") + kept_out,
        f"- **Changes since the last pass:** {_changes(scan)}",
    ]
    lines += [f"- **Warning:** {escape(w)}" for w in scan.get("warnings", [])]
    history = scan.get("history", [])
    streak = _empty_streak(history)
    if streak > 1:
        lines.append(f"- **Empty-pass streak:** {streak} passes in a row (since pass {history[-streak]['pass']}) "
                     "with no new candidate through the gate")
    lines += ["", "| section | candidates | what it holds |", "|---|---:|---|",
              f"| [Proposed](#proposed) | {proposed} | cleared the gate, ranked: shown in full |",
              f"| [Watching](#watching) | {watched} | {watching} |",
              f"| [Done](#done) | {done} | recorded as done |",
              f"| [Rejected](#rejected) | {rejected} | recorded as rejected, with why |",
              f"| [Census](#census) | {census} | recurring names: shape-matches and collisions |"]
    if len(history) > 1:
        lines += ["", "Recent passes:", "", "| pass | finished | subsystems | new | grown | shrunk | gone | proposed | watching | result |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
        for row in reversed(history[-HISTORY_ROWS:]):
            result = "empty pass: no new candidates cleared the gate" if row["empty_pass"] else "new candidates cleared the gate"
            lines.append(f"| {row['pass']} | {row['finished_at']} | {row['subsystems']} | {row['new']} | {row['grown']} | "
                         f"{row['shrunk']} | {row['gone']} | {row['proposed']} | {row['watching']} | {result} |")
    return lines + [""]


def _changes(scan: dict) -> str:
    changes = scan["changes"]
    parts = [_ids(key, changes[key]) for key in ("new", "grown", "shrunk", "gone") if changes.get(key)]
    verdicts = changes.get("verdicts", [])
    if len(verdicts) > LISTED_IDS:
        parts.append(f"{len(verdicts)} verdict changes")
    else:
        parts += [f"{v['id']} {v['from']} → {v['to']}" for v in verdicts]
    if changes.get("subsystems_added"):
        parts.append("subsystems joined: " + ", ".join(map(escape, changes["subsystems_added"])))
    if changes.get("subsystems_removed"):
        parts.append("subsystems left: " + ", ".join(map(escape, changes["subsystems_removed"])))
    verdict = ("scanned {} subsystems, no new candidates cleared the gate" if scan["empty_pass"]
               else "new candidates cleared the gate").format(scan.get("history", [{}])[-1].get("subsystems", "?"))
    if scan.get("pass") == 1 and changes.get("new"):
        verdict = "first pass: every candidate is new"
    return "; ".join(parts + [verdict]) + "."


def _ids(key: str, ids: list[str]) -> str:
    """A few ids are worth naming; hundreds are a count (the snapshot lists them)."""
    return f"{key} {', '.join(ids)}" if len(ids) <= LISTED_IDS else f"{len(ids)} {key}"


def _empty_streak(history: list[dict]) -> int:
    streak = 0
    for row in reversed(history):
        if not row["empty_pass"]:
            break
        streak += 1
    return streak


# ---------------------------------------------------------------- full entries

def _entries(title: str, candidates: list[dict], empty: str, roots: dict[str, str]) -> list[str]:
    lines = [f"## {title}", ""]
    if not candidates:
        return lines + [f"_{empty}_", ""]
    together = _same_files(candidates) if title == "Proposed" else {}
    forked = _same_packages(candidates) if title == "Proposed" else {}
    for position, candidate in enumerate(candidates, 1):
        lines += _entry(position, candidate, roots, together.get(candidate["id"], ()),
                        forked.get(candidate["id"], ())) + [""]
    return lines


def _same_packages(candidates: list[dict]) -> dict[str, list[tuple[int, dict]]]:
    """Per candidate, the others (with their positions) copied across exactly the same
    consumers, where FORKED candidates or more are: those packages repeat each other, often a
    package copied and kept apart (DataX's Doris, SelectDB and StarRocks writers: ten proposals;
    seatunnel's four CDC connectors: fifteen), one piece of work rather than many extractions."""
    groups: dict[frozenset, list[int]] = {}
    for index, candidate in enumerate(candidates):
        groups.setdefault(frozenset(candidate["consumers"]), []).append(index)
    return {candidates[a]["id"]: [(b + 1, candidates[b]) for b in group if b != a]
            for group in groups.values() if len(group) >= FORKED for a in group}


def _same_files(candidates: list[dict]) -> dict[str, list[tuple[int, dict]]]:
    """Per candidate, the others (with their positions) whose copies sit mostly in the same
    files as its own: prefect's `decorators.py`, its `ecs` and its `_validate_include_files_syntax`
    are three candidates and one piece of work."""
    files = [{(i["subsystem"], i["path"]) for i in c["instances"]} for c in candidates]
    together: dict[str, list[tuple[int, dict]]] = {}
    for a, b in combinations(range(len(candidates)), 2):
        shared = len(files[a] & files[b])
        if shared >= 2 and 2 * shared >= max(len(files[a]), len(files[b])):
            together.setdefault(candidates[a]["id"], []).append((b + 1, candidates[b]))
            together.setdefault(candidates[b]["id"], []).append((a + 1, candidates[a]))
    return together


def unit_words(kind: str) -> str:
    return "block in" if kind == "block" else kind  # a block is named after its function


def heading(c: dict) -> str:
    """What the candidate is, in one line: its unit, how many consumers, where it would live."""
    home = escape(c["home"]) if c.get("home") else "no home yet"
    action = f" ({c['action']})" if c.get("action") else ""
    unit = unit_words(c.get("unit") or "unit")
    return f"{c['id']} — {unit} `{_code_span(c.get('name') or '?')}` × {len(c['consumers'])} consumers → {home}{action}"


def _identical_core(c: dict) -> str:
    """`; identical in 8 of 13 consumers…` when the gate passed on the identical ones only."""
    detail = next((g["detail"] for g in c.get("gate", ()) if g["criterion"] == "identical" and g["met"]), "")
    return f"; {escape(detail)}" if detail.startswith("identical in") else ""


def _entry(position: int, c: dict, roots: dict[str, str], together: Sequence[tuple[int, dict]] = (),
           forked: Sequence[tuple[int, dict]] = ()) -> list[str]:
    home = escape(c["home"]) if c["home"] else "no home yet"
    kind = escape(c["kind"]) if c.get("kind") else ""
    lines = [
        f"### {position}. {heading(c)}", "",
        f"- **Consumers ({len(c['consumers'])}):** {', '.join(map(escape, c['consumers']))}",
        f"- **Home:** {home}" + (f" ({kind})" if c.get("kind") else "")
        + (f" — {escape(c['routing']['by'])}" if c.get("routing") else ""),
        f"- **Score:** {c['score']:g}" + (f" — {escape(c['score_breakdown']['explanation'])}" if c.get("score_breakdown") else ""),
        f"- **Shape:** {c.get('unit', 'unit')} `{_code_span(c.get('name', ''))}` ({c.get('language', '?')}), "
        f"{c['tokens']} tokens, similarity {c['similarity']:.2f}"
        + (f", shared content {c['shared_content']:.2f} ({c.get('nature', 'logic')})" if "shared_content" in c else "")
        + _identical_core(c),
    ]
    if c.get("variants"):
        lines.append(f"- **Variants ({len(c['variants'])}):** " + "; ".join(
            f"`{_code_span(v['name'])}` in {', '.join(map(escape, v['consumers']))} (similarity {v['similarity']:.2f})"
            for v in c["variants"]))
    if together:
        lines.append("- **Same files as:** " + ", ".join(
            f"#{at} {other['id']} `{_code_span(other.get('name') or '?')}`" for at, other in together)
            + ": their copies sit in the same files, so one change can take them together")
    if forked:
        shown = ", ".join(f"#{at} `{_code_span(other.get('name') or '?')}`" for at, other in forked[:FORKED_SHOWN])
        more = f" and {len(forked) - FORKED_SHOWN} more" if len(forked) > FORKED_SHOWN else ""
        lines.append(f"- **Same packages as:** {shown}{more}: {len(forked) + 1} proposals are copies across exactly "
                     f"these {len(c['consumers'])} consumers, packages that repeat each other: one shared base "
                     f"(or merging them) may take all {len(forked) + 1}")
    if c.get("action"):
        lines.append(f"- **Action:** {_action(c, home)}")
    if c["verdict"] != "proposed" and c["missing"]:
        lines.append(f"- **Missing:** {'; '.join(map(escape, c['missing']))}")
    if c.get("first_seen_pass"):
        lines.append(f"- **First seen:** pass {c['first_seen_pass']}")
    if c.get("reason"):
        lines.append(f"- **Reason:** {escape(c['reason'])}")
    if c.get("review"):
        lines.append(f"- **Review:** {escape(c['review'])}")
    return lines + _evidence(c, roots, limit=None)


def _evidence(c: dict, roots: dict[str, str], limit: int | None) -> list[str]:
    """One line per instance, none of it moving from pass to pass unless the instance does."""
    shown = c["instances"] if limit is None else c["instances"][:limit]
    lines = ["- **Evidence:**"]
    for i in shown:
        flag = "" if i["stable"] else f" — unstable: {escape(i.get('unstable_because') or 'moving')}"
        where = "in " if i.get("unit") == "block" else ""
        lines.append(f"  - {_link(i, roots)} {where}`{_code_span(i['name'])}` lines {i['start_line']}–{i['end_line']}{flag}")
    if len(shown) < len(c["instances"]):
        lines.append(f"  - … {len(c['instances']) - len(shown)} more: `radar explain {c['id']}`")
    return lines


def _link(instance: dict, roots: dict[str, str]) -> str:
    """`subsystem: [path:line](file)`: the file in its subsystem's checkout, at the line."""
    root = roots.get(instance["subsystem"], "").rstrip("/")
    target = f"file://{root}/{instance['path']}" if root else instance["path"]
    return (f"{escape(instance['subsystem'])}: [{escape(instance['path'])}:{instance['start_line']}]"
            f"(<{target}#L{instance['start_line']}>)")


def _action(c: dict, home: str) -> str:
    helper = (c.get("routing") or {}).get("helper")
    if c["action"] == "extract":
        return f"extract into {home}, then the consumers adopt it"
    if not helper:
        return f"adopt / delegate to {home}: the work belongs to that subsystem's own loop"
    where = f"`{_code_span(helper['name'])}` ({escape(helper['path'])}:{helper['line']})"
    if helper.get("unit") == "block":  # part of a unit: there is nothing to adopt until it is its own
        return f"extract the copy in {where} into a helper of {home}, then the other consumers adopt it"
    hidden = " (private there: made visible to the others first)" if helper.get("private") else ""
    return f"adopt {where} from {home}{hidden}: it already defines this shape"


def _code_span(text: str) -> str:
    return text.replace("`", "'").replace("\n", " ")


# ---------------------------------------------------------------- Watching

def leads(snapshot: dict, count: int = 3) -> tuple[str, list[dict]]:
    """What a pass has to say first: its best proposals, else the watching candidates nearest
    the gate (as the backlog's Near the gate lists them), with the words for which it is."""
    proposed = [c for c in snapshot["candidates"] if c["verdict"] == "proposed"]
    if proposed:
        return "proposed", proposed[:count]
    watching = [c for c in snapshot["candidates"] if c["verdict"] == "watching"]
    return "near the gate", _Watching(watching, {**DEFAULT_GATE, **(snapshot.get("gate") or {})}).near[:count]


class _Watching:
    """Watching candidates sorted by what blocks them: near-gate first, boilerplate last."""

    def __init__(self, candidates: list[dict], gate: dict):
        self.gate = gate
        # without routing rules every candidate lacks a home: one rule fixes that for all, so it
        # does not make every candidate "far" from the gate
        self.homeless = bool(candidates) and all("home" in blockers(c) for c in candidates)
        self.boilerplate = [c for c in candidates if c.get("nature") in BOILERPLATE]
        logic = [c for c in candidates if c.get("nature") not in BOILERPLATE]
        self.near = [c for c in logic if self._near(c)]
        self.rest = [c for c in logic if not self._near(c)]
        self.total = len(candidates)

    def summary(self) -> str:
        parts = [f"{len(self.near)} near the gate (one criterion short)",
                 f"{len(self.rest)} further off, grouped by what blocks them"]
        if self.boilerplate:
            parts.append(f"{len(self.boilerplate)} same shape, different content")
        return "; ".join(parts)

    def render(self, roots: dict[str, str]) -> list[str]:
        lines = ["## Watching", ""]
        if not self.total:
            return lines + ["_Nothing is close to the gate._", ""]
        lines += [f"{self.total} candidates short of the gate. What blocks them (a candidate can miss several):", "",
                  "| blocked by | candidates | the only blocker |", "|---|---:|---:|"]
        for criterion in CRITERIA:
            blocked = [c for c in self.near + self.rest if criterion in blockers(c)]
            alone = sum(blockers(c) == (criterion,) for c in blocked)
            if blocked:
                lines.append(f"| {BLOCKER_WORDS[criterion]} | {len(blocked)} | {alone} |")
        lines.append("")
        if self.homeless:
            lines += ["_No candidate has a home: no routing rule matches any. A rule in routing.yaml (even a "
                      "catch-all `paths: [\"**\"]`) gives them one; until then none can be proposed, and the "
                      "groups below leave the missing home out._", ""]
        lines += self._near_section(roots)
        lines += self._rest_section(roots)
        lines += self._boilerplate_section(roots)
        return lines

    def _near(self, c: dict) -> bool:
        return one_step_short(c, self._blockers(c), self.gate)

    def _blockers(self, c: dict) -> tuple[str, ...]:
        found = blockers(c)
        return tuple(b for b in found if b != "home") or found if self.homeless else found

    def _near_section(self, roots: dict[str, str]) -> list[str]:
        lines = ["### Near the gate", ""]
        if not self.near:
            return lines + ["_No candidate is one small step from the gate._", ""]
        entries, tail = self.near[:NEAR_GATE_ENTRIES], self.near[NEAR_GATE_ENTRIES:]
        for position, c in enumerate(entries, 1):
            lines += [f"#### {position}. {heading(c)}", "",
                      f"- **Missing:** {'; '.join(map(escape, c['missing']))}",
                      f"- **Consumers ({len(c['consumers'])}):** {_names(c['consumers'], 12)}",
                      f"- **Score:** {c['score']:g} · {c['tokens']} tokens · similarity {c['similarity']:.2f}"]
            lines += _evidence(c, roots, ENTRY_EVIDENCE) + [""]
        if tail:
            lines += [f"{len(tail)} more near the gate, ranked:", ""] + _table(tail, roots, len(entries) + 1)
        return lines

    def _rest_section(self, roots: dict[str, str]) -> list[str]:
        lines = ["### Further from the gate, by what blocks them", ""]
        if not self.rest:
            return lines + ["_None._", ""]
        groups: dict[tuple[str, ...], list[dict]] = {}
        for c in self.rest:
            groups.setdefault(self._blockers(c), []).append(c)
        for key, members in sorted(groups.items(), key=lambda item: (len(item[0]), -len(item[1]), item[0])):
            words = " and ".join(BLOCKER_WORDS.get(k, k) for k in key) or "other"
            lines += [f"#### {words[0].upper()}{words[1:]} ({len(members)})", ""] + _table(members, roots, 1)
        return lines

    def _boilerplate_section(self, roots: dict[str, str]) -> list[str]:
        if not self.boilerplate:
            return []
        return ["### Same shape, different content (boilerplate)", "",
                "The units share a structure but not what they do: each copy calls its own names "
                "(boilerplate), only lays out data (no behaviour), hands its work on (delegation), "
                "places its own views (layout: SnapKit's `makeConstraints`), draws its own picture "
                "(drawing: an icon's `moveTo`, `curveTo`), configures a build, test or release tool (configuration), starts its own package for a "
                "framework (wiring: OTP's `_sup.erl`) or implements a value protocol for its "
                "own type's fields (protocol: `equals`, `__eq__`), so there is nothing to extract. "
                "Never proposed.", ""] + _table(self.boilerplate, roots, 1, natures=True)


def one_step_short(c: dict, missing: tuple[str, ...], gate: dict) -> bool:
    """Near the gate (the backlog's section, the dashboard's first view): one criterion short,
    `missing`, and by a little: a third consumer, a few tokens, a routing rule, time."""
    if len(missing) != 1:
        return False
    return {
        "intent": False,  # the team chose the copies: no small step would change that
        "consumers": len(c.get("consumers") or ()) >= gate["min_consumers"] - 1,
        "size": int(c.get("tokens") or 0) >= 0.8 * gate["min_tokens"],
        "identical": float(c.get("similarity") or 0) >= gate["min_similarity"] - 0.05,
    }.get(missing[0], True)


def blockers(c: dict) -> tuple[str, ...]:
    """The gate criteria a candidate fails, from its checklist (or, in older snapshots, its words)."""
    if c.get("gate"):
        return tuple(check["criterion"] for check in c["gate"] if not check["met"])
    words = {"consumers": "consumer", "stable": "stable", "identical": "identical", "size": "thin",
             "home": "home"}
    return tuple(k for k, w in words.items() if any(w in m for m in c.get("missing", [])))


def _table(candidates: list[dict], roots: dict[str, str], first: int, natures: bool = False) -> list[str]:
    """One row per candidate: enough to recognise it, its first instance linked, the rest counted.

    The home column is left out when every row shares one home (the caption says which)."""
    homes = {c.get("home") for c in candidates}
    one_home = len(homes) == 1
    lines = [f"All {len(candidates)} share the home {_home(candidates[0])}.", ""] if one_home and len(candidates) > 1 else []
    lines += ["| # | candidate | consumers | tokens | similarity | score |" + ("" if one_home else " home |") + " evidence |",
              "|---:|---|---|---:|---:|---:|" + ("" if one_home else "---|") + "---|"]
    for position, c in enumerate(candidates, first):
        more = len(c["instances"]) - 1
        evidence = _link(c["instances"][0], roots) + (f" +{more}" if more else "")
        nature = f" ({c.get('nature', 'logic')})" if natures else ""
        lines.append(f"| {position} | {c['id']} {c.get('unit') or 'unit'} `{_code_span(c.get('name') or '?')}`{nature} | "
                     f"{len(c['consumers'])}: {_names(c['consumers'], 2)} | {c['tokens']} | {c['similarity']:.2f} | "
                     f"{c['score']:g} |" + ("" if one_home else f" {_home(c)} |") + f" {evidence} |")
    return lines + [""]


def _home(c: dict) -> str:
    return escape(c["home"]) if c.get("home") else "none yet"


def _names(names: list[str], limit: int) -> str:
    shown = ", ".join(map(escape, names[:limit]))
    return shown + (f" +{len(names) - limit}" if len(names) > limit else "")
