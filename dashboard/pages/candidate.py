"""Candidate page: gate checklist, score breakdown, evidence side by side, history.

Reached as ``/?candidate=ID`` (rendered by the backlog page) or ``/candidate?candidate=ID``.
"""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import common, data, evidence
from dashboard.evidence import md_escape
from radar.outputs.backlog import unit_words

MAX_COLUMNS = 3


def _summary(snap: dict, c: dict) -> None:
    cons = data.consumers(c)
    m = st.columns(4)
    m[0].metric("Consumers", len(cons))
    m[1].metric("Score", f"{float(c.get('score') or 0):.1f}")
    m[2].metric("Similarity", f"{float(c.get('similarity') or 0):.2f}",
                help="Of structure: identifiers and literals are ignored, so copies that differ only in "
                     "names are 1.00. The columns below mark which lines differ in names and which in structure.")
    m[3].metric("Tokens", int(c.get("tokens") or 0))
    facts = [
        ("Verdict", common.verdict_label(c.get("verdict"))),
        ("Unit", f"{unit_words(c.get('unit') or '?')} {data.display_name(c)}".strip()),
        ("Language", data.language(c) or "?"),
        ("Kind", c.get("kind") or "(none)"),
        ("Shares", f"{c['nature']}: shared content {float(c['shared_content']):.2f}" if c.get("nature") else "(not measured)"),
        ("Home", c.get("home") or "(no natural home)"),
        ("Action", c.get("action") or ""),
        ("Consumers", ", ".join(cons)),
        ("First seen", f"pass {c['first_seen_pass']}" if c.get("first_seen_pass") else ""),
    ]
    routing = c.get("routing")
    if isinstance(routing, dict):
        facts.append(("Routing", f"{routing.get('by') or 'no routing rule'} → {routing.get('home') or 'no home'}"))
    if c.get("reason"):
        facts.append(("Reason", c["reason"]))
    decision = c.get("decision")
    if isinstance(decision, dict):
        facts.append(("Decision", f"{decision.get('verdict', '?')}: {decision.get('reason', '')}"))
    rows = [{"": k, "value": v if k == "Verdict" else md_escape(v)} for k, v in facts if v]
    st.table(pd.DataFrame(rows), hide_index=True, hide_header=True)
    if c.get("review"):
        st.warning(f"Review: {md_escape(c['review'])}")


def _gate(c: dict) -> None:
    st.subheader("Gate checklist")
    checks = data.gate_checklist(c)
    if not checks:
        st.caption("The snapshot records no gate criteria for this candidate.")
    for g in checks:
        mark = ":green[:material/check_circle:]" if g["met"] else ":red[:material/cancel:]"
        detail = f" — {md_escape(g['detail'])}" if g["detail"] else ""
        st.markdown(f"{mark} **{md_escape(g['criterion'])}**{detail}")


def _score(c: dict) -> None:
    st.subheader("Score breakdown")
    b = c.get("score_breakdown") if isinstance(c.get("score_breakdown"), dict) else {}
    parts = {k: v for k, v in b.items() if k != "explanation" and isinstance(v, (int, float, str))}
    if parts:
        st.table(pd.DataFrame([{"factor": md_escape(k), "value": md_escape(v)} for k, v in parts.items()]),
                 hide_index=True)
    st.caption("score = consumers × effort saved ÷ risk")
    if b.get("explanation"):
        st.markdown(md_escape(b["explanation"]))
    elif not parts:
        st.caption(f"The snapshot gives only the score: {float(c.get('score') or 0):.1f}.")


def _instance_column(c: dict, inst: dict, ref: dict | None) -> None:
    st.markdown(f"**{md_escape(evidence.instance_header(inst))}**")
    notes = [f"{unit_words(inst.get('unit') or '')} {inst.get('name', '')}".strip()]
    notes.append("stable" if inst.get("stable") else "not stable")
    if inst.get("dirty"):
        notes.append("uncommitted changes")
    if inst.get("last_change"):
        notes.append(f"last change {inst['last_change']}")
    if inst.get("quiet_passes") is not None:
        notes.append(f"quiet for {inst['quiet_passes']} passes")
    if inst.get("similarity") is not None:
        notes.append(f"similarity {float(inst['similarity']):.2f}")
    if inst.get("shared_content") is not None:
        notes.append(f"shared content {float(inst['shared_content']):.2f}")
    st.caption(md_escape(" · ".join(notes)))
    code = inst.get("code")
    if code is None:
        st.info("This snapshot does not carry the source text of this instance.")
        return
    st.code(code, language=evidence.highlight_language(inst, c))
    if ref is None:
        st.caption("Reference copy: the other instances are compared with this one.")
        return
    if ref.get("code") is None:
        return
    names, structure = evidence.differences(ref["code"], code, int(inst.get("start_line") or 1))
    removed = evidence.removed_count(ref["code"], code)
    if not names and not structure and not removed:
        st.caption("= identical text to the reference copy")
        return
    if names:
        st.markdown(f":blue[{md_escape(f'≈ lines {evidence.line_ranges(names)}: only names differ (identifiers, literals)')}]")
    if structure or removed:
        msg = [f"≠ lines {evidence.line_ranges(structure)} differ in structure"] if structure else []
        if removed:
            msg.append(f"{removed} reference line(s) missing here")
        st.markdown(f":orange[{md_escape('; '.join(msg))}]")
    with st.expander("Diff against the reference"):
        st.code(evidence.unified_diff(ref, inst), language="diff")


def _evidence(c: dict) -> None:
    insts = data.instances(c)
    st.subheader(f"Evidence: {len(insts)} instances side by side")
    st.caption("Each column is one instance; the first is the reference and differences against it are marked.")
    ref = insts[0] if insts else None
    for start in range(0, len(insts), MAX_COLUMNS):
        chunk = insts[start:start + MAX_COLUMNS]
        cols = st.columns(max(2, len(chunk)))
        for col, inst in zip(cols, chunk):
            with col:
                _instance_column(c, inst, None if inst is ref else ref)


def _history(result: data.Loaded, cand_id: str) -> None:
    st.subheader("History: consumers per pass")
    rows = data.candidate_history(result.passes, cand_id)
    if not rows:
        st.caption("No history for this candidate.")
        return
    df = pd.DataFrame(rows)
    chart = (
        alt.Chart(df)
        .mark_line(point=True)
        .encode(
            x=alt.X("pass:O", title="pass", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("consumers:Q", title="consumers", scale=alt.Scale(zero=True)),
            tooltip=["pass", "verdict", "consumers", "subsystems", "score"],
        )
        .properties(height=220)
    )
    st.altair_chart(chart, width="stretch")
    st.dataframe(df, hide_index=True, width="stretch")


def render(result: data.Loaded, cand_id: str) -> None:
    common.back_to_backlog()
    snap = result.latest
    c = data.find_candidate(snap, cand_id)
    if c is None:
        seen = data.last_seen(result, cand_id)
        if seen is None:
            st.title("Unknown candidate")
            st.error(
                f"No candidate with id {md_escape(cand_id)} in any of the {len(result.passes)} "
                "snapshot(s). It may come from another output folder; the backlog lists every current id."
            )
            return
        snap, c = seen
        st.warning(f"{md_escape(cand_id)} is gone from the latest pass; showing pass {data.pass_number(snap)}, "
                   "the last one that held it.")
    st.title(f"{md_escape(cand_id)}: {md_escape(data.display_name(c))}")
    _summary(snap, c)
    left, right = st.columns(2)
    with left:
        _gate(c)
    with right:
        _score(c)
    _evidence(c)
    _history(result, cand_id)


def _picked() -> None:
    st.query_params["candidate"] = st.session_state["candidate_pick"]


def main() -> None:
    result = common.require_snapshots()
    if result is None:
        return
    ranked = data.rank(data.candidates(result.latest))
    labels = {str(c.get("id")): f"{c.get('id')} · {c.get('verdict')} · {data.display_name(c)}" for c in ranked}
    cand_id = st.query_params.get("candidate")
    if labels and (not cand_id or cand_id in labels):
        ids = list(labels)
        cand_id = st.selectbox(
            "Candidate", ids, index=ids.index(cand_id) if cand_id else 0,
            format_func=labels.get, key="candidate_pick", on_change=_picked,
        )
        st.query_params["candidate"] = cand_id
    if not cand_id:
        st.title("Candidate")
        st.info("The latest pass has no candidate.")
        return
    render(result, cand_id)


if __name__ == "__main__":
    main()
