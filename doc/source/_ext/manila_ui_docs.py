"""Sphinx directives whose content comes from the code, so that the pages never drift.

- ``manila-api-coverage``: the bundled backend's routes under ``/v2`` and the actions
  of each ``/action`` URL, with the microversions that serve them (the router's table,
  ``@api_version`` ranges and the handlers' ``ACTIONS``).
- ``manila-microversion-history``: the backend's list of what each microversion changes
  (the docstring of ``manila_ui.backend.rest.microversion``).
- ``manila-features``: ``OPENSTACK_MANILA_FEATURES`` keys, defaults and effects, read from
  the plugin's settings file (its dicts and the comment above each key).
- ``manila-access-attributes`` and ``manila-exports-example``: the reserved rule-metadata
  keys of the access-rule extension, and an exports file rendered by the simulated
  driver from example rules in their effective order.
- ``program-help``: the ``--help`` text of a console script (``manila-ui enable`` ...).
- ``screenshot``: an image of ``_static/screenshots/<name>.png`` (written by
  ``make docs-screenshots``), or a short note where it was not generated, so a checkout
  without the PNGs still builds with ``-W``.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime
import io
import re
import tokenize
from collections.abc import Iterable
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

REPO = Path(__file__).resolve().parents[3]
FEATURES_FILE = REPO / "manila_ui" / "local" / "local_settings.d" / "_90_manila_shares.py"
SCREENSHOTS = Path("_static") / "screenshots"


class _RstDirective(SphinxDirective):
    """A directive that writes reStructuredText lines and has Sphinx parse them."""

    def lines(self) -> Iterable[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        source = f"<{self.name} directive>"
        text = StringList()
        for line in self.lines():
            text.append(line, source)
        holder = nodes.section()
        holder.document = self.state.document
        self.state.nested_parse(text, self.content_offset, holder)
        return list(holder.children)


def _table(header: list[str], rows: Iterable[list[str]], widths: str = "auto") -> list[str]:
    out = [".. list-table::", "   :header-rows: 1", f"   :widths: {widths}", ""]
    for row in [header, *rows]:
        for i, cell in enumerate(row):
            cell_lines = cell.splitlines() or [""]
            out.append(("   * - " if i == 0 else "     - ") + cell_lines[0])
            out += ["       " + extra for extra in cell_lines[1:]]
    return out + [""]


# --- the API coverage -------------------------------------------------------------------


def _range(low: Any, high: Any, top: Any) -> str:
    if high == top:
        return f"{low}+"
    return f"{low} – {high}"


class ApiCoverage(_RstDirective):
    """The routes of ``/v2`` by resource; with ``:actions:`` the actions of each
    ``/action`` URL instead."""

    option_spec = {"actions": directives.flag}

    def lines(self) -> Iterable[str]:

        from manila_ui.backend.rest import dispatch
        from manila_ui.backend.rest import microversion
        from manila_ui.backend.rest.router import ROUTES

        low, top = microversion.MIN, microversion.MAX
        resources: dict[str, list[list[str]]] = {}
        actions: list[tuple[str, Mapping[str, Any]]] = []
        methods_order = ("GET", "POST", "PUT", "DELETE")
        for template in sorted(ROUTES):
            served = []
            for method in sorted(ROUTES[template], key=methods_order.index):
                handler = ROUTES[template][method]
                start, end = dispatch._VERSIONS.get(handler, (low, top))
                served.append(f"``{method}`` {_range(start, end, top)}")
                if template.endswith("/action"):
                    # actions.route() keeps its table readable (.table)
                    actions.append((template, getattr(handler, "table", {})))
            resource = template.strip("/").split("/")[0]
            resources.setdefault(resource, []).append(
                [f"``{template}``", ", ".join(served)])
        if "actions" in self.options:
            for template, table in actions:
                yield f".. rubric:: POST {template}"
                yield ""
                rows = [[f"``{name}``", _range(microversion.v(action.min_version),
                                                microversion.v(action.max_version)
                                                if action.max_version else top, top)]
                        for name, action in sorted(table.items())]
                yield from _table(["action", "microversions"], rows, "50 50")
            return
        yield (f"Microversions **{low}** to **{top}** (``X-OpenStack-Manila-API-Version``; "
               f"without the header a request runs at {low}). "
               f"{sum(len(r) for r in resources.values())} URL templates under ``/v2`` "
               "(each also under ``/v2/{project_id}``), by resource. ``2.45+`` means from "
               "2.45 to the highest version; a method outside its range answers 404, as "
               "in Manila.")
        yield ""
        yield from _table(["URL", "methods (microversions)"],
                          [entry for entries in resources.values() for entry in entries],
                          "45 55")


class MicroversionHistory(_RstDirective):
    """The ``* <version> <change>`` bullets of ``manila_ui.backend.rest.microversion``'s
    docstring, as a table in version order."""

    def lines(self) -> Iterable[str]:
        from manila_ui.backend.rest import microversion

        doc = microversion.__doc__ or ""
        items: list[list[str]] = []
        for line in doc[doc.index("* "):].splitlines():
            found = re.match(r"\* (\d+\.\d+)\s+(.*)", line)
            if found:
                items.append([found.group(1), found.group(2).strip()])
            elif line.strip() and items:
                items[-1][1] += " " + line.strip()
        if not items:
            raise self.error("no '* <version> <change>' lines in the microversion module")
        items.sort(key=lambda item: microversion.v(item[0]))
        yield from _table(["version", "what changes"], items, "12 88")


# --- OPENSTACK_MANILA_FEATURES ------------------------------------------------------------


@dataclasses.dataclass
class Feature:
    key: str
    default: str
    effect: str


def _comments_above(source: str) -> dict[int, str]:
    """Line number → the comment block that ends on the line before it."""
    found: dict[int, list[str]] = {}
    block: list[str] = []
    last = -1
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            if tok.start[0] != last + 1:
                block = []
            block.append(tok.string.lstrip("#").strip())
            last = tok.start[0]
            found[last + 1] = list(block)
        elif tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                              tokenize.DEDENT):
            block = []
    return {line: " ".join(text) for line, text in found.items()}


def _plain(text: str) -> str:
    """Text from a comment or a string, escaped so reStructuredText reads it literally."""
    return re.sub(r"([\\`*_|<>\[\]])", r"\\\1", text)


def features(path: Path = FEATURES_FILE) -> tuple[list[Feature], list[Feature]]:
    """(the keys the plugin honours, the upstream keys it knows but does not use)."""
    source = path.read_text()
    comments = _comments_above(source)
    dicts: dict[str, ast.Dict] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    dicts[target.id] = node.value
    used, unused = [], []
    for key_node, value_node in zip(dicts["_MANILA_UI_FEATURES"].keys,
                                    dicts["_MANILA_UI_FEATURES"].values, strict=True):
        assert isinstance(key_node, ast.Constant)
        used.append(Feature(key_node.value, repr(ast.literal_eval(value_node)),
                            _plain(comments.get(key_node.lineno, ""))))
    for key_node, value_node in zip(dicts["_MANILA_UI_UNUSED_FEATURES"].keys,
                                    dicts["_MANILA_UI_UNUSED_FEATURES"].values,
                                    strict=True):
        assert isinstance(key_node, ast.Constant)
        unused.append(Feature(key_node.value, "", _plain(str(ast.literal_eval(value_node)))))
    return used, unused


class ManilaFeatures(_RstDirective):
    option_spec = {"unused": directives.flag}

    def lines(self) -> Iterable[str]:
        self.env.note_dependency(str(FEATURES_FILE))
        used, unused = features()
        if "unused" in self.options:
            yield from _table(["key (upstream manila-ui)", "why it has no effect here"],
                              [[f"``{f.key}``", f.effect] for f in unused], "35 65")
        else:
            yield from _table(["key", "default", "effect"],
                              [[f"``{f.key}``", f"``{f.default}``", f.effect] for f in used],
                              "25 25 50")


# --- the access-rule extension ----------------------------------------------------------


class AccessAttributes(_RstDirective):
    def lines(self) -> Iterable[str]:
        from manila_ui.backend.services import access_rules as ar
        from manila_ui.backend.services import errors

        squash = ", ".join(f"``{m}``" for m in ar.SQUASH_MODES)
        rows = [
            [f"``{ar.SQUASH_KEY}``", squash,
             "How the NFS server maps root (``root_squash``) or every user "
             "(``all_squash``) of a client; absent: the back end's default, "
             "``no_root_squash``."],
            *[[f"``{key}``", f"integer 0 – {ar.ANON_MAX}",
               f"The {'user' if key.endswith('uid') else 'group'} id squashed users "
               "become; only with ``root_squash`` or ``all_squash``."]
              for key in ar.ANON_KEYS],
            [f"``{ar.PRIORITY_KEY}``",
             f"integer {ar.PRIORITY_MIN} – {ar.PRIORITY_MAX}, "
             f"default {ar.PRIORITY_DEFAULT}",
             "Lower takes effect first."],
        ]
        yield from _table(["metadata key", "values", "meaning"], rows, "20 30 50")
        yield (f"A share type asks for the capability with the extra spec "
               f"``{ar.SQUASH_SPEC}=True``. Examples of the answers to a bad value "
               "(``400 badRequest``, generated from the backend's checks):")
        yield ""
        for metadata in ({"squash": "root"}, {"anonuid": "65534"},
                         {"squash": "all_squash", "anonuid": "-1"}, {"priority": "0"}):
            try:
                ar.attributes(metadata)
            except errors.Invalid as exc:
                yield f"- ``{metadata}``: *{_plain(str(exc))}*"
            else:
                raise self.error(f"the backend accepts {metadata}: update the example")
        yield ""


@dataclasses.dataclass(frozen=True)
class _ExampleRule:
    id: str
    access_type: str
    access_to: str
    access_level: str
    metadata: dict[str, str]
    created_at: datetime.datetime


EXAMPLE_RULES = [  # in the order they were created
    ("rw", "10.0.0.0/8", {}),
    ("ro", "10.1.0.0/16", {"squash": "all_squash", "anonuid": "65534", "anongid": "65534"}),
    ("rw", "10.1.2.3", {"squash": "root_squash"}),
    ("rw", "192.168.0.0/24", {"priority": "50"}),
    ("ro", "2001:db8::/64", {}),
]


class ExportsExample(_RstDirective):
    """The example rules as a table (creation order), then the exports file the
    simulated driver writes for them."""

    def lines(self) -> Iterable[str]:
        from manila_ui.backend.driver import exports
        from manila_ui.backend.services import access_rules as ar

        start = datetime.datetime(2025, 1, 1, 12, 0)
        rules = [_ExampleRule(f"rule-{i}", "ip", to, level, meta,
                              start + datetime.timedelta(minutes=i))
                 for i, (level, to, meta) in enumerate(EXAMPLE_RULES, 1)]
        yield "Rules in the order they were created:"
        yield ""
        yield from _table(
            ["#", "access_to", "level", "metadata"],
            [[str(i), f"``{r.access_to}``", r.access_level,
              ", ".join(f"``{k}={v}``" for k, v in r.metadata.items()) or "–"]
             for i, r in enumerate(rules, 1)], "5 30 15 50")
        ordered = ar.effective_order(rules)
        share_id = "5f0c2a8e-1d4b-4e6f-9a7c-3b2d1e0f4a5c"
        text = exports.render(share_id, exports.export_path(share_id), [
            exports.ExportRule(id=r.id, access_type=r.access_type, access_to=r.access_to,
                               access_level=r.access_level,
                               squash=ar.attributes(r.metadata).squash,
                               anonuid=ar.attributes(r.metadata).anonuid,
                               anongid=ar.attributes(r.metadata).anongid)
            for r in ordered], pool_modes=ar.SQUASH_MODES)
        yield ("Their effective order is "
               + ", ".join(f"#{rules.index(r) + 1}" for r in ordered)
               + "; on a pool that honours squash the simulated driver writes:")
        yield ""
        yield ".. code-block:: text"
        yield ""
        yield from ("   " + line for line in text.splitlines())
        yield ""


# --- command-line help --------------------------------------------------------------------


class ProgramHelp(SphinxDirective):
    """``.. program-help:: package.module:main [subcommand ...]``: the ``--help`` text
    of one of our console scripts, as a literal block."""

    required_arguments = 1
    optional_arguments = 5

    def run(self) -> list[nodes.Node]:
        import contextlib
        import importlib
        import os

        module_name, _, func_name = self.arguments[0].partition(":")
        main = getattr(importlib.import_module(module_name), func_name or "main")
        out = io.StringIO()
        columns = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"  # argparse wraps at $COLUMNS: stable output
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                main([*self.arguments[1:], "--help"])
        finally:
            if columns is None:
                os.environ.pop("COLUMNS", None)
            else:
                os.environ["COLUMNS"] = columns
        text = out.getvalue().rstrip()
        if not text:
            raise self.error(f"{self.arguments} printed no help")
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


# --- screenshots ---------------------------------------------------------------------------


class Screenshot(SphinxDirective):
    """``.. screenshot:: name`` with an optional caption as content."""

    required_arguments = 1
    has_content = True
    option_spec = {"alt": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if not re.fullmatch(r"[a-z0-9-]+", name):
            raise self.error(f"screenshot name {name!r}: use a-z, 0-9 and -")
        rel = SCREENSHOTS / f"{name}.png"
        caption = " ".join(self.content).strip()
        if not (Path(self.env.srcdir) / rel).is_file():
            note = nodes.paragraph(
                text=f"[Screenshot “{name}” not generated: make docs-screenshots]")
            note["classes"].append("screenshot-missing")
            return [note]
        # A leading "/" makes the URI relative to the source folder, on any page.
        image = nodes.image(uri="/" + rel.as_posix(),
                            alt=self.options.get("alt", caption or name))
        figure = nodes.figure("", image)
        if caption:
            figure += nodes.caption(caption, caption)
        return [figure]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("manila-api-coverage", ApiCoverage)
    app.add_directive("manila-microversion-history", MicroversionHistory)
    app.add_directive("manila-features", ManilaFeatures)
    app.add_directive("manila-access-attributes", AccessAttributes)
    app.add_directive("manila-exports-example", ExportsExample)
    app.add_directive("program-help", ProgramHelp)
    app.add_directive("screenshot", Screenshot)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
