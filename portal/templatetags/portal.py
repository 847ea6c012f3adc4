from django import forms, template
from django.utils.formats import date_format

from portal.models import DatePrecision
from portal.widgets import QuickSelect

register = template.Library()

_FORMATS = {
    DatePrecision.DAY: "DATE_FORMAT",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.YEAR: "Y",
}


@register.filter
def partial_date(value, precision=DatePrecision.DAY):
    """A date shown only as precisely as it is known: „3. April 1995“, „Juni 2016“, „2016“."""
    if not value:
        return ""
    return date_format(value, _FORMATS.get(precision, "DATE_FORMAT"))


@register.filter
def year_span(start, end):
    if start and end and start != end:
        return f"{start}–{end}"
    return str(start or end or "")


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def accessible_widget(field):
    """A form field's widget that points screen readers at its error message."""
    widget = field.field.widget
    if type(widget) is forms.Select:
        widget = QuickSelect.like(widget)
    if not field.errors:
        return field.as_widget(widget=widget)
    return field.as_widget(
        widget=widget,
        attrs={"aria-invalid": "true", "aria-describedby": f"{field.auto_id}-fehler"},
    )


@register.simple_tag
def page_window(page, around=2):
    """The page numbers a pagination shows: the first, the last, and `around` on each side of
    the current one; None where numbers are left out. Four thousand pages need nine links."""
    last = page.paginator.num_pages
    shown = {1, last, *range(page.number - around, page.number + around + 1)}
    numbers = sorted(number for number in shown if 1 <= number <= last)
    window = []
    for number in numbers:
        if window and number - window[-1] > 1:
            window.append(None)
        window.append(number)
    return window
