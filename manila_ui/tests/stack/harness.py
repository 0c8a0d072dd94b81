"""What the shared fixtures hand out: the session's stack and the backend call counter."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

import requests

from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.stack.runner import Layout
from manila_ui.stack.runner import Stack
from manila_ui.tests.stack import plugin

# Short, but not zero: tests must see the transitional states.
TEST_TRANSITION_DELAY = 0.2


@dataclass
class TestStack:
    """The Keystone + backend of one test session (see doc/contributing.md, Test fixtures)."""

    __test__ = False  # not a test class, whatever its name

    keystone_url: str
    backend_url: str  # catalog URL, e.g. http://127.0.0.1:PORT/v2
    root: Path  # the session's state folder
    external: bool = False  # True: someone else's Keystone/backend (no access log)
    layout: Layout | None = None
    runner: Stack | None = field(default=None, repr=False)

    @property
    def backend_root(self) -> str:
        """The backend without the version path (``GET /`` is the versions document)."""
        return self.backend_url.rsplit("/v2", 1)[0]

    @property
    def state_path(self) -> Path:
        """The backend's ``state_path`` (database, access.log, exports files)."""
        return self.root / "backend"

    @property
    def access_log(self) -> Path:
        return self.state_path / "access.log"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def clouds_yaml(self) -> Path:
        return self.root / "clouds.yaml"

    @staticmethod
    def user(name: str) -> config.User:
        return config.USERS[name]

    def creds(self, user: str) -> dict[str, Any]:
        """keystoneauth1 ``v3.Password`` keyword arguments for a local user."""
        u = config.USERS[user]
        return {
            "auth_url": self.keystone_url,
            "username": u.name,
            "password": u.password,
            "project_name": u.project,
            "user_domain_name": config.DOMAIN,
            "project_domain_name": config.DOMAIN,
        }


def start_test_stack(root: Path, template_cache: Path) -> TestStack:
    """Start Keystone (a copy of the cached template) and the backend on this session's ports."""
    external = os.environ.get(plugin.EXTERNAL_KEYSTONE)
    if external:
        return TestStack(keystone_url=external, backend_url=_catalog_backend(external),
                         root=root, external=True)
    layout = Layout(
        root=root,
        keystone_port=int(os.environ[plugin.KEYSTONE_PORT]),
        backend_port=int(os.environ[plugin.BACKEND_PORT]),
        horizon_port=procs.free_port(),
        template_cache=template_cache,
        transition_delay=TEST_TRANSITION_DELAY,
        horizon_workers=1,
    )
    runner = Stack(layout)
    runner.up(with_horizon=False)
    return TestStack(keystone_url=layout.keystone_url, backend_url=layout.backend_url,
                     root=root, layout=layout, runner=runner)


def _catalog_backend(keystone_url: str) -> str:
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    u = config.USERS["demo"]
    sess = session.Session(auth=v3.Password(
        auth_url=keystone_url, username=u.name, password=u.password, project_name=u.project,
        user_domain_name=config.DOMAIN, project_domain_name=config.DOMAIN))
    return str(sess.get_endpoint(service_type="sharev2", interface="public")).rstrip("/")


@dataclass(frozen=True)
class Call:
    method: str
    target: str  # path?query
    status: int
    ms: float

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


class BackendCalls:
    """The backend requests made while the ``with`` block ran (from its access log).

    ``count``/``calls``/``lines`` read what was logged up to now (inside the
    block) or up to the block's end (after it). The backend writes a request's
    line before it sends the response, so nothing is missed.
    """

    def __init__(self, log: Path) -> None:
        self.log = log
        self._start = 0
        self._end: int | None = None

    def _size(self) -> int:
        try:
            return self.log.stat().st_size
        except FileNotFoundError:
            return 0

    def __enter__(self) -> BackendCalls:
        self._start = self._size()
        self._end = None
        return self

    def __exit__(self, *exc: object) -> None:
        self._end = self._size()

    @property
    def lines(self) -> list[str]:
        try:
            with open(self.log, "rb") as fh:
                fh.seek(self._start)
                data = fh.read() if self._end is None else fh.read(self._end - self._start)
        except FileNotFoundError:
            return []
        return data.decode("utf-8", "replace").splitlines()

    @property
    def calls(self) -> list[Call]:
        out = []
        for line in self.lines:
            parts = line.split(" ")
            if len(parts) < 4:
                continue
            status, ms = parts[-2], parts[-1]
            out.append(Call(parts[0], " ".join(parts[1:-2]),
                            int(status) if status.isdigit() else 0, float(ms)))
        return out

    @property
    def count(self) -> int:
        return len(self.lines)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Call]:
        return iter(self.calls)

    def matching(self, method: str | None = None, path: str | None = None) -> list[Call]:
        """Calls with this method and/or whose path starts with ``path``."""
        return [c for c in self.calls
                if (method is None or c.method == method)
                and (path is None or c.path.startswith(path))]

    def __repr__(self) -> str:
        return f"<BackendCalls {self.count}: {self.lines!r}>"



# --- a browser's view of a live Horizon, with plain HTTP ------------------------------------


def _csrf(sess: requests.Session, base_url: str, path: str) -> str:
    page = sess.get(base_url + path, timeout=30)
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    return found.group(1) if found else sess.cookies["csrftoken"]


def horizon_login(base_url: str, user: str) -> requests.Session:
    """A ``requests`` session logged in to a live Horizon through its login form."""
    sess = requests.Session()
    u = config.USERS[user]
    resp = sess.post(base_url + "/auth/login/", timeout=30, allow_redirects=False, data={
        "csrfmiddlewaretoken": _csrf(sess, base_url, "/auth/login/"),
        "region": "default", "domain": config.DOMAIN, "username": u.name, "password": u.password,
    })
    assert resp.status_code == 302, f"login as {user}: {resp.status_code}"
    return sess


def horizon_logout(sess: requests.Session, base_url: str) -> requests.Response:
    """Log out as the user menu does: a POST with the page's CSRF token."""
    token = _csrf(sess, base_url, "/project/")
    return sess.post(base_url + "/auth/logout/", timeout=30, allow_redirects=False,
                     data={"csrfmiddlewaretoken": token},
                     headers={"Referer": base_url + "/project/"})


def session_keystone_tokens(session_key: str) -> list[str]:
    """The Keystone tokens the server-side session ``session_key`` holds (the test process
    reads the same session files as the live Horizon)."""
    from django.contrib.sessions.backends.file import SessionStore

    data = SessionStore(session_key=session_key).load()
    token = data.get("token")
    return [t for t in (getattr(token, "id", None), data.get("unscoped_token"),
                        getattr(token, "unscoped_token", None)) if isinstance(t, str) and t]
