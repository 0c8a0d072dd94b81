"""The wheel ships every file of the plugin's tree that runs (issue 16): a new template
folder, static file, settings file or translation that the packaging globs miss fails
here, and so does a test or a stray file that would ship."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tarfile
import zipfile

from manila_ui.tests.operator.conftest import Dist
from manila_ui.tests.operator.conftest import tree_files

# Files of manila_ui/ that are not run by an installed plugin: the tests, and the
# message catalogs' sources (Django reads the compiled .mo files).
NOT_SHIPPED = ("manila_ui/tests/*", "manila_ui/locale/*.pot", "manila_ui/locale/*/LC_MESSAGES/*.po")
# Compiled from the .po files by the build (setup.py): shipped, yet not in `git ls-files`.
BUILT = ("manila_ui/locale/*/LC_MESSAGES/*.mo",)


def runtime_files() -> set[str]:
    return {name for name in tree_files() if name.startswith("manila_ui/")
            and not any(fnmatch.fnmatch(name, pattern) for pattern in NOT_SHIPPED)}


def wheel_files(dist: Dist) -> set[str]:
    with zipfile.ZipFile(dist.wheel) as whl:
        return {name for name in whl.namelist() if not name.split("/")[0].endswith(".dist-info")}


def test_the_wheel_holds_exactly_the_runtime_files_of_the_tree(built_dist: Dist) -> None:
    shipped, wanted = wheel_files(built_dist), runtime_files()
    assert not wanted - shipped, f"missing from the wheel: {sorted(wanted - shipped)}"
    extra = {name for name in shipped - wanted
             if not any(fnmatch.fnmatch(name, pattern) for pattern in BUILT)}
    assert not extra, f"in the wheel but not a runtime file of the tree: {sorted(extra)}"
    # What issue 16 found missing, by name.
    assert {"manila_ui/local/local_settings.d/_90_manila_shares.py",
            "manila_ui/templates/manila_ui/share_quotas/_usage.html",
            "manila_ui/conf/default_policies/manila.yaml",
            "manila_ui/local/enabled/_9011_manila_project_shares_landing_page.py.example",
            } <= shipped


def test_the_wheel_carries_the_license_and_the_console_scripts(built_dist: Dist) -> None:
    with zipfile.ZipFile(built_dist.wheel) as whl:
        names = whl.namelist()
        info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
        assert "Apache License" in whl.read(f"{info}/licenses/LICENSE").decode()
        metadata = whl.read(f"{info}/METADATA").decode()
        scripts = whl.read(f"{info}/entry_points.txt").decode()
    assert "License: Apache-2.0" in metadata or "License-Expression: Apache-2.0" in metadata
    assert "Description-Content-Type: text/markdown" in metadata
    assert "manila-ui = manila_ui.operator.cli:main" in scripts


def test_the_wheel_ships_compiled_catalogs_of_every_locale(built_dist: Dist) -> None:
    """The .po files of the tree, compiled at build time (setup.py): every locale and
    domain, and Django reads them (a German and a Japanese string, by their msgid)."""
    import gettext
    import io

    from manila_ui.tests.i18n import catalogs

    pos = {name for name in tree_files()
           if fnmatch.fnmatch(name, "manila_ui/locale/*/LC_MESSAGES/*.po")}
    assert {catalogs.po(locale, domain).relative_to(catalogs.PACKAGE.parent).as_posix()
            for locale in catalogs.LOCALES for domain in catalogs.DOMAINS} <= pos
    with zipfile.ZipFile(built_dist.wheel) as whl:
        mos = {name: whl.read(name) for name in whl.namelist() if name.endswith(".mo")}
    assert set(mos) == {name.removesuffix(".po") + ".mo" for name in pos}
    seen = {name.split("/")[2]: gettext.GNUTranslations(io.BytesIO(data))
            for name, data in mos.items() if name.endswith("/django.mo")}
    assert seen["de"].gettext("Shares") == "Freigaben"
    assert seen["ja"].gettext("Share Snapshots") == "ファイル共有スナップショット"
    for name, data in mos.items():
        if name.endswith("/djangojs.mo"):
            assert gettext.GNUTranslations(io.BytesIO(data)).gettext(
                "Copied to the clipboard") != "Copied to the clipboard", name


def test_the_sdist_holds_the_wheel_and_the_tests(built_dist: Dist) -> None:
    with tarfile.open(built_dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    built = {name for name in wheel_files(built_dist)
             if any(fnmatch.fnmatch(name, pattern) for pattern in BUILT)}
    assert wheel_files(built_dist) - built <= names
    assert not {name for name in names if name.endswith(".mo")}, "compiled in the build"
    assert {"LICENSE", "README.md", "setup.cfg", "pyproject.toml", "MANIFEST.in",
            "constraints.txt", "manila_ui/tests/conftest.py"} <= names


def test_twine_check_passes_with_a_rendered_description(built_dist: Dist) -> None:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "twine", "check", "--strict", str(built_dist.wheel),
         str(built_dist.sdist)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout
    # twine only warns when it cannot render Markdown: make sure it could.
    from readme_renderer.markdown import render

    from manila_ui.stack import config

    html = render((config.REPO_ROOT / "README.md").read_text())
    assert html and "<h1" in html and "<table>" in html
