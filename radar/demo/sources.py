"""Source templates and word pools for the fixture fleet (demo/fleet.py). Data only.

Templates use `{{name}}` placeholders (never single braces: `.sx` maps and Bash expansions
use those). `{{p}}` is the subsystem's identifier prefix (`acl/` or `acl-`), `{{sub}}` its
name; every other placeholder is a literal, a renamed identifier, a comment or a layout
choice filled per copy by the generator.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------------------
# 1. conformance harness (Bash): `run_suite` + a top-level loop; home lib/guest
CONFORMANCE_SH = """\
#!/usr/bin/env bash
{{header}}
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SX_BIN="${SX_BIN:-$ROOT/bin/sx}"
{{SUITES}}="$ROOT/lib/{{sub}}/tests"
{{BOARD}}="$ROOT/lib/{{sub}}/scoreboard.json"
TIMEOUT={{timeout}}

{{pass}}=0
{{fail}}=0
{{failed}}=()

run_suite() {
  local suite="$1"
  local name
  name="$(basename "$suite" .sx)"
  local out
  if ! out="$(timeout "$TIMEOUT" "$SX_BIN" --load "$ROOT/lib/{{sub}}/{{entry}}" --run "$suite" 2>&1)"; then
    echo "{{crash}} $name" >&2
    {{fail}}=$(({{fail}} + 1))
    {{failed}}+=("$name")
    return 0
  fi
  local p f
  p="$(printf '%s\\n' "$out" | grep -c '^PASS ' || true)"
  f="$(printf '%s\\n' "$out" | grep -c '^FAIL ' || true)"
  {{pass}}=$(({{pass}} + p))
  {{fail}}=$(({{fail}} + f))
  if [ "$f" -gt 0 ]; then
    {{failed}}+=("$name")
  fi
  printf '{{rowfmt}}' "$name" "$p" "$f"
}
{{gap}}
if [ "$#" -gt 0 ]; then
  suites=("$@")
else
  suites=("${{SUITES}}"/*.sx)
fi

for suite in "${suites[@]}"; do
  run_suite "$suite"
done

printf '{"subsystem": "%s", "pass": %d, "fail": %d}\\n' "{{sub}}" "${{pass}}" "${{fail}}" > "${{BOARD}}"
echo "{{sub}}: ${{pass}} passed, ${{fail}} failed"
[ "${{fail}}" -eq 0 ]
"""
CONFORMANCE_HEADERS = (
    "# Conformance runner for lib/{{sub}}: loads every suite, tallies pass/fail and\n"
    "# writes the scoreboard.  Usage: bash lib/{{sub}}/conformance.sh [suite.sx ...]",
    "# {{sub}} conformance: run each tests/*.sx suite under the sx binary and count\n"
    "# PASS/FAIL lines.  Exit status is non-zero when anything failed.",
    "# Scoreboard driver for {{sub}} (copied from the feed loop, adapted).",
)
CONFORMANCE_NAMES = (  # (SUITES, BOARD, pass, fail, failed): one consistent renaming per copy
    ("SUITE_DIR", "BOARD", "pass", "fail", "failed_suites"),
    ("TEST_DIR", "SCOREBOARD", "passed", "failed", "broken"),
    ("SUITES_DIR", "BOARD_FILE", "n_pass", "n_fail", "failing"),
    ("TESTS", "OUT_JSON", "ok", "ko", "bad_suites"),
    ("SUITE_ROOT", "RESULT", "total_pass", "total_fail", "red"),
    ("CASES_DIR", "SCORE_FILE", "good", "bad", "failures"),
)

# ---------------------------------------------------------------------------------------
# 2. pagination: offset/limit window + cursor; home lib/feed
PAGE_SX = """\
{{header}}

(define {{p}}default-limit {{limit}})

(define ({{p}}page items offset limit)
  (let ((lim (if (nil? limit) {{p}}default-limit (min limit {{cap}}))))
    {:items (take lim (drop offset items))
     :offset offset
     :limit lim
     :total (length items)
     :more (< (+ offset lim) (length items))}))

(define ({{p}}cursor-after items cursor limit)
  ;; items are newest first; the cursor is the {{at}} of the last item seen
  (let ((tail (if (nil? cursor)
                  items
                  (drop-while (fn (it) (>= (get it {{at}}) cursor)) items))))
    (let ((window (take limit tail)))
      {:items window
       :next (if (empty? window) nil (get (last window) {{at}}))})))
"""
PAGE_HEADERS = (
    ";; Offset/limit windows and a resumable cursor over the {{sub}} stream.",
    ";; {{sub}} pagination.\n;; page = plain window; cursor-after = keyset paging on a timestamp.",
)

# ---------------------------------------------------------------------------------------
# 3. event log: append-only, monotonic seq, replay-to; home lib/persist
EVENT_LOG_SX = """\
{{header}}

(define {{p}}{{stem}}-log (list))
(define {{p}}{{stem}}-seq 0)
(define {{p}}{{stem}}-capacity {{capacity}})

(define ({{p}}append! kind payload)
  (set! {{p}}{{stem}}-seq (+ {{p}}{{stem}}-seq 1))
  (let ((entry {:seq {{p}}{{stem}}-seq :kind kind :payload payload :origin "{{sub}}"}))
    (set! {{p}}{{stem}}-log (append {{p}}{{stem}}-log (list entry)))
    entry))

(define ({{p}}last-seq) {{p}}{{stem}}-seq)

(define ({{p}}count) (length {{p}}{{stem}}-log))

(define ({{p}}read-from from)
  (filter (fn (e) (>= (get e :seq) from)) {{p}}{{stem}}-log))

(define ({{p}}replay-to seq step init)
  ;; fold the entries with seq <= target, oldest first
  (reduce (fn (acc e)
            (if (<= (get e :seq) seq)
                (step acc e)
                acc))
          init
          {{p}}{{stem}}-log))

(define ({{p}}reset!)
  (set! {{p}}{{stem}}-log (list))
  (set! {{p}}{{stem}}-seq 0))
"""
EVENT_LOG_HEADERS = (
    ";; {{sub}} {{stem}} log: append-only, monotonic seq, no wall clock.\n"
    ";; Readers replay up to a seq; nothing is ever rewritten.",
    ";; Append-only {{stem}} log for {{sub}}.\n;; seq is the only clock: deterministic and testable.",
    ";; {{stem}}: every decision is appended here with the next seq.",
)
EVENT_LOG_STEMS = ("audit", "ledger", "journal", "decision", "history")

# 3b. outbox with one dirty copy; home lib/fed-sx
OUTBOX_SX = """\
{{header}}

(define {{p}}outbox (list))
(define {{p}}next-id {{first_id}})

(define ({{p}}enqueue! dest activity)
  (let ((msg {:id {{p}}next-id :dest dest :body activity :tries 0}))
    (set! {{p}}next-id (+ {{p}}next-id 1))
    (set! {{p}}outbox (append {{p}}outbox (list msg)))
    (get msg :id)))

(define ({{p}}pending)
  (filter (fn (m) (< (get m :tries) {{max_tries}})) {{p}}outbox))

(define ({{p}}ack! id)
  (set! {{p}}outbox (filter (fn (m) (not (= (get m :id) id))) {{p}}outbox)))

(define ({{p}}bump m)
  (assoc m :tries (+ (get m :tries) 1)))

(define ({{p}}drain! send-fn)
  ;; deliver oldest first; a failed send stays queued with one more try
  (for-each
    (fn (m)
      (if (send-fn (get m :dest) (get m :body))
          ({{p}}ack! (get m :id))
          (set! {{p}}outbox
                (map (fn (x) (if (= (get x :id) (get m :id)) ({{p}}bump x) x))
                     {{p}}outbox))))
    ({{p}}pending)))
"""
OUTBOX_HEADERS = (
    ";; {{sub}} outbox: queue outgoing activities until the transport acks them.",
    ";; Outbox ({{sub}}).  The real transport is fed-sx's job; send-fn is injected.",
)

# 4. thin one-liner, appended to an ordinary module
# Too thin to extract: a one-liner (under min_tokens / 2: never even clusters) and a small
# helper (over it, under min_tokens: a cluster the gate keeps watching, "too thin").
THIN_SX = """
(define (identity x) x)

(define (clamp lo hi x)
  (cond ((< x lo) lo)
        ((> x hi) hi)
        (else x)))
"""

# 5. retry with backoff: stable, 3+ consumers, no routing rule matches
RETRY_SX = """\
{{header}}

(define {{p}}max-attempts {{attempts}})
(define {{p}}base-delay-ms {{base}})

(define ({{p}}backoff-delay attempt)
  (min {{cap}} (* {{p}}base-delay-ms (expt 2 (- attempt 1)))))

(define ({{p}}retryable? err)
  (contains? (list {{codes}}) (get err :code)))

(define ({{p}}retry-step thunk sleep! attempt)
  (let ((result (try-call thunk)))
    (cond
      ((get result :ok) result)
      ((not ({{p}}retryable? (get result :error))) result)
      ((>= attempt {{p}}max-attempts)
       {:ok false :error (get result :error) :attempts attempt})
      (else
       (do
         (sleep! ({{p}}backoff-delay attempt))
         ({{p}}retry-step thunk sleep! (+ attempt 1)))))))

(define ({{p}}with-retry thunk sleep!)
  ({{p}}retry-step thunk sleep! 1))
"""
RETRY_HEADERS = (
    ";; Retry with exponential backoff.  sleep! is injected so tests never wait.",
    ";; {{sub}}: retry flaky calls; delay doubles per attempt, capped.",
)
RETRY_CODES = ('"timeout" "unavailable" "reset"', '"busy" "timeout" "conflict"',
               '"unreachable" "timeout" "throttled"', '"eagain" "etimedout" "econnreset"')

# 6. normalize.sx: stable, 3+ consumers, rejected by a decision
NORMALIZE_SX = """\
{{header}}

(define {{p}}required-fields (list {{fields}}))

(define ({{p}}trim-value v)
  (if (string? v) (trim v) v))

(define ({{p}}fill-defaults rec)
  (reduce (fn (acc k)
            (if (has-key? acc k) acc (assoc acc k {{default}})))
          rec
          {{p}}required-fields))

(define ({{p}}drop-nils rec)
  (into {} (filter (fn (kv) (not (nil? (second kv)))) (entries rec))))

(define ({{p}}normalize rec)
  (let ((trimmed (map-values {{p}}trim-value rec)))
    (assoc ({{p}}fill-defaults ({{p}}drop-nils trimmed))
           {{kindkey}} (lower (str (get trimmed {{kindkey}} "{{kind}}"))))))
"""
NORMALIZE_HEADERS = (
    ";; Normalize incoming {{sub}} records before they reach the store.",
    ";; {{sub}} record coercion: trim, drop nils, fill required fields.",
)
NORMALIZE_FIELDS = (":id :kind :at", ":id :actor :ts", ":uid :type :created", ":key :verb :when")
NORMALIZE_DEFAULTS = ('""', '"unknown"', '"-"', '"n/a"')

# 9. per-viewer visibility filter, near-miss copies; home lib/acl
VISIBILITY_SX = """\
{{header}}

(define ({{p}}owner? viewer item)
  (= (get item {{owner}}) (get viewer :id)))

(define ({{p}}blocked? viewer item)
  (contains? (get viewer :blocked (list)) (get item {{owner}})))

(define ({{p}}visible? viewer item permit?)
  (cond
    (({{p}}owner? viewer item) true){{deleted_clause}}
    (({{p}}blocked? viewer item) false)
    ((= (get item :audience) :public) true){{private_clause}}
    ((= (get item :audience) :followers)
     (contains? (get viewer :following{{following_default}}) (get item {{owner}})))
    (else (permit? viewer {{action}} item))))

(define ({{p}}visible-to viewer items permit?)
  (filter (fn (item) ({{p}}visible? viewer item permit?)) items))

(define ({{p}}redact viewer item)
  (if ({{p}}owner? viewer item)
      item
      (dissoc item {{redacted}})))
"""
VISIBILITY_HEADERS = (
    ";; Per-viewer visibility: what may a viewer see of a {{sub}} listing.\n"
    ";; The permission question itself is delegated (permit? is injected).",
    ";; {{sub}} read filter.  Owner sees all; blocked sees nothing; else audience rules.",
    ";; visibility for {{sub}} items (viewer-relative)",
)
# near-miss edits: every copy but the first changes one form. Each edit only uses
# identifiers that already occurred earlier in the module, so a renaming by first occurrence
# does not shift every later identifier.
VISIBILITY_BASE = {
    "following_default": " (list)",
    "deleted_clause": "",
    "private_clause": "",
    "redacted": ":draft-notes :internal",
}
VISIBILITY_EDITS = (
    ("deleted_clause", "\n    ((get item :deleted) false)"),
    ("private_clause", "\n    ((= (get item :audience) :private) false)"),
    ("redacted", ":internal"),
    ("following_default", ""),
)

# 8. merged-only modules (one artifact each, checked out in every worktree)
SNAPSHOT_SX = """\
;; persist snapshot facet: checkpoint a projection as {:value :seq} in the kv store.
;; The headline property: snapshot + tail == full replay (pure, clock-free).

(define (persist/snapshot-key stream name)
  (str "snap:" stream ":" name))

(define (persist/snapshot-save! b stream name value seq)
  (persist/kv-put b (persist/snapshot-key stream name) {:value value :seq seq}))

(define (persist/snapshot-load b stream name)
  (if (persist/kv-has? b (persist/snapshot-key stream name))
      (persist/kv-get b (persist/snapshot-key stream name))
      {:value nil :seq 0}))

(define (persist/snapshot-fold b stream name step init)
  ;; resume from the checkpoint, then fold only the tail
  (let ((snap (persist/snapshot-load b stream name)))
    (reduce step
            (if (nil? (get snap :value)) init (get snap :value))
            (persist/read-from b stream (+ (get snap :seq) 1)))))
"""
MIDDLEWARE_SX = """\
;; host middleware: wrap a handler with request ids, timing and error capture.

(define (host/wrap-request-id handler)
  (fn (req)
    (let ((rid (or (get-in req (list :headers "x-request-id")) (host/new-id))))
      (assoc-in (handler (assoc req :request-id rid))
                (list :headers "x-request-id")
                rid))))

(define (host/wrap-errors handler)
  (fn (req)
    (let ((res (try-call (fn () (handler req)))))
      (if (get res :ok)
          (get res :value)
          {:status 500 :headers {} :body (str "internal error: " (get res :error))}))))

(define (host/wrap-timing handler clock)
  (fn (req)
    (let ((t0 (clock)))
      (let ((res (handler req)))
        (assoc-in res (list :headers "server-timing") (str "app;dur=" (- (clock) t0)))))))

(define (host/stack handler clock)
  (host/wrap-request-id (host/wrap-errors (host/wrap-timing handler clock))))
"""

# ---------------------------------------------------------------------------------------
# Rules for the fleet
RADAR_YAML = """\
# Rules for the fixture fleet (generated by radar.demo.fleet).
fleet:
  worktree_namespace: "lib/{name}"
  main_namespaces: ["lib/*"]
  subsystems: []
  exclude: ["**/node_modules/**", "**/vendor/**"]
languages:
  ".sx": clojure
gate:
  min_consumers: 3
  stable_days: 7
  min_similarity: 0.9
  min_tokens: 50
"""
ROUTING_YAML = """\
# Ordered: the first rule that matches a cluster names its home.
- kind: conformance / test harness
  home: lib/guest
  match:
    paths: ["**/conformance.sh", "**/test-runner.*", "**/test-harness.*"]
    names: ["run_suite"]
- kind: per-viewer visibility / permission filter
  home: lib/acl
  match:
    paths: ["**/visibility.sx", "**/visible.sx"]
    names: ["*visible?", "*visible-to"]
- kind: durable store / event log
  home: lib/persist
  match:
    paths: ["**/audit.sx", "**/log.sx", "**/ledger.sx", "**/snapshot.sx"]
    names: ["*append!", "*replay-to"]
- kind: federation scaffold / outbox
  home: lib/fed-sx
  match:
    paths: ["**/fed.sx", "**/federation.sx", "**/outbox.sx"]
    names: ["*enqueue!", "*drain!"]
- kind: HTTP / handler / middleware plumbing
  home: lib/host
  match:
    paths: ["**/middleware.sx", "**/handler.sx", "**/http.sx"]
    names: ["*wrap-*"]
- kind: pagination
  home: lib/feed
  match:
    paths: ["**/page.sx", "**/paginate.sx"]
    names: ["*paginate*", "*cursor-after"]
- kind: collection math (group-by, dedupe, top-N)
  home: lib/apl
  match:
    paths: ["**/collections.sx"]
    names: ["*group-by*", "*dedupe-by*", "*top-n*"]
"""
DECISIONS_YAML = """\
# Human verdicts that every later scan respects.
- match:
    paths: ["**/normalize.sx"]
  verdict: rejected
  reason: "{{reason}}"
"""

# ---------------------------------------------------------------------------------------
# Word pools for filler modules (ordinary domain code).
FILE_NOUNS = (
    "schema", "engine", "rank", "score", "digest", "thread", "calendar", "cart", "price",
    "catalog", "session", "token", "block", "render", "graph", "rules", "grant", "policy",
    "feedback", "mention", "tag", "topic", "filter-set", "stream", "inbox", "reply", "badge",
    "quota", "invoice", "refund", "tax", "shipping", "slot", "booking", "recurrence", "venue",
    "ticket", "member", "role", "invite", "profile", "avatar", "theme", "layout", "widget",
    "markup", "sanitize", "diff", "merge", "patch", "cursor-map", "edge", "node", "walk",
    "lexer", "reader", "printer", "env", "eval", "unify", "solve", "clause", "fact", "stratify",
    "router", "cookie", "form", "upload", "blob", "chunk", "manifest", "recipe", "step",
    "trigger", "schedule", "report", "metric", "counter", "sample", "bucket", "window",
    "ratio", "weight", "decay", "vote", "flag", "appeal", "case", "verdict", "review",
    "label", "emoji", "locale", "plural", "currency", "address", "geo", "timezone",
)
NOUNS = (
    "entry", "item", "doc", "post", "actor", "order", "line", "slot", "rule", "fact",
    "member", "grant", "tag", "score", "node", "edge", "event", "ticket", "case", "vote",
    "block", "field", "price", "range", "window", "label", "peer", "topic", "reply", "token",
)
VERBS = (
    "build", "collect", "apply", "merge", "split", "rank", "score", "render", "resolve",
    "expand", "summarise", "check", "validate", "index", "lookup", "tally", "derive", "select",
    "project", "group", "partition", "format", "parse", "emit", "explain", "weigh", "match",
)
PARAMS = (
    "rec", "items", "doc", "ctx", "opts", "xs", "entry", "id", "limit", "state", "db",
    "node", "acc", "rules", "req", "at", "who", "kind", "value", "spec", "env", "row", "pairs",
)
LOCALS = ("n", "v", "k", "tmp", "hits", "best", "base", "seen", "parts", "head", "total",
          "out", "res", "cur", "w", "score", "key", "col", "sum", "found")
KEYWORDS = (
    ":id", ":name", ":kind", ":at", ":score", ":owner", ":status", ":tags", ":items", ":count",
    ":parent", ":children", ":title", ":body", ":weight", ":since", ":until", ":value", ":meta",
    ":rank", ":label", ":state", ":peer", ":slot", ":total", ":price", ":qty", ":lang", ":path",
)
STRINGS = ("ok", "pending", "draft", "none", "en", "default", "-", "/", "closed", "open",
           "unknown", "error", "active", "archived", "main", "all")
CORE1 = ("count", "first", "last", "rest", "keys", "vals", "not", "empty?", "nil?", "upper",
         "lower", "trim", "sort", "reverse", "distinct", "length", "string?", "number?", "abs")
CORE2 = ("+", "-", "*", "max", "min", "=", "<", ">", "<=", "concat", "take", "drop",
         "contains?", "merge", "conj", "cons", "nth", "starts-with?", "split", "join")
TAGS = ("div", "section", "ul", "li", "span", "p", "a", "h2", "h3", "header", "footer",
        "article", "nav", "small", "strong", "em", "table", "tr", "td")
CLASSES = ("card", "meta", "row", "badge", "muted", "title", "list", "grid", "cell", "pill",
           "note", "stack", "inline", "panel", "footer-note")
HEADERS = (
    ";; {sub}: {noun} {verb} helpers.",
    ";; {noun} handling for {sub}.\n;; Pure functions; state lives in the caller.",
    ";; {sub}/{file}: {verb} and friends over {noun} records.",
    ";; Phase {phase}: {noun} {verb}.",
    ";; {file} ({sub})",
)
README = """\
# fleet

A fixture fleet for Abstraction Radar: one worktree per loop subsystem (`../loops/<name>`,
branch `loops/<name>`, own namespace `lib/<name>/`) and the substrates merged into `main`
(`lib/*/` here, hence checked out in every worktree).

Merged substrates: {merged}
Loop worktrees: {worktrees}
"""

# ---------------------------------------------------------------------------------------
# 11. memo over the merged store: stable, 3+ consumers, no routing rule matches, but every
#     copy calls persist/: the home is inferred from the dependency graph ({{store}}: the
#     merged substrate's namespace)
MEMO_SX = """\
{{header}}

(define ({{p}}memo-key scope args)
  (str "{{sub}}:" scope ":" (join ":" (map str args))))

(define ({{p}}memo-fresh? entry now)
  (and entry (< (- now (get entry :at)) {{ttl}})))

(define ({{p}}memoised b scope args now compute)
  (let ((key ({{p}}memo-key scope args))
        (entry ({{store}}/kv-get b key)))
    (if ({{p}}memo-fresh? entry now)
        (get entry :value)
        (let ((value (apply compute args)))
          ({{store}}/kv-put b key {:value value :at now :tries {{tries}}})
          value))))

(define ({{p}}forget! b scope args)
  ({{store}}/kv-delete b ({{p}}memo-key scope args)))
"""
MEMO_HEADERS = (
    ";; {{sub}}: remember expensive answers in the store for a while.",
    ";; Memoised lookups for {{sub}}; entries older than the ttl are recomputed.",
    ";; {{sub}} memo: keyed by scope and arguments, kept in the shared store.",
)

# ---------------------------------------------------------------------------------------
# Plant kind -> (template, placeholder choices). A key "a,b,c" takes a tuple of values.
PLANTED = {
    "conformance-harness": (CONFORMANCE_SH, {
        "SUITES,BOARD,pass,fail,failed": CONFORMANCE_NAMES,
        "header": CONFORMANCE_HEADERS,
        "timeout": (60, 90, 120, 180, 300),
        "entry": ("runtime.sx", "prelude.sx", "test-harness.sx", "load.sx"),
        "crash": ("CRASH", "FAIL (crashed)", "ERROR", "TIMEOUT/CRASH"),
        "rowfmt": ("%-24s %4d pass %4d fail\\n", "%-30s %5d ok %5d ko\\n",
                   "%s: %d passed, %d failed\\n"),
        "gap": ("", "\n# -- main --"),
    }),
    "pagination": (PAGE_SX, {
        "header": PAGE_HEADERS, "limit": (10, 20, 25, 50), "cap": (100, 200, 500),
        "at": (":at", ":published", ":ts", ":created"),
    }),
    "event-log": (EVENT_LOG_SX, {
        "header": EVENT_LOG_HEADERS, "stem": EVENT_LOG_STEMS,
        "capacity": (1000, 4096, 10000, 65536),
    }),
    "outbox-dirty": (OUTBOX_SX, {
        "header": OUTBOX_HEADERS, "first_id": (0, 1, 100), "max_tries": (3, 5, 8),
    }),
    "retry-no-home": (RETRY_SX, {
        "header": RETRY_HEADERS, "attempts": (3, 4, 5, 6), "base": (50, 100, 250),
        "cap": (5000, 10000, 30000), "codes": RETRY_CODES,
    }),
    "normalize-rejected": (NORMALIZE_SX, {
        "header": NORMALIZE_HEADERS, "fields": NORMALIZE_FIELDS, "default": NORMALIZE_DEFAULTS,
        "kindkey": (":kind", ":type", ":verb"), "kind": ("note", "item", "unknown", "misc"),
    }),
    "memo-inferred-home": (MEMO_SX, {
        "header": MEMO_HEADERS, "ttl": (60000, 300000, 3600000), "tries": (1, 2, 3),
    }),
    "visibility-near-miss": (VISIBILITY_SX, {
        "header": VISIBILITY_HEADERS, "owner": (":owner", ":author", ":actor"),
        "action": (":read", ":view", ":see"),
        **{key: (value,) for key, value in VISIBILITY_BASE.items()},
    }),
}
# The later edit of one copy (recent commit / uncommitted): (literal doubled, comment added)
EDITS = {
    "event-log": ("capacity", ";; capacity doubled after the load test."),
    "outbox-dirty": ("max_tries", ";; WIP: more retries while the peer is flaky."),
}
