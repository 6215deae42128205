from django.apps import AppConfig


class HuisvestingConfig(AppConfig):
    name = "huisvesting"
    verbose_name = "Huisvesting statushouders"
