from django.contrib.auth.decorators import login_required
from django.urls import path

from . import views, views_wachtwoord

urlpatterns = [
    path("tweestaps/code/", views.otp_verifieren, name="otp_verifieren"),
    path("tweestaps/instellen/", views.otp_instellen, name="otp_instellen"),
    path(
        "wachtwoord/instellen/<uidb64>/<token>/",
        views_wachtwoord.WachtwoordInstellenView.as_view(),
        name="wachtwoord_instellen",
    ),
    path(
        "wachtwoord/vergeten/",
        views_wachtwoord.WachtwoordVergetenView.as_view(),
        name="wachtwoord_vergeten",
    ),
    path(
        "wachtwoord/vergeten/verstuurd/",
        views_wachtwoord.WachtwoordVergetenVerstuurdView.as_view(),
        name="wachtwoord_vergeten_verstuurd",
    ),
    path(
        "wachtwoord/wijzigen/",
        login_required(views_wachtwoord.WachtwoordWijzigenView.as_view()),
        name="wachtwoord_wijzigen",
    ),
    path(
        "wachtwoord/ingesteld/",
        views_wachtwoord.WachtwoordIngesteldView.as_view(),
        name="wachtwoord_ingesteld",
    ),
]
