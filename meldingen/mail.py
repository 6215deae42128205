"""A notification's mail: rendered from templates when it is made, sent by the task.

The text is rendered once, so the record shows exactly what was sent. Only what the
event is about goes in: a deadline, the PRT's message, the remark on the recipient's
own submission, a document's kenmerk. Never a figure, and never another gemeente.
"""

from __future__ import annotations

import smtplib
import socket

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

# Attempts of one mail before it counts as failed, and the wait before each next one:
# a temporary failure (SMTP 4xx, no connection) is tried again after 1, 5, 15, 60 and
# 240 minutes, about five hours in all.
WACHTTIJDEN_MINUTEN = (1, 5, 15, 60, 240)
MAX_POGINGEN = len(WACHTTIJDEN_MINUTEN) + 1


def renderen(soort, context):
    """Return (onderwerp, tekst, html) of a notification of this soort."""
    context = {**context, "site_url": settings.SITE_URL}
    onderwerp = render_to_string(f"meldingen/mail/{soort}_onderwerp.txt", context)
    onderwerp = " ".join(onderwerp.split())[:200]
    tekst = render_to_string(f"meldingen/mail/{soort}.txt", context)
    html = render_to_string(f"meldingen/mail/{soort}.html", context)
    return onderwerp, tekst, html


def reply_to(provincie_code):
    """Return the PRT's address for replies (settings.PRT_REPLY_TO), as a list."""
    adressen = settings.PRT_REPLY_TO
    adres = adressen.get(provincie_code) or adressen.get("*")
    return [adres] if adres else []


def bericht(melding, provincie_code):
    """Return the mail of a notification, ready to send."""
    mail = EmailMultiAlternatives(
        subject=melding.onderwerp,
        body=melding.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[melding.ontvanger.email],
        reply_to=reply_to(provincie_code),
        headers={"Auto-Submitted": "auto-generated"},
    )
    mail.attach_alternative(melding.html, "text/html")
    return mail


def smtp_codes(exc):
    """Return the SMTP reply codes in a failure (several for refused recipients)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return [code for code, _ in exc.recipients.values()]
    if isinstance(exc, smtplib.SMTPResponseException):
        return [exc.smtp_code]
    return []


def is_tijdelijk(exc):
    """Return whether a failure may pass: SMTP 4xx, or no (working) connection."""
    codes = smtp_codes(exc)
    if codes:
        return all(400 <= code < 500 for code in codes)
    return isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError | socket.timeout)


def reden(exc):
    """Return a failure's reason as recorded on the notification (at most 500 characters)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        delen = [f"{a}: SMTP {c} {_tekst(m)}" for a, (c, m) in exc.recipients.items()]
        return ("Geweigerd door de mailserver: " + "; ".join(delen))[:500]
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"SMTP {exc.smtp_code}: {_tekst(exc.smtp_error)}"[:500]
    return f"{type(exc).__name__}: {exc}"[:500]


def _tekst(waarde):
    return waarde.decode(errors="replace") if isinstance(waarde, bytes) else str(waarde)
