"""POST data for the admin's forms, built from the forms the admin itself rendered."""

from django.forms import CheckboxInput, MultiWidget


def _put(data, widget, name, value):
    widget = getattr(widget, "widget", widget)  # unwrap RelatedFieldWidgetWrapper
    if isinstance(widget, MultiWidget):
        values = value if isinstance(value, list | tuple) else widget.decompress(value)
        for suffix, subwidget, subvalue in zip(
            widget.widgets_names, widget.widgets, values, strict=False
        ):
            _put(data, subwidget, f"{name}{suffix}", subvalue)
    elif isinstance(widget, CheckboxInput):
        if value:
            data[name] = "on"
    elif getattr(widget, "allow_multiple_selected", False):
        data[name] = [str(getattr(item, "pk", item)) for item in value or ()]
    elif value is None:
        data[name] = ""
    else:
        formatted = widget.format_value(value)
        data[name] = "" if formatted is None else formatted


def form_data(form):
    data = {}
    for bound_field in form:
        if not bound_field.field.disabled:
            _put(data, bound_field.field.widget, bound_field.html_name, bound_field.value())
    return data


def admin_form_data(response, **changes):
    """The data of the change or add form in an admin response, with `changes` applied."""
    context = response.context
    data = form_data(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(formset.initial_forms))
        for form in formset.initial_forms:
            data.update(form_data(form))
    data.update(changes)
    return data
