from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/gelezen/", views.gelezen, name="gelezen"),
    path("voorkeuren/", views.voorkeuren, name="voorkeuren"),
    path("uitvragen/<int:pk>/", views.uitvraag, name="uitvraag"),
    path("uitvragen/<int:pk>/herinneringen/", views.herinneringen, name="herinneringen"),
]
