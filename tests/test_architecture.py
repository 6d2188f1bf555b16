"""Imports run one way: content apps -> search, places -> home -> bilingual, and demo above them all.

Reads every module of the project's apps (not migrations) with ``ast``, imports inside
functions included, and fails on an import circle between apps or inside one, on a content app
importing ``demo``, and on ``bilingual`` importing any app of the project.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PROJECT_APPS = sorted(
    app for app in settings.INSTALLED_APPS if "." not in app and (ROOT / app / "apps.py").exists()
)


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    return {
        module_name(path): path
        for app in PROJECT_APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    }


def imported_names(module, path, node):
    """The dotted names an import statement reaches, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    return [f"{base}.{alias.name}" if base else alias.name for alias in node.names]


def import_graph():
    """{module: {project module it imports: line}}"""
    modules = project_modules()
    graph = {}
    for module, path in modules.items():
        edges = graph.setdefault(module, {})
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in imported_names(module, path, node):
                while name and name not in modules:  # "pkg.mod.Class" -> "pkg.mod"
                    name = name.rpartition(".")[0]
                if name and name != module:
                    edges.setdefault(name, node.lineno)
    return graph


def circles(graph):
    """Each set of nodes that import one another, directly or round a loop (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def app_of(module):
    return module.split(".")[0]


def app_graph(graph):
    apps = {}
    for module, targets in graph.items():
        for target in targets:
            if app_of(target) != app_of(module):
                apps.setdefault(app_of(module), set()).add(app_of(target))
    return apps


def imports_between(graph, source_app, target_app):
    return [
        f"{module}:{line} imports {target}"
        for module, targets in sorted(graph.items())
        for target, line in targets.items()
        if app_of(module) == source_app and app_of(target) == target_app
    ]


def test_the_check_reads_every_app_and_sees_imports_inside_functions():
    graph = import_graph()
    assert {"bilingual", "home", "search", "places", "directory", "events", "demo"} <= set(PROJECT_APPS)
    # apps.ready() connects signals with imports inside the function.
    assert "directory.editors" in graph["directory.apps"]
    assert circles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]


def test_no_import_circle_inside_an_app():
    assert circles(import_graph()) == []


def test_no_import_circle_between_apps():
    graph = import_graph()
    found = circles(app_graph(graph))
    details = [
        imports_between(graph, source, target)
        for circle in found
        for source in circle
        for target in circle
        if source != target
    ]
    assert found == [], details


def test_only_demo_imports_demo():
    graph = import_graph()
    importers = [
        line for app in PROJECT_APPS if app != "demo" for line in imports_between(graph, app, "demo")
    ]
    assert importers == []


def test_bilingual_imports_no_app_of_the_project():
    graph = import_graph()
    found = [
        line
        for app in PROJECT_APPS
        if app != "bilingual"
        for line in imports_between(graph, "bilingual", app)
    ]
    assert found == []


def test_places_imports_only_home_and_bilingual():
    """Postcodes and distances sit below every content app that lists things near a reader."""
    graph = import_graph()
    assert app_graph(graph).get("places", set()) <= {"home", "bilingual"}, [
        line
        for app in PROJECT_APPS
        if app not in ("places", "home", "bilingual")
        for line in imports_between(graph, "places", app)
    ]


def test_home_imports_only_bilingual():
    graph = import_graph()
    assert app_graph(graph).get("home", set()) <= {"bilingual"}, [
        line
        for app in PROJECT_APPS
        if app not in ("home", "bilingual")
        for line in imports_between(graph, "home", app)
    ]
