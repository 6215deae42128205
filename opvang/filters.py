import django_filters

from .constants import Soort, Status
from .models import Locatie


class LocatieFilter(django_filters.FilterSet):
    naam = django_filters.CharFilter(label="Naam bevat", lookup_expr="icontains")
    soort = django_filters.ChoiceFilter(choices=Soort.choices, empty_label="alle soorten")
    status = django_filters.ChoiceFilter(choices=Status.choices, empty_label="alle statussen")

    class Meta:
        model = Locatie
        fields = ["naam", "soort", "status"]
