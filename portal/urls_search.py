from urllib.parse import urlencode

from django.urls import path

from portal import search, views


class SearchView(views.SearchView):
    """The portal's search; for a search without hits, a „Meinten Sie …?“ link to the search
    for the closest spelling of the records' titles."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("results") == []:
            corrected = search.suggestion(text=context["form"].cleaned_data["q"].strip())
            if corrected:
                context["suggestion"] = corrected
                context["suggestion_query"] = urlencode({"q": corrected})
        return context


app_name = "search"
urlpatterns = [path("", SearchView.as_view(), name="search")]
