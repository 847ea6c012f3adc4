from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from networks.models import Topic
from opendata import catalog, package
from opendata.datasets import DATASETS, LICENCE_NAME, LICENCE_URL
from opendata.formats import FORMATS, attribution
from portal.caching import conditional
from portal.listing import InvalidFilter


class OpenDataView(TemplateView):
    """The documentation of the datasets, their columns and filters, calendars and feeds."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            datasets=DATASETS.values(),
            formats=FORMATS.values(),
            licence_name=LICENCE_NAME,
            licence_url=LICENCE_URL,
            attribution=attribution(),
            topics=Topic.objects.only("name", "slug"),
        )
        return context


@method_decorator(conditional, name="dispatch")
class DownloadView(View):
    """A dataset in one format, following the filters in the query string, streamed."""

    def get(self, request, dataset, fmt):
        if dataset not in DATASETS or fmt not in FORMATS:
            raise Http404
        dataset, data_format = DATASETS[dataset], FORMATS[fmt]
        try:
            rows = dataset.rows(request)
        except InvalidFilter as error:
            return error.response()
        response = StreamingHttpResponse(
            data_format.write(dataset, rows, request),
            content_type=f"{data_format.media_type}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{dataset.name}.{fmt}"'
        response["Link"] = f'<{LICENCE_URL}>; rel="license"'
        return response


@method_decorator(conditional, name="dispatch")
class CatalogueView(View):
    """The DCAT-AP.de catalogue in one syntax (catalog.SYNTAXES)."""

    syntax = "rdfxml"

    def get(self, request):
        _, media_type = catalog.SYNTAXES[self.syntax]
        return HttpResponse(
            catalog.catalogue(request, self.syntax), content_type=f"{media_type}; charset=utf-8"
        )


@method_decorator(conditional, name="dispatch")
class DataPackageView(View):
    """The Frictionless data package that describes every file."""

    def get(self, request):
        return JsonResponse(
            package.data_package(request), json_dumps_params={"ensure_ascii": False, "indent": 1}
        )
