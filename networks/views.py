from django.db.models import Count, Prefetch
from django.views.generic import DetailView

from contacts.models import Contact, Partnership
from initiatives.models import Initiative
from networks.filters import EventFilter, MunicipalityFilter, NetworkFilter
from networks.maps import municipality_map
from networks.models import Event, Membership, Municipality, Network, NetworkItem
from portal.views import FilteredListView, ToolbarObjectMixin

PUBLIC_CONTACTS = Prefetch(
    "contacts",
    queryset=Contact.objects.public().select_related("organisation"),
    to_attr="public_contacts",
)


def public_events(*related):
    return Event.objects.published().select_related("host_municipality", *related)


def events_by_time(relation):
    """Prefetch a relation's public events as `upcoming_events` and `past_events`."""
    return [
        Prefetch(relation, queryset=public_events().upcoming(), to_attr="upcoming_events"),
        Prefetch(
            relation, queryset=public_events().past().order_by("-start"), to_attr="past_events"
        ),
    ]


class NetworkListView(FilteredListView):
    filterset_class = NetworkFilter
    queryset = (
        Network.objects.select_related("parent")
        .annotate(member_count=Count("memberships__municipality", distinct=True))
        .order_by("name")
    )


class NetworkDetailView(ToolbarObjectMixin, DetailView):
    queryset = Network.objects.select_related("parent").prefetch_related(
        "topics",
        "children",
        Prefetch("items", queryset=NetworkItem.objects.order_by("kind", "position")),
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("municipality").order_by(
                "municipality__name", "role"
            ),
        ),
        Prefetch("partnerships", queryset=Partnership.objects.select_related("organisation")),
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.prefetch_related("municipalities").order_by(
                "round", "title"
            ),
        ),
        *events_by_time("events"),
        PUBLIC_CONTACTS,
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map"] = municipality_map(Municipality.objects.in_network(self.object))
        return context


class MunicipalityListView(FilteredListView):
    filterset_class = MunicipalityFilter
    queryset = Municipality.objects.annotate(
        network_count=Count("memberships__network", distinct=True)
    ).order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map"] = municipality_map(self.object_list)
        return context


class MunicipalityDetailView(ToolbarObjectMixin, DetailView):
    queryset = Municipality.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.select_related("network").order_by("network__name", "role"),
        ),
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.select_related("network")
            .prefetch_related("municipalities")
            .order_by("round", "title"),
        ),
        *events_by_time("hosted_events"),
        PUBLIC_CONTACTS,
    )


class EventListView(FilteredListView):
    filterset_class = EventFilter
    queryset = public_events().prefetch_related("networks")


class EventDetailView(ToolbarObjectMixin, DetailView):
    queryset = public_events().prefetch_related(
        "networks",
        "organisers",
        "topics",
        # A non-public contact is left out: event.contact is then None.
        Prefetch("contact", queryset=Contact.objects.public().select_related("organisation")),
    )
