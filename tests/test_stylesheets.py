"""Our own stylesheets parse: a lost brace (easy in a merge) silently drops every rule after it."""

from pathlib import Path

import pytest
import tinycss2

ROOT = Path(__file__).resolve().parents[1]
STYLESHEETS = sorted(
    p.relative_to(ROOT) for p in (ROOT / "static").rglob("*.css") if "vendor" not in p.parts
)


@pytest.mark.parametrize("pad", STYLESHEETS, ids=str)
def test_every_rule_of_our_stylesheets_is_top_level_or_in_an_at_rule(pad):
    regels = tinycss2.parse_stylesheet((ROOT / pad).read_text(), skip_comments=True)
    fouten = [r for r in regels if r.type == "error"]
    assert not fouten, [f.message for f in fouten]
    for regel in regels:
        if regel.type == "qualified-rule":
            inhoud = tinycss2.parse_blocks_contents(regel.content)
            genest = [d for d in inhoud if d.type == "qualified-rule"]
            assert not genest, f"{pad}: a rule inside {tinycss2.serialize(regel.prelude).strip()}"
