"""Subsystems page: the discovered set with activity and stability, the dependency graph made
readable (the most depended-on subsystems, and one candidate's consumers beside what they depend
on), and the shared-candidate graph while it is small enough to read."""
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


MAX_DRAWN = 40  # linked subsystems beyond which the shared-candidate graph is a hairball: a table only


def focus_chart(nodes: list[dict], edges: list[dict]) -> alt.LayerChart:
    """One candidate: consumers in the left column, the subsystems they depend on in the right."""
    axis = dict(axis=None)
    layers = []
    if edges:
        layers.append(
            alt.Chart(pd.DataFrame(edges)).mark_line(color="#9aa5b1", opacity=0.6).encode(
                x=alt.X("x:Q", **axis, scale=alt.Scale(domain=[-0.6, 1.6])), y=alt.Y("y:Q", **axis),
                detail="edge:N", tooltip=["edge:N", "files:Q"]))
    base = alt.Chart(pd.DataFrame(nodes)).encode(
        x=alt.X("x:Q", **axis, scale=alt.Scale(domain=[-0.6, 1.6])), y=alt.Y("y:Q", **axis))
    roles = ["consumer", "dependency", "home", "home (holds the shape)"]
    layers.append(base.mark_circle(size=220, opacity=0.9).encode(
        color=alt.Color("role:N", scale=alt.Scale(domain=roles, range=["#1565c0", "#9e9e9e", "#2e7d32", "#2e7d32"])),
        tooltip=["subsystem:N", "role:N", "referenced by:N"]))
    layers.append(base.transform_filter("datum.x == 0").mark_text(align="right", dx=-12, fontSize=12)
                  .encode(text="subsystem:N"))
    layers.append(base.transform_filter("datum.x == 1").mark_text(align="left", dx=12, fontSize=12)
                  .encode(text="subsystem:N"))
    height = max(160, 26 * max(sum(n["x"] == 0 for n in nodes), sum(n["x"] == 1 for n in nodes)))
    return alt.layer(*layers).properties(height=height)


def render_dependencies(snap: dict) -> None:
    st.subheader("Dependencies")
    rows = data.dependency_rows(snap)
    if not any(r["depended on by"] for r in rows):
        st.info("No subsystem references another (imports, includes, namespaced symbols), so no home "
                "can be inferred: only routing rules give homes.")
        return
    st.caption("Subsystems the others depend on: where inferred homes come from. References to code "
               "outside every subsystem are not counted.")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", height=min(420, 38 + 35 * len(rows)))
    choices = data.focus_choices(snap)
    if not choices:
        return
    names = {str(c.get("id")): data.display_name(c) for c in data.candidates(snap)}
    picked = st.selectbox("Candidate: its consumers and what they depend on", choices, key="dep_focus",
                          format_func=lambda cid: f"{cid} {names.get(cid, '')}")
    nodes, edges = data.focus_frames(snap, picked)
    cand = data.find_candidate(snap, picked) or {}
    routing = cand.get("routing") or {}
    st.caption(f"Home: {cand.get('home') or 'none'}" + (f" ({routing.get('by')})" if routing.get("by") else ""))
    if nodes:
        st.altair_chart(focus_chart(nodes, edges), width="stretch")


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

    render_dependencies(snap)

    st.subheader("Linked by shared candidates")
    graph = data.subsystem_graph(snap)
    nodes, edges = data.graph_frames(graph)
    if not edges:
        st.info("No candidate spans two subsystems yet, so the graph has no links.")
        return
    if len(nodes) <= MAX_DRAWN:
        st.altair_chart(graph_chart(nodes, edges), width="stretch")
        st.caption(f"Layout: networkx spring layout, seed {data.GRAPH_SEED}. Line width = shared candidates; "
                   "circle size = candidates the subsystem shares with others.")
    else:
        st.caption(f"{len(nodes)} subsystems share candidates: too many to draw readably. Pick a candidate "
                   "under Dependencies to see its consumers, or read the links below.")
    alone = data.unlinked(graph)
    if alone:
        st.caption(f"Sharing no candidate (not drawn): {', '.join(alone)}")
    links = [
        {"subsystems": f"{a} — {b}", "shared": d["weight"], "candidates": ", ".join(d["candidates"])}
        for a, b, d in sorted(graph.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    ]
    with st.expander(f"{len(links)} links"):
        st.dataframe(pd.DataFrame(links), hide_index=True, width="stretch")


if __name__ == "__main__":
    common.run_page(render)
