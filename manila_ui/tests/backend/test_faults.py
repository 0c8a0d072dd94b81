"""Whatever breaks inside, a client gets Manila's fault body, never a
traceback; the traceback goes to the log."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest.middleware import FaultWrapper


def broken_app(environ: dict[str, Any], start_response: Any) -> Any:
    raise RuntimeError("database on fire: secret details")


def test_an_unhandled_error_is_a_generic_500(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)

    resp = webob.Request.blank("/v2/shares").get_response(FaultWrapper(broken_app))

    assert resp.status_int == 500
    assert resp.json == {"computeFault": {
        "code": 500,
        "message": "The server has either erred or is incapable of performing "
                   "the requested operation."}}
    assert "secret details" not in resp.text
    assert "RuntimeError: database on fire" in caplog.text   # with its traceback
    assert "Traceback" in caplog.text


@pytest.mark.parametrize(("fault", "name"), [
    (faults.BadRequest(), "badRequest"), (faults.Unauthorized(), "unauthorized"),
    (faults.Forbidden(), "forbidden"), (faults.NotFound(), "itemNotFound"),
    (faults.BadMethod(), "badMethod"), (faults.Conflict(), "conflictingRequest"),
    (faults.BadMediaType(), "badMediaType"), (faults.NotAcceptable(), "computeFault"),
    (faults.UnprocessableEntity(), "computeFault"), (faults.ComputeFault(), "computeFault"),
])
def test_fault_names_are_manilas(fault: faults.Fault, name: str) -> None:
    assert list(fault.body()) == [name]
    assert fault.body()[name]["code"] == fault.code


def test_over_limit_carries_retry_after() -> None:
    resp = faults.OverLimit("too big").response()

    assert resp.headers["Retry-After"] == "0"
    assert resp.json == {"overLimit": {"code": 413, "message": "too big", "retryAfter": "0"}}
