from django.urls import path

from . import views

app_name = "opvang"

urlpatterns = [
    path("gemeenten/", views.GemeenteListView.as_view(), name="gemeente_list"),
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
