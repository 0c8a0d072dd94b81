"""The documentation's fidelity table is the suite's: regenerated from the scenario
definitions and the allow-list, it must equal the committed page (no stack needed)."""

from __future__ import annotations

from manila_ui.tests.reference import fidelity_table
from manila_ui.tests.reference.scenarios.engine import Step


def test_the_committed_table_is_the_suites() -> None:
    assert fidelity_table.PAGE.read_text() == fidelity_table.render(), (
        "doc/source/reference/fidelity.rst is stale: run `make fidelity-table` and commit it")


def test_each_call_lands_on_the_route_it_probes() -> None:
    routes = fidelity_table._routes()

    assert fidelity_table.route_of("GET", "/shares/detail?name~=x", routes) == (
        "GET /shares/detail")
    assert fidelity_table.route_of("GET", "/{project:demo}/shares/{share}", routes) == (
        "GET /shares/{share_id}")
    assert fidelity_table.route_of("GET", "/shares/", routes) == (
        "GET (no route here) /shares/")


def test_refusal_probes_are_outsiders_missing_ids_and_malformed_values() -> None:
    assert fidelity_table.is_refusal(Step("alt_demo", "GET", "/shares/{share}"))
    assert fidelity_table.is_refusal(Step("demo", "GET", "/shares?limit=abc"))
    assert not fidelity_table.is_refusal(Step("demo", "GET", "/shares?limit=1"))
