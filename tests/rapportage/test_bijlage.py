"""The annex in pages: group rows per gemeente, continued with '(vervolg)', never alone."""

from types import SimpleNamespace

from rapportage.documenten import bijlage_paginas


def rapport(*aantallen):
    gemeenten = [
        SimpleNamespace(naam=f"G{i}", locaties=tuple(range(n))) for i, n in enumerate(aantallen)
    ]
    return SimpleNamespace(gemeenten=gemeenten)


def soorten(pagina):
    return [(r.soort, r.gemeente.naam) for r in pagina]


def test_a_gemeente_continues_on_the_next_page_under_a_vervolg_row():
    paginas = bijlage_paginas(rapport(3, 6), per_pagina=5, eerste=5)

    # G1's group row would be alone at the foot of page 1: it starts page 2.
    assert [len(p) for p in paginas] == [4, 5, 3]
    assert soorten(paginas[1])[:2] == [("groep", "G1"), ("locatie", "G1")]
    assert soorten(paginas[2]) == [("vervolg", "G1"), ("locatie", "G1"), ("locatie", "G1")]


def test_a_group_row_never_ends_a_page_and_an_empty_gemeente_says_so():
    paginas = bijlage_paginas(rapport(3, 0), per_pagina=5, eerste=5)

    assert soorten(paginas[0]) == [("groep", "G0")] + [("locatie", "G0")] * 3
    assert soorten(paginas[1]) == [("groep", "G1"), ("leeg", "G1")]
    assert all(p[-1].soort != "groep" for p in paginas)
