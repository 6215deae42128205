"""Rules of the house that import-linter cannot express (its contracts are in pyproject.toml).

No module uses another app's private names (`_name`): what an app offers to others is
public, as kern.xlsx's `write_cell` is where rapportage once imported writer.py's `_zet`.

Sizes (STYLE.md 13 and 15): no module of app code over MAX_MODULE_LINES lines, no view
over MAX_VIEW_LINES lines of body, no function more complex than radon's grade B.
"""

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from django.views import View
from radon.complexity import cc_visit
from radon.visitors import Class

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "config",
    "portaal",
    "landelijk",
    "meldingen",
    "scenarios",
    "rapportage",
    "uitruil",
    "opvang",
    "huisvesting",
    "ontheemden",
    "accounts",
    "gemeenten",
    "kern",
]


def modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield package, path


def dotted(node):
    """Return "a.b.c" for a chain of attributes on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def names_used(node):
    """Return the dotted names an import or attribute node refers to."""
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [f"{node.module}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.Attribute):
        return [name] if (name := dotted(node)) else []
    return []


def is_private(name):
    return any(p.startswith("_") and not p.startswith("__") for p in name.split(".")[1:])


def private_imports(package, tree):
    """Yield "module.name" for every private name of another app this tree uses."""
    others = set(PACKAGES) - {package}
    for node in ast.walk(tree):
        for name in names_used(node):
            if name.split(".")[0] in others and is_private(name):
                yield name


@pytest.mark.parametrize(
    "package, path",
    list(modules()),
    ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else None,
)
def test_no_module_uses_another_apps_private_names(package, path):
    tree = ast.parse(path.read_text(), filename=str(path))
    assert list(private_imports(package, tree)) == []


def test_the_check_finds_a_private_import():
    tree = ast.parse(
        "from opvang.excel.writer import _zet\n"
        "import opvang.excel.writer\n"
        "opvang.excel.writer._opslaan\n"
    )
    assert list(private_imports("rapportage", tree)) == [
        "opvang.excel.writer._zet",
        "opvang.excel.writer._opslaan",
    ]


# Sizes. Migrations are generated and the demo data is a long list of rows: neither is
# held to the module size. Every other module of app code is.
MAX_MODULE_LINES = 400
MAX_VIEW_LINES = 30
MAX_COMPLEXITY = 10  # the upper bound of radon's grade B
NOT_SIZED = {"portaal/management/commands/demo.py"}


# Still over while the "woorden" branch (renaming fields and machinery, issue 10) owns
# and splits it; remove this exception when that branch is merged.
def app_modules():
    """Yield the relative path and path of every module of app code but migrations."""
    for _, path in modules():
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path.relative_to(ROOT).as_posix(), path


def view_modules():
    for name, path in app_modules():
        if path.name.startswith("views"):
            yield name, path


def by_name(items):
    return pytest.mark.parametrize("name, path", list(items), ids=[n for n, _ in items])


def body_lines(function):
    """Return the lines of a function's body, its docstring and decorators left out."""
    body = function.body
    if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return function.end_lineno - body[0].lineno + 1


def is_function(node):
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)


def views(tree, is_view_class):
    """Yield (name, node) for every function taking `request` first and every View method."""
    for node in tree.body:
        if is_function(node) and node.args.args and node.args.args[0].arg == "request":
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and is_view_class(node.name):
            for method in filter(is_function, node.body):
                yield f"{node.name}.{method.name}", method


def view_class_test(module_name):
    module = importlib.import_module(module_name)

    def is_view_class(name):
        cls = getattr(module, name, None)
        return inspect.isclass(cls) and issubclass(cls, View)

    return is_view_class


def long_views(tree, is_view_class, limit=MAX_VIEW_LINES):
    return [
        (name, n) for name, node in views(tree, is_view_class) if (n := body_lines(node)) > limit
    ]


def functions(blocks):
    """Yield every function, method and closure in radon's blocks.

    radon lists a class's methods as blocks of their own, but not the methods of its
    inner classes, nor closures.
    """
    for block in blocks:
        if isinstance(block, Class):
            yield from functions(inner_methods(block))
        else:
            yield block
            yield from functions(block.closures)


def inner_methods(cls):
    for inner in cls.inner_classes:
        yield from inner.methods
        yield from inner_methods(inner)


def too_complex(source, limit=MAX_COMPLEXITY):
    return [(f.fullname, f.complexity) for f in functions(cc_visit(source)) if f.complexity > limit]


SIZED = [(n, p) for n, p in app_modules() if n not in NOT_SIZED]


@by_name(SIZED)
def test_no_module_of_app_code_is_too_long(name, path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines; split it into a package"


VIEWS = list(view_modules())


@by_name(VIEWS)
def test_no_view_is_too_long(name, path):
    tree = ast.parse(path.read_text(), filename=name)
    module_name = name.removesuffix(".py").replace("/", ".")
    assert long_views(tree, view_class_test(module_name)) == []


ALL = list(app_modules())


@by_name(ALL)
def test_no_function_is_more_complex_than_grade_b(name, path):
    assert too_complex(path.read_text()) == []


def test_the_check_finds_long_views_and_methods_of_views():
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_VIEW_LINES + 1))
    method_body = body.replace("    x", "        x")
    tree = ast.parse(
        f'def lang(request):\n    """Say why."""\n{body}'
        f"def kort(request):\n{body.replace('x0 = 0', 'pass')}"
        f"class Pagina:\n    def get(self, request):\n{method_body}"
        f"def hulp(user):\n{body}"
    )
    assert long_views(tree, lambda name: name == "Pagina") == [
        ("lang", MAX_VIEW_LINES + 1),
        ("kort", MAX_VIEW_LINES + 1),
        ("Pagina.get", MAX_VIEW_LINES + 1),
    ]


def test_the_check_finds_complex_methods_closures_and_inner_methods():
    source = (
        f"class K:\n    def m(self, a):\n{ifs(8)}"
        f"def f(a):\n    def g(a):\n{ifs(8)}    return g\n"
        f"class L:\n    class Meta:\n        def n(self, a):\n{ifs(12)}"
    )
    assert sorted(too_complex(source)) == [("K.m", 11), ("Meta.n", 11), ("g", 11)]


def ifs(indent):
    """Return MAX_COMPLEXITY if-statements at the indent: a complexity of one more."""
    return "".join(
        f"{' ' * indent}if a == {i}:\n{' ' * (indent + 4)}return {i}\n"
        for i in range(MAX_COMPLEXITY)
    )
