"""Writes of the rapportage app: vaststellen of documents and recording downloads."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from kern.audit import attribute_to
from kern.security_log import request_ip, security_log

from .constants import Document
from .documenten import (
    VASTGESTELD,
    Kop,
    delen_als_json,
    delen_cijfers,
    document_context,
    document_pdf,
)
from .models import DocumentDownload, DocumentVersie
from .selectors import verslag_rapport
from .serializers import rapport_als_json

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
        rapport={**rapport_als_json(rapport, volledig=True), **delen_als_json(delen)},
        pdf=document_pdf(context),
        vastgesteld_door=user,
    )
    documentversie.full_clean(exclude=["pdf", "sha256"])
    attribute_to(documentversie, user)
    try:
        with transaction.atomic():
            documentversie.save()
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
