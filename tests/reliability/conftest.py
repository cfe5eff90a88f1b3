"""The reliability suite (`make test-reliability`): every case's outcome is collected and printed
as one table at the end, and written to reports/reliability.md (docs/reliability.md explains it)."""

from typing import List, Tuple

import pytest

from paths import PROJECT_ROOT

OUTCOMES: List[Tuple[str, str, str]] = []  # (area, case, outcome)


@pytest.fixture(scope="session")
def outcome():
    def record(area: str, case: str, result: str) -> None:
        OUTCOMES.append((area, case, result))

    return record


def table() -> str:
    lines = ["| area | case | outcome |", "| --- | --- | --- |"]
    lines += [f"| {area} | {case} | {result} |" for area, case, result in OUTCOMES]
    return "\n".join(lines)


def pytest_terminal_summary(terminalreporter):
    if not OUTCOMES:
        return
    terminalreporter.section("reliability: every case and its outcome")
    terminalreporter.write_line(table())
    reports = PROJECT_ROOT / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "reliability.md").write_text(table() + "\n")
