"""Rules of the floors that import-linter cannot express (its contracts are in pyproject.toml).

No module uses another app's private names (`_name`): what an app offers to others is
public, as kern.xlsx's `write_cell` is where rapportage once imported writer.py's `_zet`.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["config", "portaal", "rapportage", "opvang", "accounts", "gemeenten", "kern"]


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
