"""Pieces shared by the portal's FilterSets."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.caching import cached_count

# A choice among more records than this is a text field: a select would grow with the table
# (two thousand municipalities are two thousand <option>s on every list page).
CHOICE_LIMIT = 60

# What the text fields suggest as one types: {key: (records, field)}, declared by the apps.
SUGGESTIONS = {}


def register_suggestions(key, records, field="name"):
    """Let text fields of `key` suggest the `field` of `records()` (a function) as one types."""
    SUGGESTIONS[key] = (records, field)


class NameOrSlugField(forms.ModelChoiceField):
    """A record chosen by its address key (the links of the portal use it) or typed by its
    name, in a text field that suggests names where JavaScript runs."""

    def __init__(self, queryset, *, suggest=None, **kwargs):
        super().__init__(queryset, to_field_name="slug", **kwargs)
        self.widget = forms.TextInput(
            attrs={"type": "search", "autocomplete": "off"}
            | ({"data-suggest": reverse("suggestions", args=[suggest])} if suggest else {})
        )

    def prepare_value(self, value):
        """The record's name, whether the URL holds its address key or what someone typed."""
        found = self._matching(value) if isinstance(value, str) else []
        return found[0].name if len(found) == 1 else value

    def _matching(self, value):
        value = value.strip()
        return list(self.queryset.filter(slug=value)[:1]) or list(
            self.queryset.filter(name__iexact=value)[:2]
        )

    def to_python(self, value):
        value = (value or "").strip()
        if value in self.empty_values:
            return None
        found = self._matching(value)
        if len(found) != 1:
            raise ValidationError(
                _(
                    "„%(value)s“ wurde nicht gefunden. Bitte den Namen so eingeben, wie er im "
                    "Portal steht."
                ),
                code="invalid_choice",
                params={"value": value},
            )
        return found[0]


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of a record by its address key: a select while there are few records, a text
    field (NameOrSlugField) once there are many."""

    def __init__(self, *args, suggest=None, **kwargs):
        self.suggest = suggest
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            queryset = self.get_queryset(self.get_request())
            if cached_count(queryset) > CHOICE_LIMIT:
                self._field = NameOrSlugField(
                    queryset, suggest=self.suggest, label=self.label, required=False
                )
            else:
                self._field = super().field
        return self._field


def slug_choice(queryset, label, field_name, suggest=None, **kwargs):
    return SlugChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        field_name=field_name,
        label=label,
        empty_label=_("Alle"),
        distinct=True,
        suggest=suggest,
        **kwargs,
    )


def choice(choices, label, **kwargs):
    return django_filters.ChoiceFilter(
        choices=choices, label=label, empty_label=_("Alle"), **kwargs
    )


def ordering(*labelled_fields):
    """Sorting by each (field, label), ascending and descending."""
    labels = {}
    for field, label in labelled_fields:
        labels[field] = label
        labels[f"-{field}"] = format_lazy(_("{} absteigend"), label)
    return django_filters.OrderingFilter(
        fields=[(field, field) for field, _label in labelled_fields],
        field_labels=labels,
        label=_("Sortierung"),
        empty_label=_("Standard"),
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        """A date as yyyy-mm-dd, the only value a date field may hold (anything else is invalid
        HTML): what the URL holds, read as the form field reads it; nothing where that is no
        date. The field's error message names what was typed."""
        if isinstance(value, str):
            try:
                value = forms.DateField().to_python(value)
            except ValidationError:
                value = None
        return super().format_value(value)
