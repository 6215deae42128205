"""Dutch words in the beheer screens for what third-party apps name in English.

django-otp names its apps and models in English without marking them for
translation, and django-axes ships no Dutch (its words are translated in
locale/nl/). The names of apps and models are set here at start-up; their migrations
do not record them (ModelState reads Meta's original attributes), so no migration of
those packages changes. Field labels of the second factors are given by the admins in
accounts.admin, which show them read-only.
"""

from django.apps import apps

APP_NAMEN = {
    "otp_totp": "Tweestapsverificatie: apps",
    "otp_static": "Tweestapsverificatie: reservecodes",
    "axes": "Inlogpogingen",
    "auth": "Groepen en rechten",
}
MODEL_NAMEN = {
    ("otp_totp", "totpdevice"): ("authenticator-app", "authenticator-apps"),
    ("otp_static", "staticdevice"): ("set reservecodes", "sets reservecodes"),
}
ACTIES = {"add": "toevoegen", "change": "wijzigen", "delete": "verwijderen", "view": "bekijken"}


def namen_toepassen():
    """Give the third-party apps and models their Dutch names (AppConfig.ready)."""
    for label, naam in APP_NAMEN.items():
        apps.get_app_config(label).verbose_name = naam
    for (label, model), (enkelvoud, meervoud) in MODEL_NAMEN.items():
        opts = apps.get_model(label, model)._meta
        opts.verbose_name, opts.verbose_name_plural = enkelvoud, meervoud


def recht_label(permission):
    """Return a permission as beheer reads it: 'Opvang | locatie | mag bekijken'.

    Django stores the name in English ('Can view locatie'); this is built from the
    app's and model's (Dutch) names and the action in its codename.
    """
    content_type = permission.content_type
    model = content_type.model_class()
    actie, _, _ = permission.codename.partition("_")
    if model is None or actie not in ACTIES:
        return permission.name
    app = apps.get_app_config(content_type.app_label).verbose_name
    return f"{app} | {model._meta.verbose_name} | mag {ACTIES[actie]}"
