"""The same requests to the bundled backend and to real Manila 23.0.1; any difference
that the allow-list does not explain fails the test (and is listed in the summary)."""

from __future__ import annotations

import pytest

from manila_ui.tests.reference import allowlist
from manila_ui.tests.reference.differ import Recorder
from manila_ui.tests.reference.differ import Side
from manila_ui.tests.reference.scenarios import SCENARIOS
from manila_ui.tests.reference.scenarios import Run

pytestmark = pytest.mark.reference

CASES = [pytest.param(s, mv, id=f"{s.name}@{mv}") for s in SCENARIOS for mv in s.versions]


@pytest.mark.parametrize(("scenario", "mv"), CASES)
def test_same_answers(scenario, mv: str, sides: dict[str, Side], recorder: Recorder) -> None:
    run = Run(sides, recorder, mv)
    recorder.scenarios.add(scenario.name)
    unexplained = []
    for step in scenario.build(mv):
        for diff in run.step(step):
            why = allowlist.reason(diff)
            if why:
                recorder.allowed.append((diff, why))
            else:
                recorder.differences.append(diff)
                unexplained.append(diff)
    assert not unexplained, "\n".join(str(d) for d in unexplained)
