"""A URLconf without patterns: nothing can be reversed."""

urlpatterns = []
