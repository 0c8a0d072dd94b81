"""The message catalogs as translators and Django read them: complete German and
Japanese catalogs with Manila's terms, no string translated once at import (it would
stay in the language of the first request's process), placeholders kept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from manila_ui.tests.i18n import catalogs
from manila_ui.tests.i18n import unmarked

# Manila's and Horizon's established terms (their German and Japanese catalogs).
TERMS = {
    "de": {"Share": "Freigabe", "Snapshot": "Snapshot", "Access Rule": "Zugriffsregel",
           "Export Location": "Exportpfad", "Share Network": "Freigabenetzwerk"},
    "ja": {"Share": "共有", "Snapshot": "スナップショット", "Access Rule": "アクセスルール",
           "Export Location": "エクスポート場所", "Share Network": "共有ネットワーク"},
}
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}
_FIELDS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{[^{}]*\}")


@pytest.mark.parametrize("locale", catalogs.LOCALES)
@pytest.mark.parametrize("domain", catalogs.DOMAINS)
def test_each_locale_translates_every_message(locale: str, domain: str) -> None:
    catalog = catalogs.read(catalogs.po(locale, domain))
    missing = [m.id for m in catalog if m.id and (not catalogs.translated(m) or m.fuzzy)]
    assert not missing, f"{locale}/{domain}.po: {len(missing)} untranslated: {missing[:20]}"
    assert catalogs.msgids(catalog) == catalogs.msgids(catalogs.read(catalogs.pot(domain)))


@pytest.mark.parametrize("locale", catalogs.LOCALES)
def test_translations_keep_every_placeholder(locale: str) -> None:
    wrong = []
    for domain in catalogs.DOMAINS:
        for message in catalogs.read(catalogs.po(locale, domain)):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = (message.string if isinstance(message.string, tuple)
                       else (message.string,))
            wanted = sorted(_FIELDS.findall(ids[-1]))
            wrong += [(ids[0], s) for s in strings
                      if s and sorted(_FIELDS.findall(s)) != wanted
                      and not (len(ids) > 1 and locale == "ja")]
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("locale", catalogs.LOCALES)
def test_the_domain_terms_are_manilas(locale: str) -> None:
    catalog = catalogs.read(catalogs.po(locale, "django"))
    for term, translated in TERMS[locale].items():
        # The term alone or in a panel's name: "Share Networks", "Create Snapshot"...
        uses = [m for m in catalog if isinstance(m.id, str)
                and re.search(rf"\b{term}s?\b", m.id) and not re.search(
                    rf"\b{term} (Type|Group|Server|Network|Snapshot|Replica|Export)",
                    m.id) and m.context is None]
        assert uses, term
        wrong = [(m.id, m.string) for m in uses if translated not in m.string]
        assert len(wrong) <= len(uses) // 10, f"{term} -> {translated}? {wrong[:10]}"


def test_no_string_is_translated_at_import() -> None:
    """A module- or class-level gettext() translates once, in whatever language is
    active then; gettext_lazy translates per request."""
    found = []
    for part in unmarked.UI_SOURCES:
        for path in sorted((catalogs.PACKAGE / part).rglob("*.py")):
            found += [f"{path.relative_to(catalogs.PACKAGE)}:{line}"
                      for line in _eager_calls(path)]
    assert not found, found


def _eager_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue  # runs per call
            if isinstance(child, ast.Call) and unmarked._name(child.func) in EAGER:
                lines.append(child.lineno)
            visit(child)

    visit(tree)
    return lines
