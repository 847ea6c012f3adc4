from django import forms
from django.contrib import admin
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from portal.caching import cached_count
from portal.filters import SUGGESTIONS
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

    def page(self, number):
        """Pages after the first count off the rows they skip by key only, in a subquery
        (`pk IN (SELECT pk … ORDER BY … LIMIT 20 OFFSET n)`): PostgreSQL walks an index in the
        list's order (index-only where the index covers the filter) instead of sorting every
        row with all its columns and joins; the outer query reads the 20 rows."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        query = getattr(rows, "query", None)
        if bottom and query is not None and not (query.distinct or query.combinator):
            rows = rows.filter(pk__in=rows.values("pk")[bottom:top])
        else:
            rows = rows[bottom:top]
        return self._get_page(rows, number, self)


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


SUGGESTED = 10


def suggestions(request, key):
    """The names a text field of a filter suggests for what was typed (JSON): the first ten
    beginning with it. The field works without them; they spare typing."""
    if key not in SUGGESTIONS:
        raise Http404
    records, field = SUGGESTIONS[key]
    typed = request.GET.get("q", "").strip()[:100]
    names = []
    if typed:
        matching = records().filter(**{f"{field}__istartswith": typed}).order_by(field)
        names = list(matching.values_list(field, flat=True)[:SUGGESTED])
    return JsonResponse(names, safe=False)
