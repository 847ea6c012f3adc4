from django.db.models import Prefetch

from networks.filters import municipality_list, network_list
from networks.maps import municipality_map
from networks.models import Membership, Municipality, Network
from networks.structured_data import municipality_data, network_data
from portal.views import FilteredListView, RecordDetailView


class NetworkListView(FilteredListView):
    selector = staticmethod(network_list)

    def paginate_queryset(self, queryset, page_size):
        # The cards show each network's image.
        return super().paginate_queryset(queryset.select_related("image"), page_size)


class NetworkDetailView(RecordDetailView):
    queryset = Network.objects.public().select_related("parent", "image").prefetch_related(
        "topics",
        "children",
        "items",
        Prefetch("memberships", queryset=Membership.objects.public().by_municipality()),
    )

    def get_structured_data(self):
        return network_data(self.object, request=self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map"] = municipality_map(Municipality.objects.public().in_network(self.object))
        return context


class MunicipalityListView(FilteredListView):
    selector = staticmethod(municipality_list)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map"] = municipality_map(self.object_list)
        return context


class MunicipalityDetailView(RecordDetailView):
    queryset = Municipality.objects.public().select_related("image").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.public().by_network()),
    )

    def get_structured_data(self):
        return municipality_data(self.object, request=self.request)
