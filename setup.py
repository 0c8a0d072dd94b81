"""The build step that setup.cfg cannot say: compile the message catalogs
(manila_ui/locale/*/LC_MESSAGES/*.po) to the .mo files Django reads, into the build,
so every wheel ships them without keeping binaries in git. An editable install compiles
them next to the .po files (setuptools' editable_mode)."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("manila_ui") / "locale"


class build_py_with_catalogs(build_py):  # noqa: N801 - setuptools' command naming
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path("." if self.editable_mode else self.build_lib)
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            target = root / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parts[-3])
            with target.open("wb") as out:
                write_mo(out, catalog)  # fuzzy entries left out, as msgfmt does


setup(cmdclass={"build_py": build_py_with_catalogs})
