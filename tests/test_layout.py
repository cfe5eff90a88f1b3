"""The shape of the code: which of the project's packages import which (README, "How it works").

Every import counts, also one inside a function: a lazy import is still a dependency."""

import ast
from collections import defaultdict
from typing import Dict, List, Set

from paths import PROJECT_ROOT

PACKAGES = [
    "actions",
    "article",
    "benchmarks",
    "channels",
    "content",
    "evaluation",
    "nlu_components",
    "operations",
    "rasa_ext",
    "safety",
    "web",
]
MODULES = ["database", "heap", "paths", "workers"]  # single-file modules at the top level
OURS = set(PACKAGES) | set(MODULES)


def imported_names(path) -> Set[str]:
    """Top-level names of the project's packages and modules that the file at ``path`` imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & OURS


def dependencies() -> Dict[str, Set[str]]:
    graph: Dict[str, Set[str]] = defaultdict(set)
    for name in PACKAGES:
        for path in (PROJECT_ROOT / name).rglob("*.py"):
            graph[name] |= imported_names(path) - {name}
    for name in MODULES:
        graph[name] |= imported_names(PROJECT_ROOT / f"{name}.py") - {name}
    return graph


def cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """Every cycle found by a depth-first search, each as the path that closes it."""
    found, state = [], {}

    def visit(node: str, trail: List[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(trail[trail.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_search_finds_a_cycle_it_is_given():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_package_imports_another_that_imports_it_back():
    assert cycles(dependencies()) == []


def test_the_detector_and_the_article_packages_keep_no_records():
    """`safety` and `article` are read by the Rasa server, the action server and the editors'
    tools; the records (escalations, review lists, retention) live in `operations`, the runtime in
    `actions` and `rasa_ext`, the editors' tools in `content`."""
    graph = dependencies()
    assert graph["safety"] <= {"article", "paths"}, graph["safety"]
    assert graph["article"] <= {"database", "paths"}, graph["article"]
    assert graph["paths"] == set() and graph["database"] <= {"paths"}
    assert graph["heap"] == set()  # both servers import it: the standard library only
    for runtime in ("actions", "rasa_ext", "operations", "channels", "nlu_components"):
        assert not graph[runtime] & {"content", "evaluation", "benchmarks"}, runtime


def test_the_demo_page_server_needs_only_the_standard_library_and_paths():
    assert imported_names(PROJECT_ROOT / "web" / "serve.py") == {"paths"}
