"""``manila-ui enable`` / ``disable`` on a Horizon's ``openstack_dashboard/local`` folder:
idempotent, says what it did, removes exactly its own files, and will not run beside
upstream manila-ui's files unless told to move them aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from manila_ui.operator import cli
from manila_ui.operator.horizon_local import LANDING_PAGE
from manila_ui.operator.horizon_local import PACKAGE
from manila_ui.operator.horizon_local import HorizonLocal
from manila_ui.operator.horizon_local import plugin_files

# What upstream manila-ui 16 puts there (its own names; some are ours too).
UPSTREAM = {
    "enabled/_80_manila_admin_add_share_panel_group.py": "PANEL_GROUP = 'share'\n",
    "enabled/_9010_manila_project_add_shares_panel.py": "PANEL = 'shares'\n",
    "enabled/_9060_manila_project_add_share_groups_panel.py": "PANEL = 'share_groups'\n",
    "local_settings.d/_90_manila_shares.py": "POLICY_FILES['share'] = 'manila_policy.yaml'\n",
}
OTHERS = {  # Horizon's own examples and another plugin: never ours to touch
    "enabled/_50_settings.py.example": "# example\n",
    "enabled/_1920_other_plugin.py": "PANEL = 'other'\n",
    "local_settings.d/_9030_profiler_settings.py.example": "# example\n",
}


@pytest.fixture
def horizon_dir(tmp_path: Path) -> Path:
    root = tmp_path / "site-packages" / "openstack_dashboard"
    for rel, text in OTHERS.items():
        (root / "local" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "local" / rel).write_text(text)
    return root


def run(horizon_dir: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    static = ["--skip-static"] if args[0] in ("enable", "disable") else []
    rc = cli.main([args[0], "--horizon-dir", str(horizon_dir), *static, *args[1:]])
    return rc, capsys.readouterr().out


def listing(horizon_dir: Path) -> dict[str, str]:
    """Every file under local/ -> its link target or its text."""
    local = horizon_dir / "local"
    return {str(p.relative_to(local)): (f"-> {os.readlink(p)}" if p.is_symlink()
                                        else p.read_text())
            for p in sorted(local.rglob("*")) if p.is_file() or p.is_symlink()}


def ours(landing_page: bool = False) -> set[str]:
    return set(plugin_files(landing_page))


def test_enable_links_the_plugin_files_and_says_so(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 0
    local = horizon_dir / "local"
    for rel, src in plugin_files(landing_page=False).items():
        assert (local / rel).resolve() == src.resolve()
        assert f"linked       {local / rel}  (-> {src})" in out
    assert not (local / LANDING_PAGE).exists()  # Horizon's landing page stays
    assert f"manila-ui is enabled in {horizon_dir}" in out
    assert "Restart Horizon" in out
    assert {rel for rel in listing(horizon_dir) if "manila" in rel} == ours() | {".manila-ui.json"}


def test_enable_twice_changes_nothing(horizon_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    run(horizon_dir, "enable", capsys=capsys)
    before = listing(horizon_dir)
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 0
    assert listing(horizon_dir) == before
    assert f"{len(ours())} file(s) already in place" in out
    assert "linked" not in out


def test_disable_removes_exactly_what_enable_wrote(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    untouched = listing(horizon_dir)
    run(horizon_dir, "enable", "--landing-page", capsys=capsys)
    rc, out = run(horizon_dir, "disable", capsys=capsys)
    assert rc == 0
    assert listing(horizon_dir) == untouched
    assert out.count("removed") == len(ours(landing_page=True))
    rc, out = run(horizon_dir, "disable", capsys=capsys)
    assert rc == 0 and "was not enabled" in out


def test_disable_keeps_a_file_changed_by_hand(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(horizon_dir, "enable", "--copy", capsys=capsys)
    edited = horizon_dir / "local" / "local_settings.d" / "_90_manila_shares.py"
    edited.write_text(edited.read_text() + "\nOPENSTACK_MANILA_FEATURES['api_timeout'] = 5\n")
    rc, out = run(horizon_dir, "disable", capsys=capsys)
    assert rc == 0
    assert edited.exists()
    assert f"kept         {edited}  (changed since manila-ui wrote it" in out
    assert [p.name for p in (horizon_dir / "local" / "enabled").glob("*manila*")] == []


def test_upstream_files_stop_enable(horizon_dir: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    for rel, text in UPSTREAM.items():
        (horizon_dir / "local" / rel).write_text(text)
    before = listing(horizon_dir)
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 2
    assert "did not write" in out and "--replace" in out
    for rel in UPSTREAM:
        assert str(horizon_dir / "local" / rel) in out
    assert listing(horizon_dir) == before  # nothing written


def test_replace_moves_upstream_files_aside_and_installs_ours(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for rel, text in UPSTREAM.items():
        (horizon_dir / "local" / rel).write_text(text)
    rc, out = run(horizon_dir, "enable", "--replace", capsys=capsys)
    assert rc == 0
    local = horizon_dir / "local"
    (backup,) = (local / ".manila-ui-replaced").iterdir()
    for rel, text in UPSTREAM.items():
        assert (backup / rel).read_text() == text
        assert f"moved aside  {local / rel}" in out
    now = listing(horizon_dir)
    assert {rel for rel in now if "manila" in rel and not rel.startswith(".manila-ui")} == ours()
    for rel, text in OTHERS.items():
        assert now[rel] == text


def test_copy_mode_then_back_to_links(horizon_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    run(horizon_dir, "enable", "--copy", capsys=capsys)
    local = horizon_dir / "local"
    for rel, src in plugin_files(landing_page=False).items():
        assert not (local / rel).is_symlink() and (local / rel).read_bytes() == src.read_bytes()
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 0 and out.count("updated") == len(ours())
    assert all((local / rel).is_symlink() for rel in ours())


def test_the_landing_page_is_opt_in_and_remembered(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = horizon_dir / "local" / LANDING_PAGE
    run(horizon_dir, "enable", capsys=capsys)
    assert not page.exists()
    run(horizon_dir, "enable", "--landing-page", capsys=capsys)
    assert 'DEFAULT_PANEL = "shares"' in page.read_text()
    run(horizon_dir, "enable", capsys=capsys)  # e.g. after an upgrade: still on
    assert page.exists()
    rc, out = run(horizon_dir, "enable", "--no-landing-page", capsys=capsys)
    assert rc == 0 and f"removed      {page}" in out
    assert not page.exists()


def test_files_of_an_older_version_are_removed(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(horizon_dir, "enable", capsys=capsys)
    local = HorizonLocal(horizon_dir)
    old = horizon_dir / "local" / "enabled" / "_9099_manila_project_add_gone_panel.py"
    old.symlink_to(PACKAGE / "local" / "enabled" / old.name)  # dangling, as after an upgrade
    manifest = local.manifest()
    manifest["files"][f"enabled/{old.name}"] = f"link:{os.readlink(old)}"  # type: ignore[index]
    local.manifest_path.write_text(json.dumps(manifest))
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 0 and f"removed      {old}" in out
    assert not old.is_symlink()


def test_links_made_before_manifests_existed_are_adopted(
    horizon_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The bundled stack linked the files itself before `manila-ui enable` existed.
    for rel, src in plugin_files(landing_page=False).items():
        (horizon_dir / "local" / rel).symlink_to(src)
    rc, out = run(horizon_dir, "enable", capsys=capsys)
    assert rc == 0 and f"{len(ours())} file(s) already in place" in out


def test_status_tells_what_is_enabled(horizon_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert run(horizon_dir, "status", capsys=capsys)[0] == 3
    run(horizon_dir, "enable", "--landing-page", capsys=capsys)
    rc, out = run(horizon_dir, "status", capsys=capsys)
    assert rc == 0 and "landing page: Shares" in out
    assert out.count(": ok") == len(ours(landing_page=True))


def test_dry_run_writes_nothing(horizon_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = listing(horizon_dir)
    rc, out = run(horizon_dir, "enable", "--dry-run", capsys=capsys)
    assert rc == 0 and out.count("would be linked") == len(ours())
    assert listing(horizon_dir) == before


def test_a_folder_that_is_not_horizon_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out = run(tmp_path, "enable", capsys=capsys)
    assert rc == 2 and "not Horizon's openstack_dashboard folder" in out
