from django.urls import path

app_name = "rapportage"

urlpatterns: list = []
