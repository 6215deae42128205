"""Admin machinery shared by every app's beheer screens."""


class NoDeleteMixin:
    """No figure is ever lost: tracked records are closed or superseded, never deleted."""

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions
