"""Subsystems page: the discovered set with activity and stability, and the shared-candidate graph."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import common, data


def graph_chart(nodes: list[dict], edges: list[dict]) -> alt.LayerChart:
    """Edges as lines, subsystems as circles sized by shared candidates, with labels."""
    axis = dict(axis=None)
    node_df = pd.DataFrame(nodes)
    layers = []
    if edges:
        layers.append(
            alt.Chart(pd.DataFrame(edges))
            .mark_line(color="#9aa5b1", opacity=0.7)
            .encode(
                x=alt.X("x:Q", **axis),
                y=alt.Y("y:Q", **axis),
                detail="edge:N",
                strokeWidth=alt.StrokeWidth("weight:Q", scale=alt.Scale(range=[1, 6]), title="shared candidates"),
                tooltip=["edge:N", "weight:Q", "candidates:N"],
            )
        )
    base = alt.Chart(node_df).encode(x=alt.X("x:Q", **axis), y=alt.Y("y:Q", **axis))
    layers.append(
        base.mark_circle(opacity=0.9).encode(
            size=alt.Size("shared candidates:Q", scale=alt.Scale(range=[80, 900]), legend=None),
            color=alt.Color("active:N", scale=alt.Scale(domain=["quiet", "active"], range=["#2e7d32", "#ef6c00"])),
            tooltip=["subsystem:N", "links:Q", "shared candidates:Q", "active:N"],
        )
    )
    layers.append(base.mark_text(dy=-14, fontSize=12).encode(text="subsystem:N"))
    return alt.layer(*layers).properties(height=480)


def render(result: data.Loaded) -> None:
    snap = result.latest
    st.title("Subsystems")
    rows = data.subsystem_rows(snap)
    if not rows:
        st.info("The latest pass discovered no subsystem: check the fleet settings in radar.yaml.")
        return
    m = st.columns(3)
    m[0].metric("Subsystems", len(rows))
    m[1].metric("Active (moving)", sum(1 for r in rows if r["active"]))
    m[2].metric("With candidates", sum(1 for r in rows if r["candidates"]))
    changes = snap.get("scan", {}).get("changes") or {}
    if changes.get("subsystems_added") or changes.get("subsystems_removed"):
        st.caption(
            f"Since the previous pass: added {', '.join(changes.get('subsystems_added') or []) or 'none'}; "
            f"removed {', '.join(changes.get('subsystems_removed') or []) or 'none'}."
        )
    df = pd.DataFrame(rows).drop(columns=["active"])
    st.dataframe(df, hide_index=True, width="stretch")

    st.subheader("Linked by shared candidates")
    graph = data.subsystem_graph(snap)
    nodes, edges = data.graph_frames(graph)
    if not edges:
        st.info("No candidate spans two subsystems yet, so the graph has no links.")
        return
    st.altair_chart(graph_chart(nodes, edges), width="stretch")
    alone = data.unlinked(graph)
    if alone:
        st.caption(f"Sharing no candidate (not drawn): {', '.join(alone)}")
    st.caption(f"Layout: networkx spring layout, seed {data.GRAPH_SEED}. Line width = shared candidates; "
               "circle size = candidates the subsystem shares with others.")
    links = [
        {"subsystems": f"{a} — {b}", "shared": d["weight"], "candidates": ", ".join(d["candidates"])}
        for a, b, d in sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    ]
    with st.expander(f"{len(links)} links"):
        st.dataframe(pd.DataFrame(links), hide_index=True, width="stretch")


if __name__ == "__main__":
    common.run_page(render)
