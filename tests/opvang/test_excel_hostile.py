"""Hostile and broken files: each is refused fast, with a Dutch message, changing nothing."""

import io
import os
import re
import time
import zipfile

import openpyxl
import openpyxl.xml
import pytest

from opvang.excel import reader, safety
from opvang.excel.format import BestandGeweigerd
from opvang.excel.validation import plan_maken
from opvang.services_import import uitvraagimport_voorbereiden
from tests.opvang.test_excel_import import LOCATIE_KOPPEN, rij, voetafdruk, werkboek

pytestmark = pytest.mark.django_db

SHEET = "xl/worksheets/sheet1.xml"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'
WORKSHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
SHEET_KOP = XML_DECL + WORKSHEET


def vervang(inhoud, naam, data, extra=None):
    """Return the zip with member naam replaced by data (and extra members added)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(inhoud)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for item in bron.infolist():
            doel.writestr(
                item.filename,
                data if item.filename == naam else bron.read(item),
                zipfile.ZIP_DEFLATED,
            )
        for extra_naam, extra_data in (extra or {}).items():
            doel.writestr(extra_naam, extra_data, zipfile.ZIP_DEFLATED)
    return uit.getvalue()


def inline(ref, tekst):
    return f'<c r="{ref}" t="inlineStr"><is><t>{tekst}</t></is></c>'


def blad_xml(rijen_xml, dimensie="A1:K2", doctype=""):
    return (
        f'{XML_DECL}{doctype}{WORKSHEET}<dimension ref="{dimensie}"/>'
        f"<sheetData>{rijen_xml}</sheetData></worksheet>"
    ).encode()


def kopregel():
    cellen = "".join(inline(f"{chr(65 + i)}1", k) for i, k in enumerate(LOCATIE_KOPPEN))
    return f'<row r="1">{cellen}</row>'


def refused(inhoud, user, naam="bestand.xlsx"):
    """Assert the file is refused in under 2 seconds with nothing changed; return the messages."""
    before = voetafdruk()
    start = time.perf_counter()
    with pytest.raises(BestandGeweigerd) as exc:
        uitvraagimport_voorbereiden(bestand=inhoud, bestandsnaam=naam, user=user)
    duur = time.perf_counter() - start
    assert duur < 2, f"weigeren duurde {duur:.2f} s"
    assert voetafdruk() == before
    return [f.melding for f in exc.value.fouten]


def test_defusedxml_is_installed_and_used_by_openpyxl():
    assert openpyxl.xml.DEFUSEDXML is True
    from openpyxl.xml import functions

    assert functions.iterparse.__module__.startswith("defusedxml")


def test_a_zip_bomb_is_refused_from_its_directory_alone(gemeente_user):
    bom = io.BytesIO()
    bron = zipfile.ZipFile(io.BytesIO(werkboek([rij()])))
    with bron, zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as doel:
        for item in bron.infolist():
            if item.filename != SHEET:
                doel.writestr(item.filename, bron.read(item))
        with doel.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_KOP.encode())
            for _ in range(100):
                sheet.write(b" " * (1024 * 1024))  # 100 MB unpacked
    inhoud = bom.getvalue()
    assert len(inhoud) < 1024 * 1024
    assert refused(inhoud, gemeente_user) == [safety.TE_GROOT_UITGEPAKT.format(mb="50")]


def test_a_highly_compressed_member_is_refused_even_under_the_size_cap(gemeente_user):
    sheet = blad_xml(kopregel() + "<!--" + " " * (5 * 1024 * 1024) + "-->")
    inhoud = vervang(werkboek([rij()]), SHEET, sheet)
    assert refused(inhoud, gemeente_user) == [safety.TE_GROOT_UITGEPAKT.format(mb="50")]


@pytest.mark.parametrize(
    "inhoud",
    [
        pytest.param(b"Gemeentecode;Naam locatie\nGM0344;AZC\n", id="csv-renamed"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, id="old-xls"),
        pytest.param(b"", id="empty-file"),
    ],
)
def test_a_file_that_is_not_a_zip_is_refused(gemeente_user, inhoud):
    assert refused(inhoud, gemeente_user) == [safety.GEEN_XLSX]


def test_a_truncated_file_is_refused(gemeente_user):
    inhoud = werkboek([rij()])
    assert refused(inhoud[: len(inhoud) // 2], gemeente_user) == [safety.GEEN_XLSX]


def test_a_zip_that_is_no_workbook_is_refused(gemeente_user):
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("leesmij.txt", "hallo")
    assert refused(uit.getvalue(), gemeente_user) == [safety.GEEN_XLSX]


def test_a_workbook_with_macros_is_refused(gemeente_user):
    inhoud = werkboek([rij()])
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        types = z.read("[Content_Types].xml").replace(
            b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
        )
    xlsm = vervang(inhoud, "[Content_Types].xml", types, {"xl/vbaProject.bin": b"\0" * 512})
    assert refused(xlsm, gemeente_user) == [safety.MACRO]
    assert refused(xlsm, gemeente_user, naam="uitvraag.xlsm") == [safety.MACRO]
    alleen_macro = vervang(inhoud, "", b"", {"xl/vbaProject.bin": b"\0" * 512})
    assert refused(alleen_macro, gemeente_user) == [safety.MACRO]


def test_an_oversized_file_is_refused_before_it_is_opened(gemeente_user, settings):
    inhoud = os.urandom(settings.EXCEL_UPLOAD_MAX_BYTES + 1)
    assert refused(inhoud, gemeente_user) == [safety.TE_GROOT.format(mb="5")]


def test_an_xml_entity_bomb_is_refused(gemeente_user):
    lach = '<!DOCTYPE lol [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
        for i in range(10)
    )
    sheet = blad_xml(
        kopregel() + '<row r="2">' + inline("C2", "&lol9;") + "</row>", doctype=lach + "]>"
    )
    assert refused(vervang(werkboek([rij()]), SHEET, sheet), gemeente_user) == [reader.VERBODEN_XML]


def test_an_external_entity_is_refused(gemeente_user):
    xxe = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    sheet = blad_xml(kopregel() + '<row r="2">' + inline("C2", "&xxe;") + "</row>", doctype=xxe)
    assert refused(vervang(werkboek([rij()]), SHEET, sheet), gemeente_user) == [reader.VERBODEN_XML]


def test_a_dimension_claiming_a_million_rows_is_not_trusted(gemeente_user):
    inhoud = werkboek([rij()])
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        sheet = z.read(SHEET)
    sheet = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet)
    assert b"XFD1048576" in sheet
    start = time.perf_counter()
    plan = plan_maken(
        bestand=vervang(inhoud, SHEET, sheet), bestandsnaam="x.xlsx", user=gemeente_user
    )
    assert time.perf_counter() - start < 2
    assert len(plan.locaties) == 1


def test_a_row_far_below_the_data_counts_as_too_many_rows(gemeente_user):
    sheet = blad_xml(kopregel() + '<row r="1048576">' + inline("C1048576", "x") + "</row>")
    meldingen = refused(vervang(werkboek([rij()]), SHEET, sheet), gemeente_user)
    assert meldingen == [reader.TE_VEEL_RIJEN.format(max="5.000")]


def test_a_hundred_thousand_rows_are_refused_at_the_row_cap(gemeente_user):
    rijen = "".join(
        f'<row r="{r}">{inline(f"A{r}", "GM0344")}{inline(f"C{r}", os.urandom(6).hex())}'
        f'<c r="F{r}"><v>{r}</v></c></row>'
        for r in range(2, 100_002)
    )
    sheet = blad_xml(kopregel() + rijen, dimensie="A1:K100001")
    inhoud = vervang(werkboek([rij()]), SHEET, sheet)
    assert len(inhoud) < 5 * 1024 * 1024
    assert refused(inhoud, gemeente_user) == [reader.TE_VEEL_RIJEN.format(max="5.000")]


def test_a_workbook_without_a_locaties_sheet_is_refused(gemeente_user):
    boek = openpyxl.Workbook()
    boek.active.title = "Blad1"
    uit = io.BytesIO()
    boek.save(uit)
    assert refused(uit.getvalue(), gemeente_user) == [reader.GEEN_LOCATIEBLAD]


def test_an_empty_locaties_sheet_is_refused(gemeente_user):
    boek = openpyxl.Workbook()
    boek.active.title = "Locaties"
    uit = io.BytesIO()
    boek.save(uit)
    assert refused(uit.getvalue(), gemeente_user) == [reader.LEEG_BLAD]


def met_bladen(*bladen):
    """Return .xlsx bytes with sheets (title, state, rows); each is a Locaties-like sheet.

    The titles are written into workbook.xml afterwards: openpyxl (like Excel) renames a
    title that differs from another only in case, a hostile file need not.
    """
    boek = openpyxl.Workbook()
    boek.remove(boek.active)
    for i, (_titel, staat, rijen) in enumerate(bladen):
        blad = boek.create_sheet(f"Blad{i}")
        blad.append(LOCATIE_KOPPEN)
        for r in rijen:
            blad.append(r)
        blad.sheet_state = staat
    uit = io.BytesIO()
    boek.save(uit)
    with zipfile.ZipFile(uit) as z:
        xml = z.read("xl/workbook.xml").decode()
    for i, (titel, _staat, _rijen) in enumerate(bladen):
        xml = xml.replace(f'name="Blad{i}"', f'name="{titel}"')
    return vervang(uit.getvalue(), "xl/workbook.xml", xml.encode())


@pytest.mark.parametrize("echt", ["LOCATIES", " locaties", "Locaties\u200b"])
def test_a_very_hidden_locaties_sheet_behind_a_visible_decoy_is_refused(gemeente_user, echt):
    inhoud = met_bladen(
        (echt, "veryHidden", [rij(Naam_locatie="Echt", Plekken=9999)]),
        ("Locaties", "visible", [rij()]),
    )
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        assert b'state="veryHidden"' in z.read("xl/workbook.xml")
        assert b'name="Locaties"' in z.read("xl/workbook.xml")
    assert refused(inhoud, gemeente_user) == [reader.DUBBEL_BLAD.format(naam="Locaties")]


@pytest.mark.parametrize("staat", ["hidden", "veryHidden"])
def test_a_hidden_sheet_the_import_reads_is_refused(gemeente_user, staat):
    inhoud = met_bladen(("Uitleg", "visible", []), ("Locaties", staat, [rij()]))
    assert refused(inhoud, gemeente_user) == [reader.VERBORGEN_BLAD.format(naam="Locaties")]


def test_a_hidden_opgave_sheet_is_refused(gemeente_user):
    inhoud = met_bladen(("Locaties", "visible", [rij()]), ("Opgave", "hidden", []))
    assert refused(inhoud, gemeente_user) == [reader.VERBORGEN_BLAD.format(naam="Opgave")]


def test_two_sheets_whose_names_differ_only_in_case_or_spaces_are_refused(gemeente_user):
    inhoud = met_bladen(("Locaties", "visible", [rij()]), ("LOCATIES ", "visible", [rij()]))
    assert refused(inhoud, gemeente_user) == [reader.DUBBEL_BLAD.format(naam="Locaties")]


def test_a_hidden_sheet_the_import_does_not_read_is_no_problem(gemeente, gemeente_user):
    inhoud = met_bladen(("Locaties", "visible", [rij()]), ("Hulplijsten", "veryHidden", []))
    assert len(plan_maken(bestand=inhoud, bestandsnaam="x.xlsx", user=gemeente_user).locaties) == 1


OLE_TYPE = "application/vnd.openxmlformats-officedocument.oleObject"


def met_type(inhoud, deel, content_type):
    """Return the workbook with an Override of [Content_Types].xml for part deel."""
    with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
        types = z.read("[Content_Types].xml").decode()
    override = f'<Override PartName="/{deel}" ContentType="{content_type}"/>'
    return vervang(inhoud, "[Content_Types].xml", types.replace("</Types>", override + "</Types>"))


@pytest.mark.parametrize(
    ("onderdelen", "melding"),
    [
        ({"xl/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 508}, "INGESLOTEN_OBJECT"),
        ({"xl/embeddings/Microsoft_Word_Document.docx": b"PK\3\4"}, "INGESLOTEN_OBJECT"),
        ({"xl/media/payload.exe": b"MZ" + b"\0" * 510}, "INGESLOTEN_OBJECT"),
        ({"xl/extra/data.bin": b"\0" * 512}, "INGESLOTEN_OBJECT"),
        ({"xl/activeX/activeX1.xml": b"<ax/>", "xl/activeX/activeX1.bin": b"\0"}, "ACTIVEX"),
    ],
    ids=["ole-object", "embedded-document", "executable", "binary-part", "activex"],
)
def test_embedded_objects_and_executables_are_refused(gemeente_user, onderdelen, melding):
    inhoud = vervang(werkboek([rij()]), "", b"", onderdelen)
    assert refused(inhoud, gemeente_user) == [getattr(safety, melding)]


def test_an_ole_object_under_another_name_is_refused_by_its_content_type(gemeente_user):
    inhoud = vervang(werkboek([rij()]), "", b"", {"xl/media/image1.png": b"\x89PNG"})
    assert refused(met_type(inhoud, "xl/media/image1.png", OLE_TYPE), gemeente_user) == [
        safety.INGESLOTEN_OBJECT
    ]


def test_a_link_to_an_ole_object_is_refused(gemeente_user):
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        'formats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" '
        'Target="file:///C:/Windows/System32/calc.exe" TargetMode="External"/></Relationships>'
    )
    inhoud = vervang(werkboek([rij()]), "", b"", {"xl/worksheets/_rels/sheet1.xml.rels": rels})
    assert refused(inhoud, gemeente_user) == [safety.INGESLOTEN_OBJECT]


def test_printer_settings_saved_by_excel_are_no_problem(gemeente, gemeente_user):
    inhoud = vervang(
        werkboek([rij()]), "", b"", {"xl/printerSettings/printerSettings1.bin": b"\0" * 256}
    )
    assert len(plan_maken(bestand=inhoud, bestandsnaam="x.xlsx", user=gemeente_user).locaties) == 1
