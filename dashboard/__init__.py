"""The Streamlit dashboard of Abstraction Radar: reads ``<out>/snapshots/*.json``, never writes.

Start it with ``radar dashboard [--out DIR] [--port N]`` (see :func:`dashboard.launch.run_dashboard`).
"""
from pathlib import Path

APP_PATH = Path(__file__).resolve().parent / "app.py"
