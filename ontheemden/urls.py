from django.urls import path

from . import views, views_excel

app_name = "ontheemden"

urlpatterns = [
    path("gemeenten/<str:code>/ontheemden/", views.gemeente_detail, name="gemeente_detail"),
    path(
        "gemeenten/<str:code>/ontheemden/locaties/nieuw/",
        views.locatie_nieuw,
        name="locatie_nieuw",
    ),
    path(
        "gemeenten/<str:code>/ontheemden/bezetting/", views.bezetting_nieuw, name="bezetting_nieuw"
    ),
    path(
        "gemeenten/<str:code>/ontheemden/particuliere-opvang/",
        views.particulier_nieuw,
        name="particulier_nieuw",
    ),
    path(
        "gemeenten/<str:code>/ontheemden/excel/sjabloon/",
        views_excel.sjabloon,
        name="excel_sjabloon",
    ),
    path(
        "gemeenten/<str:code>/ontheemden/excel/importeren/",
        views_excel.importeren,
        name="excel_importeren",
    ),
    path("ontheemden/locaties/<int:pk>/wijzigen/", views.locatie_wijzigen, name="locatie_wijzigen"),
    path("provincies/<str:code>/ontheemden/", views.dashboard, name="dashboard"),
    path(
        "provincies/<str:code>/ontheemden/gemeenten.csv", views.dashboard_csv, name="dashboard_csv"
    ),
    path(
        "provincies/<str:code>/ontheemden/gemeenten.xlsx",
        views.dashboard_xlsx,
        name="dashboard_xlsx",
    ),
    path(
        "provincies/<str:code>/ontheemden/streefgetal/",
        views.streefgetal_nieuw,
        name="streefgetal_nieuw",
    ),
]
