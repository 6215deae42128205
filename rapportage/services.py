"""Writes of the rapportage app: vaststellen of documents and recording downloads."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from kern.audit import attribute_to
from kern.security_log import request_ip, security_log
from kern.signalen import send_on_commit
from uitruil.selectors import verslag_als_json

from .constants import Document, OpdrachtSoort, OpdrachtStatus
from .documenten import (
    CONCEPT,
    VASTGESTELD,
    Kop,
    delen_als_json,
    delen_cijfers,
    document_context,
    document_pdf,
)
from .models import DocumentDownload, DocumentOpdracht, DocumentVersie
from .selectors import verslag_rapport
from .serializers import rapport_als_json
from .signals import document_vastgesteld

NIET_MISLUKT = "Alleen een mislukte opdracht kan opnieuw worden gestart."
GELIJKTIJDIG_VASTGESTELD = (
    "Iemand anders heeft dit document zojuist vastgesteld. Bekijk de versies en probeer "
    "het zo nodig opnieuw."
)


def volgende_versie(*, provincie, cyclus, document):
    laatste = DocumentVersie.objects.filter(
        provincie=provincie, cyclus=cyclus, document=document
    ).aggregate(m=Max("versie"))["m"]
    return (laatste or 0) + 1


def document_vaststellen(
    *, provincie, cyclus, document, kenmerk, knelpunten, vervolg, peildatum, bron, user
):
    """Freeze a version: the PDF bytes, the report behind it and their hash.

    The PDF is rendered before the transaction (rendering takes seconds); the unique
    version number makes a concurrent vaststelling of the same document fail cleanly.
    """
    rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=peildatum, bron=bron)
    versie = volgende_versie(provincie=provincie, cyclus=cyclus, document=document)
    kop = Kop(kenmerk=kenmerk, datum=timezone.localdate(), status=VASTGESTELD, versie=versie)
    delen = delen_cijfers(rapport) if document == Document.PLAN else {}
    context = document_context(
        document=document,
        rapport=rapport,
        kop=kop,
        knelpunten=knelpunten,
        vervolg=vervolg,
        delen=delen,
    )
    documentversie = DocumentVersie(
        provincie=provincie,
        cyclus=cyclus,
        document=document,
        versie=versie,
        kenmerk=kenmerk,
        datum=kop.datum,
        peildatum=rapport.peildatum,
        bron=bron,
        knelpunten=knelpunten,
        vervolg=vervolg,
        # The whole report object and the plan's task parts, so the archive holds
        # every figure the PDF shows.
        rapport={
            **rapport_als_json(rapport, volledig=True),
            **delen_als_json(delen),
            "uitruil": verslag_als_json(context["uitruil"]),
        },
        pdf=document_pdf(context),
        vastgesteld_door=user,
    )
    documentversie.full_clean(exclude=["pdf", "sha256"])
    attribute_to(documentversie, user)
    try:
        with transaction.atomic():
            documentversie.save()
            send_on_commit(document_vastgesteld, DocumentVersie, documentversie=documentversie)
    except IntegrityError:
        raise ValidationError(GELIJKTIJDIG_VASTGESTELD) from None
    security_log(
        "document.vastgesteld", user=user, object=documentversie, kenmerk=documentversie.kenmerk
    )
    return documentversie


def document_downloaden(*, document, user, request=None):
    """Record a download of an archived version and return its unchanged bytes."""
    DocumentDownload.objects.create(
        versie=document, door=user, ip_address=request_ip(request) if request else None
    )
    security_log("document.downloaded", request=request, user=user, object=document)
    return bytes(document.pdf)


def document_opdracht_geven(*, provincie, cyclus, document, soort, user, **velden):
    """Record a request for a document and hand it to the background task; return it.

    velden: peildatum and bron, and for vaststellen kenmerk, knelpunten and vervolg
    (validated by VaststellenForm). With the immediate backend the task has run when
    this returns; with the database backend a worker (db_worker) picks it up.
    """
    opdracht = DocumentOpdracht.objects.create(
        provincie=provincie,
        cyclus=cyclus,
        document=document,
        soort=soort,
        aangevraagd_door=user,
        **velden,
    )
    return _starten(opdracht)


def concept_opdracht(*, vraag, document, user):
    """Return the concept of the report's data version: one made or under way, else a new one."""
    bestaand = (
        DocumentOpdracht.objects.filter(
            soort=OpdrachtSoort.CONCEPT, document=document, sleutel=vraag.sleutel
        )
        .exclude(status=OpdrachtStatus.MISLUKT)
        .first()
    )
    if bestaand is not None:
        return bestaand
    return document_opdracht_geven(
        provincie=vraag.provincie,
        cyclus=vraag.cyclus,
        document=document,
        soort=OpdrachtSoort.CONCEPT,
        user=user,
        peildatum=vraag.peildatum,
        bron=vraag.bron,
        sleutel=vraag.sleutel,
    )


def document_opdracht_opnieuw(*, opdracht, user):
    """Start a failed request again (locked, so two clicks start it once)."""
    with transaction.atomic():
        huidig = DocumentOpdracht.objects.select_for_update().get(pk=opdracht.pk)
        if huidig.status != OpdrachtStatus.MISLUKT:
            raise ValidationError(NIET_MISLUKT)
        huidig.status, huidig.fout = OpdrachtStatus.WACHTRIJ, ""
        huidig.save(update_fields=["status", "fout"])
    security_log("document.opnieuw", user=user, object=huidig)
    return _starten(huidig)


def _starten(opdracht):
    from .tasks import document_maken

    document_maken.enqueue(opdracht.pk)
    opdracht.refresh_from_db()
    return opdracht


def concept_pdf(opdracht):
    """Return the concept PDF of a request (run by rapportage.tasks)."""
    rapport = verslag_rapport(
        provincie=opdracht.provincie,
        cyclus=opdracht.cyclus,
        peildatum=opdracht.peildatum,
        bron=opdracht.bron,
    )
    kop = Kop(kenmerk="", datum=timezone.localdate(), status=CONCEPT)
    delen = delen_cijfers(rapport) if opdracht.document == Document.PLAN else {}
    context = document_context(document=opdracht.document, rapport=rapport, kop=kop, delen=delen)
    return document_pdf(context)


def opdracht_vaststellen(opdracht):
    """Draw up the requested version (run by rapportage.tasks); see document_vaststellen."""
    return document_vaststellen(
        provincie=opdracht.provincie,
        cyclus=opdracht.cyclus,
        document=opdracht.document,
        kenmerk=opdracht.kenmerk,
        knelpunten=opdracht.knelpunten,
        vervolg=opdracht.vervolg,
        peildatum=opdracht.peildatum,
        bron=opdracht.bron,
        user=opdracht.aangevraagd_door,
    )
