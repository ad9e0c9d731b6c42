"""Backlog page: the ranked candidates of the latest pass, with filters and search.

Also the landing page of a deep link: ``/?candidate=ID`` renders that candidate here.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import common, data
from dashboard.pages import candidate as pages_candidate
from dashboard.evidence import md_escape


def _row(rank_no: int, c: dict) -> dict:
    cons = data.consumers(c)
    notes = list(c.get("missing") or [])
    if c.get("verdict") == "rejected" and c.get("reason"):
        notes = [f"rejected: {c['reason']}"]
    if c.get("review"):
        notes.append(f"review: {c['review']}")
    return {
        "#": rank_no,
        "verdict": common.verdict_label(c.get("verdict")),
        "id": common.candidate_link(str(c.get("id"))),
        "name": md_escape(data.display_name(c)),
        "consumers": f"{len(cons)}: {md_escape(', '.join(cons))}",
        "home": md_escape(c.get("home") or "(no home)"),
        "score": f"{float(c.get('score') or 0):.1f}",
        "similarity": f"{float(c.get('similarity') or 0):.2f}",
        "missing": md_escape("; ".join(notes)) if notes else "",
    }


def _last_scan(result: data.Loaded) -> None:
    snap = result.latest
    scan = snap.get("scan", {})
    changes = scan.get("changes") or {}
    parts = [f"{k}: {len(changes.get(k) or [])}" for k in data.DRIFT_KINDS]
    subs = [s.get("name", "") for s in snap.get("subsystems") or []]
    st.markdown(
        f"**Last scan**: pass {data.pass_number(snap)}, finished {md_escape(scan.get('finished_at', '?'))}, "
        f"{len(subs)} subsystems. Since the previous pass: {md_escape(', '.join(parts))}."
    )
    if scan.get("empty_pass"):
        st.caption("No new candidates cleared the gate in this pass.")
    if snap.get("repo_kind") == "folder":
        st.caption("The scanned repository is a plain folder (not git): every instance counts as stable.")


def _filters(snap: dict) -> dict:
    f = data.facets(snap)
    c1, c2, c3, c4 = st.columns(4)
    verdicts = c1.multiselect("Verdict", f["verdict"], key="f_verdict", placeholder="all verdicts")
    subsystems = c2.multiselect("Subsystem", f["subsystem"], key="f_subsystem", placeholder="all subsystems")
    kinds = c3.multiselect("Kind", f["kind"], key="f_kind", placeholder="all kinds")
    languages = c4.multiselect("Language", f["language"], key="f_language", placeholder="all languages")
    search = st.text_input("Search by name or path", key="f_search", placeholder="e.g. run_suite or conformance.sh")
    return dict(verdicts=verdicts, subsystems=subsystems, kinds=kinds, languages=languages, search=search)


def render(result: data.Loaded) -> None:
    snap = result.latest
    st.title("Backlog")
    _last_scan(result)
    every = data.candidates(snap)
    cols = st.columns(len(data.VERDICTS))
    for col, v in zip(cols, data.VERDICTS):
        col.metric(v.capitalize(), sum(1 for c in every if c.get("verdict") == v))
    chosen = data.rank(data.filter_candidates(every, **_filters(snap)))
    st.caption(
        f"{len(chosen)} of {len(every)} candidates, ranked: proposed first, then watching, done, rejected; "
        "by score (consumers × effort saved ÷ risk) within each. Click an id for its evidence."
    )
    if not every:
        st.info("This pass found no candidate: no shape recurs across subsystems yet.")
        return
    if not chosen:
        st.info("No candidate matches these filters. Clear a filter or the search to see more.")
        return
    table = pd.DataFrame([_row(i, c) for i, c in enumerate(chosen, 1)])
    st.table(table, hide_index=True)


def main() -> None:
    result = common.require_snapshots()
    if result is None:
        return
    cand_id = st.query_params.get("candidate")
    if cand_id:
        pages_candidate.render(result, cand_id)
    else:
        render(result)


if __name__ == "__main__":
    main()
