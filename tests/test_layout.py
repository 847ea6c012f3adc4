"""The dependency rule of the layout: the base (portal) imports no app, and no two apps import
each other, directly or through others. Read from the source, every import statement,
including those inside functions."""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

BASE = "portal"
APPS = [
    "accounts",
    "media",
    "notices",
    "networks",
    "contacts",
    "initiatives",
    "events",
    "news",
    "opendata",
]
# Tools beside the apps, installed only by their own settings (bench.settings).
TOOLS = ["bench"]


def _modules(package):
    for path in sorted((settings.BASE_DIR / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _imported_packages(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield name.split(".")[0]


def _graph():
    """{package: {imported package: [files that import it]}} for the project's own packages."""
    own = {BASE, *APPS, *TOOLS}
    graph = defaultdict(lambda: defaultdict(list))
    for package in own:
        for path in _modules(package):
            for imported in _imported_packages(path):
                if imported in own and imported != package:
                    graph[package][imported].append(str(path.relative_to(settings.BASE_DIR)))
    return graph


def test_the_apps_are_the_installed_ones():
    assert [app for app in settings.INSTALLED_APPS if app in {BASE, *APPS}] == [BASE, *APPS]
    assert not set(TOOLS) & set(settings.INSTALLED_APPS)


def test_the_base_imports_no_app():
    imports = _graph()[BASE]
    assert not imports, f"portal imports apps: {dict(imports)}"


def test_no_import_cycle_between_apps():
    graph = _graph()
    cycles = set()

    def visit(package, path):
        for imported in graph[package]:
            if imported in path:
                cycle = path[path.index(imported) :]
                start = cycle.index(min(cycle))  # one spelling per cycle
                cycles.add(tuple(cycle[start:] + cycle[:start]))
            else:
                visit(imported, [*path, imported])

    for package in [BASE, *APPS, *TOOLS]:
        visit(package, [package])
    assert not cycles, "import cycles: " + "; ".join(
        " → ".join([*cycle, cycle[0]]) for cycle in sorted(cycles)
    )


def test_apps_build_only_on_apps_before_them():
    """INSTALLED_APPS lists each app after those it builds on, so that their declarations
    (demo loaders above all) run in a working order."""
    order = {name: index for index, name in enumerate([BASE, *APPS])}
    graph = _graph()
    later = [
        f"{app} imports {imported} ({', '.join(files)})"
        for app in APPS
        for imported, files in graph[app].items()
        if order[imported] > order[app]
    ]
    assert not later, "; ".join(later)
