from django.db.models import Prefetch
from django.urls import reverse

from networks.filters import municipality_list, network_list
from networks.maps import municipality_map
from networks.models import Membership, Municipality, Network
from networks.structured_data import municipality_data, network_data
from portal.sections import first
from portal.views import FilteredListView, RecordDetailView


class NetworkListView(FilteredListView):
    selector = staticmethod(network_list)


class NetworkDetailView(RecordDetailView):
    queryset = (
        Network.objects.public()
        .select_related("parent", "image")
        .prefetch_related("topics", "children", "items")
    )
    # A network may have two thousand members: the page shows the first of them, on the map
    # too, and links to the filtered list of municipalities for all.
    members_shown = 30

    def get_object(self, queryset=None):
        network = super().get_object(queryset)
        network.members, network.more_members = first(
            Membership.objects.public().filter(network=network).by_municipality(),
            f"{reverse('municipalities:list')}?network={network.slug}",
            limit=self.members_shown,
        )
        return network

    def get_structured_data(self):
        return network_data(self.object, request=self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = {member.municipality for member in self.object.members}
        context["map"] = municipality_map(sorted(shown, key=lambda place: place.name))
        return context


class MunicipalityListView(FilteredListView):
    selector = staticmethod(municipality_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map"] = municipality_map(context["object_list"])
        return context


class MunicipalityDetailView(RecordDetailView):
    queryset = (
        Municipality.objects.public()
        .select_related("image")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.public().by_network()),
        )
    )

    def get_structured_data(self):
        return municipality_data(self.object, request=self.request)
