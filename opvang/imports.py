"""The import's one access rule, until it joins the others in opvang.access.

The import itself: opvang.excel.validation (checks and plan), opvang.excel.preview
(what changes) and opvang.services_import (writes).
"""

from gemeenten.constants import Rol


def may_import_provincie(user):
    """Return whether the user may import workbooks for the whole province."""
    return user.is_provinciaal or user.rol == Rol.BEHEER
