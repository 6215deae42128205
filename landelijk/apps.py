from django.apps import AppConfig


class LandelijkConfig(AppConfig):
    name = "landelijk"
    verbose_name = "Landelijk beeld"
