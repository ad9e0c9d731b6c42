"""Abstraction Radar dashboard: ``streamlit run dashboard/app.py -- --out DIR`` (or ``radar dashboard``).

Reads ``<out>/snapshots/*.json`` only. ``--out`` may also come from ``$RADAR_OUT``.
A candidate is deep-linked as ``/?candidate=ID``.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The folder that holds the ``dashboard`` package: first on sys.path so that ``dashboard`` is
# this regular package even when an older install registered it as a namespace package.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from dashboard import common  # noqa: E402

st.set_page_config(page_title="Abstraction Radar", page_icon=":material/radar:", layout="wide")

pages = [
    st.Page(str(common.PAGE_FILES["backlog"]), title="Backlog", icon=":material/list_alt:", default=True),
    st.Page(str(common.PAGE_FILES["candidate"]), title="Candidate", icon=":material/search:", url_path="candidate"),
    st.Page(str(common.PAGE_FILES["census"]), title="Census", icon=":material/folder_open:", url_path="census"),
    st.Page(str(common.PAGE_FILES["subsystems"]), title="Subsystems", icon=":material/hub:", url_path="subsystems"),
    st.Page(str(common.PAGE_FILES["history"]), title="History", icon=":material/timeline:", url_path="history"),
]
current = st.navigation(pages, position="sidebar", expanded=True)
common.sidebar_status(common.loaded())
current.run()
