"""Our tables render rows, cells and row actions in Python, and a row's
actions once per kind of row (common_tables.DataTable, table_rendering):
users must get Horizon's own markup all the same, row by row, whatever the
rows hold. Here every row of real pages is rendered both ways and compared:
Horizon's templates (called on the same table) against ours.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse
from horizon import tables
from horizon.tables import base as horizon_base

from manila_ui.dashboards import policy
from manila_ui.dashboards import table_rendering
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

SHARES = reverse("horizon:project:shares:index")
SNAPSHOTS = reverse("horizon:project:share_snapshots:index")
ADMIN_SHARES = reverse("horizon:admin:shares:index")
ADMIN_SNAPSHOTS = reverse("horizon:admin:share_snapshots:index")


class _Tree(HTMLParser):
    """Elements, attributes and text of some HTML, whitespace aside (what a
    browser and Horizon's JavaScript see). The select box's id is random in
    Horizon's markup: only its pairing with the label counts."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "class" in found:
            found["class"] = " ".join(sorted((found["class"] or "").split()))
        for key in ("id", "for"):
            if tag in ("input", "label") and key in found:
                found[key] = "<select box>"
        self.items.append(("<", tag, sorted(found.items())))

    def handle_endtag(self, tag: str) -> None:
        self.items.append((">", tag))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.items.append(("text", text))


def tree(html: Any) -> list[Any]:
    parser = _Tree()
    parser.feed(str(html))
    return parser.items


def both_ways(table: Any) -> list[tuple[str, Any, Any]]:
    """(what, Horizon's, ours) for every row of a rendered table."""
    found = []
    for datum in table.data:
        obj_id = table.get_object_id(datum)
        found.append((f"actions of {obj_id}",
                      tables.DataTable.render_row_actions(table, datum),
                      table.render_row_actions(datum)))
        row = table._meta.row_class(table, datum)
        ours = row.render()
        cells = table._meta.cell_class
        table._meta.cell_class = horizon_base.Cell  # Horizon's select box too
        try:
            horizon = horizon_base.Row.render(table._meta.row_class(table, datum))
        finally:
            table._meta.cell_class = cells
        found.append((f"row {obj_id}", horizon, ours))
    return found


def assert_same_markup(response: Any) -> int:
    table = response.context["table"]
    compared = both_ways(table)
    for what, horizon, ours in compared:
        assert tree(ours) == tree(horizon), what
    return len(compared) // 2


@pytest.fixture
def varied_shares(shares_of, manila):
    """Shares that get different buttons: settled, in error (reset by the
    admin), of two sizes."""
    demo = shares_of("demo")
    made = [demo.create(name=unique("same")), demo.create(name=unique("same")),
            demo.create(name=unique("big"), size=2), demo.create(name=f"<b>{unique('err')}")]
    for share in made:
        demo.wait(share.id)
    manila("admin").shares.reset_state(made[-1].id, "error")
    demo.snapshot(made[0].id)
    return made


def test_share_rows_are_horizons_markup(demo_client, varied_shares):
    response = demo_client.get(SHARES)
    assert {s.id for s in varied_shares} <= set(row_ids(response.content.decode()))
    assert assert_same_markup(response) >= 4


def test_admin_share_rows_are_horizons_markup(admin_client, varied_shares):
    assert assert_same_markup(admin_client.get(ADMIN_SHARES)) >= 4


def test_snapshot_rows_are_horizons_markup(demo_client, admin_client, varied_shares):
    assert assert_same_markup(demo_client.get(SNAPSHOTS)) >= 1
    assert assert_same_markup(admin_client.get(ADMIN_SNAPSHOTS)) >= 1


def test_row_actions_render_once_per_kind_of_row(demo_client, varied_shares):
    """Two settled shares of one size share their buttons' markup; the one in
    error gets its own."""
    response = demo_client.get(SHARES)
    table = response.context["table"]
    kinds = {s.id: table.row_actions_kind(s) for s in table.data}
    same = [s.id for s in varied_shares[:2]]
    assert kinds[same[0]] is not None, "an action of the row cannot say its kind"
    assert kinds[same[0]] == kinds[same[1]]
    assert kinds[varied_shares[-1].id] != kinds[same[0]]
    html = response.content.decode()
    for share_id in same:  # each row's own id in its buttons
        assert re.search(rf'id="shares__row_{share_id}__action_edit"', html)


def test_policy_is_asked_once_per_rule_whatever_the_rows(demo_client, varied_shares,
                                                         shares_of):
    """The page's policy decisions do not grow with its rows, and the next
    page of the same login evaluates none of them again."""
    needed, evaluated = policy.decisions(demo_client.get(SHARES).wsgi_request)
    # The navigation's panels (about 25 of ours, a rule or two each) and the
    # page's buttons: a bound that rows cannot reach, not an exact count.
    assert needed < 60
    demo = shares_of("demo")
    for _ in range(3):
        demo.create()
    again = policy.decisions(demo_client.get(SHARES).wsgi_request)
    assert again == (needed, 0)
    assert evaluated <= needed


def _subclasses(cls: type) -> list[type]:
    return [c for sub in cls.__subclasses__() for c in (sub, *_subclasses(sub))]


def test_every_row_action_of_ours_renders_once_per_kind_of_row():
    """An action that cannot say what its button takes from the row is
    rendered for every row: a row costs ten times more (Project > Shares
    at 20 rows went from 1.5 to 2.2 times the floor page's CPU when the
    shares' Create Backup link lacked its ``row_kind``)."""
    import importlib
    import pkgutil

    import manila_ui.dashboards
    from manila_ui.dashboards import common_tables

    for found in pkgutil.walk_packages(manila_ui.dashboards.__path__, "manila_ui.dashboards."):
        if found.name.endswith(".tables"):
            importlib.import_module(found.name)
    unknown = sorted({f"{table.__name__}: {type(table.base_actions[a.name]).__qualname__}"
                      for table in _subclasses(common_tables.DataTable)
                      for a in table._meta.row_actions
                      if table_rendering.row_kind_of(table.base_actions[a.name]) is None})
    assert unknown == [], "give these actions a row_kind (table_rendering.row_kind_of)"


def test_an_action_that_depends_on_more_than_the_id_is_rendered_per_row():
    class Toggle(tables.LinkAction):
        name = "toggle"
        verbose_name = "Toggle"
        url = "horizon:project:shares:index"

        def update(self, request, datum):
            self.verbose_name = datum.name

    class ByName(tables.LinkAction):
        name = "by_name"
        verbose_name = "By name"

        def get_link_url(self, datum=None):
            return f"/somewhere/{datum.name}/"

    class Plain(tables.LinkAction):
        name = "plain"
        verbose_name = "Plain"
        url = "horizon:project:shares:index"

    assert table_rendering.row_kind_of(Toggle()) is None
    assert table_rendering.row_kind_of(ByName()) is None
    assert table_rendering.row_kind_of(Plain()) is table_rendering.same_for_every_row
