import django_filters
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from networks.filters import municipality_filter, network_filter, topic_filter
from portal.filters import choice, ordering


class InitiativeFilter(django_filters.FilterSet):
    network = network_filter("network")
    municipality = municipality_filter("municipalities")
    topic = topic_filter()
    kind = choice(Initiative.Kind.choices, _("Art"))
    status = choice(Initiative.Status.choices, _("Status"))
    round = django_filters.ChoiceFilter(label=_("Runde oder Staffel"), empty_label=_("Alle"))
    funding_min = django_filters.NumberFilter(
        field_name="funding_amount", lookup_expr="gte", label=_("Betrag ab (EUR)"), min_value=0
    )
    funding_max = django_filters.NumberFilter(
        field_name="funding_amount", lookup_expr="lte", label=_("Betrag bis (EUR)"), min_value=0
    )
    order = ordering(("title", _("Titel")), ("round", _("Runde")), ("funding_amount", _("Betrag")))

    class Meta:
        model = Initiative
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["round"].extra["choices"] = Initiative.objects.round_choices()


def initiative_list(data=None, *, request=None):
    """The initiatives the list shows for the query `data` (see networks.filters)."""
    initiatives = (
        Initiative.objects.public()
        .for_listing()
        .select_related("network")
        .prefetch_related("municipalities")
    )
    return InitiativeFilter(data, queryset=initiatives, request=request)
