"""The census as markdown: the backlog's Census section and `radar census`'s default output.

The backlog shows the file names and the most frequent definition names, each row's owners
capped, and says how to list the rest; `radar census` prints every row in full.
"""
from __future__ import annotations

CENSUS_DEFINITIONS_SHOWN = 40  # definition names in the backlog; `radar census` lists them all
OWNERS_SHOWN = 12  # owners per row in the backlog
CANDIDATES_SHOWN = 6  # candidate ids per row in the backlog


def census_section(rows: list[dict], everything: bool = False, more_hint: str = "`radar census --out DIR`") -> list[str]:
    """The Census section; `everything` lists every row with every owner (for `radar census`)."""
    from radar.outputs.backlog import escape

    lines = ["## Census", "",
             "Names that recur across subsystems' own namespaces: _shape-match_ when the units cluster, "
             "_collision_ when only the name is shared, _decided_ when a decision covers it.", ""]
    files = [r for r in rows if r["kind"] == "file"]
    definitions = [r for r in rows if r["kind"] == "definition"]
    shown_definitions = definitions if everything else definitions[:CENSUS_DEFINITIONS_SHOWN]
    owners_shown = None if everything else OWNERS_SHOWN
    for title, chosen in (("File names", files), ("Definition names", shown_definitions)):
        lines += [f"### {title}", ""]
        if not chosen:
            lines += ["_No recurrence._", ""]
            continue
        lines += ["| name | owners | count | verdict | candidates |", "|---|---|---:|---|---|"]
        for r in chosen:
            owners = r["owners"] if owners_shown is None else r["owners"][:owners_shown]
            extra = len(r["owners"]) - len(owners)
            ids = r["candidates"] if everything else r["candidates"][:CANDIDATES_SHOWN]
            more_ids = f" +{len(r['candidates']) - len(ids)} more" if len(ids) < len(r["candidates"]) else ""
            lines.append(f"| {escape(r['name'])} | {', '.join(map(escape, owners))}{f' +{extra} more' if extra else ''} | "
                         f"{r['count']} | {r['verdict']} | {', '.join(ids) + more_ids or '—'} |")
        lines.append("")
    hidden = len(definitions) - len(shown_definitions)
    if hidden:
        lines += [f"_{hidden} more recurring definition names, and every owner: {more_hint} lists them all "
                  "(`--format csv` or `json` for a spreadsheet or a script)._", ""]
    return lines
