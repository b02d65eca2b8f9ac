"""`maturity probe` from a cold start: what it loads, what it gathers, and that the fast exit
leaves no browser behind, all without changing what the probe reports."""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from playwright.async_api import Error as PlaywrightError

import crawler.single
from crawler.browser import BrowserPool
from crawler.gatherers import MODULES, PROVIDERS, Gatherer, JsGatherer, gatherer_for, registry
from crawler.gatherers.axe import AxeGatherer
from crawler.plan import make_plan
from crawler.settings import CrawlSettings
from crawler.single import one_page_plan, run_probe
from maturity.localsite import LocalSite
from probes.accessibility import AccessibilityProbe
from probes.performance import PerformanceProbe

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "accessibility" / "axe"
HOST = "127.0.0.233"


def test_providers_name_every_gatherer_of_the_registry() -> None:
    defined: dict[str, list[str]] = {}
    for module in MODULES:
        mod = importlib.import_module(module)
        for obj in vars(mod).values():
            if (isinstance(obj, type) and issubclass(obj, Gatherer) and obj not in (Gatherer, JsGatherer)
                    and getattr(obj, "name", None) and obj.__module__ == module):
                defined.setdefault(obj.name, []).append(module)
    assert all(len(mods) == 1 for mods in defined.values()), defined
    assert {name: mods[0] for name, mods in defined.items()} == PROVIDERS
    for name in PROVIDERS:
        assert gatherer_for(name) is registry()[name]  # one instance, whichever way it is found


def test_a_probe_run_imports_only_its_own_gatherers() -> None:
    code = ("import sys; from crawler.single import prepare; prepare('accessibility'); "
            "print(sorted(m for m in sys.modules if m.startswith('crawler.gatherers.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == str(["crawler.gatherers.axe", "crawler.gatherers.base", "crawler.gatherers.core"])


def test_one_page_plan_gathers_only_what_the_probe_reads() -> None:
    crawl_plan = make_plan([AccessibilityProbe()])
    assert {g.name for g in crawl_plan.page_gatherers["desktop"]} == {"axe", "document", "links", "screenshot"}
    plan = one_page_plan(make_plan([AccessibilityProbe()]), AccessibilityProbe())
    assert [g.name for g in plan.page_gatherers["desktop"]] == ["axe"]
    assert plan.init_scripts["desktop"] == [AxeGatherer.init_script]  # axe in every frame, as in a crawl
    perf = one_page_plan(make_plan([PerformanceProbe()]), PerformanceProbe())
    assert [g.name for g in perf.page_gatherers["desktop"]] == ["performance"]
    assert perf.init_scripts["desktop"] == [gatherer_for("performance").init_script]


def test_a_failed_early_launch_fails_the_way_a_late_one_does(tmp_path: Path) -> None:
    fake = tmp_path / "not-chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)

    async def go() -> None:
        pool = BrowserPool(CrawlSettings(browser=str(fake)))
        pool.start_early()
        try:
            with pytest.raises(PlaywrightError):
                await pool.browser()
        finally:
            await pool.close()

    asyncio.run(go())


def _ours(tmp: Path) -> list[str]:
    """Processes started with our private TMPDIR: the driver, Chromium and its helpers."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            env = Path(f"/proc/{pid}/environ").read_bytes()
        except OSError:
            continue
        if f"TMPDIR={tmp}".encode() in env.split(b"\0"):
            found.append(pid)
    return found


COMMANDS = {
    "module": [sys.executable, "-m", "maturity.cli"],
    "console script": [str(Path(sys.executable).parent / "maturity")],  # launches Chromium early
}


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("command", COMMANDS)
def test_cli_probe_reports_what_a_full_gathering_does_and_leaves_no_browser_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    # A TMPDIR of its own, short: Chromium puts a Unix socket there (paths of at most 107 bytes).
    tmp = Path(tempfile.mkdtemp(prefix="mt-", dir="/tmp"))
    env = {**os.environ, "TMPDIR": str(tmp)}
    with LocalSite(root=FIXTURES, host=HOST) as site:
        url = site.url("/iframe.html")  # a violation inside a frame
        done = subprocess.run([*COMMANDS[command], "probe", "accessibility", url, "--json"],
                              capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
        monkeypatch.setattr(crawler.single, "one_page_plan", lambda plan, probe: plan)  # as a crawl gathers
        lib = run_probe("accessibility", url, CrawlSettings(delay=0, allow_private=True))
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["error"] is None
    assert [[e["criterion"], e["outcome"], e["message"], e["details"]] for e in payload["evidence"]] == \
        json.loads(json.dumps([[e.criterion, e.outcome, e.message, e.details] for e in lib.evidence]))
    # The driver closes Chromium and deletes its profile after the command has exited.
    deadline = time.monotonic() + 20
    while (_ours(tmp) or any(tmp.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _ours(tmp) and not any(tmp.iterdir())
    tmp.rmdir()


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_refused_probe_command_leaves_no_early_browser_behind(tmp_path: Path) -> None:
    """The console script starts Chromium before it reads the arguments; a command it then
    refuses exits with its one-line error, and the browser goes with it."""
    tmp = Path(tempfile.mkdtemp(prefix="mt-", dir="/tmp"))
    env = {**os.environ, "TMPDIR": str(tmp)}
    done = subprocess.run([*COMMANDS["console script"], "probe", "no-such-probe", "http://127.0.0.1:9/"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "maturity: error: unknown probe 'no-such-probe'; `maturity probes` lists the available ones"]
    deadline = time.monotonic() + 20
    while (_ours(tmp) or any(tmp.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _ours(tmp) and not any(tmp.iterdir())
    tmp.rmdir()
