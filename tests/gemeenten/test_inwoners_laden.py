"""`manage.py inwoners_laden`: populations from a CBS StatLine CSV export, all or nothing."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction
from django.urls import reverse

from gemeenten.inwoners import InwonersGeweigerd, inwoners_laden, lees_bestand
from gemeenten.management.commands.inwoners_laden import Command
from gemeenten.models import INWONERS_ONBEKEND, Gemeente
from tests.factories import GemeenteFactory
from tests.parallel import in_parallel, winners_and_losers

pytestmark = pytest.mark.django_db

# As StatLine writes it: a byte order mark, a title line, every field quoted, codes
# padded with spaces, a row for the whole country and a source line after the table.
STATLINE = (
    "\ufeff"
    '"Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio"\r\n'
    '"Regio\'s (code)";"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)"\r\n'
    '"NL01  ";"Nederland";"2025";"18044027"\r\n'
    '"GM0344  ";"Utrecht (gemeente)";"2025";"374238"\r\n'
    '"GM0307  ";"Amersfoort";"2025*";"163015"\r\n'
    '"Bron: CBS"\r\n'
)


@pytest.fixture
def utrecht(provincie):
    return GemeenteFactory(
        code="GM0344", naam="Utrecht", provincie=provincie, inwoners=None, inwoners_peildatum=None
    )


@pytest.fixture
def amersfoort(provincie):
    return GemeenteFactory(
        code="GM0307",
        naam="Amersfoort",
        provincie=provincie,
        inwoners=161825,
        inwoners_peildatum=date(2024, 1, 1),
    )


@pytest.fixture
def bestand(tmp_path):
    def schrijf(tekst, naam="bevolking_2025.csv"):
        pad = tmp_path / naam
        pad.write_bytes(tekst.encode("utf-8"))
        return pad

    return schrijf


def laden(pad, gebruiker="beheer-landelijk", *extra):
    out, err = StringIO(), StringIO()
    try:
        call_command("inwoners_laden", str(pad), "--gebruiker", gebruiker, *extra, stdout=out,
                     stderr=err)  # fmt: skip
    except CommandError as exc:
        return str(exc), err.getvalue()
    return out.getvalue(), err.getvalue()


def stand():
    """Return every gemeente's population fields and the number of history records."""
    rijen = Gemeente.objects.order_by("code").values_list(
        "code", "inwoners", "inwoners_peildatum", "inwoners_bron"
    )
    return list(rijen), Gemeente.history.count()


def test_it_loads_a_statline_export_with_source_and_peildatum(
    bestand, utrecht, amersfoort, landelijke_beheer_user
):
    uit, _ = laden(bestand(STATLINE), "beheer-landelijk", "--bron", "CBS StatLine 03759ned")

    assert "inwoners van 2 gemeente(n) vastgelegd" in uit
    utrecht.refresh_from_db()
    amersfoort.refresh_from_db()
    assert (utrecht.inwoners, utrecht.inwoners_peildatum) == (374238, date(2025, 1, 1))
    assert (amersfoort.inwoners, amersfoort.inwoners_peildatum) == (163015, date(2025, 1, 1))
    assert utrecht.inwoners_bron == "CBS StatLine 03759ned, bestand bevolking_2025.csv"
    assert utrecht.inwoners_tekst == (
        "374.238 inwoners (1 januari 2025, CBS StatLine 03759ned, bestand bevolking_2025.csv)"
    )


def test_each_change_is_in_the_audit_trail_on_the_name_of_the_beheerder(
    bestand, utrecht, amersfoort, landelijke_beheer_user
):
    laden(bestand(STATLINE))

    laatste = utrecht.history.order_by("-history_id").first()
    assert laatste.history_user == landelijke_beheer_user
    assert laatste.inwoners == 374238
    assert laatste.history_change_reason == "Inwoners geladen uit een CBS StatLine-export"


def test_loading_the_same_file_again_changes_nothing(
    bestand, utrecht, amersfoort, landelijke_beheer_user
):
    pad = bestand(STATLINE)
    laden(pad)
    voor = stand()

    uit, _ = laden(pad)

    assert "0 gemeente(n) vastgelegd, 2 ongewijzigd" in uit
    assert stand() == voor


def test_gemeenten_not_in_the_file_keep_their_population(
    bestand, provincie, utrecht, amersfoort, landelijke_beheer_user
):
    zeist = GemeenteFactory(code="GM0355", naam="Zeist", provincie=provincie, inwoners=66000)

    laden(bestand(STATLINE))

    zeist.refresh_from_db()
    assert (zeist.inwoners, zeist.inwoners_peildatum, zeist.inwoners_bron) == (
        66000,
        date(2024, 1, 1),
        "",
    )


def test_an_unknown_code_refuses_the_whole_file(
    bestand, utrecht, amersfoort, landelijke_beheer_user
):
    voor = stand()
    tekst = STATLINE.replace('"Bron: CBS"', '"GM9999";"Atlantis";"2025";"1000"')

    melding, fouten = laden(bestand(tekst))

    assert "niet geladen: 1 fout(en); er is niets veranderd" in melding
    assert "rij 6: Gemeente GM9999 staat niet in het register." in fouten
    assert stand() == voor


@pytest.mark.parametrize("waarde", ["", ".", "x", "12,5", "-3", "0", "veel"])
def test_a_bad_number_refuses_the_whole_file(
    bestand, utrecht, amersfoort, landelijke_beheer_user, waarde
):
    voor = stand()
    tekst = STATLINE.replace('"163015"', f'"{waarde}"')

    melding, fouten = laden(bestand(tekst))

    assert "er is niets veranderd" in melding
    assert f"rij 5: GM0307: ‘{waarde}’ is geen aantal inwoners" in fouten
    assert stand() == voor


def test_a_gemeente_twice_refuses_the_whole_file(
    bestand, utrecht, amersfoort, landelijke_beheer_user
):
    voor = stand()
    tekst = STATLINE.replace('"Bron: CBS"', '"GM0344";"Utrecht";"2025";"374000"')

    melding, fouten = laden(bestand(tekst))

    assert "er is niets veranderd" in melding
    assert "rij 6: GM0344 staat er al in (rij 4)." in fouten
    assert stand() == voor


def test_every_bad_row_is_listed(bestand, utrecht, amersfoort, landelijke_beheer_user):
    tekst = STATLINE.replace('"374238"', '"?"').replace('"2025*"', '"vorig jaar"')
    tekst += '"Amersfoort";"Amersfoort";"2025";"5"\r\n'

    melding, fouten = laden(bestand(tekst))

    assert "3 fout(en)" in melding
    assert fouten.splitlines() == [
        "rij 4: GM0344: ‘?’ is geen aantal inwoners (een geheel getal, ≥ 1).",
        "rij 5: GM0307: ‘vorig jaar’ is geen jaar (zoals 2025) in Perioden.",
        "rij 7: Geen CBS-regiocode (zoals GM0344) in ‘Amersfoort / Amersfoort’.",
    ]


def test_beheer_of_one_province_cannot_load_another_provinces_gemeenten(
    bestand, utrecht, amersfoort, vreemde_gemeente, provinciale_beheer_user
):
    voor = stand()
    tekst = STATLINE.replace('"Bron: CBS"', '"GM0202";"Arnhem";"2025";"168000"')

    melding, fouten = laden(bestand(tekst), "beheer-utrecht")

    assert "er is niets veranderd" in melding
    assert "rij 6: GM0202 Arnhem hoort bij een provincie die u niet beheert." in fouten
    assert stand() == voor


def test_only_an_active_beheerder_may_load(bestand, utrecht, amersfoort, prt_user):
    voor = stand()

    melding, _ = laden(bestand(STATLINE), "prt")

    assert "geen actieve gebruiker met de rol beheer" in melding
    assert stand() == voor


def test_a_comma_separated_export_without_quotes_or_bom_is_read_too():
    tekst = "RegioS,Perioden,Bevolking op 1 januari\nGM0344  ,2024JJ00,361966\n"

    (tal,) = lees_bestand(tekst.encode())

    assert (tal.code, tal.inwoners, tal.peildatum) == ("GM0344", 361966, date(2024, 1, 1))


def test_without_a_period_column_the_peildatum_must_be_given():
    tekst = '"Regiocode";"Bevolking op 1 januari"\n"GM0344";"361966"\n'

    with pytest.raises(InwonersGeweigerd, match="--peildatum"):
        lees_bestand(tekst.encode())
    (tal,) = lees_bestand(tekst.encode(), date(2024, 1, 1))
    assert tal.peildatum == date(2024, 1, 1)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"Gemeente;Aantal\nGM0344;5\n", "Geen kolom ‘Bevolking op 1 januari’"),
        (b'"Regio\'s";"Bevolking op 1 januari"\n"NL01";"18"\n', "geen enkele gemeente"),
        ("Regio's;Bevolking op 1 januari\nGM0344;5\n".encode("utf-16"), "geen tekst in UTF-8"),
    ],
)
def test_a_file_that_is_no_statline_export_is_refused_in_dutch(inhoud, melding):
    with pytest.raises(InwonersGeweigerd, match=melding):
        lees_bestand(inhoud, date(2024, 1, 1))


def test_the_help_documents_the_input_format():
    hulp = Command().create_parser("manage.py", "inwoners_laden").format_help()

    for tekst in (
        '"Regio\'s (code)";"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)"',
        "UTF-8, met of zonder BOM; scheidingsteken ;",
        "Eén foute rij en er verandert niets",
        "--gebruiker",
        "--peildatum",
    ):
        assert tekst in hulp


@pytest.mark.django_db(transaction=True)
def test_two_loads_at_once_are_one_after_the_other(
    committed_db, utrecht, amersfoort, landelijke_beheer_user
):
    tallen = {n: lees_bestand(STATLINE.replace("374238", str(n)).encode()) for n in (1, 2)}

    user = landelijke_beheer_user

    outcomes = in_parallel(
        *(lambda n=n: inwoners_laden(tallen=tallen[n], bron=f"bron {n}", user=user) for n in (1, 2))
    )

    winners, losers = winners_and_losers(outcomes)
    assert losers == []
    utrecht.refresh_from_db()
    laatste = utrecht.history.order_by("-history_id").first()
    assert (laatste.inwoners, laatste.inwoners_bron) == (utrecht.inwoners, utrecht.inwoners_bron)
    assert utrecht.history.count() == 3  # created, then one record per load


def test_an_unknown_population_is_shown_as_onbekend_never_as_0(client, utrecht, prt_user):
    client.force_login(prt_user)

    response = client.get(reverse("opvang:gemeente_detail", args=[utrecht.code]))

    assert utrecht.inwoners_tekst == INWONERS_ONBEKEND
    tekst = response.content.decode()
    assert "GM0344 · provincie Utrecht" in tekst
    assert "inwoners onbekend" in tekst
    assert " 0 inwoners" not in tekst


def test_the_admin_lists_an_unknown_population_as_onbekend(
    client, utrecht, amersfoort, beheer_user
):
    client.force_login(beheer_user)

    response = client.get(reverse("admin:gemeenten_gemeente_changelist"))

    tekst = response.content.decode()
    assert "onbekend" in tekst
    assert "161.825" in tekst


def test_the_database_still_refuses_to_alter_a_gemeentes_history(utrecht):
    table = Gemeente.history.model._meta.db_table
    with (
        pytest.raises(DatabaseError),
        transaction.atomic(),
        transaction.get_connection().cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {table} SET inwoners_bron = 'x'")  # noqa: S608
