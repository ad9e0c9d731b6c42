"""Start the dashboard: ``radar dashboard [--out DIR] [--port N]`` calls :func:`run_dashboard`."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from dashboard import APP_PATH

HOST = "127.0.0.1"
DEFAULT_PORT = 8501


def dashboard_command(out: Path, port: int, *, quiet: bool = False) -> list[str]:
    """The ``streamlit run`` command line, bound to 127.0.0.1, headless, no usage statistics."""
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(APP_PATH),
        "--server.address", HOST,
        "--server.port", str(int(port)),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer",
    ]
    if quiet:
        cmd += ["--logger.level", "error"]
    return cmd + ["--", "--out", str(Path(out).resolve())]


def _interrupt(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def run_dashboard(out: Path, port: int = DEFAULT_PORT, *, quiet: bool = False) -> int:
    """Run the Streamlit app over ``<out>/snapshots`` until interrupted; return its exit code.

    Returns 2 (bad usage) for a port outside 1-65535 or an ``--out`` that is not a folder.
    """
    out = Path(out)
    if not isinstance(port, int) or not 1 <= port <= 65535:
        print(f"radar dashboard: --port must be an integer from 1 to 65535, got {port!r}", file=sys.stderr)
        return 2
    if out.exists() and not out.is_dir():
        print(f"radar dashboard: --out {out} is not a folder", file=sys.stderr)
        return 2
    busy = port_taken(port)
    if busy:
        print(f"radar dashboard: port {port} on {HOST} is taken ({busy}): pass another --port", file=sys.stderr)
        return 2
    if not quiet:
        print(f"radar dashboard: http://{HOST}:{port}/ over {out.resolve() / 'snapshots'} "
              "(read-only; Ctrl+C stops it)", file=sys.stderr)
    env = dict(os.environ, RADAR_OUT=str(out.resolve()))
    proc = subprocess.Popen(
        dashboard_command(out, port, quiet=quiet),
        env=env,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    previous = None
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (systemd, timeout, kill) stops the server too instead of orphaning it
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        stop(proc, signal.SIGINT)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        stop(proc)


def port_taken(port: int) -> str | None:
    """Why the port cannot be bound on 127.0.0.1, or None when it is free: checked before the
    URL is printed, so the URL printed is one that will answer."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            return error.strerror or str(error)
    return None


def stop(proc: subprocess.Popen, how: int = signal.SIGTERM, grace: float = 10) -> None:
    """Ask the server to stop, then insist: it must never outlive the command that started it."""
    if proc.poll() is not None:
        return
    proc.send_signal(how)
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
