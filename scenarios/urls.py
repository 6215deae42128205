from django.urls import path

from . import views, views_export

app_name = "scenarios"

urlpatterns = [
    path("<str:key>/", views.lijst, name="lijst"),
    path("<str:key>/nieuw/", views.nieuw, name="nieuw"),
    path("scenario/<int:key>/", views.detail, name="detail"),
    path("scenario/<int:key>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("scenario/<int:key>/<str:soort>/toevoegen/", views.toevoegen, name="toevoegen"),
    path(
        "scenario/<int:key>/<str:soort>/<int:wijziging>/weghalen/",
        views.weghalen,
        name="weghalen",
    ),
    path("scenario/<int:key>/scenario.xlsx", views_export.xlsx, name="xlsx"),
    path("scenario/<int:key>/bijlage/", views_export.bijlage, name="bijlage"),
    path("scenario/<int:key>/bijlage.pdf", views_export.bijlage_pdf, name="bijlage_pdf"),
]
