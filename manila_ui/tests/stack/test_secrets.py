"""No secret in a log, secrets only in private files (issue 11 §4).

The log check runs after every other test of the session (marker ``last``), so it reads
what the whole suite made the stack write; it also makes the stack handle every kind of
secret itself first, so it can fail when run alone.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from manila_ui.stack import config
from manila_ui.stack import keystone
from manila_ui.stack.procs import wait_until
from manila_ui.tests.stack.harness import TestStack
from manila_ui.tests.stack.harness import horizon_login
from manila_ui.tests.stack.harness import horizon_logout
from manila_ui.tests.stack.harness import session_keystone_tokens

# Keystone's fernet tokens (base64url of a Fernet token: 0x80 then a timestamp).
FERNET = re.compile(r"gAAAAA[A-Za-z0-9_-]{60,}")
PASSWORDS = sorted({u.password for u in config.USERS.values()})
LOG_SUFFIXES = (".log", ".out")


def logs_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_dir():
            yield from (p for p in root.rglob("*") if p.is_file() and p.suffix in LOG_SUFFIXES)


def secrets_in(path: Path, secrets: list[str]) -> list[str]:
    text = path.read_text(errors="replace")
    found = [s for s in secrets if s in text]
    found += [f"a fernet token {m.group()[:12]}..." for m in FERNET.finditer(text)]
    return found


def _cephx_key(manila: Callable[..., Any]) -> str:
    demo = manila("demo")
    share = demo.shares.create("NFS", 1, name="secrets-in-logs")
    wait_until(lambda: demo.shares.get(share.id).status == "available", 60, 0.2,
               what="the share")
    demo.shares.allow(share.id, "cephx", "logreader", "rw")

    def key() -> str | None:
        rules = demo.share_access_rules.access_list(share.id)
        return next((r.access_key for r in rules if getattr(r, "access_key", None)), None)

    try:
        found: str = wait_until(key, 60, 0.2, what="the cephx rule's key")
    finally:
        demo.shares.delete(share.id)
    return found


@pytest.mark.last
def test_no_log_the_stack_wrote_holds_a_secret(
    stack: TestStack, live_horizon: str, os_session: Callable[..., Any],
    manila: Callable[..., Any], tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Secrets of every kind pass through the stack once more.
    secrets = list(PASSWORDS)
    secrets += [os_session(user).get_token() for user in config.CLOUD_USERS]
    for user in ("demo", "admin"):
        sess = horizon_login(live_horizon, user)
        secrets += session_keystone_tokens(sess.cookies[settings.SESSION_COOKIE_NAME])
        sess.get(live_horizon + "/project/", timeout=30)
        horizon_logout(sess, live_horizon)
    secrets.append(_cephx_key(manila))

    logs = list(logs_under(tmp_path_factory.getbasetemp(), config.stack_dir() / "logs"))
    assert any(p.name == "horizon.log" for p in logs) and any(
        p.name == "backend.log" for p in logs), logs
    leaks = {str(p): found for p in logs if (found := secrets_in(p, secrets))}
    assert not leaks, f"secrets in logs: {leaks}"


def test_keystone_bootstrap_logs_no_password(tmp_path: Path) -> None:
    log = tmp_path / "keystone-setup.log"
    keystone.ensure_template(tmp_path / "cache", log)
    assert "bootstrap" in log.read_text()
    assert not secrets_in(log, PASSWORDS)


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_files_that_hold_secrets_are_private(stack: TestStack, horizon_static: Path) -> None:
    assert stack.layout is not None, "an external stack: not ours to check"
    lay = stack.layout
    horizon_state = Path(settings.SESSION_FILE_PATH).parent
    private = {
        "clouds.yaml (passwords)": lay.clouds_yaml,
        "keystone (database, token keys)": lay.keystone_dir,
        "backend (service password, cephx keys)": lay.backend_dir,
        "backend.conf": lay.backend_dir / "backend.conf",
        "Horizon's secret key": horizon_state / "secret_key",
        "Horizon's sessions (Keystone tokens)": Path(settings.SESSION_FILE_PATH),
    }
    public = [name for name, path in private.items() if not _private(path)]
    assert not public, public
