"""Pieces shared by the portal's FilterSets."""

import django_filters
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def slug_choice(queryset, label, field_name, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        field_name=field_name,
        label=label,
        empty_label=_("Alle"),
        distinct=True,
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
