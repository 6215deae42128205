from django.urls import path

from . import views

urlpatterns = [
    path("tweestaps/code/", views.otp_verifieren, name="otp_verifieren"),
    path("tweestaps/instellen/", views.otp_instellen, name="otp_instellen"),
]
