from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts.views_wachtwoord import UitloggenView
from portaal.views import home, hulp, toegankelijkheid

urlpatterns = [
    path("", home, name="home"),
    path("hulp/", hulp, name="hulp"),
    path("toegankelijkheid/", toegankelijkheid, name="toegankelijkheid"),
    path("", include("opvang.urls")),
    path("", include("ontheemden.urls")),
    path("", include("huisvesting.urls")),
    path("", include("uitruil.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("meldingen/", include("meldingen.urls")),
    path("scenarios/", include("scenarios.urls")),
    path("landelijk/", include("landelijk.urls")),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", UitloggenView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("beheer/", admin.site.urls),
]
