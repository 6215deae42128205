from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from portaal.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("opvang.urls")),
    path("", include("huisvesting.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("beheer/", admin.site.urls),
]
