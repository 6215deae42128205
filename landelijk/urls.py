from django.urls import path

from . import views

app_name = "landelijk"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("provincies.csv", views.landelijk_csv, name="csv"),
    path("provincies.xlsx", views.landelijk_xlsx, name="xlsx"),
    path("<int:cyclus>/landelijk.json", views.landelijk_json, name="json"),
]
