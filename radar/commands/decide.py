"""`radar decide`: a human verdict recorded where the next scan will read it.

The id is resolved against the latest snapshot (an unknown id is refused), the verdict goes to
decisions.yaml of the rules folder that scan used, and a second verdict for the same id is
refused unless it replaces the first: decisions.yaml never holds two answers to one question.
"""
from __future__ import annotations

from pathlib import Path

from radar.commands import UsageError
from radar.commands.lookup import latest, resolve
from radar.config import append_decision, load_rules


def decide(out: Path, rules: Path | None, wanted: str, verdict: str, reason: str, replace: bool) -> list[str]:
    """Record the verdict; returns what to tell the user (stderr lines)."""
    snapshot = latest(out)
    candidate = resolve(snapshot, wanted)
    cid = candidate["id"]
    used = snapshot.get("rules")
    notes = []
    if rules is None:
        if not used:
            raise UsageError("the latest scan used the built-in rules (no rules folder): pass --rules DIR to "
                             "record decisions there, and the same --rules to the next scan")
        rules = Path(used)
    elif used and Path(used).resolve() != rules.resolve():
        notes.append(f"note: the latest scan read {used}; pass --rules {rules} to the next scan for this to count")
    elif not used:
        notes.append(f"note: the latest scan used the built-in rules; pass --rules {rules} to the next scan")
    earlier = [d for d in (load_rules(rules).decisions if rules.is_dir() else ())
               if d.match.id == cid and not d.match.paths and not d.match.names]
    replacing = None
    if earlier:
        last = earlier[-1]
        if (last.verdict, last.reason) == (verdict, reason):
            return notes + [f"{cid} is already recorded {verdict} in {rules / 'decisions.yaml'}:{last.line}; nothing to do"]
        if not replace:
            raise UsageError(f"{rules / 'decisions.yaml'}:{last.line}: {cid} is already decided {last.verdict} "
                             f"({last.reason}); pass --replace to replace that entry")
        replacing = last.line
    path = append_decision(rules, cid, verdict, reason, replacing=replacing)
    what = "replaced the verdict with" if replacing else "recorded"
    name = f"{candidate.get('unit') or 'unit'} {candidate.get('name') or '?'}"
    return notes + [f"{what} {verdict} for {cid} ({name}, now {candidate['verdict']}) in {path}; "
                    "the next scan applies it"]
