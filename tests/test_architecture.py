"""The import graph of figcheck and figcheck_lsp: no cycle, and no module reaching into another's
private names (issue 17).

Read from the source with ``ast``, so imports inside functions count as much as those at the
top; relative imports are resolved; importing a package counts as importing its ``__init__``
(as Python runs it), except a package the importing module is already inside, which Python has
imported before the module runs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"figcheck": ROOT / "figcheck", "figcheck_lsp": ROOT / "server" / "figcheck_lsp"}



@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module
    imports: set[str] = field(default_factory=set)  # modules of ours this one imports
    private_uses: set[str] = field(default_factory=set)  # private names of other modules it uses
    defines: set[str] = field(default_factory=set)  # private names it defines (any scope)


def load_modules() -> dict[str, Module]:
    modules = {}
    for package, folder in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = [package, *path.relative_to(folder).with_suffix("").parts]
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            name = ".".join(parts)
            modules[name] = Module(name, path, is_package, ast.parse(path.read_text(encoding="utf-8")))
    for module in modules.values():
        module.defines = defined_private_names(module.tree)
    for module in modules.values():
        read_imports(module, modules)
    return modules


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def defined_private_names(tree: ast.Module) -> set[str]:
    """Private names a module defines: functions, classes, assignments, attributes it sets."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return {name for name in names if is_private(name)}


def resolve(module: Module, level: int, target: str | None) -> str:
    """The absolute name of a (possibly relative) import's module."""
    if level == 0:
        return target or ""
    parts = module.name.split(".")
    base = parts if module.is_package else parts[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def add_import(module: Module, target: str, modules: dict[str, Module]) -> None:
    """``target`` and every package above it, except the packages ``module`` is inside (Python
    ran those before ``module``) unless ``target`` is one: ``from . import name`` runs the
    package's ``__init__`` to give the name."""
    parts = module.name.split(".")
    inside = {".".join(parts[:n]) for n in range(1, len(parts) + (1 if module.is_package else 0))}
    target_parts = target.split(".")
    for n in range(1, len(target_parts) + 1):
        name = ".".join(target_parts[:n])
        if name in modules and name != module.name and (name not in inside or name == target):
            module.imports.add(name)


def is_import_of_own_submodule(node: ast.AST) -> bool:
    """``importlib.import_module(f"{__name__}.…")``: a package loading one of its modules by name
    (a registry), which imports each of them as far as cycles are concerned."""
    if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.JoinedStr)):
        return False
    function = node.func
    if not (isinstance(function, ast.Attribute) and function.attr == "import_module"):
        return False
    first = node.args[0].values[0] if node.args[0].values else None
    return (isinstance(first, ast.FormattedValue) and isinstance(first.value, ast.Name)
            and first.value.id == "__name__")


def read_imports(module: Module, modules: dict[str, Module]) -> None:
    module_aliases: dict[str, str] = {}  # local name → our module it is bound to
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in PACKAGES:
                    add_import(module, alias.name, modules)
                    module_aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = resolve(module, node.level, node.module)
            if source.split(".")[0] not in PACKAGES:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:
                    add_import(module, submodule, modules)
                    module_aliases[alias.asname or alias.name] = submodule
                else:
                    add_import(module, source, modules)
                    if is_private(alias.name) and source != module.name:
                        module.private_uses.add(alias.name)
        elif is_import_of_own_submodule(node) and module.is_package:
            for name in modules:
                if name.startswith(module.name + ".") and "." not in name[len(module.name) + 1:]:
                    add_import(module, name, modules)
    read_attribute_uses(module, module_aliases, modules)


def read_attribute_uses(module: Module, module_aliases: dict[str, str], modules: dict[str, Module]) -> None:
    """``name._private`` where ``_private`` is another module's: a module's private function, or
    a private attribute of an object made by a module this one imports (a private attribute of
    a third-party object, such as pygls's, is not ours to judge here)."""
    others = set().union(*(modules[name].defines for name in module.imports))
    for node in ast.walk(module.tree):
        if not (isinstance(node, ast.Attribute) and is_private(node.attr)):
            continue
        owner = node.value.id if isinstance(node.value, ast.Name) else None
        if owner in ("self", "cls"):
            continue
        if owner in module_aliases or (node.attr in others and node.attr not in module.defines):
            module.private_uses.add(node.attr)


def cycles(modules: dict[str, Module]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for other in sorted(modules[name].imports):
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == name:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return found


MODULES = load_modules()


def test_the_graph_is_read():
    # A reader that found nothing would pass every test below.
    assert "figcheck.driver" in MODULES["figcheck.runner"].imports
    assert "figcheck.results" in MODULES["figcheck.report"].imports
    assert len(MODULES) > 50


def test_no_import_cycle():
    found = cycles(MODULES)
    assert [sorted(c) for c in found] == []


def test_no_private_name_of_another_module():
    uses = {(m.name, name) for m in MODULES.values() for name in m.private_uses}
    assert sorted(uses) == []


def test_the_engine_does_not_import_the_server():
    reaching = {m.name for m in MODULES.values()
                if m.name.startswith("figcheck.") and any(i.startswith("figcheck_lsp") for i in m.imports)}
    assert reaching == set()


LONGEST_FUNCTION = 80  # lines, decorators excluded (issue 17)


def test_no_function_is_longer_than_the_limit():
    long = [
        f"{module.path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for module in MODULES.values()
        for node in ast.walk(module.tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > LONGEST_FUNCTION
    ]
    assert long == []
