"""The code's shape holds: no import circle between modules, and no package reads or writes
another package's tables (it calls that package's service; naming a table class in a type
annotation is fine)."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import planroom
from planroom.db.base import Base

ROOT = Path(planroom.__file__).parent
# the one module that must see every table: Alembic compares the chain against them
SEES_EVERY_TABLE = {"planroom.migrations.tables"}


@dataclass(frozen=True)
class Module:
    name: str
    path: Path

    @property
    def package(self) -> str:
        """`orders` for planroom.orders.service; a top-level module is its own package."""
        return self.name.split(".")[1] if "." in self.name else self.name

    def tree(self) -> ast.Module:
        return ast.parse(self.path.read_text(encoding="utf-8"))


def modules() -> dict[str, Module]:
    found: dict[str, Module] = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if not all(part.isidentifier() for part in parts):
            continue  # migration revisions: loaded by file name, never imported
        name = ".".join(parts)
        found[name] = Module(name, path)
    return found


def imported(module: Module, known: dict[str, Module]) -> Iterator[str]:
    """Every planroom module `module` imports: at the top, inside functions, for types."""
    for node in ast.walk(module.tree()):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in known
                else node.module
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target in known and target != module.name:
                yield target


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_imports_itself_round_a_circle() -> None:
    known = modules()
    graph = {name: set(imported(module, known)) for name, module in known.items()}
    assert cycles(graph) == []


def test_the_cycle_finder_sees_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def _annotation_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
            annotations = [arg.annotation for arg in every] + [node.returns]
        elif isinstance(node, ast.AnnAssign):
            annotations = [node.annotation]
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Annotated"
            and isinstance(node.slice, ast.Tuple)
        ):
            annotations = [node.slice.elts[0]]  # a type alias: `Annotated[Company, Depends(…)]`
        for annotation in annotations:
            if annotation is not None:
                inside.update(id(part) for part in ast.walk(annotation))
    return inside


def _is_table(module_name: str, name: str) -> bool:
    try:
        value = getattr(importlib.import_module(module_name), name)
    except (ImportError, AttributeError):
        return True  # a name the check cannot see is treated as a table, never waved through
    return isinstance(value, type) and issubclass(value, Base)


def foreign_table_uses(module: Module) -> list[str]:
    """Where `module` uses a table class of another package other than in a type annotation
    (an enum or a constant beside the tables is not a table)."""
    tree = module.tree()
    tables: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith(".models"):
            owner = node.module.split(".")[1]
            if owner != module.package:
                for alias in node.names:
                    if _is_table(node.module, alias.name):
                        tables[alias.asname or alias.name] = node.module
    annotations = _annotation_nodes(tree)
    return [
        f"{module.name}:{node.lineno} uses {tables[node.id]}.{node.id}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id in tables and id(node) not in annotations
    ]


def test_no_package_touches_another_packages_tables() -> None:
    uses = [
        use
        for name, module in modules().items()
        if name not in SEES_EVERY_TABLE
        for use in foreign_table_uses(module)
    ]
    assert uses == [], "query these through the owning package's service instead"


def test_the_table_check_sees_a_query_but_not_an_annotation(tmp_path: Path) -> None:
    source = tmp_path / "service.py"
    source.write_text(
        "from planroom.orders.models import Order\n"
        "def find(session, order: Order) -> Order:\n"
        "    return session.scalar(select(Order))\n"
    )
    uses = foreign_table_uses(Module("planroom.production.service", source))
    assert uses == ["planroom.production.service:3 uses planroom.orders.models.Order"]
