"""The same requests to the bundled backend and to real Manila 23.0.1; any difference
that the allow-list does not explain fails the test (and is listed in the summary).

A scenario whose endpoints the bundled backend has not built yet (its ``needs``
are not in the route table) runs all the same, as an expected failure: its
differences are listed as pending, never allowed.
"""

from __future__ import annotations

import re

import pytest

from manila_ui.tests.reference import allowlist
from manila_ui.tests.reference.differ import Recorder
from manila_ui.tests.reference.differ import Side
from manila_ui.tests.reference.scenarios import SCENARIOS
from manila_ui.tests.reference.scenarios import Run
from manila_ui.tests.reference.scenarios import Scenario

pytestmark = pytest.mark.reference

CASES = [pytest.param(s, mv, id=f"{s.name}@{mv}") for s in SCENARIOS for mv in s.versions]


def bundled_routes() -> dict[str, set[str]]:
    """The bundled backend's route table, placeholders written ``{}``."""
    from manila_ui.backend.rest.router import ROUTES

    return {re.sub(r"\{[^}]*\}", "{}", t): set(methods) for t, methods in ROUTES.items()}


@pytest.mark.parametrize(("scenario", "mv"), CASES)
def test_same_answers(scenario: Scenario, mv: str, sides: dict[str, Side], recorder: Recorder,
                      request: pytest.FixtureRequest) -> None:
    missing = scenario.missing(mv, bundled_routes())
    pending = f"bundled backend: {scenario.resource} not built yet" if missing else ""
    if pending:
        request.applymarker(pytest.mark.xfail(
            strict=False, reason=f"{pending} ({', '.join(missing)})"))
    run = Run(sides, recorder, mv, scenario.name)
    recorder.scenarios.add(scenario.name)
    unexplained = []
    for step in scenario.build(mv):
        for diff in run.step(step):
            why = allowlist.reason(diff)
            if why:
                recorder.allowed.append((diff, why))
            elif pending:
                recorder.pending[pending].append(diff)
                unexplained.append(diff)
            else:
                recorder.differences.append(diff)
                unexplained.append(diff)
    assert not unexplained, "\n".join(str(d) for d in unexplained)
