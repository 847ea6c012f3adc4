from news.filters import news_list
from news.models import NewsItem
from news.structured_data import news_data
from portal.views import FilteredListView, RecordDetailView


class NewsListView(FilteredListView):
    selector = staticmethod(news_list)
    paginate_by = 10


class NewsDetailView(RecordDetailView):
    queryset = (
        NewsItem.objects.public()
        .select_related("image")
        .prefetch_related("networks", "municipalities", "topics", "attachments__file")
    )

    def get_structured_data(self):
        return news_data(self.object, request=self.request)
