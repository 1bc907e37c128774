"""The layout CONTRIBUTING.md describes holds: no import cycles, and every import inside a function
is one it lists with its reason."""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import testimony_tui

PACKAGE = Path(testimony_tui.__file__).parent
CONTRIBUTING = PACKAGE.parent / "CONTRIBUTING.md"
LAYERS = ("core", "parsing", "loading", "formats", "files", "sync", "cli", "screens", "widgets", "workers")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported_at_load(path: Path) -> set[str]:
    """The package's modules ``path`` imports when it loads: at the top, not for type checking."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.ImportFrom):
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [node.module])])
                target = base if node.level else node.module or ""
                for alias in node.names:
                    found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)

    visit(ast.parse(path.read_text()).body)
    return found & MODULES.keys()


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in LAYERS else module


def test_no_module_and_no_package_takes_part_in_an_import_cycle():
    graph = {module: imported_at_load(path) for module, path in MODULES.items()}
    layers: dict[str, set[str]] = {}
    for module, imported in graph.items():
        layers.setdefault(layer(module), set()).update(layer(other) for other in imported if layer(other) != layer(module))
    for name, edges in (("modules", graph), ("packages", layers)):
        try:
            tuple(TopologicalSorter(edges).static_order())
        except CycleError as error:
            raise AssertionError(f"an import cycle among {name}: {' -> '.join(error.args[1])}") from None
    assert layers["core"] == set(), layers["core"]  # the core imports nothing of ours outside it


def imports_inside_functions() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for function in ast.walk(ast.parse(path.read_text())):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom):
                    name = "." * node.level + (node.module or "")
                elif isinstance(node, ast.Import):
                    name = node.names[0].name
                else:
                    continue
                found.setdefault(str(path.relative_to(PACKAGE)), set()).add(name)
    return found


def test_every_import_inside_a_function_is_listed_with_its_reason():
    section = CONTRIBUTING.read_text().split("## Imports inside functions", 1)[1]
    listed = {
        module: set(re.findall(r"`([^`]+)`", imports))
        for module, imports, reason in re.findall(r"^\| `([^`]+)` \| (.+?) \| (.+?) \|$", section, re.M)
        if reason.strip()
    }
    assert imports_inside_functions() == listed


def test_no_module_is_over_400_lines():
    # One concept per module: past 400 lines a module has usually taken on a second one.
    long = {module: lines for module, path in MODULES.items() if (lines := len(path.read_text().splitlines())) > 400}
    assert long == {}
