"""A real Keystone (from PyPI) on SQLite with fernet tokens, served by gunicorn.

Bootstrapping costs ~15 s (four keystone-manage runs plus seeding over the API),
so it is done once into a template folder keyed by the keystone version and the
hash of this code; a stack instance is a copy of the template whose catalog URLs
are then rewritten for the instance's ports.
"""

from __future__ import annotations

import grp
import hashlib
import inspect
import json
import os
import pwd
import shutil
import sqlite3
import tempfile
from importlib import metadata
from pathlib import Path

from manila_ui.stack import config
from manila_ui.stack import procs

# What a template holds; keystone.conf is written per instance (absolute paths).
_TEMPLATE_ITEMS = ("keystone.db", "fernet-keys", "credential-keys")
_PLACEHOLDER_BACKEND = config.backend_url(config.DEFAULT_PORTS["backend"])

CONF = """\
[DEFAULT]
debug = false
[database]
connection = sqlite:///{dir}/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = {dir}/fernet-keys
[fernet_receipts]
# else fernet_setup also writes /etc/keystone/fernet-keys
key_repository = {dir}/fernet-keys
[credential]
key_repository = {dir}/credential-keys
[identity]
# bcrypt's minimum cost: fast logins; a loopback test stack only
password_hash_rounds = 4
[cache]
# ~300 SQL queries per token validation without it; one worker, so a process cache is right
enabled = true
backend = dogpile.cache.memory
"""


def write_conf(instance: Path) -> Path:
    # The database (password hashes) and the token keys: owner only.
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)
    instance.chmod(0o700)
    conf = instance / "keystone.conf"
    conf.write_text(CONF.format(dir=instance))
    return conf


def template_key() -> str:
    """Changes with keystone, the config and the bootstrap code (not the launcher)."""
    code = "".join([CONF, inspect.getsource(_bootstrap), inspect.getsource(_seed),
                    Path(config.__file__).read_text()]).encode()
    return f"{metadata.version('keystone')}-{hashlib.sha256(code).hexdigest()[:12]}"


def ensure_template(cache_root: Path, log: Path) -> Path:
    """The bootstrapped template folder for this keystone and this code, built once."""
    target = cache_root / f"keystone-{template_key()}"
    with procs.locked(cache_root / ".keystone.lock"):
        if (target / "ready").exists():
            return target
        shutil.rmtree(target, ignore_errors=True)
        log.unlink(missing_ok=True)  # this bootstrap's log only (older ones held a password)
        building = Path(tempfile.mkdtemp(prefix="keystone-build-", dir=cache_root))
        try:
            _bootstrap(building, log)
            for item in list(building.iterdir()):
                if item.name not in _TEMPLATE_ITEMS:
                    shutil.rmtree(item) if item.is_dir() else item.unlink()
            (building / "ready").write_text(template_key() + "\n")
            building.rename(target)
        finally:
            shutil.rmtree(building, ignore_errors=True)
        # Older templates are dead weight.
        for old in cache_root.glob("keystone-*"):
            if old != target and (old / "ready").exists():
                shutil.rmtree(old, ignore_errors=True)
    return target


def create_instance(template: Path, instance: Path) -> None:
    """Copy the template into ``instance`` (which must not hold a keystone yet)."""
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)
    for item in _TEMPLATE_ITEMS:
        src = template / item
        if src.is_dir():
            shutil.copytree(src, instance / item)
        else:
            shutil.copy2(src, instance / item)
    for keys in ("fernet-keys", "credential-keys"):
        (instance / keys).chmod(0o700)  # keystone warns about world-readable keys
    (instance / "template").write_text(template.name + "\n")
    write_conf(instance)


def set_endpoints(instance: Path, keystone_url: str, backend_url: str) -> None:
    """Point the catalog at this instance's ports (keystone is not running)."""
    db = sqlite3.connect(instance / "keystone.db")
    try:
        with db:
            db.execute(
                "UPDATE endpoint SET url = ? WHERE service_id IN "
                "(SELECT id FROM service WHERE type = 'identity')",
                (keystone_url + "/",),
            )
            for stype in config.SHARE_SERVICE_TYPES:
                db.execute(
                    "UPDATE endpoint SET url = ? WHERE service_id IN "
                    "(SELECT id FROM service WHERE type = ?)",
                    (backend_url, stype),
                )
    finally:
        db.close()


def server(instance: Path, port: int, *, log: Path, run_dir: Path) -> procs.Server:
    env = dict(os.environ, OS_KEYSTONE_CONFIG_DIR=str(instance))
    argv = [
        config.venv_bin("gunicorn"),
        "--bind", f"{config.HOST}:{port}",
        "--workers", "1",  # the dogpile memory cache is per process
        "--threads", "4",
        "--timeout", "120",
        "--config", "python:manila_ui.stack.gunicorn_conf",
        "--no-control-socket",  # else all gunicorns share ~/.gunicorn/gunicorn.ctl
        "--name", "manila-ui-keystone",
        "manila_ui.stack.keystone_wsgi:application",
    ]
    return procs.Server("keystone", argv, log=log, run_dir=run_dir, env=env, cwd=instance)


def start(instance: Path, port: int, *, log: Path, run_dir: Path) -> procs.Server:
    srv = server(instance, port, log=log, run_dir=run_dir)
    srv.start()
    try:
        srv.wait_http(config.keystone_url(port), timeout=60)
    except BaseException:
        srv.stop()
        raise
    return srv


# --- bootstrap ------------------------------------------------------------------


def _bootstrap(instance: Path, log: Path) -> None:
    conf = write_conf(instance)
    manage = [config.venv_bin("keystone-manage"), "--config-file", str(conf)]
    owner = ["--keystone-user", pwd.getpwuid(os.getuid()).pw_name,
             "--keystone-group", grp.getgrgid(os.getgid()).gr_name]
    admin = config.USERS["admin"]
    port = procs.free_port()
    url = config.keystone_url(port) + "/"
    procs.run([*manage, "db_sync"], log=log)
    procs.run([*manage, "fernet_setup", *owner], log=log)
    procs.run([*manage, "credential_setup", *owner], log=log)
    procs.run(
        [*manage, "bootstrap", "--bootstrap-username", admin.name,
         "--bootstrap-project-name", admin.project,
         "--bootstrap-role-name", "admin", "--bootstrap-region-id", config.REGION,
         "--bootstrap-public-url", url, "--bootstrap-internal-url", url,
         "--bootstrap-admin-url", url],
        log=log,
        # Not on the command line: procs.run logs that (and ps shows it to everyone).
        env={"OS_BOOTSTRAP_PASSWORD": admin.password},
    )
    srv = start(instance, port, log=log, run_dir=instance / "run")
    try:
        _seed(config.keystone_url(port))
    finally:
        srv.stop()


def _seed(auth_url: str) -> None:
    """Projects, users, role grants and the backend's catalog entries."""
    from keystoneauth1 import session
    from keystoneauth1.identity import v3

    admin = config.USERS["admin"]
    sess = session.Session(auth=v3.Password(
        auth_url=auth_url, username=admin.name, password=admin.password,
        project_name=admin.project, user_domain_id="default", project_domain_id="default",
    ))
    ep = {"endpoint_override": auth_url}

    def post(path: str, body: dict[str, object]) -> dict[str, object]:
        resp = sess.post(path, json=body, **ep)
        return dict(json.loads(resp.text))

    roles = {r["name"]: r["id"] for r in sess.get("/roles", **ep).json()["roles"]}
    projects = {p["name"]: p["id"] for p in sess.get("/projects", **ep).json()["projects"]}
    users = {u["name"]: u["id"] for u in sess.get("/users", **ep).json()["users"]}
    for user in config.USERS.values():
        if user.project not in projects:
            projects[user.project] = post(
                "/projects", {"project": {"name": user.project, "domain_id": "default"}}
            )["project"]["id"]  # type: ignore[index]
        if user.name not in users:
            users[user.name] = post("/users", {"user": {
                "name": user.name, "password": user.password, "domain_id": "default",
                "default_project_id": projects[user.project],
            }})["user"]["id"]  # type: ignore[index]
        for role in user.roles:
            sess.put(f"/projects/{projects[user.project]}/users/{users[user.name]}"
                     f"/roles/{roles[role]}", **ep)
    for stype, name in config.SHARE_SERVICE_TYPES.items():
        service = post("/services", {"service": {"type": stype, "name": name}})["service"]
        for interface in config.INTERFACES:
            post("/endpoints", {"endpoint": {
                "service_id": service["id"], "interface": interface,  # type: ignore[index]
                "region_id": config.REGION, "url": _PLACEHOLDER_BACKEND,
            }})
