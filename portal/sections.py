"""Parts of a detail page that other apps contribute.

A network's page lists its events, its initiatives and its contacts, but the network app
knows none of them: the app that owns those records declares a section for the network's
page (AppConfig.ready), and the page renders whatever sections were declared for its model.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    # The template that renders the section; it gets the section's data as `data`.
    template: str
    # (record) -> dict: the data, with a bounded number of queries; None or {} shows nothing.
    data: Callable
    # Where the section stands on the page, before those with a higher number.
    position: int
    # A template for the page's <head> (feeds, calendars), with the same data.
    head_template: str = ""


@dataclass(frozen=True)
class FilledSection:
    template: str
    head_template: str
    data: dict


SECTIONS = defaultdict(list)


def add_section(label, section):
    """Add `section` to the detail page of the model `label` ("app_label.ModelName")."""
    SECTIONS[label].append(section)
    SECTIONS[label].sort(key=lambda section: section.position)


def sections_for(obj):
    filled = []
    for section in SECTIONS[obj._meta.label]:
        data = section.data(obj)
        if data:
            filled.append(FilledSection(section.template, section.head_template, data))
    return filled


SHOWN = 12


def first(queryset, more_url, limit=SHOWN):
    """The first `limit` records of `queryset`, and `more_url` (the filtered list of all of
    them) if there are more: a page shows a bounded part of what it links to."""
    records = list(queryset[: limit + 1])
    return records[:limit], more_url if len(records) > limit else ""
