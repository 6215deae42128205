"""Walk every URL of /beheer/ with beheer of one province and with national beheer.

The world holds objects of province Utrecht (the own province), of province Vreemdland
(every name in it contains "vreemd") and of a superuser ("kroonjuweel"). Beheer of
Utrecht must see and change nothing of Vreemdland or of the superuser; national beheer
nothing of the superuser. A new ModelAdmin or admin URL fails
`test_every_admin_url_is_covered` until it is added here with its objects.
"""

from datetime import date
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import URLResolver, reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from accounts.services import gebruiker_rechten_toepassen, rechtenwijziging_vastleggen
from gemeenten.constants import Gebeurtenis, Rol
from gemeenten.models import Gemeente, Provincie, Rechtenwijziging, Regio, User, UserSession
from opvang import services
from opvang.models import (
    Cyclus,
    Indiening,
    Locatie,
    Opgave,
    ProvincieOpgave,
    Uitvraag,
    UitvraagImport,
)
from tests.factories import (
    GemeenteFactory,
    LocatieFactory,
    OpgaveFactory,
    ProvincieFactory,
    RegioFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VREEMD, KROONJUWEEL = "vreemd", "kroonjuweel"
# What each persona must never see: beheer of Utrecht neither, national beheer only the
# superuser's objects.
PERSONAS = {
    "provinciale_beheer_user": (VREEMD, KROONJUWEEL),
    "landelijke_beheer_user": (KROONJUWEEL,),
}

# The URLs of every ModelAdmin, and the object-level ones among them.
MODEL_URLS = ["changelist", "add", "change", "history", "delete"]
OBJECT_URLS = ["change", "history", "delete"]
# URLs some admins add, with the model they belong to.
EXTRA_URLS = {
    "otp_totp_totpdevice_config": TOTPDevice,
    "otp_totp_totpdevice_qrcode": TOTPDevice,
}
SITE_URLS = {
    "index",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
}


def admin_url_names(patterns=None):
    for p in admin.site.get_urls() if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from admin_url_names(p.url_patterns)
        elif p.name:
            yield p.name


def url_prefix(model):
    return f"{model._meta.app_label}_{model._meta.model_name}"


def object_urls(model):
    """Return the names of the admin URLs that show or change one object of model."""
    names = [f"{url_prefix(model)}_{suffix}" for suffix in OBJECT_URLS]
    if isinstance(admin.site._registry[model], SimpleHistoryAdmin):
        names.append(f"{url_prefix(model)}_simple_history")
    return names + [name for name, m in EXTRA_URLS.items() if m is model]


def test_every_admin_url_is_covered():
    expected = set(SITE_URLS) | set(EXTRA_URLS)
    for model in admin.site._registry:
        expected |= {f"{url_prefix(model)}_{suffix}" for suffix in MODEL_URLS}
        expected |= set(object_urls(model))
    assert set(admin_url_names()) == expected


def test_every_registered_model_has_objects_in_the_walk(wereld):
    assert set(admin.site._registry) == set(wereld.objecten)


def _users(provincie, vreemde_provincie, gemeente):
    superuser = UserFactory(username="kroonjuweel", rol=Rol.BEHEER, is_superuser=True)
    gebruiker_rechten_toepassen(user=superuser)
    return SimpleNamespace(
        prt=UserFactory(username="prt", rol=Rol.PRT, provincie=provincie),
        gemeente=UserFactory(username="ambtenaar", rol=Rol.GEMEENTE, gemeente=gemeente),
        vreemd=UserFactory(username="vreemdprt", rol=Rol.PRT, provincie=vreemde_provincie),
        superuser=superuser,
    )


def _province(provincie, gemeente, cyclus, user):
    """Return a province's data: an opgave, a location, an uitvraag, its submission, an import."""
    uitvraag = services.uitvraag_openen(
        provincie=provincie, cyclus=cyclus, deadline=date(2026, 12, 1), bericht="", user=user
    )
    locatie = LocatieFactory(gemeente=gemeente, naam=f"{gemeente.naam}locatie")
    indiening, _ = services.indiening_indienen(uitvraag=uitvraag, gemeente=gemeente, user=user)
    upload = UitvraagImport.objects.create(
        bestandsnaam=f"{gemeente.naam}import.xlsx",
        sha256="0" * 64,
        bestand=b"",
        gemeente=gemeente,
        geupload_door=user,
    )
    opgave = OpgaveFactory(gemeente=gemeente, cyclus=cyclus, bron=f"bron {gemeente.naam}")
    provincie_opgave = ProvincieOpgave.objects.create(
        provincie=provincie, cyclus=cyclus, plekken=100, bron=f"bron {provincie.naam}"
    )
    return {
        ProvincieOpgave: provincie_opgave,
        Opgave: opgave,
        Locatie: locatie,
        Uitvraag: uitvraag,
        Indiening: indiening,
        UitvraagImport: upload,
    }


def _account_objects(user):
    """Return a user's second factors and login records, keyed by model."""
    velden = {"username": user.username, "ip_address": "203.0.113.7", "user_agent": "test"}
    velden |= {"path_info": "/inloggen/", "http_accept": "*/*"}
    return {
        TOTPDevice: TOTPDevice.objects.create(user=user, name=f"app van {user}"),
        StaticDevice: StaticDevice.objects.create(user=user, name=f"codes van {user}"),
        AccessAttempt: AccessAttempt.objects.create(
            **velden, get_data="", post_data="", failures_since_start=1
        ),
        AccessLog: AccessLog.objects.create(**velden),
        AccessFailureLog: AccessFailureLog.objects.create(**velden, locked_out=False),
    }


@pytest.fixture
def wereld(provincie, cyclus, provinciale_beheer_user, landelijke_beheer_user):
    """Objects of the own province, of Vreemdland and of a superuser, per model."""
    vreemdland = ProvincieFactory(code="PV27", naam="Vreemdland")
    regio = RegioFactory(provincie=provincie, naam="Eigen regio")
    vreemde_regio = RegioFactory(provincie=vreemdland, naam="Vreemdregio")
    gemeente = GemeenteFactory(naam="Utrecht", provincie=provincie, regio=regio)
    vreemde_gemeente = GemeenteFactory(naam="Vreemdstad", provincie=vreemdland, regio=vreemde_regio)
    users = _users(provincie, vreemdland, gemeente)
    eigen = _province(provincie, gemeente, cyclus, users.prt)
    vreemd = _province(vreemdland, vreemde_gemeente, cyclus, users.vreemd)
    objecten = {
        Provincie: (provincie, [(vreemdland, VREEMD)]),
        Regio: (regio, [(vreemde_regio, VREEMD)]),
        Gemeente: (gemeente, [(vreemde_gemeente, VREEMD)]),
        User: (users.prt, [(users.vreemd, VREEMD), (users.superuser, KROONJUWEEL)]),
        Group: (
            Group.objects.get(name="Beheer"),
            [(Group.objects.create(name="kroonjuweel-groep"), KROONJUWEEL)],
        ),
        Cyclus: (cyclus, []),
        **{model: (obj, [(vreemd[model], VREEMD)]) for model, obj in eigen.items()},
    }
    accounts = [_account_objects(u) for u in (users.prt, users.vreemd, users.superuser)]
    for model, obj in accounts[0].items():
        objecten[model] = (obj, [(accounts[1][model], VREEMD), (accounts[2][model], KROONJUWEEL)])
    trail = [
        rechtenwijziging_vastleggen(gebruiker=u, gebeurtenis=Gebeurtenis.GEDEACTIVEERD)
        for u in (users.prt, users.vreemd, users.superuser)
    ]
    objecten[Rechtenwijziging] = (trail[0], [(trail[1], VREEMD), (trail[2], KROONJUWEEL)])
    return SimpleNamespace(
        objecten=objecten,
        users=users,
        provincie=provincie,
        vreemdland=vreemdland,
        gemeente=gemeente,
        vreemde_gemeente=vreemde_gemeente,
        regio=regio,
        cyclus=cyclus,
    )


IGNORED_IN_FOOTPRINT = {LogEntry, Session, UserSession, ContentType, Permission}


def footprint():
    """Every row that a refused request must leave unchanged (history tables included)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model not in IGNORED_IN_FOOTPRINT
    }


def args_for(name, obj):
    if name.endswith("_simple_history"):
        return [obj.pk, obj.history.latest().history_id]
    return [obj.pk]


def assert_hidden(client, response, markers):
    """Assert that a response, and where it redirects to, shows none of the markers."""
    if response.status_code == 302:
        response = client.get(response.url)
    content = response.content.decode().lower()
    for marker in markers:
        assert marker not in content, response.request["PATH_INFO"]
    return response


def persona_cases(models):
    return [(persona, model) for persona in PERSONAS for model in models]


def case_id(value):
    return value if isinstance(value, str) else value._meta.label


def registered_models():
    return sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize(("persona", "model"), persona_cases(registered_models()), ids=case_id)
def test_lists_show_nothing_outside_the_scope(request, client, wereld, persona, model):
    client.force_login(request.getfixturevalue(persona))
    prefix = url_prefix(model)
    eigen, _ = wereld.objecten[model]
    for name in (f"{prefix}_changelist", f"{prefix}_add"):
        response = client.get(reverse(f"admin:{name}"))
        assert response.status_code in (200, 403), name
        assert_hidden(client, response, PERSONAS[persona])
    listing = client.get(reverse(f"admin:{prefix}_changelist"))
    if listing.status_code == 200:
        change = reverse(f"admin:{prefix}_change", args=[eigen.pk])
        assert change in listing.content.decode(), "the own object is listed"


@pytest.mark.parametrize(("persona", "model"), persona_cases(registered_models()), ids=case_id)
def test_objects_outside_the_scope_are_not_found_and_not_changed(
    request, client, wereld, persona, model
):
    client.force_login(request.getfixturevalue(persona))
    _, vreemd = wereld.objecten[model]
    for obj, marker in vreemd:
        if marker not in PERSONAS[persona]:
            continue
        for name in object_urls(model):
            url = reverse(f"admin:{name}", args=args_for(name, obj))
            response = client.get(url)
            assert response.status_code in (302, 403, 404), url
            assert_hidden(client, response, PERSONAS[persona])
            before = footprint()
            client.post(url, {"post": "yes", "is_active": "", "naam": "overgenomen"})
            assert footprint() == before, url


@pytest.mark.parametrize(("persona", "model"), persona_cases(registered_models()), ids=case_id)
def test_view_on_site_leads_nowhere_outside_the_scope(request, client, wereld, persona, model):
    client.force_login(request.getfixturevalue(persona))
    content_type = ContentType.objects.get_for_model(model)
    for obj, marker in wereld.objecten[model][1]:
        if marker in PERSONAS[persona]:
            url = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
            response = client.get(url, follow=True)
            assert response.status_code == 404, url


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_site_pages_show_nothing_outside_the_scope(request, client, wereld, persona):
    client.force_login(request.getfixturevalue(persona))
    urls = [reverse(f"admin:{name}") for name in ("index", "password_change", "jsi18n")]
    urls += [
        reverse("admin:app_list", args=[label])
        for label in {m._meta.app_label for m in admin.site._registry}
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        assert_hidden(client, response, PERSONAS[persona])


def autocomplete_cases():
    """Every foreign key of a registered model to a registered model with a search box."""
    for model in admin.site._registry:
        for field in model._meta.get_fields():
            remote = getattr(field, "related_model", None)
            if field.many_to_one and remote in admin.site._registry:
                yield model, field.name


@pytest.mark.parametrize("persona", PERSONAS)
def test_autocomplete_offers_nothing_outside_the_scope(request, client, wereld, persona):
    client.force_login(request.getfixturevalue(persona))
    for model, field_name in autocomplete_cases():
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": model._meta.app_label,
                "model_name": model._meta.model_name,
                "field_name": field_name,
                "term": "",
            },
        )
        assert response.status_code in (200, 403, 404)
        assert_hidden(client, response, PERSONAS[persona])


def user_form(user=None, **changes):
    """The fields of a user's form in /beheer/, as a browser posts them."""
    data = {
        "username": user.username if user else "nieuw",
        "first_name": user.first_name if user else "Nieuwe",
        "last_name": user.last_name if user else "Gebruiker",
        "email": user.email if user else "nieuw@example.nl",
        "is_active": "on",
        "rol": user.rol if user else Rol.CVDK,
        "gemeente": (user.gemeente_id or "") if user else "",
        "provincie": (user.provincie_id or "") if user else "",
    }
    return data | changes


def escalation():
    """What a beheer user posts to give more rights than its own."""
    return {
        "is_superuser": "on",
        "is_staff": "on",
        "groups": list(Group.objects.values_list("pk", flat=True)),
        "user_permissions": list(Permission.objects.values_list("pk", flat=True)),
    }


def gemeente_form(gemeente=None, **changes):
    data = {
        "code": gemeente.code if gemeente else "GM9999",
        "naam": gemeente.naam if gemeente else "Nieuwe gemeente",
        "provincie": gemeente.provincie_id if gemeente else "",
        "regio": (gemeente.regio_id or "") if gemeente else "",
        "inwoners": 1000,
        "inwoners_peildatum": "2024-01-01",
    }
    return data | changes


def opgave_form(gemeente, cyclus):
    return {
        "gemeente": gemeente.pk,
        "cyclus": cyclus.pk,
        "grondslag": "indicatief",
        "plekken": 10,
        "amv_plekken": 1,
        "bron": "kaping",
        "datum": "2025-01-01",
    }


def cyclus_form(nummer, jaar):
    return {
        "nummer": nummer,
        "telvenster_van": f"{jaar}-07-01",
        "telvenster_tot": f"{jaar + 1}-02-01",
    }


def hostile_posts(w, persona):
    """Return (url name, args, data) of posts that must change nothing for the persona."""
    prt, superuser = w.users.prt, w.users.superuser
    posts = [
        ("gemeenten_user_change", [prt.pk], user_form(prt, **escalation())),
        ("gemeenten_user_change", [superuser.pk], user_form(superuser, is_active="")),
        ("auth_group_add", [], {"name": "Alles", "permissions": escalation()["user_permissions"]}),
    ]
    if persona == "landelijke_beheer_user":
        return posts
    vreemd, gemeente = w.vreemdland.pk, w.gemeente
    return [
        *posts,
        ("gemeenten_user_add", [], user_form(provincie=vreemd)),
        ("gemeenten_user_add", [], user_form(rol=Rol.BEHEER)),
        ("gemeenten_user_change", [prt.pk], user_form(prt, provincie=vreemd)),
        ("gemeenten_user_change", [prt.pk], user_form(prt, rol=Rol.BEHEER, provincie="")),
        ("gemeenten_user_change", [w.users.vreemd.pk], user_form(w.users.vreemd)),
        ("gemeenten_gemeente_add", [], gemeente_form(provincie=vreemd)),
        ("gemeenten_gemeente_change", [gemeente.pk], gemeente_form(gemeente, provincie=vreemd)),
        (
            "gemeenten_gemeente_change",
            [gemeente.pk],
            gemeente_form(gemeente, regio=w.vreemde_gemeente.regio_id),
        ),
        # A successor in another province is not among the choices.
        (
            "gemeenten_gemeente_change",
            [gemeente.pk],
            gemeente_form(gemeente, opgeheven_per="2026-01-01", opgegaan_in=w.vreemde_gemeente.pk),
        ),
        ("gemeenten_regio_add", [], {"provincie": vreemd, "naam": "Overgenomen"}),
        ("gemeenten_provincie_add", [], {"code": "PV99", "naam": "Nieuw"}),
        ("gemeenten_provincie_change", [w.provincie.pk], {"code": "PV98", "naam": "Anders"}),
        ("opvang_cyclus_add", [], cyclus_form(9, 2030)),
        ("opvang_cyclus_change", [w.cyclus.pk], cyclus_form(1, 2020)),
        ("opvang_opgave_add", [], opgave_form(w.vreemde_gemeente, w.cyclus)),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_post_escalates_or_reaches_outside_the_scope(request, client, wereld, persona):
    client.force_login(request.getfixturevalue(persona))
    for name, args, data in hostile_posts(wereld, persona):
        before = footprint()
        client.post(reverse(f"admin:{name}", args=args), data)
        assert footprint() == before, (name, data)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gemeenten_gemeente_add", lambda w: gemeente_form(provincie=w.provincie.pk)),
        ("gemeenten_regio_add", lambda w: {"provincie": w.provincie.pk, "naam": "Nieuwe regio"}),
        ("opvang_opgave_add", lambda w: opgave_form(w.gemeente, w.cyclus)),
    ],
)
def test_beheer_of_a_province_adds_reference_data_of_its_own_province(
    client, wereld, provinciale_beheer_user, name, data
):
    client.force_login(provinciale_beheer_user)
    before = footprint()
    response = client.post(reverse(f"admin:{name}"), data(wereld))
    assert response.status_code == 302
    assert footprint() != before


def test_beheer_never_sees_the_secret_of_a_second_factor(client, wereld, provinciale_beheer_user):
    app = wereld.objecten[TOTPDevice][0]
    codes = wereld.objecten[StaticDevice][0]
    codes.token_set.create(token="reserve123")
    client.force_login(provinciale_beheer_user)
    pages = [
        client.get(reverse("admin:otp_totp_totpdevice_change", args=[app.pk])),
        client.get(reverse("admin:otp_static_staticdevice_change", args=[codes.pk])),
    ]
    assert [p.status_code for p in pages] == [200, 200]
    assert app.key not in pages[0].content.decode()
    assert "reserve123" not in pages[1].content.decode()
    for name in ("otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"):
        assert client.get(reverse(f"admin:{name}", args=[app.pk])).status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_user_added_by_beheer_gets_the_rights_of_its_role_only(request, client, wereld, persona):
    client.force_login(request.getfixturevalue(persona))
    data = user_form(provincie=wereld.provincie.pk, **escalation())
    response = client.post(reverse("admin:gemeenten_user_add"), data)
    assert response.status_code == 302
    nieuw = User.objects.get(username="nieuw")
    assert (nieuw.is_superuser, nieuw.is_staff) == (False, False)
    assert not nieuw.groups.exists() and not nieuw.user_permissions.exists()


def test_a_save_that_leaves_the_scope_is_refused_and_undone(rf, wereld, provinciale_beheer_user):
    # What the limited choices let through no form can post; the admin's last check.
    gemeente = wereld.gemeente
    gemeente.provincie = wereld.vreemdland
    request = rf.post("/")
    request.user = provinciale_beheer_user
    with pytest.raises(PermissionDenied), transaction.atomic():
        admin.site._registry[Gemeente].save_model(request, gemeente, None, True)
    gemeente.refresh_from_db()
    assert gemeente.provincie == wereld.provincie
