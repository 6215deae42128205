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
        "wachtwoord/ingesteld/",
        views_wachtwoord.WachtwoordIngesteldView.as_view(),
        name="wachtwoord_ingesteld",
    ),
]
