"""SARIF 2.1.0 export of a snapshot: one result per instance of each candidate exported.

By default only proposed candidates (a code-scanning UI is for what to act on); more verdicts
on request.

Code-scanning UIs show each instance at its location, with the candidate's verdict, home and
the other instances as related locations.
"""
from __future__ import annotations

from radar import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"proposed": "warning", "watching": "note", "done": "none", "rejected": "none"}


def to_sarif(snapshot: dict, verdicts: tuple[str, ...] = ("proposed",)) -> dict:
    rules = [
        {"id": f"radar/{verdict}", "name": f"Abstraction{verdict.title()}",
         "shortDescription": {"text": f"Repeated shape, {verdict} by the AHA gate"},
         "defaultConfiguration": {"level": LEVELS[verdict]}}
        for verdict in ("proposed", "watching", "done", "rejected")
    ]
    results = [
        _result(candidate, index, snapshot)
        for candidate in snapshot["candidates"] if candidate["verdict"] in verdicts
        for index in range(len(candidate["instances"]))
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "abstraction-radar", "version": __version__, "rules": rules}},
            "originalUriBaseIds": {
                s["name"]: {"uri": "file://" + s["root"].rstrip("/") + "/"} for s in snapshot["subsystems"]},
            "results": results,
        }],
    }


def _location(instance: dict, index: int | None = None) -> dict:
    location = {"physicalLocation": {
        "artifactLocation": {"uri": instance["path"], "uriBaseId": instance["subsystem"]},
        "region": {"startLine": instance["start_line"], "endLine": instance["end_line"]},
    }}
    if index is not None:
        location["id"] = index
        location["message"] = {"text": f"{instance['subsystem']}: {instance['path']}:{instance['start_line']}"}
    return location


def _result(candidate: dict, index: int, snapshot: dict) -> dict:
    instance = candidate["instances"][index]
    home = candidate["home"] or "no home yet"
    missing = f" Missing: {'; '.join(candidate['missing'])}." if candidate["missing"] else ""
    text = (f"{candidate['id']} ({candidate['verdict']}): {candidate.get('unit', 'unit')} "
            f"'{instance['name']}' repeats in {len(candidate['consumers'])} subsystems "
            f"({', '.join(candidate['consumers'])}); home: {home}; score {candidate['score']:g}.{missing}")
    return {
        "ruleId": f"radar/{candidate['verdict']}",
        "level": LEVELS[candidate["verdict"]],
        "message": {"text": text},
        "locations": [_location(instance)],
        "relatedLocations": [_location(other, n) for n, other in enumerate(candidate["instances"]) if n != index],
        "partialFingerprints": {"radarCandidate/v1": candidate["id"],
                                "radarInstance/v1": f"{instance['subsystem']}:{instance['path']}:{instance['name']}"},
        "properties": {"candidate": candidate["id"], "home": candidate["home"], "score": candidate["score"],
                       "consumers": candidate["consumers"], "pass": snapshot["scan"]["pass"]},
    }
