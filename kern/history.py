"""Keep the audit trail complete when a data migration changes rows.

Models from a migration's `apps` have no simple-history signals, so their saves write no
history. The real models would, but a migration must not use today's code on an older
schema. A data migration therefore appends the historical row itself: who is empty
(no person made the change), why is the given reason. History tables accept INSERT.
"""

from __future__ import annotations

from django.utils import timezone


def record_history(history_model, obj, reason):
    """Append a changed ('~') historical row for obj, as it now is, with reason (≤ 100)."""
    values = {
        field.attname: getattr(obj, field.attname)
        for field in history_model._meta.concrete_fields
        if not field.primary_key and hasattr(obj, field.attname)
    }
    values.update(
        history_date=timezone.now(),
        history_type="~",
        history_change_reason=reason[:100],
        history_user_id=None,
    )
    history_model.objects.create(**values)
