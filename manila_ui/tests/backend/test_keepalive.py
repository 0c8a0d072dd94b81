"""A client that keeps its connection open between polls (openstacksdk's
waiters, keystoneauth sessions) gets its answer on that connection after an
idle pause, instead of ``RemoteDisconnected`` (issue 11 §4: the server used
to close idle connections after 2 s)."""

from __future__ import annotations

import http.client
import select

from manila_ui.tests.backend.conftest import Backend

IDLE = 3.0   # seconds: longer than the 2 s that used to close the connection


def test_a_connection_reused_after_an_idle_pause_gets_its_answer(backend: Backend) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=10)
    conn.request("GET", "/")
    first = conn.getresponse()
    first.read()
    assert first.status == 300 and not first.will_close
    sock = conn.sock
    assert sock is not None
    # The server must not close the idle connection meanwhile: its end of
    # the socket would turn readable (EOF) within the pause.
    readable, _, _ = select.select([sock], [], [], IDLE)
    assert not readable, "the server closed the idle connection"
    conn.request("GET", "/")
    second = conn.getresponse()
    second.read()
    assert second.status == 300
    assert conn.sock is sock      # the same connection, not a new one
    conn.close()
