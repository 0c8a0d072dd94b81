"""The plugin's settings snippet (``local_settings.d/_90_manila_shares.py``) as Horizon
runs it: every ``OPENSTACK_MANILA_FEATURES`` key upstream manila-ui documents is honoured
or reported as unused, an operator's values win, and policy overrides live outside
site-packages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from manila_ui.stack import config

SNIPPET = config.REPO_ROOT / "manila_ui" / "local" / "local_settings.d" / "_90_manila_shares.py"
# Upstream manila-ui 16's documented keys: a public interface operators' settings use.
UPSTREAM_KEYS = {
    "enable_share_groups", "enable_replication", "enable_migration",
    "enable_public_share_type_creation", "enable_public_share_group_type_creation",
    "enable_public_shares", "enabled_share_protocols",
}


def run_snippet(**settings: Any) -> dict[str, Any]:
    """Execute the snippet as Horizon does: in a namespace that holds Horizon's settings
    and the operator's local_settings.py."""
    namespace: dict[str, Any] = {"POLICY_FILES_PATH": "/etc/openstack-dashboard",
                                 "POLICY_FILES": {}, "DEFAULT_POLICY_FILES": {}, **settings}
    exec(compile(SNIPPET.read_text(), str(SNIPPET), "exec"), namespace)  # noqa: S102
    return namespace


def test_the_snippet_knows_every_upstream_key() -> None:
    ns = run_snippet()
    known = set(ns["_MANILA_UI_FEATURES"]) | set(ns["_MANILA_UI_UNUSED_FEATURES"])
    assert UPSTREAM_KEYS <= known, UPSTREAM_KEYS - known
    assert not set(ns["_MANILA_UI_FEATURES"]) & set(ns["_MANILA_UI_UNUSED_FEATURES"])
    assert set(ns["OPENSTACK_MANILA_FEATURES"]) == set(ns["_MANILA_UI_FEATURES"])


def test_every_key_the_code_reads_has_a_default() -> None:
    ns = run_snippet()
    read = set()
    for path in (config.REPO_ROOT / "manila_ui").rglob("*.py"):
        if "tests" not in path.parts:
            read |= set(re.findall(r"""features\(\)\.get\(\s*["'](\w+)["']""", path.read_text()))
            read |= set(re.findall(r"""features\.get\(\s*["'](\w+)["']""", path.read_text()))
    assert read, "no OPENSTACK_MANILA_FEATURES read found: the pattern is stale"
    assert read <= set(ns["_MANILA_UI_FEATURES"]), read - set(ns["_MANILA_UI_FEATURES"])


def test_the_readme_lists_every_key() -> None:
    ns = run_snippet()
    readme = (config.REPO_ROOT / "README.md").read_text()
    for key in set(ns["_MANILA_UI_FEATURES"]) | set(ns["_MANILA_UI_UNUSED_FEATURES"]):
        assert f"`{key}`" in readme, key


def test_the_operators_values_win_and_unused_keys_are_reported(tmp_path: Path) -> None:
    # Through Horizon's real settings: an operator's local settings (here the stack's JSON
    # overrides, which the stack's local_settings.py applies) set some keys.
    overrides = tmp_path / "settings.json"
    overrides.write_text(json.dumps({"OPENSTACK_MANILA_FEATURES": {
        "enable_public_shares": False, "enable_public_share_type_creation": True,
        "enable_sharez": 1}}))
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="openstack_dashboard.settings",
               MANILA_UI_HORIZON_SETTINGS=str(overrides))
    code = ("import json; from django.conf import settings as s; "
            "print(json.dumps(s.OPENSTACK_MANILA_FEATURES))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,  # noqa: S603
                          text=True, timeout=60, check=True)
    features = json.loads(done.stdout.splitlines()[-1])
    assert features["enable_public_shares"] is False
    assert features["api_timeout"] == 30  # the defaults fill the rest
    assert ("OPENSTACK_MANILA_FEATURES['enable_public_share_type_creation'] has no effect"
            in done.stderr)
    assert "OPENSTACK_MANILA_FEATURES['enable_sharez'] is not a manila-ui setting" in done.stderr


def test_policy_defaults_ship_with_the_package() -> None:
    ns = run_snippet()
    package_conf = config.REPO_ROOT / "manila_ui" / "conf"
    assert ns["DEFAULT_POLICY_FILES"]["share"] == str(package_conf / "default_policies" /
                                                      "manila.yaml")
    # No override file in POLICY_FILES_PATH: the package's empty one (oslo.policy needs one).
    assert ns["POLICY_FILES"]["share"] == str(package_conf / "manila_policy.yaml")


def test_an_override_file_in_policy_files_path_is_used(tmp_path: Path) -> None:
    (tmp_path / "manila_policy.yaml").write_text('"share:create": "rule:admin_api"\n')
    ns = run_snippet(POLICY_FILES_PATH=str(tmp_path))
    assert ns["POLICY_FILES"]["share"] == str(tmp_path / "manila_policy.yaml")


def test_an_operators_own_policy_setting_wins() -> None:
    ns = run_snippet(POLICY_FILES={"share": "/srv/policies/manila.yaml"},
                     DEFAULT_POLICY_FILES={"share": "/srv/policies/manila-defaults.yaml"})
    assert ns["POLICY_FILES"]["share"] == "/srv/policies/manila.yaml"
    assert ns["DEFAULT_POLICY_FILES"]["share"] == "/srv/policies/manila-defaults.yaml"
