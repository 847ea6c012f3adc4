from initiatives.filters import initiative_list
from initiatives.models import Initiative
from portal.views import FilteredListView, RecordDetailView


class InitiativeListView(FilteredListView):
    selector = staticmethod(initiative_list)


class InitiativeDetailView(RecordDetailView):
    queryset = (
        Initiative.objects.public()
        .select_related("network")
        .prefetch_related("municipalities", "organisations", "topics")
    )
