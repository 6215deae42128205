from django.conf import settings


def app(request):
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "HELPDESK": settings.HELPDESK,
        "ORGANISATIE": settings.ORGANISATIE,
    }
