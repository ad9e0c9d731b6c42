"""Streamlit helpers shared by the pages: where the snapshots are, loading, empty states, escaping."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import quote

import streamlit as st

from dashboard import APP_PATH, data
from dashboard.evidence import md_escape

HERE = Path(__file__).resolve().parent
PAGE_FILES = {
    "backlog": HERE / "pages" / "backlog.py",
    "candidate": HERE / "pages" / "candidate.py",
    "census": HERE / "pages" / "census.py",
    "subsystems": HERE / "pages" / "subsystems.py",
    "history": HERE / "pages" / "history.py",
}
# Material Symbols ship with Streamlit's own font: they render where no emoji font is installed
VERDICT_ICON = {"proposed": ":green[:material/check_circle:]", "watching": ":orange[:material/visibility:]",
                "done": ":blue[:material/task_alt:]", "rejected": ":gray[:material/block:]"}


def out_dir() -> Path:
    """``--out DIR`` after ``--`` on the ``streamlit run`` line, else ``$RADAR_OUT``, else ``.``."""
    argv = sys.argv
    if argv and Path(argv[0]).name == APP_PATH.name:
        parser = argparse.ArgumentParser(add_help=False)
        parser.add_argument("--out")
        known, _ = parser.parse_known_args(argv[1:])
        if known.out:
            return Path(known.out)
    return Path(os.environ.get("RADAR_OUT") or ".")


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(out: str, _key: tuple) -> data.Loaded:
    return data.load_history(Path(out))


def loaded() -> data.Loaded:
    """The latest snapshot and the passes under the output folder, reloaded whenever they change."""
    out = out_dir()
    return _load(str(out.resolve()), data.fingerprint(out))


def how_to_scan(out: Path) -> None:
    st.info(
        "No snapshot yet: this dashboard reads `snapshots/*.json` under the output folder "
        "shown below, and none is there. Run a scan into that folder, then reload this page."
    )
    st.text(f"Output folder: {out}")
    target = str(out)
    st.code(f"radar scan --repo PATH --out {target}", language="bash")
    st.caption("or build the embedded demo fleet, scan it, and open its dashboard:")
    st.code("radar demo\nradar dashboard --out radar-demo", language="bash")


def require_snapshots() -> data.Loaded | None:
    """The loaded snapshots, or None after explaining how to get some."""
    result = loaded()
    for problem in result.problems:
        st.warning(f"Skipped a snapshot file: {md_escape(problem)}")
    if result.latest is None:
        how_to_scan(result.out)
        return None
    return result


def run_page(render) -> None:
    """A page's body: render the loaded snapshots, or explain how to get some."""
    result = require_snapshots()
    if result is not None:
        render(result)


def candidate_href(cand_id: str) -> str:
    return "?candidate=" + quote(str(cand_id), safe="")


def candidate_link(cand_id: str) -> str:
    """A Markdown link to the candidate's deep link, text escaped."""
    return f"[{md_escape(cand_id)}]({candidate_href(cand_id)})"


def verdict_label(verdict: str | None) -> str:
    """Markdown: the verdict's icon and its word (escaped: a snapshot may hold anything)."""
    v = str(verdict or "")
    return f"{VERDICT_ICON.get(v, '')} {md_escape(v)}".strip()


def back_to_backlog() -> None:
    """A button back to the backlog that also drops ``?candidate=`` from the address bar."""
    if st.button("Back to the backlog", icon=":material/arrow_back:", key="back_to_backlog"):
        st.query_params.clear()
        st.switch_page(str(PAGE_FILES["backlog"]))


def sidebar_status(result: data.Loaded) -> None:
    snap = result.latest
    with st.sidebar:
        st.caption(f"Output folder: {md_escape(result.out)}")
        if snap:
            scan = snap.get("scan", {})
            st.caption(
                f"Latest pass {data.pass_number(snap)} · {md_escape(scan.get('finished_at', ''))} · "
                f"{len(result.passes)} pass(es) on file"
            )
        st.caption("Read-only: this dashboard never scans and never writes.")
