from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_safe


@login_required
@require_safe
def home(request):
    """Send each user to where their work starts: their gemeente, province or the list."""
    user = request.user
    if user.is_gemeente:
        return redirect("opvang:gemeente_detail", code=user.gemeente.code)
    if user.provincie_id:
        return redirect("rapportage:dashboard", provincie=user.provincie.code)
    # Beheer serves every province: it chooses one from the list.
    return redirect("rapportage:provincies")
