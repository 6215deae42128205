"""Background tasks: the verslag's and plan's PDFs are made here, never in a request.

django-tasks runs them: `manage.py db_worker` with TASKS_BACKEND=db (django-tasks-db),
or inside the asking request with the immediate backend (settings.TASKS). The task
only renders and records the outcome on its DocumentOpdracht; what a vaststelling
stores (PDF, report, hash) is rapportage.services.document_vaststellen, unchanged.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks import task

from .constants import OpdrachtSoort, OpdrachtStatus
from .models import DocumentOpdracht

logger = logging.getLogger(__name__)

ONVERWACHTE_FOUT = (
    "Het maken van het document is mislukt door een fout in het systeem ({soort}). "
    "Probeer het opnieuw; blijft het mislukken, meld het dan aan beheer."
)


@task()
def document_maken(opdracht_id: int) -> str:
    """Render the document of a DocumentOpdracht and record klaar or mislukt on it."""
    from . import services  # services enqueue this task

    opdracht = DocumentOpdracht.objects.select_related("provincie", "cyclus").get(pk=opdracht_id)
    if opdracht.status not in (OpdrachtStatus.WACHTRIJ, OpdrachtStatus.MISLUKT):
        return opdracht.status  # already run (a task may be delivered twice)
    _zet(opdracht, status=OpdrachtStatus.BEZIG, begonnen_op=timezone.now())
    try:
        if opdracht.soort == OpdrachtSoort.CONCEPT:
            _zet(opdracht, pdf=services.concept_pdf(opdracht))
        else:
            _zet(opdracht, documentversie=services.opdracht_vaststellen(opdracht))
    except ValidationError as exc:
        _zet(opdracht, status=OpdrachtStatus.MISLUKT, fout=" ".join(exc.messages))
    except Exception as exc:
        logger.exception("Document %s mislukt", opdracht_id)
        melding = ONVERWACHTE_FOUT.format(soort=type(exc).__name__)
        _zet(opdracht, status=OpdrachtStatus.MISLUKT, fout=melding)
    else:
        _zet(opdracht, status=OpdrachtStatus.KLAAR, fout="", klaar_op=timezone.now())
    return opdracht.status


def _zet(opdracht, **velden):
    for naam, waarde in velden.items():
        setattr(opdracht, naam, waarde)
    opdracht.save(update_fields=list(velden))
