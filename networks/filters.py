import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from networks.models import Event, Membership, Municipality, Network
from portal.filters import (
    DateInput,
    choice,
    municipality_filter,
    network_filter,
    ordering,
    topic_filter,
)


class NetworkFilter(django_filters.FilterSet):
    kind = choice(Network.Kind.choices, _("Art"))
    topic = topic_filter()
    state = choice(
        [("active", _("aktiv")), ("ended", _("beendet"))], _("Stand"), method="filter_state"
    )
    municipality = municipality_filter("memberships__municipality", _("Mitgliedskommune"))
    order = ordering(("name", _("Name")), ("founded", _("Gründung")))

    class Meta:
        model = Network
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.active() if value == "active" else queryset.ended()


class MunicipalityFilter(django_filters.FilterSet):
    district = django_filters.ChoiceFilter(label=_("Landkreis"), empty_label=_("Alle"))
    kind = choice(Municipality.Kind.choices, _("Art"))
    network = network_filter("memberships__network")
    role = choice(
        Membership.Role.choices,
        _("Rolle im Netzwerk"),
        field_name="memberships__role",
        distinct=True,
    )
    order = ordering(("name", _("Name")), ("population", _("Einwohnerzahl")))

    class Meta:
        model = Municipality
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["district"].extra["choices"] = Municipality.objects.district_choices()


class EventFilter(django_filters.FilterSet):
    WHEN = [("upcoming", _("kommende")), ("past", _("vergangene")), ("all", _("alle"))]
    FORMAT = [("online", _("online")), ("on_site", _("vor Ort"))]

    when = django_filters.ChoiceFilter(
        choices=WHEN, label=_("Zeitraum"), empty_label=None, method="filter_when"
    )
    network = network_filter()
    municipality = municipality_filter("host_municipality", _("Gastgebende Kommune"))
    kind = choice(Event.Kind.choices, _("Art"))
    topic = topic_filter()
    date_from = django_filters.DateFilter(
        field_name="start", lookup_expr="date__gte", label=_("ab Datum"), widget=DateInput
    )
    date_to = django_filters.DateFilter(
        field_name="start", lookup_expr="date__lte", label=_("bis Datum"), widget=DateInput
    )
    format = choice(FORMAT, _("Format"), method="filter_format")
    order = ordering(("start", _("Datum")), ("title", _("Titel")))

    class Meta:
        model = Event
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if not data.get("when"):
            data["when"] = "upcoming"
        super().__init__(data, *args, **kwargs)

    def filter_when(self, queryset, name, value):
        if value == "upcoming":
            return queryset.upcoming()
        if value == "past":
            return queryset.past().order_by("-start")
        return queryset

    def filter_format(self, queryset, name, value):
        return queryset.online() if value == "online" else queryset.on_site()


class MonthEventFilter(EventFilter):
    """The event list's filters without those a month answers itself: time span and order."""

    when = None
    date_from = None
    date_to = None
    order = None

    class Meta(EventFilter.Meta):
        pass
