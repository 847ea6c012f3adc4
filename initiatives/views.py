from django.views.generic import DetailView

from initiatives.filters import InitiativeFilter
from initiatives.models import Initiative
from portal.views import FilteredListView, ToolbarObjectMixin


class InitiativeListView(FilteredListView):
    filterset_class = InitiativeFilter
    queryset = Initiative.objects.select_related("network").prefetch_related("municipalities")


class InitiativeDetailView(ToolbarObjectMixin, DetailView):
    queryset = Initiative.objects.select_related("network").prefetch_related(
        "municipalities", "organisations", "topics"
    )
