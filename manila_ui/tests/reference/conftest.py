"""Fixtures for the differential tests: the bundled backend vs the real Manila reference.

- ``reference_side``: the running reference stack (``make reference``), found
  through ``.stack/reference/clouds.yaml`` (``MANILA_UI_REF_DIR`` /
  ``MANILA_UI_STACK_DIR`` move it). Skips when it is not up.
- ``bundled_side``: the bundled backend. ``MANILA_UI_BUNDLED_CLOUDS`` names the
  clouds.yaml of a stack that already runs; otherwise one is started for the
  session on free ports (Keystone + backend, no Horizon).

Run: ``make reference reference-test`` (``pytest -m reference manila_ui/tests/reference``);
without ``-m reference`` these tests are skipped.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from manila_ui.tests.reference.differ import Recorder
from manila_ui.tests.reference.differ import Side

REPO_ROOT = Path(__file__).resolve().parents[3]
_RECORDER = Recorder()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "reference: differential tests against the real Manila reference stack "
        "(`make reference`); skipped when it is not running",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Differential tests run only when asked for (``-m reference``), so that a reference
    stack left running does not change what the main suite does."""
    if "reference" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="differential test: run with `make reference-test`")
    for item in items:
        if item.get_closest_marker("reference"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _RECORDER.calls:
        terminalreporter.section("bundled backend vs real Manila")
        for line in _RECORDER.summary_lines():
            terminalreporter.write_line(line)
        dump = os.environ.get("MANILA_UI_DIFF_DUMP")
        if dump:  # every compared call with both answers, for a report
            _RECORDER.dump(Path(dump))
            terminalreporter.write_line(f"every compared call: {dump}")


def _reference_root() -> Path:
    if os.environ.get("MANILA_UI_REF_DIR"):
        return Path(os.environ["MANILA_UI_REF_DIR"])
    if os.environ.get("MANILA_UI_STACK_DIR"):
        return Path(os.environ["MANILA_UI_STACK_DIR"]) / "reference"
    return REPO_ROOT / ".stack" / "reference"


def _answers(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=3) as resp:  # noqa: S310 - loopback
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


@pytest.fixture(scope="session")
def recorder() -> Recorder:
    return _RECORDER


@pytest.fixture(scope="session")
def reference_side() -> Side:
    clouds = _reference_root() / "clouds.yaml"
    if not clouds.is_file():
        pytest.skip(f"the reference stack is not set up ({clouds} missing): run `make reference`")
    try:
        side = Side.from_clouds("reference", clouds)
    except Exception as exc:  # keystone down: the catalog cannot be read
        pytest.skip(
            f"the reference stack is not up ({exc.__class__.__name__}): run `make reference`"
        )
    if _answers(side.root + "/") != 300:
        pytest.skip(f"reference Manila does not answer at {side.root}: run `make reference`")
    return side


@pytest.fixture(scope="session")
def bundled_side(tmp_path_factory: pytest.TempPathFactory, reference_side: Side) -> Iterator[Side]:
    # Depends on reference_side so that nothing is started when it skips.
    given = os.environ.get("MANILA_UI_BUNDLED_CLOUDS")
    if given:
        yield Side.from_clouds("bundled", Path(given))
        return
    try:
        from manila_ui.stack import config
        from manila_ui.stack import procs
        from manila_ui.stack.runner import Layout
        from manila_ui.stack.runner import Stack
    except ImportError as exc:
        pytest.skip(f"cannot start the bundled stack: {exc}")
    layout = Layout(
        root=tmp_path_factory.mktemp("bundled-stack"),
        keystone_port=procs.free_port(),
        backend_port=procs.free_port(),
        horizon_port=procs.free_port(),
        template_cache=config.stack_dir() / "test-template",
        transition_delay=0.2,
    )
    stack = Stack(layout)
    stack.up(with_horizon=False)
    try:
        yield Side.from_clouds("bundled", layout.clouds_yaml)
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def sides(bundled_side: Side, reference_side: Side) -> dict[str, Side]:
    return {"bundled": bundled_side, "reference": reference_side}
