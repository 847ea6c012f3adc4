"""Other formats of a filtered list (calendar, downloads) show exactly the rows the list
shows: they call the list's selector (the same FilterSet over the same queryset), only
without pagination."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class InvalidFilter(Exception):
    def __init__(self, filterset):
        super().__init__(filterset.errors)
        self.filterset = filterset

    def response(self):
        """A 400 in plain German text that names each invalid field, since a calendar client
        or a script cannot show the list's form errors."""
        form = self.filterset.form
        lines = [_("Ungültige Filterangabe, deshalb wurde nichts ausgegeben.")]
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else name
            lines.append(f"{label} ({name}): {' '.join(errors)}")
        return HttpResponseBadRequest(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )


def filtered_rows(filterset):
    """The rows of a FilterSet; raises InvalidFilter where a list would show a form error."""
    if filterset.is_bound and not filterset.is_valid():
        raise InvalidFilter(filterset)
    return filterset.qs
