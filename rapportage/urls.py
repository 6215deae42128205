from django.urls import path

from . import views, views_documenten

app_name = "rapportage"

urlpatterns = [
    path("", views.provincies, name="provincies"),
    path("<str:provincie>/", views.dashboard, name="dashboard"),
    path("<str:provincie>/gemeenten.csv", views.gemeenten_csv, name="gemeenten_csv"),
    path("<str:provincie>/gemeenten.xlsx", views.gemeenten_xlsx, name="gemeenten_xlsx"),
    path("<str:provincie>/<int:cyclus>/verslag.json", views.verslag_json, name="verslag_json"),
    path(
        "<str:provincie>/<int:cyclus>/documenten/",
        views_documenten.documenten,
        name="documenten",
    ),
    path(
        "<str:provincie>/<int:cyclus>/<str:document>/voorbeeld/",
        views_documenten.document_voorbeeld,
        name="document_voorbeeld",
    ),
    path(
        "<str:provincie>/<int:cyclus>/<str:document>/concept.pdf",
        views_documenten.document_concept,
        name="document_concept",
    ),
    path(
        "<str:provincie>/<int:cyclus>/<str:document>/vaststellen/",
        views_documenten.document_vaststellen,
        name="document_vaststellen",
    ),
    path(
        "documenten/opdracht/<int:pk>/",
        views_documenten.document_opdracht,
        name="document_opdracht",
    ),
    path(
        "documenten/opdracht/<int:pk>/opnieuw/",
        views_documenten.document_opdracht_opnieuw,
        name="document_opdracht_opnieuw",
    ),
    path(
        "documenten/opdracht/<int:pk>/download/",
        views_documenten.document_opdracht_download,
        name="document_opdracht_download",
    ),
    path(
        "documenten/<int:pk>/download/",
        views_documenten.document_download,
        name="document_download",
    ),
]
