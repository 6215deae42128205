from django.urls import path

from . import views, views_excel, views_verdeelbesluit

app_name = "opvang"

urlpatterns = [
    path("gemeenten/<str:code>/", views.GemeenteDetailView.as_view(), name="gemeente_detail"),
    path("gemeenten/<str:code>/locaties/nieuw/", views.locatie_nieuw, name="locatie_nieuw"),
    path("gemeenten/<str:code>/indienen/", views.indienen, name="indienen"),
    path("locaties/<int:pk>/", views.locatie_detail, name="locatie_detail"),
    path("locaties/<int:pk>/wijzigen/", views.locatie_wijzigen, name="locatie_wijzigen"),
    path("locaties/<int:pk>/afsluiten/", views.locatie_afsluiten, name="locatie_afsluiten"),
    path("locaties/<int:pk>/wijzigingen/", views.locatie_wijzigingen, name="locatie_wijzigingen"),
    path("uitvragen/", views.uitvraag_list, name="uitvraag_list"),
    path("uitvragen/nieuw/", views.uitvraag_nieuw, name="uitvraag_nieuw"),
    path("uitvragen/<int:pk>/", views.uitvraag_detail, name="uitvraag_detail"),
    path("uitvragen/<int:pk>/sluiten/", views.uitvraag_sluiten, name="uitvraag_sluiten"),
    path("indieningen/<int:pk>/", views.indiening_detail, name="indiening_detail"),
    path(
        "indieningen/<int:pk>/beoordelen/", views.indiening_beoordelen, name="indiening_beoordelen"
    ),
]

# Excel: uitvraag template, exports, and the import: upload (per gemeente or for the
# province), the record with its preview and confirmation, the list of errors.
urlpatterns += [
    path(
        "gemeenten/<str:code>/excel/sjabloon/",
        views_excel.sjabloon_gemeente,
        name="excel_sjabloon_gemeente",
    ),
    path(
        "gemeenten/<str:code>/excel/importeren/",
        views_excel.importeren_gemeente,
        name="excel_importeren_gemeente",
    ),
    path(
        "provincies/<str:code>/excel/sjabloon/",
        views_excel.sjabloon_provincie,
        name="excel_sjabloon_provincie",
    ),
    path(
        "provincies/<str:code>/excel/importeren/",
        views_excel.importeren_provincie,
        name="excel_importeren_provincie",
    ),
    path(
        "provincies/<str:code>/excel/locaties/",
        views_excel.locaties_export,
        name="excel_locaties_export",
    ),
    path("imports/<int:pk>/", views_excel.import_detail, name="import_detail"),
    path("imports/fouten.xlsx", views_excel.import_fouten, name="import_fouten"),
]

# The verdeelbesluit (opvang/views_verdeelbesluit.py): national beheer loads the
# minister's decision as new opgave versions: list, template, upload, preview/confirm.
urlpatterns += [
    path(
        "verdeelbesluiten/",
        views_verdeelbesluit.verdeelbesluit_list,
        name="verdeelbesluit_list",
    ),
    path(
        "verdeelbesluiten/sjabloon/",
        views_verdeelbesluit.verdeelbesluit_sjabloon,
        name="verdeelbesluit_sjabloon",
    ),
    path(
        "verdeelbesluiten/laden/",
        views_verdeelbesluit.verdeelbesluit_laden,
        name="verdeelbesluit_laden",
    ),
    path(
        "verdeelbesluiten/<int:pk>/",
        views_verdeelbesluit.verdeelbesluit_detail,
        name="verdeelbesluit_detail",
    ),
]
