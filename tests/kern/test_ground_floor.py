"""kern is the ground floor: it imports Django and the standard library, no app of ours."""

import ast
from pathlib import Path

import kern

APPS = {"gemeenten", "accounts", "opvang", "rapportage", "portaal", "config"}


def test_kern_imports_no_project_app():
    for pad in Path(kern.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(pad.read_text())):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            assert not {m.split(".")[0] for m in modules} & APPS, (pad.name, modules)
