from django.urls import path

from . import views

app_name = "uitruil"

urlpatterns = [
    path("provincies/<str:code>/uitruil/", views.lijst, name="lijst"),
    path("provincies/<str:code>/uitruil/nieuw/", views.nieuw, name="nieuw"),
    path("uitruil/<int:pk>/", views.detail, name="detail"),
    path("uitruil/<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("uitruil/<int:pk>/akkoord/", views.akkoord, name="akkoord"),
    path("uitruil/<int:pk>/vervallen/", views.vervallen, name="vervallen"),
]
