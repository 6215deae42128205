from django.conf import settings
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from .audit import client_ip


@receiver(pre_create_historical_record)
def add_ip_address(sender, history_instance, **kwargs):
    """Store the client's IP on every historical record made during a request."""
    request = getattr(HistoricalRecords.context, "request", None)
    history_instance.ip_address = client_ip(request, settings.TRUSTED_PROXY_COUNT)
