"""History page: candidates by verdict per pass, drift per pass, watching items closest to the gate."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import common, data
from dashboard.evidence import md_escape

VERDICT_COLORS = ["#2e7d32", "#f9a825", "#1565c0", "#9e9e9e"]
CLOSEST_SHOWN = 25
IDS_LISTED = 10  # ids named in a drift cell; more are counted
# A first pass reports every candidate as new (hundreds), later ones a handful: a symmetric-log
# scale keeps both readable on one chart (0 stays 0, 5 and 600 are both visible).
SCALE = alt.Scale(type="symlog", zero=True)
DRIFT_COLORS = ["#2e7d32", "#1565c0", "#ef6c00", "#9e9e9e"]


def _verdicts(result: data.Loaded) -> None:
    st.subheader("Candidates by verdict per pass")
    df = pd.DataFrame(data.verdicts_per_pass(result.passes))
    chart = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("pass:O", title="pass", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title="candidates"),
            color=alt.Color("verdict:N", scale=alt.Scale(domain=list(data.VERDICTS), range=VERDICT_COLORS),
                            sort=list(data.VERDICTS)),
            order=alt.Order("verdict:N"),
            tooltip=["pass", "verdict", "count"],
        )
        .properties(height=260)
    )
    st.altair_chart(chart, width="stretch")


def _drift(result: data.Loaded) -> None:
    st.subheader("Drift per pass")
    rows = data.drift(result.passes)
    long = [{"pass": r["pass"], "change": k, "count": len(r[k])} for r in rows for k in data.DRIFT_KINDS]
    chart = (
        alt.Chart(pd.DataFrame(long))
        .mark_bar()
        .encode(
            x=alt.X("pass:O", title="pass", axis=alt.Axis(labelAngle=0)),
            xOffset="change:N",
            y=alt.Y("count:Q", title="candidates (log scale)", scale=SCALE),
            color=alt.Color("change:N", sort=list(data.DRIFT_KINDS),
                            scale=alt.Scale(domain=list(data.DRIFT_KINDS), range=DRIFT_COLORS)),
            tooltip=["pass", "change", "count"],
        )
        .properties(height=220)
    )
    st.altair_chart(chart, width="stretch")
    st.caption("The scale is logarithmic: a first pass, where every candidate is new, does not flatten the rest.")
    table = []
    for r in reversed(rows):
        row = {"pass": r["pass"], "finished": r["finished_at"]}
        for k in data.DRIFT_KINDS:
            row[k] = ", ".join(r[k]) if len(r[k]) <= IDS_LISTED else f"{len(r[k])} candidates"
        row["verdict changes"] = ", ".join(f"{v.get('id')}: {v.get('from')} → {v.get('to')}" for v in r["verdicts"])
        row["note"] = "empty pass: no new candidates cleared the gate" if r["empty_pass"] else ""
        table.append(row)
    st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")


def _closest(result: data.Loaded) -> None:
    st.subheader("Watching: closest to the gate")
    watching = data.closest_to_gate(result.latest, limit=CLOSEST_SHOWN)
    if not watching:
        st.info("Nothing is being watched in the latest pass.")
        return
    st.caption(f"The {CLOSEST_SHOWN} with the fewest unmet gate criteria, then most consumers, then highest "
               "similarity; the Backlog page pages through them all.")
    rows = [
        {
            "#": i,
            "id": common.candidate_link(str(c.get("id"))),
            "name": md_escape(data.display_name(c)),
            "consumers": len(data.consumers(c)),
            "unmet": data.unmet_count(c),
            "missing": md_escape("; ".join(c.get("missing") or [])),
        }
        for i, c in enumerate(watching, 1)
    ]
    st.table(pd.DataFrame(rows), hide_index=True)


def render(result: data.Loaded) -> None:
    st.title("History")
    st.caption(f"{len(result.passes)} pass(es) on file, oldest first.")
    _verdicts(result)
    _drift(result)
    _closest(result)


if __name__ == "__main__":
    common.run_page(render)
