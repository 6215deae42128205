from django.urls import path

from . import views, views_excel

app_name = "huisvesting"

urlpatterns = [
    path("gemeenten/<str:code>/statushouders/", views.gemeente_detail, name="gemeente_detail"),
    path(
        "gemeenten/<str:code>/statushouders/realisatie/",
        views.realisatie_invoeren,
        name="realisatie_invoeren",
    ),
    path(
        "gemeenten/<str:code>/statushouders/maatregelen/nieuw/",
        views.maatregel_nieuw,
        name="maatregel_nieuw",
    ),
    path(
        "statushouders/maatregelen/<int:pk>/wijzigen/",
        views.maatregel_wijzigen,
        name="maatregel_wijzigen",
    ),
    path(
        "gemeenten/<str:code>/statushouders/ibt/nieuw/", views.ibt_stap_nieuw, name="ibt_stap_nieuw"
    ),
    path(
        "gemeenten/<str:code>/statushouders/excel/sjabloon/",
        views_excel.sjabloon_gemeente,
        name="sjabloon_gemeente",
    ),
    path(
        "gemeenten/<str:code>/statushouders/excel/importeren/",
        views_excel.importeren_gemeente,
        name="importeren_gemeente",
    ),
    path("provincies/<str:code>/statushouders/", views.dashboard, name="dashboard"),
    path(
        "provincies/<str:code>/statushouders/gemeenten.csv",
        views.dashboard_csv,
        name="dashboard_csv",
    ),
    path(
        "provincies/<str:code>/statushouders/gemeenten.xlsx",
        views.dashboard_xlsx,
        name="dashboard_xlsx",
    ),
    path("provincies/<str:code>/statushouders/instelling/", views.instelling, name="instelling"),
    path(
        "provincies/<str:code>/statushouders/excel/importeren/",
        views_excel.importeren_provincie,
        name="importeren_provincie",
    ),
]
