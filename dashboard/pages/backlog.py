"""Backlog page: the candidates of the latest pass, at any size.

It opens on the proposed candidates and the watching ones near the gate; a chart says what
blocks the others. Filters (verdict, subsystem, kind, language, blocker, search), a sort over
the whole list and pages of 25 to 200 rows keep a backlog of thousands usable. Also the landing
page of a deep link: ``/?candidate=ID`` renders that candidate here.
"""
from __future__ import annotations

import altair as alt
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
        "consumers": f"{len(cons)}: {md_escape(data.short_list(cons))}",
        "home": md_escape(c.get("home") or "(no home)"),
        "score": f"{float(c.get('score') or 0):.1f}",
        "tokens": int(c.get("tokens") or 0),
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


def _blockers_chart(every: list[dict]) -> None:
    counts = data.blocker_counts(every)
    if not counts:
        return
    with st.expander("What blocks the watching candidates", expanded=True):
        long = [{"blocked by": r["blocked by"], "how": how, "candidates": n}
                for r in counts for how, n in (("the only blocker", r["the only blocker"]),
                                               ("with others", r["candidates"] - r["the only blocker"]))]
        chart = (
            alt.Chart(pd.DataFrame(long))
            .mark_bar()
            .encode(
                y=alt.Y("blocked by:N", title=None, sort="-x", axis=alt.Axis(labelLimit=260)),
                x=alt.X("candidates:Q", title="watching candidates", stack=True),
                color=alt.Color("how:N", scale=alt.Scale(domain=["the only blocker", "with others"],
                                                         range=["#ef6c00", "#bdbdbd"]), title=None),
                tooltip=["blocked by", "how", "candidates"],
            )
            .properties(height=36 * len(counts) + 40)
        )
        st.altair_chart(chart, width="stretch")
        st.caption("A candidate can miss several criteria; orange counts those that miss only this one. "
                   "Pick a blocker in the filters below to list its candidates.")


def _filters(snap: dict) -> dict:
    f = data.facets(snap)
    view = st.radio("Show", data.VIEWS, key="f_view", horizontal=True)
    c1, c2, c3, c4, c5 = st.columns(5)
    verdicts = c1.multiselect("Verdict", f["verdict"], key="f_verdict", placeholder="all verdicts")
    subsystems = c2.multiselect("Subsystem", f["subsystem"], key="f_subsystem", placeholder="all subsystems")
    kinds = c3.multiselect("Kind", f["kind"], key="f_kind", placeholder="all kinds")
    languages = c4.multiselect("Language", f["language"], key="f_language", placeholder="all languages")
    blocked = c5.multiselect("Blocked by", list(data.BLOCKER_LABELS.values()), key="f_blocked",
                             placeholder="any blocker")
    search = st.text_input("Search by name or path", key="f_search", placeholder="e.g. run_suite or conformance.sh")
    return dict(view=view, blocked=blocked,
                filters=dict(verdicts=verdicts, subsystems=subsystems, kinds=kinds, languages=languages, search=search))


def _order_and_page(chosen: list[dict]) -> tuple[list[dict], int]:
    s1, s2, s3, s4 = st.columns([3, 1, 1, 1])
    by = s1.selectbox("Sort by", list(data.SORTS), key="f_sort")
    descending = s2.toggle("High to low", value=True, key="f_desc")
    size = s3.selectbox("Rows per page", data.PAGE_SIZES, index=1, key="f_size")
    total = data.pages(len(chosen), size)
    page = s4.number_input(f"Page (of {total})", min_value=1, max_value=total, value=1, step=1, key="f_page")
    ordered = data.sort_candidates(chosen, by, descending)
    first = (min(int(page), total) - 1) * size
    return data.page_of(ordered, int(page), size), first


def render(result: data.Loaded) -> None:
    snap = result.latest
    st.title("Backlog")
    _last_scan(result)
    every = data.candidates(snap)
    cols = st.columns(len(data.VERDICTS))
    for col, v in zip(cols, data.VERDICTS):
        col.metric(v.capitalize(), sum(1 for c in every if c.get("verdict") == v))
    if not every:
        st.info("This pass found no candidate: no shape recurs across subsystems yet.")
        return
    _blockers_chart(every)
    asked = _filters(snap)
    # a verdict or a blocker asked for by name is looked for among every candidate
    narrowed = bool(asked["filters"]["verdicts"] or asked["blocked"])
    viewed = every if narrowed else data.in_view(every, asked["view"], data.gate_of(snap))
    chosen = data.blocked_by(data.filter_candidates(viewed, **asked["filters"]), asked["blocked"])
    if not chosen:
        hint = (" Show all candidates to see the others." if asked["view"] == data.VIEWS[0] else "")
        st.info("No candidate matches these filters. Clear a filter or the search to see more." + hint)
        return
    shown, first = _order_and_page(chosen)
    st.caption(
        f"{len(chosen)} of {len(every)} candidates"
        f" ({'every candidate matching the filters' if narrowed else asked['view'].lower()}); rows {first + 1}–{first + len(shown)}. "
        "Rank: proposed first, then watching, done, rejected; by score (consumers × effort saved ÷ risk) "
        "within each. Click an id for its evidence."
    )
    table = pd.DataFrame([_row(i, c) for i, c in enumerate(shown, first + 1)])
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
