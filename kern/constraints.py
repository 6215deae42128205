"""A model's check constraints evaluated in memory, for validating many rows at once.

Django validates a CheckConstraint with one query per row and constraint (`SELECT 1
AS _check WHERE ...`); an import of thousands of rows spends most of its time there.
`check_in_geheugen(instance, exclude)` evaluates the same conditions in Python with
SQL's NULL rule (a comparison with NULL is unknown, and a CHECK passes unless it is
false, as Django's Q.check does with Coalesce(..., True)). A condition with a lookup
it does not know is validated by Django, as before. Unique constraints are left to
the caller, who holds the existing values in memory.
"""

from __future__ import annotations

import operator

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import F, Q
from django.db.models.constraints import CheckConstraint

_VERGELIJK = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
}


class _Onbekend(Exception):
    """A lookup or value this module does not evaluate: let Django validate it."""


class _Uitgesloten(Exception):
    """The condition names a field that is excluded (it has its own error already)."""


def _waarde(value, waarden):
    if isinstance(value, F):
        if value.name not in waarden:
            raise _Uitgesloten
        return waarden[value.name]
    if hasattr(value, "resolve_expression"):
        raise _Onbekend
    return value


def _lookup(key, value, waarden):
    """Return True, False or None (unknown, a NULL compared) of one lookup."""
    veld, _, lookup = key.partition("__")
    lookup = lookup or "exact"
    if veld not in waarden:
        raise _Uitgesloten
    links, rechts = waarden[veld], _waarde(value, waarden)
    if lookup == "isnull":
        return (links is None) == bool(rechts)
    if links is None:
        return None
    if lookup == "in":
        return links in rechts
    if lookup == "range":
        return rechts[0] <= links <= rechts[1]
    if lookup not in _VERGELIJK:
        raise _Onbekend
    return None if rechts is None else _VERGELIJK[lookup](links, rechts)


def _evalueer(node, waarden):
    if not isinstance(node, Q):
        return _lookup(*node, waarden)
    uitkomsten = [_evalueer(kind, waarden) for kind in node.children]
    if node.connector == Q.AND:
        uitkomst = False if False in uitkomsten else (None if None in uitkomsten else True)
    else:
        uitkomst = True if True in uitkomsten else (None if None in uitkomsten else False)
    if node.negated and uitkomst is not None:
        uitkomst = not uitkomst
    return uitkomst


def check_in_geheugen(instance, exclude=None):
    """Validate the instance's check constraints in memory; raise ValidationError as Django.

    The errors are the constraints' own messages and codes, as non-field errors, in
    the form Model.validate_constraints raises them.
    """
    exclude = set(exclude or ())
    waarden = {
        f.name: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.name not in exclude
    }
    errors = {}
    for constraint in instance._meta.constraints:
        if isinstance(constraint, CheckConstraint):
            try:
                _check(constraint, instance, waarden, exclude)
            except ValidationError as e:
                errors = e.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _check(constraint, instance, waarden, exclude):
    try:
        geldig = _evalueer(Q(constraint.condition), waarden) is not False
    except _Uitgesloten:
        return
    except _Onbekend:
        using = router.db_for_write(type(instance), instance=instance)
        constraint.validate(type(instance), instance, exclude=exclude, using=using)
        return
    if not geldig:
        raise ValidationError(
            constraint.get_violation_error_message(), code=constraint.violation_error_code
        )
