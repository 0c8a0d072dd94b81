"""The message catalogs of manila_ui/locale/: extraction (Django's makemessages, domains
``django`` for Python and templates and ``djangojs`` for our static JS), the lint check
that the committed catalogs match the code, and the catalogs' content for the tests.

    python -m manila_ui.tests.i18n.catalogs extract   # make messages
    python -m manila_ui.tests.i18n.catalogs check     # part of make lint

Both run with the minimal settings of manila_ui/tests/i18n/settings.py. The compiled
.mo files are not kept in git: the wheel build compiles them (setup.py), `make messages`
compiles them in the tree for a checkout (GNU gettext's msgfmt, which makemessages needs
too).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[2]
LOCALE = PACKAGE / "locale"
LOCALES = ("de", "ja")
DOMAINS = ("django", "djangojs")
# Parts of manila_ui/ whose strings no user of the dashboard reads: the bundled backend
# answers with Manila's (English) API messages, the rest are tools and tests.
NOT_UI = ["tests", "backend", "stack", "operator", "conf", "locale", "node_modules"]

Key = tuple[str | None, str]  # (msgctxt, msgid)


def read(path: Path) -> Catalog:
    # A template's header says "nplurals=INTEGER", which Babel cannot parse.
    text = path.read_text(encoding="utf-8").replace("nplurals=INTEGER; plural=EXPRESSION;",
                                                    "nplurals=2; plural=(n != 1);")
    return read_po(io.StringIO(text))


def msgids(catalog: Catalog) -> set[Key]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0])
            for m in catalog if m.id}


def pot(domain: str, locale_dir: Path = LOCALE) -> Path:
    return locale_dir / f"{domain}.pot"


def po(locale: str, domain: str, locale_dir: Path = LOCALE) -> Path:
    return locale_dir / locale / "LC_MESSAGES" / f"{domain}.po"


@contextmanager
def _chdir(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manila_ui.tests.i18n.settings")
    import django

    django.setup()


def makemessages(root: Path, locales: tuple[str, ...]) -> None:
    """Django's makemessages in ``root`` (a manila_ui tree with a ``locale/`` folder):
    the .pot of each domain kept, each locale's .po merged with it (msgmerge)."""
    from django.core.management import call_command

    with _chdir(root):
        for domain in DOMAINS:
            call_command("makemessages", domain=domain, locale=list(locales), keep_pot=True,
                         no_obsolete=True, ignore_patterns=NOT_UI,
                         verbosity=0)


def extract() -> None:
    _setup()
    LOCALE.mkdir(exist_ok=True)
    makemessages(PACKAGE, LOCALES)
    from django.core.management import call_command

    with _chdir(PACKAGE):
        call_command("compilemessages", locale=list(LOCALES), verbosity=0)
    for domain in DOMAINS:
        sys.stdout.write(f"{pot(domain).relative_to(PACKAGE.parent)}: "
                         f"{len(msgids(read(pot(domain))))} messages\n")
        for locale in LOCALES:
            sys.stdout.write(f"  {locale}: {completeness(locale, domain)}\n")


def completeness(locale: str, domain: str) -> str:
    catalog = read(po(locale, domain))
    total = [m for m in catalog if m.id]
    done = [m for m in total if translated(m) and not m.fuzzy]
    return f"{len(done)}/{len(total)} translated"


def translated(message: object) -> bool:
    string = getattr(message, "string", None)
    if isinstance(string, tuple | list):
        return all(string)
    return bool(string)


def problems() -> list[str]:
    """What makes the committed catalogs out of date with the code: the templates (.pot)
    against a fresh extraction, each locale against its template."""
    _setup()
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="manila-ui-messages-") as tmp:
        tree = Path(tmp) / "manila_ui"
        shutil.copytree(PACKAGE, tree, ignore=shutil.ignore_patterns(
            *NOT_UI, "__pycache__"))
        (tree / "locale").mkdir()
        makemessages(tree, ("en",))
        for domain in DOMAINS:
            fresh = msgids(read(pot(domain, tree / "locale")))
            committed_pot = pot(domain)
            if not committed_pot.exists():
                found.append(f"{committed_pot.name}: missing")
                continue
            committed = msgids(read(committed_pot))
            for what, keys in (("not in", fresh - committed), ("obsolete in", committed - fresh)):
                found.extend(f"{domain}: {what} {committed_pot.name}: {key[1]!r}"
                             for key in sorted(keys, key=str))
            for locale in LOCALES:
                path = po(locale, domain)
                if not path.exists():
                    found.append(f"{locale}/{domain}.po: missing")
                elif msgids(read(path)) != committed:
                    found.append(f"{locale}/{domain}.po: not merged with {committed_pot.name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "check"))
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract()
        return 0
    found = problems()
    for line in found:
        sys.stderr.write(f"{line}\n")
    if found:
        sys.stderr.write("the message catalogs are out of date: run `make messages`, "
                         "translate, commit\n")
        return 1
    sys.stdout.write("messages-check: the catalogs match the code\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())


# --- the pseudo-locale of the tests ---------------------------------------------------

# Every ASCII letter of a translated string becomes a look-alike outside ASCII, so any
# ASCII word left on a page rendered in the pseudo-locale was not translated.
_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_PSEUDO = "áƀçďéƒĝĥíĵķľɱñóþǫŕšţúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĽṀÑÓṖǪŔŠŢÚṼŴẊÝŽ"
PSEUDO_LETTERS = frozenset(_PSEUDO)
_TO_PSEUDO = str.maketrans(_PLAIN, _PSEUDO)
# What must stay as it is: tags, entities, %-placeholders and {}-fields.
_KEEP = re.compile(r"<[^>]*>|&#?\w+;|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|\{[^{}]*\}")


def pseudo(text: str) -> str:
    """``"Delete %(name)s"`` -> ``"Ďéľéţé %(name)s"``."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out += [text[last:match.start()].translate(_TO_PSEUDO), match.group(0)]
        last = match.end()
    return "".join([*out, text[last:].translate(_TO_PSEUDO)])


def write_pseudo(locale_dir: Path, code: str) -> None:
    """Compiled catalogs of every domain for the language ``code``, each msgid of our
    templates (.pot) pseudo-translated."""
    from babel.messages.mofile import write_mo

    for domain in DOMAINS:
        source = read(pot(domain))
        catalog = Catalog(locale="en", domain=domain, fuzzy=False)
        for message in source:
            if not message.id:
                continue
            string: str | tuple[str, ...] = (
                tuple(pseudo(form) for form in message.id)
                if isinstance(message.id, tuple | list) else pseudo(message.id))
            catalog.add(message.id, string, context=message.context)
        target = locale_dir / _to_locale(code) / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / f"{domain}.mo").open("wb") as out:
            write_mo(out, catalog)


def _to_locale(code: str) -> str:
    language, _, country = code.partition("-")
    return f"{language}_{country.upper()}" if country else language
