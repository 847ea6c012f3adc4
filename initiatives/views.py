from django.db.models import Prefetch

from initiatives.filters import initiative_list
from initiatives.models import Initiative, InitiativeAttachment
from portal.views import FilteredListView, RecordDetailView


class InitiativeListView(FilteredListView):
    selector = staticmethod(initiative_list)

    def paginate_queryset(self, queryset, page_size):
        # The cards show each initiative's image.
        return super().paginate_queryset(queryset.select_related("image"), page_size)


class InitiativeDetailView(RecordDetailView):
    queryset = (
        Initiative.objects.public()
        .select_related("network", "image")
        .prefetch_related(
            "municipalities",
            "organisations",
            "topics",
            Prefetch("attachments", queryset=InitiativeAttachment.objects.select_related("file")),
        )
    )
