"""Census page: filenames and definition names that recur across subsystems, with owners and verdicts."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import common, data

VERDICT_HELP = {
    "shape-match": "the recurring files or definitions hold units that cluster together",
    "collision": "same name, different structure: not a pattern",
    "decided": "a recorded decision covers it",
}


def render(result: data.Loaded) -> None:
    snap = result.latest
    st.title("Census")
    st.caption("Which filenames and definition names recur across subsystems, and whether each "
               "recurrence is a real shape match or a name collision.")
    every = snap.get("census") or []
    if not every:
        st.info("The latest pass recorded no recurring filename or definition name.")
        return
    cols = st.columns(3)
    for col, v in zip(cols, VERDICT_HELP):
        col.metric(v, sum(1 for r in every if r.get("verdict") == v), help=VERDICT_HELP[v])
    c1, c2, c3 = st.columns([1, 1, 2])
    kinds = c1.multiselect("Kind", ["file", "definition"], key="census_kind", placeholder="files and definitions")
    verdicts = c2.multiselect("Verdict", list(VERDICT_HELP), key="census_verdict", placeholder="all verdicts")
    search = c3.text_input("Search name or owner", key="census_search")
    rows = data.census_rows(snap, kinds=kinds, verdicts=verdicts, search=search)
    st.caption(f"{len(rows)} of {len(every)} recurring names")
    if not rows:
        st.info("No census row matches these filters.")
        return
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        column_config={
            "count": st.column_config.NumberColumn("count", help="distinct subsystems"),
            "candidates": st.column_config.TextColumn("candidates", help="open one with /?candidate=ID"),
        },
    )


if __name__ == "__main__":
    common.run_page(render)
