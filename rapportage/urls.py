from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("<str:provincie>/<int:cyclus>/verslag.json", views.verslag_json, name="verslag_json"),
]
