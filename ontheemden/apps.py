from django.apps import AppConfig


class OntheemdenConfig(AppConfig):
    name = "ontheemden"
    verbose_name = "Opvang Oekraïense ontheemden"
