"""Realistic snapshot dicts for the dashboard tests, valid against radar/snapshot.schema.json.

Four passes over a fleet of twelve subsystems. Candidates of every verdict; a harness that
grows from 2 to 5 consumers; a candidate that disappears; a done candidate that grew again
(``review``); census rows of each verdict; and a unit literally named
``<script>alert(1)</script>`` to prove the dashboard escapes scanned text.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

SUBSYSTEMS = ["acl", "auth", "billing", "events", "feed", "flow", "guest", "media", "mod",
              "notify", "search", "store"]
SCRIPT_NAME = "<script>alert(1)</script>"
PASSES = 4


def ts(pass_no: int, minute: int = 0) -> str:
    return f"2026-05-0{pass_no}T10:{minute:02d}:00Z"


# --------------------------------------------------------------------------- code templates

HARNESS = """run_suite() {
  local suite="$1" failed=0
  for t in "$suite"/*.test; do
    if ! {GUEST} "$t" > "$t.out" 2>&1; then
      echo "FAIL $t"
      failed=$((failed + 1))
    fi
  done
  echo "{NAME}: $failed failures"
  return "$failed"
}
"""

APPEND_LOG = """(define (append-log log entry)
  (let ((seq (+ 1 (log-last-seq log))))
    (log-write! log (list seq (now) entry))
    (log-flush! log {FLUSH})
    seq))
"""

RETRY = """def with_retry(fn, attempts={N}, delay=0.5):
    last = None
    for i in range(attempts):
        try:
            return fn()
        except {EXC} as exc:
            last = exc
            time.sleep(delay * (2 ** i))
    raise last
"""

PARSE_QUERY = """(define (parse-query s)
  (map (lambda (kv) (split kv "="))
       (split s "&")))
"""

PAGINATE = """def paginate(items, page, size={SIZE}):
    start = (page - 1) * size
    chunk = items[start:start + size]
    return {"items": chunk, "page": page, "more": start + size < len(items)}
"""

MONEY = """function formatMoney(cents, currency) {
  const value = (cents / 100).toFixed(2);
  return `${value} ${currency}`;
}
"""

SANITIZE = """function sanitize(html) {
  // strips <script> tags before rendering
  return html.replace(/<script[^>]*>.*?<\\/script>/gi, "")
             .replace(/on\\w+="[^"]*"/gi, "");
}
"""

NORMALIZE = """(define (normalize x)
  (string-downcase (string-trim x)))
"""

SNAPSHOT_STORE = """(define (snapshot-save! store key value)
  (let ((path (store-path store key)))
    (write-file-atomic path (serialize value))))
"""

TMP_DIR = """def tmp_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)
"""


def _code(template: str, **subs: str) -> str:
    out = template
    for k, v in subs.items():
        out = out.replace("{" + k + "}", v)
    return out


# --------------------------------------------------------------------------- builders


def _inst(sub: str, path: str, start: int, code: str, name: str, unit: str, language: str,
          *, stable: bool = True, dirty: bool = False, quiet: int = 3, sim: float = 1.0,
          changed: str | None = None) -> dict:
    return {
        "subsystem": sub,
        "path": path,
        "start_line": start,
        "end_line": start + len(code.splitlines()) - 1,
        "name": name,
        "unit": unit,
        "stable": stable,
        "last_change": changed or "2026-04-20T08:00:00Z",
        "dirty": dirty,
        "quiet_passes": quiet,
        "similarity": sim,
        "language": language,
        "code": code,
    }


def _gate(consumers: int, stable: bool, sim: float, home: str | None, *, unstable_detail: str = "") -> list[dict]:
    return [
        {"criterion": "at least 3 consumers", "met": consumers >= 3,
         "detail": f"{consumers} consumers" + ("" if consumers >= 3 else ", needs 3")},
        {"criterion": "stable", "met": stable,
         "detail": "every instance quiet for 7+ days" if stable else unstable_detail},
        {"criterion": "structurally identical", "met": sim >= 0.9,
         "detail": f"similarity {sim:.2f}" + ("" if sim >= 0.9 else " < 0.90: similar, not identical")},
        {"criterion": "natural home", "met": home is not None,
         "detail": f"routes to {home}" if home else "no routing rule matches"},
    ]


def _cand(cid: str, verdict: str, kind: str | None, home: str | None, insts: list[dict], *,
          name: str, unit: str, language: str, tokens: int, sim: float = 1.0, first_seen: int = 1,
          reason: str | None = None, action: str = "extract", review: str | None = None,
          decision: dict | None = None, unstable_detail: str = "") -> dict:
    cons = []
    for i in insts:
        if i["subsystem"] not in cons:
            cons.append(i["subsystem"])
    stable = all(i["stable"] for i in insts)
    gate = _gate(len(cons), stable, sim, home, unstable_detail=unstable_detail)
    missing = [] if verdict in ("proposed",) else [g["detail"] for g in gate if not g["met"]]
    effort = round(tokens / 60, 1)
    risk = round(1.0 + (1.0 - sim) * 10 + (0 if stable else 1.5), 2)
    score = round(len(cons) * effort / risk, 1)
    return {
        "id": cid,
        "verdict": verdict,
        "kind": kind,
        "home": home,
        "action": action,
        "consumers": cons,
        "similarity": sim,
        "tokens": tokens,
        "score": score,
        "missing": missing,
        "reason": reason,
        "review": review,
        "name": name,
        "unit": unit,
        "language": language,
        "first_seen_pass": first_seen,
        "gate": gate,
        "score_breakdown": {
            "consumers": len(cons), "effort": effort, "risk": risk,
            "explanation": f"{len(cons)} consumers × {effort} effort saved ({tokens} tokens) ÷ risk {risk}",
        },
        "routing": ({"kind": kind, "home": home, "rule": 1, "by": "routing.yaml"} if home else None),
        "decision": decision,
        "instances": insts,
    }


def _harness(passno: int) -> dict:
    subs = ["acl", "events", "feed", "mod", "search"][: {1: 2, 2: 3, 3: 4}.get(passno, 5)]
    insts = []
    for k, s in enumerate(subs):
        guest = "sx-guest" if s != "mod" else "sx-guest --strict"
        insts.append(_inst(s, f"lib/{s}/conformance.sh", 16 + k, _code(HARNESS, GUEST=guest, NAME=s),
                           "run_suite", "function", "bash"))
    verdict = "watching" if len(subs) < 3 else "proposed"
    return _cand("C-3f2a9c", verdict, "conformance / test harness", "lib/guest", insts,
                 name="run_suite", unit="function", language="bash", tokens=420, sim=0.97)


def _append_log() -> dict:
    insts = [_inst(s, f"lib/{s}/log.sx", 40 + 3 * k, _code(APPEND_LOG, FLUSH="#t" if s != "flow" else "#f"),
                   "append-log", "define", "sx") for k, s in enumerate(["events", "feed", "flow", "notify"])]
    return _cand("C-a1b2c3", "proposed", "event log", "lib/store", insts, name="append-log",
                 unit="define", language="sx", tokens=180, sim=0.95, first_seen=2)


def _retry() -> dict:
    insts = [_inst(s, f"{s}/net/retry.py", 8, _code(RETRY, N=n, EXC=e), "with_retry", "function", "python")
             for s, n, e in [("auth", "3", "OSError"), ("billing", "5", "OSError"), ("notify", "3", "(OSError, TimeoutError)")]]
    return _cand("C-5e6f70", "proposed", "retry loop", "lib/net", insts, name="with_retry",
                 unit="function", language="python", tokens=150, sim=0.93, first_seen=3, action="adopt")


def _parse_query() -> dict:
    insts = [_inst(s, f"lib/{s}/query.sx", 3, PARSE_QUERY, "parse-query", "define", "sx")
             for s in ["search", "feed"]]
    return _cand("C-7788aa", "watching", "query parsing", "lib/query", insts, name="parse-query",
                 unit="define", language="sx", tokens=90)


def _paginate() -> dict:
    insts = [
        _inst("acl", "acl/http/pages.py", 12, _code(PAGINATE, SIZE="20"), "paginate", "function", "python"),
        _inst("media", "media/api/pages.py", 30, _code(PAGINATE, SIZE="50"), "paginate", "function", "python"),
        _inst("mod", "mod/views/pages.py", 7, _code(PAGINATE, SIZE="20"), "paginate", "function", "python",
              stable=False, dirty=True, quiet=0, changed="2026-05-04T08:00:00Z"),
    ]
    return _cand("C-99bb11", "watching", "pagination", "lib/http", insts, name="paginate", unit="function",
                 language="python", tokens=110, sim=0.96, unstable_detail="mod's copy changed 2 h ago")


def _money() -> dict:
    insts = [_inst(s, f"{s}/ui/money.js", 5, MONEY, "formatMoney", "function", "javascript")
             for s in ["billing", "media", "notify"]]
    return _cand("C-cc22dd", "watching", None, None, insts, name="formatMoney", unit="function",
                 language="javascript", tokens=70)


def _script() -> dict:
    insts = [_inst(s, f"{s}/web/sanitize.js", 11, SANITIZE if s != "flow" else SANITIZE.replace("gi", "g"),
                   SCRIPT_NAME, "function", "javascript", sim=0.82 if s == "flow" else 1.0)
             for s in ["feed", "mod", "flow"]]
    return _cand("C-dd33ee", "watching", "html sanitizer", "lib/web", insts, name=SCRIPT_NAME, unit="function",
                 language="javascript", tokens=95, sim=0.82)


def _normalize() -> dict:
    insts = [_inst(s, f"lib/{s}/normalize.sx", 1, NORMALIZE, "normalize", "define", "sx")
             for s in ["acl", "search", "mod"]]
    reason = "name collision: same noun, domain-specific op"
    return _cand("C-ee44ff", "rejected", "normalization", "lib/text", insts, name="normalize", unit="define",
                 language="sx", tokens=60, reason=reason,
                 decision={"verdict": "rejected", "reason": reason, "match": {"paths": ["**/normalize.sx"]}})


def _snapshot_store(passno: int) -> dict:
    subs = ["events", "flow", "store"] + (["media"] if passno >= 4 else [])
    insts = [_inst(s, f"lib/{s}/snapshot.sx", 20, SNAPSHOT_STORE, "snapshot-save!", "define", "sx") for s in subs]
    review = "grew since marked done: media added a copy; adopt lib/store" if passno >= 4 else None
    return _cand("C-ff5566", "done", "persistence", "lib/store", insts, name="snapshot-save!", unit="define",
                 language="sx", tokens=75, review=review, reason="extracted to lib/store in pass 1",
                 decision={"verdict": "done", "reason": "extracted to lib/store", "match": {"id": "C-ff5566"}})


def _tmp_dir() -> dict:
    insts = [_inst(s, f"{s}/util.py", 2, TMP_DIR, "tmp_dir", "function", "python") for s in ["auth", "store"]]
    return _cand("C-0a0b0c", "watching", "filesystem helper", "lib/fs", insts, name="tmp_dir", unit="function",
                 language="python", tokens=55)


def _census() -> list[dict]:
    return [
        {"name": "conformance.sh", "kind": "file", "owners": ["acl", "events", "feed", "mod", "search"], "count": 5,
         "verdict": "shape-match", "candidates": ["C-3f2a9c"],
         "locations": ["acl: lib/acl/conformance.sh", "events: lib/events/conformance.sh"], "reason": None},
        {"name": "api.sx", "kind": "file", "owners": ["acl", "feed", "flow"], "count": 3, "verdict": "collision",
         "candidates": [], "reason": "same filename, different structure"},
        {"name": "normalize", "kind": "definition", "owners": ["acl", "search", "mod"], "count": 3,
         "verdict": "decided", "candidates": ["C-ee44ff"], "reason": "name collision: same noun, domain-specific op"},
        {"name": "append-log", "kind": "definition", "owners": ["events", "feed", "flow", "notify"], "count": 4,
         "verdict": "shape-match", "candidates": ["C-a1b2c3"]},
        {"name": SCRIPT_NAME, "kind": "definition", "owners": ["feed", "mod", "flow"], "count": 3,
         "verdict": "collision", "candidates": []},
    ]


def _subsystems(passno: int) -> list[dict]:
    rows = []
    for k, s in enumerate(SUBSYSTEMS):
        active = s == "mod"
        rows.append({
            "name": s, "source": "worktree" if k % 3 else "main", "root": f"/srv/fleet/loops/{s}",
            "namespace": f"lib/{s}", "branch": f"loops/{s}", "head": f"{k:02d}e5d7b18c0ffee",
            "files": 5 + k, "units": 20 + 3 * k, "active": active,
            "last_change": "2026-05-04T08:00:00Z" if active else "2026-04-20T08:00:00Z",
            "dirty_files": ["mod/views/pages.py"] if active else [],
            "depends_on": _depends_on(s),
            "dependents": {"store": 9, "guest": 5}.get(s, 0),
        })
    return rows


def _depends_on(name: str) -> list[dict]:
    """Every subsystem but store and guest uses store; the harness users also use guest."""
    deps = []
    if name not in ("store", "guest"):
        deps.append({"subsystem": "store", "files": 2, "evidence": [f"lib/{name}/db.sx:1", f"lib/{name}/log.sx:3"]})
    if name in ("acl", "events", "feed", "mod", "search"):
        deps.append({"subsystem": "guest", "files": 1, "evidence": [f"lib/{name}/conformance.sh:2"]})
    return sorted(deps, key=lambda d: d["subsystem"])


def build_pass(passno: int, previous: dict | None = None) -> dict:
    cands = [_harness(passno), _parse_query(), _paginate(), _money(), _script(), _normalize(),
             _snapshot_store(passno)]
    if passno >= 2:
        cands.append(_append_log())
    if passno >= 3:
        cands.append(_retry())
    if passno <= 2:
        cands.append(_tmp_dir())
    before = {c["id"]: len(c["instances"]) for c in (previous or {}).get("candidates", [])}
    after = {c["id"]: len(c["instances"]) for c in cands}
    changes = {
        "new": sorted(i for i in after if i not in before),
        "grown": sorted(i for i in after if i in before and after[i] > before[i]),
        "shrunk": sorted(i for i in after if i in before and after[i] < before[i]),
        "gone": sorted(i for i in before if i not in after),
    }
    return {
        "schema": 1,
        "tool": {"name": "abstraction-radar", "version": "0.1.0"},
        "repo": "/srv/fleet", "repo_kind": "git", "rules": "/srv/fleet/rules",
        "gate": {"min_consumers": 3, "stable_days": 7, "min_similarity": 0.9, "min_tokens": 50},
        "scan": {
            "started_at": ts(passno, 0), "finished_at": ts(passno, 2), "pass": passno,
            "changes": changes, "empty_pass": not changes["new"] and not changes["grown"],
            "skipped": {"binary": 1, "too_large": 0, "undecodable": 0, "parse_error": passno % 2,
                        "symlink_outside": 0, "unreadable": 0},
            "files": 150, "units": 600,
        },
        "subsystems": _subsystems(passno),
        "candidates": cands,
        "census": _census(),
    }


def build_passes(n: int = PASSES) -> list[dict]:
    snaps: list[dict] = []
    for p in range(1, n + 1):
        snaps.append(build_pass(p, snaps[-1] if snaps else None))
    return snaps


def write_samples(out: Path, n: int = PASSES) -> list[dict]:
    """Write ``<out>/snapshots/<timestamp>.json`` for each pass plus ``latest.json``."""
    folder = Path(out) / "snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    snaps = build_passes(n)
    for s in snaps:
        name = s["scan"]["finished_at"].replace(":", "").replace("-", "") + ".json"
        (folder / name).write_text(json.dumps(s, indent=1), encoding="utf-8")
    (folder / "latest.json").write_text(json.dumps(snaps[-1], indent=1), encoding="utf-8")
    return copy.deepcopy(snaps)


def proposed(snap: dict) -> list[dict]:
    return [c for c in snap["candidates"] if c["verdict"] == "proposed"]


# --------------------------------------------------------------------------- at size

def big_snapshot(candidates: int = 1200, subsystems: int = 180, passno: int = 1, seed: int = 7) -> dict:
    """A snapshot the size of a 180-package repository's first pass: hundreds of two-consumer
    near-misses, a few dozen proposed, boilerplate, long consumer lists. Valid against the schema;
    the gate checklist uses the real criterion names."""
    import random

    rng = random.Random(seed)
    names = [f"svc{k:03d}" for k in range(subsystems)]
    units = ["to_json", "to_dict", "list_tags", "tag_resource", "__init__", "describe", "delete", "paginate"]
    cands = []
    for k in range(candidates):
        width = 2 if rng.random() < 0.6 else rng.choice([3, 3, 3, 4, 4, 5, 7, 12, 46])
        owners = sorted(rng.sample(names, width))
        tokens = rng.choice([28, 30, 35, 38, 44, 48, 52, 60, 90])
        sim = rng.choice([0.8, 0.81, 0.83, 0.84, 0.87, 0.92, 0.97, 1.0])
        nature = "boilerplate" if k % 17 == 0 else "logic"
        checks = [
            {"criterion": "consumers", "met": width >= 3, "detail": f"{width} consumers" + ("" if width >= 3 else ", needs 3")},
            {"criterion": "stable", "met": True, "detail": "every instance committed and quiet for 7+ days"},
            {"criterion": "identical", "met": sim >= 0.9,
             "detail": f"similarity {sim:.2f}" + ("" if sim >= 0.9 else " < 0.90: similar, not identical")},
            {"criterion": "size", "met": tokens >= 50, "detail": f"{tokens} tokens" + ("" if tokens >= 50 else ", needs 50")},
            {"criterion": "home", "met": True, "detail": "home lib/shared"},
        ]
        missing = [c["detail"] for c in checks if not c["met"]]
        if nature == "boilerplate":
            missing.append("same shape, different content: shared vocabulary 0.07 < 0.30")
        verdict = "proposed" if not missing else "watching"
        unit = units[k % len(units)]
        insts = [_inst(o, f"pkg/{o}/models.py", 10 + 7 * j, f"def {unit}(self):\n    return self.{unit}_{j}\n",
                       unit, "method", "python", quiet=passno) for j, o in enumerate(owners)]
        cand = _cand(f"C-{k:06x}", verdict, "shared logic", "lib/shared", insts, name=unit, unit="method",
                     language="python", tokens=tokens, sim=sim)
        cand.update(gate=checks, missing=missing if verdict != "proposed" else [], nature=nature,
                    shared_content=0.07 if nature == "boilerplate" else 0.8)
        cands.append(cand)
    cands.sort(key=lambda c: (c["verdict"] != "proposed", -c["score"]))
    ids = [c["id"] for c in cands]
    snap = build_pass(1)
    snap["scan"].update({"pass": passno, "empty_pass": passno != 1, "files": 1458, "units": 24385,
                         "changes": {"new": ids if passno == 1 else [], "grown": [], "shrunk": [], "gone": []}})
    snap["subsystems"] = [{**_subsystems(1)[0], "name": n, "root": f"/srv/big/pkg/{n}", "namespace": f"pkg/{n}",
                           "active": False} for n in names]
    snap["candidates"] = cands
    snap["census"] = [{"name": "models.py", "kind": "file", "owners": names, "count": len(names),
                       "verdict": "shape-match", "candidates": ids[:300], "locations": []}] + [
        {"name": f"helper_{k}", "kind": "definition", "owners": names[k:k + 3], "count": 3,
         "verdict": "collision", "candidates": [], "locations": []} for k in range(120)]
    return snap
