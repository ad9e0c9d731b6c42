"""The dependency graph between subsystems as text, for `radar census` (markdown).

One line per subsystem that depends on others: whom it references and from how many files.
The same data is in the snapshot (`subsystems[].depends_on`); this only renders it.
"""
from __future__ import annotations

SHOWN = 8  # dependencies listed per subsystem, most referenced first


def dependencies_section(snapshot: dict) -> list[str]:
    subsystems = snapshot.get("subsystems") or []
    rows = [s for s in subsystems if s.get("depends_on")]
    lines = ["## Dependencies", ""]
    if not rows:
        return lines + ["_No subsystem references another (imports, includes, namespaced symbols)._", ""]
    lines += ["Subsystem → the subsystems it references (files that do). References to code outside every "
              "subsystem are left out.", ""]
    for s in sorted(rows, key=lambda s: s["name"]):
        deps = sorted(s["depends_on"], key=lambda d: (-d["files"], d["subsystem"]))
        shown = ", ".join(f"{d['subsystem']} ({d['files']})" for d in deps[:SHOWN])
        more = f", and {len(deps) - SHOWN} more" if len(deps) > SHOWN else ""
        lines.append(f"- **{s['name']}** (depended on by {s.get('dependents', 0)}) → {shown}{more}")
    return lines + [""]
