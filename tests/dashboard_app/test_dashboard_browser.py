"""The real dashboard server in a real headless Chromium (Debian's chromium + chromedriver).

Skipped, with the reason, only where Chromium or chromedriver is not installed
(``apt-get install chromium chromium-driver``).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import evidence, launch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import snapshot_samples as samples  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="real-browser test needs Debian's chromium and chromium-driver "
           "(apt-get install -y chromium chromium-driver); not installed here",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"dashboard exited early with {proc.returncode}"
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer 'ok' within {timeout}s")


def start(out: Path, cwd: Path) -> tuple[int, subprocess.Popen]:
    """The real dashboard server over `out` on a free port, once it answers."""
    port = free_port()
    proc = subprocess.Popen(launch.dashboard_command(out, port, quiet=True), cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_healthy(port, proc)
    except BaseException:
        launch.stop(proc)
        raise
    return port, proc


def listeners(port: int) -> list[str]:
    """Local addresses in LISTEN state on ``port``, from /proc/net/tcp and tcp6."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, hexport = fields[1].split(":")
            if fields[3] == "0A" and int(hexport, 16) == port:
                found.append(addr)
    return found


def non_loopback_address() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent for UDP connect
            addr = s.getsockname()[0]
    except OSError:
        return None
    return None if addr.startswith("127.") else addr


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1600,1200", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def wait_for_text(driver, needles: list[str], timeout: float = 25) -> str:
    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = driver.find_element(By.TAG_NAME, "body").text
        except Exception:  # noqa: BLE001 - page still loading
            body = ""
        if all(n in body for n in needles):
            return body
        time.sleep(0.3)
    missing = [n for n in needles if n not in body]
    raise AssertionError(f"page never showed {missing!r}; it showed:\n{body[:3000]}")


def test_dashboard_in_headless_chromium(tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    out = tmp_path / "out"
    snaps = samples.write_samples(out)
    latest = snaps[-1]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*")if p.is_file()}
    port, proc = start(out, tmp_path)
    driver = None
    try:
        # bound to loopback only: every listener on the port is 127.0.0.1, and the machine's
        # other address refuses the connection
        addrs = listeners(port)
        assert addrs and set(addrs) == {"0100007F"}, addrs
        other = non_loopback_address()
        if other:
            with pytest.raises(OSError), socket.create_connection((other, port), timeout=2):
                pass

        driver = browser(tmp_path / "profile")
        driver.set_page_load_timeout(30)
        base = f"http://127.0.0.1:{port}"

        driver.get(base + "/")
        needles = []
        for c in samples.proposed(latest):
            names = ", ".join(c["consumers"][:3]) + (f" +{len(c['consumers']) - 3}" if len(c["consumers"]) > 3 else "")
            needles += [c["id"], f"{len(c['consumers'])}: {names}", c["home"]]
        wait_for_text(driver, needles)
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018

        cand = samples.proposed(latest)[0]
        driver.get(f"{base}/?candidate={cand['id']}")
        headers = [evidence.instance_header(i) for i in cand["instances"]]
        wait_for_text(driver, headers[:3] + [cand["instances"][0]["code"].splitlines()[0]])
        located = []
        for h in headers[:3]:
            el = driver.find_element(By.XPATH, f"//strong[normalize-space()='{h}']")
            located.append((el.location["x"], el.location["y"]))
        # side by side: same row, distinct columns, left to right
        assert len({y for _, y in located}) == 1, located
        assert [x for x, _ in located] == sorted({x for x, _ in located}), located
        assert len({h.split(":")[0] for h in headers[:3]}) >= 2
        assert f":{cand['instances'][0]['start_line']}-" in headers[0]

        driver.get(f"{base}/?candidate=C-dd33ee")
        body = wait_for_text(driver, ["feed: feed/web/sanitize.js:11-15", "mod: mod/web/sanitize.js:11-15"])
        assert samples.SCRIPT_NAME in body  # shown as text, not executed
        with pytest.raises(NoAlertPresentException):
            driver.switch_to.alert.text  # noqa: B018
    finally:
        if driver is not None:
            driver.quit()
        launch.stop(proc)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before, "browsing wrote under --out"


def test_a_backlog_of_1200_candidates_in_headless_chromium(tmp_path):
    """At size: the first page opens fast on proposed and near-gate candidates, pages on, and
    the verdict icons come from Streamlit's own icon font (no emoji font needed)."""
    import json

    from selenium.webdriver.common.by import By

    out = tmp_path / "out"
    (out / "snapshots").mkdir(parents=True)
    snap = samples.big_snapshot(1200)
    (out / "snapshots" / "20260501T100200Z.json").write_text(json.dumps(snap))
    (out / "snapshots" / "latest.json").write_text(json.dumps(snap))
    ranked = sorted(snap["candidates"], key=lambda c: (c["verdict"] != "proposed", -c["score"], c["id"]))
    port, proc = start(out, tmp_path)
    driver = None
    try:
        driver = browser(tmp_path / "profile")
        driver.set_page_load_timeout(60)
        started = time.monotonic()
        driver.get(f"http://127.0.0.1:{port}/")
        body = wait_for_text(driver, [ranked[0]["id"], "of 1200 candidates", "rows 1–50", "What blocks"], timeout=40)
        assert time.monotonic() - started < 40
        rows = driver.find_elements(By.CSS_SELECTOR, "[data-testid='stTable'] tbody tr")
        assert len(rows) == 50, len(rows)
        assert ranked[60]["id"] not in body or ranked[60]["verdict"] != "proposed"
        fonts = driver.execute_script(
            "return [...document.querySelectorAll('[data-testid=stTable] span[role=img]')]"
            ".slice(0, 5).map(e => getComputedStyle(e).fontFamily)")
        assert fonts and all("Material Symbols" in f for f in fonts), fonts
        assert driver.execute_script("return document.fonts.check('24px \"Material Symbols Rounded\"')")
        first_page = {r.text.split()[0] for r in rows}
        driver.find_element(By.CSS_SELECTOR, "[data-testid='stNumberInputStepUp']").click()
        wait_for_text(driver, ["rows 51–100"], timeout=30)
        second = {r.text.split()[0] for r in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stTable'] tbody tr")}
        assert len(second) == 50 and not second & first_page
    finally:
        if driver is not None:
            driver.quit()
        launch.stop(proc)
