"""The dashboard's tests against real Manila: ``MANILA_UI_TARGET=reference``.

``make reference-dashboard`` sets it together with ``MANILA_UI_TEST_KEYSTONE_URL``
(the reference Keystone), so the shared fixtures of manila_ui/tests/conftest.py
use that Keystone, its users and its catalog (hence real Manila) instead of
starting the bundled stack. On that target:

- ``backend_calls`` counts the Manila requests the test process sends (Horizon
  runs in it), from keystoneauth's debug log, so the "constant number of calls
  per page" tests run there too;
- the bundled backend's internals (``stack.state_path``: its database, access
  log, exports files) skip the test that reads them, with the reason;
- tests marked ``bundled_only`` or listed in ``BUNDLED_ONLY`` below skip: they
  steer the simulated driver or test our squash/priority extension, which real
  Manila does not have (manila_ui/tests/reference/test_dashboard_reference.py
  checks instead that the extension's fields are absent there).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.stack.harness import BackendCalls
from manila_ui.tests.stack.harness import TestStack

TARGET_ENV = "MANILA_UI_TARGET"
TARGETS = ("bundled", "reference")
KEYSTONE_ENV = "MANILA_UI_TEST_KEYSTONE_URL"

_DRIVER = "steers the bundled backend's simulated driver ({}); DummyDriver has no such hook"
_SQUASH = ("tests our squash/priority extension, which real Manila lacks "
           "(test_dashboard_reference.py checks the fields are absent there)")
# "<file>::<test function>" -> why it cannot run against real Manila.
BUNDLED_ONLY: dict[str, str] = {
    "test_share_actions.py::test_shrink_and_its_refusal_below_the_used_space":
        _DRIVER.format("simulated_driver:used_gb"),
    "test_admin_share_actions.py::test_force_delete_a_share_stuck_in_error":
        _DRIVER.format("simulated_driver:fail"),
    "test_share_rules.py::test_a_cephx_key_is_only_fetched_on_request":
        "needs a back end that hands out cephx access keys; the DummyDriver gives none",
    "test_admin_share_types.py::test_admin_creates_edits_and_deletes_a_squash_capable_type":
        _SQUASH,
}
# A fixture whose use makes a test bundled-only -> why.
BUNDLED_ONLY_FIXTURES: dict[str, str] = {
    "squash_type": _SQUASH,  # a type with squash_support: no real pool reports it
    "failed_share": _DRIVER.format("simulated_driver:fail"),
}


def target() -> str:
    return os.environ.get(TARGET_ENV) or "bundled"


def is_reference() -> bool:
    return target() == "reference"


def configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "bundled_only(reason): needs the bundled backend (its simulated driver, its files or "
        "our extension); skipped when MANILA_UI_TARGET=reference",
    )
    if target() not in TARGETS:
        raise pytest.UsageError(f"{TARGET_ENV} must be one of {', '.join(TARGETS)}")
    if is_reference() and not os.environ.get(KEYSTONE_ENV):
        raise pytest.UsageError(
            f"{TARGET_ENV}=reference needs {KEYSTONE_ENV}=<the reference Keystone> "
            "(read before Horizon's settings load); run `make reference-dashboard`")


def skip_bundled_only(items: list[pytest.Item]) -> None:
    if not is_reference():
        return
    for item in items:
        marker = item.get_closest_marker("bundled_only")
        name = getattr(item, "originalname", item.name)
        why = BUNDLED_ONLY.get(f"{item.path.name}::{name}") or next(
            (BUNDLED_ONLY_FIXTURES[f] for f in getattr(item, "fixturenames", ())
             if f in BUNDLED_ONLY_FIXTURES), None)
        if marker is not None:
            why = str(marker.args[0] if marker.args else marker.kwargs.get("reason", "")) or \
                "needs the bundled backend"
        if why:
            item.add_marker(pytest.mark.skip(reason=f"reference target: {why}"))


@dataclasses.dataclass
class ReferenceStack(TestStack):
    """The session's stack on the reference target: its backend is real Manila."""

    __test__ = False

    @property
    def state_path(self) -> Path:
        pytest.skip("reference target: reads the bundled backend's state folder "
                    "(database, access log, exports files), which real Manila does not have")

    @property
    def access_log(self) -> Path:
        pytest.skip("reference target: reads the bundled backend's access log")


def as_reference(stack: TestStack) -> ReferenceStack:
    return ReferenceStack(**{f.name: getattr(stack, f.name)
                             for f in dataclasses.fields(TestStack)})


class ClientCalls(BackendCalls):
    """``backend_calls`` on the reference target: the Manila requests this test
    process sends (Horizon runs in it under Django's test client), read from
    keystoneauth's debug log while the ``with`` block runs. Real Manila's own
    API log would also count whoever else uses the reference stack meanwhile.
    Lines look like the bundled access log's: ``<METHOD> <path?query> <status> <ms>``."""

    LOGGERS = ("keystoneauth", "manilaclient")

    def __init__(self, manila_root: str) -> None:
        super().__init__(Path(os.devnull))
        self.root = manila_root.rstrip("/")
        self._seen: list[list[Any]] = []  # [method, target, status, t0, t1]
        self._saved: list[tuple[logging.Logger, int]] = []
        self._handler = _Collect(self)

    def __enter__(self) -> ClientCalls:
        self._seen = []
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self._saved.append((logger, logger.level))
            logger.setLevel(logging.DEBUG)
            logger.addHandler(self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for logger, level in self._saved:
            logger.removeHandler(self._handler)
            logger.setLevel(level)
        self._saved = []

    def record(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        request = _REQ.match(text)
        if request:
            url = request["url"]
            if url.startswith(self.root + "/") or url == self.root:
                self._seen.append([request["method"], url[len(self.root):], 0,
                                   record.created, None])
            else:
                self._seen.append([None, None, 0, record.created, None])  # not Manila
            return
        response = _RESP.match(text)
        if response:
            pending = next((c for c in self._seen if c[4] is None), None)
            if pending is not None:
                pending[2], pending[4] = int(response["status"]), record.created

    @property
    def lines(self) -> list[str]:
        return [f"{m} {t} {status} {((t1 or t0) - t0) * 1000:.1f}"
                for m, t, status, t0, t1 in self._seen if m is not None]


_REQ = re.compile(r'^(?:REQ: )?curl -g -i(?: --\S+(?: "[^"]*")?)* -X (?P<method>[A-Z]+) '
                  r'"?(?P<url>[^"\s]+)"?')
_RESP = re.compile(r"^(?:RESP: )?\[(?P<status>\d{3})\]")


class _Collect(logging.Handler):
    def __init__(self, calls: ClientCalls) -> None:
        super().__init__(logging.DEBUG)
        self.calls = calls

    def emit(self, record: logging.LogRecord) -> None:
        self.calls.record(record)
