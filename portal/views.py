from django import forms
from django.contrib import admin
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from portal.caching import cached_count
from portal.search import search
from portal.sections import sections_for


class RecordDetailView(DetailView):
    """A public record's page. It tells the CMS toolbar which record it shows, so that editors
    can edit its placeholder and reach it in the admin; it adds the sections other apps
    contribute (portal.sections) and the record's schema.org description.

    `record` is set when django-cms renders the page for editing (detail_renderer): the
    record as it is, a draft too; the CMS has checked that the person may change it."""

    record = None

    def get_object(self, queryset=None):
        obj = self.record if self.record is not None else super().get_object(queryset)
        toolbar = getattr(self.request, "toolbar", None)
        if toolbar is not None:
            toolbar.set_object(obj)
        return obj

    def get_structured_data(self):
        """The schema.org description of the record, a dict; None for none."""
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections_for(self.object)
        context["structured_data"] = self.get_structured_data()
        return context


def detail_renderer(view_class):
    """The render function django-cms calls to show a record in its editing endpoint."""

    def render(request, obj):
        return view_class.as_view(record=obj)(request, slug=obj.slug)

    return render


class CountedOncePaginator(Paginator):
    """Counts the rows once per change of content (portal.caching), not on every request."""

    @cached_property
    def count(self):
        if hasattr(self.object_list, "query"):
            return cached_count(self.object_list)
        return super().count


class FilteredListView(FilterView):
    """A list with a django-filter form in the URL, 20 rows a page. An invalid filter value
    shows a form error and no rows; a page number past the end is a 404.

    `selector` returns the list's FilterSet over what the public sees, for given query data;
    the list's calendar and downloads call the same function."""

    paginate_by = 20
    paginator_class = CountedOncePaginator
    template_name_suffix = "_list"
    selector = None

    def get_filterset_class(self):
        return None

    def get_filterset(self, filterset_class):
        return type(self).selector(self.request.GET or None, request=self.request)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Bitte höchstens %(limit_value)d Zeichen eingeben.")},
    )


class SearchView(TemplateView):
    template_name = "portal/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET or None)
        context["form"] = form
        if form.is_valid() and form.cleaned_data["q"].strip():
            results = search(text=form.cleaned_data["q"].strip())
            context["results"] = results
            context["hit_count"] = sum(len(hits) for _label, hits in results)
        return context


@admin.site.admin_view
def staff_guide(request):
    """How the editorial staff work with the portal, step by step."""
    context = {**admin.site.each_context(request), "title": _("Anleitung für die Redaktion")}
    return TemplateResponse(request, "admin/portal/staff_guide.html", context)
