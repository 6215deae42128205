from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
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
    if user.is_landelijk:
        return redirect("landelijk:overzicht")
    # Beheer serves every province: it chooses one from the list.
    return redirect("rapportage:provincies")


@require_safe
def hulp(request):
    """How the app counts and who does what: public, so it helps before logging in too."""
    return render(request, "portaal/hulp.html", {"crumbs": [("Hulp", "")]})


@require_safe
def toegankelijkheid(request):
    """The toegankelijkheidsverklaring the Besluit digitale toegankelijkheid requires."""
    return render(request, "portaal/toegankelijkheid.html", {"crumbs": [("Toegankelijkheid", "")]})
