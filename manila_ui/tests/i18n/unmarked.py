"""Finds text of ours that a page shows untranslated: the page is rendered in the
pseudo-locale (every translated letter replaced, catalogs.pseudo), so each run of plain
ASCII words left on it was not translated. Horizon's own strings and the data are not
ours: a run counts only when it is a string of our code (a Python literal of the
dashboards, or text of our templates)."""

from __future__ import annotations

import ast
import html
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from manila_ui.tests.i18n.catalogs import PACKAGE
from manila_ui.tests.i18n.catalogs import PSEUDO_LETTERS

# Where the strings of the dashboard come from.
UI_SOURCES = ("dashboards", "templates", "local", "api")
# Attributes whose values a user reads (tooltips, placeholders, button labels).
READ_ATTRIBUTES = {"title", "placeholder", "alt", "aria-label", "data-original-title",
                   "data-help-text"}
# Elements whose text is code or data (identifiers, paths, JSON), not language.
NOT_LANGUAGE = ("script", "style", "template", "code", "pre", "kbd", "samp")
# Words that a page shows as they are in every language, which our code holds too:
# Manila's protocol names and the API's access types and levels and security service
# types (what a user types in the CLI, shown so by upstream manila-ui and the clients);
# Django's yesno (translated by Django's catalogs); names of the test stack's data.
AS_THEY_ARE = frozenset({
    "NFS", "CIFS", "CephFS", "GlusterFS", "HDFS", "MapRFS",
    "ip", "user", "cert", "cephx", "rw", "ro",
    "ldap", "kerberos", "active_directory",
    "yes", "no",
    "admin", "demo", "alt_demo", "service", "default",
    # consistent_snapshot_support of a share group: the API's values
    "pool", "host",
    # the share service's binary, and the test stack's host name
    "manila-share", "manila-ui",
})
# snake_case names are the API's (extra spec keys, pool capabilities, back end details
# such as driver_handles_share_servers or service_ip), shown as the CLI shows them.
API_NAME = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext",
           "pgettext_lazy", "npgettext", "npgettext_lazy", "gettext_noop"}
_TEMPLATE_CODE = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}"
                            r"|{%\s*blocktrans.*?endblocktrans\s*%}|{%.*?%}|{{.*?}}", re.S)
_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTE = re.compile(r'\b(?:title|placeholder|alt|aria-label)="([^"{]*)"')
_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{[^{}]*\}")
_EDGES = " \t\n:;,.()[]|*-–—·/?!\"'"


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip(_EDGES)


def wordy(text: str) -> bool:
    return len(re.findall(r"[A-Za-z]", text)) >= 2


@cache
def our_strings() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Every string of the dashboard's code, normalized: the literals of its Python
    modules, and the text and read attributes of its templates. Strings with format
    fields also as patterns (``"Share %s"`` matches ``"Share foo"``)."""
    found: set[str] = set()
    for part in UI_SOURCES:
        for path in sorted((PACKAGE / part).rglob("*")):
            if path.suffix == ".py":
                found |= _python_literals(path)
            elif path.suffix == ".html":
                found |= _template_texts(path)
    exact = frozenset(s for s in (normal(s) for s in found) if wordy(s))
    patterns = tuple(re.compile(_as_pattern(s)) for s in sorted(exact) if _FORMAT.search(s))
    return exact, patterns


def _python_literals(path: Path) -> set[str]:
    """The module's string literals, but for those it marks for translation (a text
    that equals one of those comes from the data: marked text is translated)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked = {id(arg) for node in ast.walk(tree)
              if isinstance(node, ast.Call) and _name(node.func) in GETTEXT
              for arg in node.args}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in marked}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else "")


def _template_texts(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    code_free = _TEMPLATE_CODE.sub("\0", text)
    found = set(_ATTRIBUTE.findall(code_free))
    for chunk in _TAG.sub("\0", code_free).split("\0"):
        found.add(chunk)
    return found


def _as_pattern(text: str) -> str:
    parts = _FORMAT.split(text)
    return "^" + ".+?".join(re.escape(part) for part in parts) + "$"


def is_ours(text: str) -> bool:
    exact, patterns = our_strings()
    if text in AS_THEY_ARE or API_NAME.fullmatch(text):
        return False
    return text in exact or any(p.match(text) for p in patterns)


class _Texts(HTMLParser):
    """The texts a user reads on a page: text nodes (not of scripts or styles), and
    the read attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in NOT_LANGUAGE:
            self._skip += 1
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (
                    name == "value" and ("type", "submit") in attrs)):
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in NOT_LANGUAGE and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)


def untranslated_runs(page: str) -> list[str]:
    """Each run of text with no pseudo-translated letter, normalized."""
    parser = _Texts()
    # Horizon's top bar (project and user menus) is none of ours.
    parser.feed(page[max(page.find('<div id="main_content">'), 0):])
    runs = []
    for text in parser.texts:
        chunk: list[str] = []
        for char in [*text, "\0"]:
            if char in PSEUDO_LETTERS or char == "\0":
                run = normal("".join(chunk))
                if wordy(run):
                    runs.append(run)
                chunk = []
            else:
                chunk.append(char)
    return runs


def unmarked(page: str) -> list[str]:
    """The strings of ours that ``page`` shows untranslated."""
    return sorted({run for run in untranslated_runs(page) if is_ours(run)})
