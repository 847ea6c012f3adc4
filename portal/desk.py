"""The staff's desk: panels on the admin's start page, above the list of apps.

Each panel lists what waits for the person, within their scope. Apps declare their panels in
AppConfig.ready() (`add_panel`); the base adds „Zuletzt geändert“, the latest changes to
records the person may change, from the history (portal.history). Every panel shows a bounded
number of items with a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import reversion
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Min, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from portal import permissions

LIMIT = 10


@dataclass(frozen=True)
class Panel:
    title: str
    # (user) -> the records or Items to show, newest or most urgent first, as a queryset or
    # sequence; None hides the panel (the person has nothing to do with such records).
    items: Callable
    # (record) -> a short line about a record: its date, its status.
    note: Callable | None = None
    # (user) -> the address of the full list (a filtered changelist), or None.
    more: Callable | None = None
    # Where the panel stands, before those with a higher number.
    position: int = 50
    empty: str = _("Keine Einträge.")


@dataclass(frozen=True)
class Item:
    label: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class FilledPanel:
    title: str
    items: list = field(default_factory=list)
    more_url: str = ""
    has_more: bool = False
    empty: str = ""


PANELS = []


def add_panel(panel):
    """Show `panel` on the desk; adding the same panel again changes nothing."""
    if panel not in PANELS:
        PANELS.append(panel)
        PANELS.sort(key=lambda panel: panel.position)


def panels_for(user):
    """The panels for `user`, each with at most LIMIT items."""
    filled = []
    for panel in PANELS:
        items = panel.items(user)
        if items is None:
            continue
        items = list(items[: LIMIT + 1])
        filled.append(
            FilledPanel(
                title=panel.title,
                items=[_as_item(obj, panel.note) for obj in items[:LIMIT]],
                more_url=(panel.more(user) or "") if panel.more else "",
                has_more=len(items) > LIMIT,
                empty=panel.empty,
            )
        )
    return filled


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])


def _as_item(obj, note):
    if isinstance(obj, Item):
        return obj
    return Item(str(obj), change_url(obj), note(obj) if note else "")


# Zuletzt geändert


def _changeable_models(user):
    """The models with a scope rule whose records the person may change in the admin and
    whose history is kept."""
    models = (apps.get_model(label) for label in permissions.RULES)
    return [
        model
        for model in models
        if admin.site.is_registered(model)
        and permissions.has_model_perm(user, "change", model)
        and reversion.is_registered(model)
    ]


def _in_scope(user, models):
    """A condition on versions: of records that exist and lie within the person's scope."""
    content_types = ContentType.objects.get_for_models(*models)
    condition = permissions.NOTHING
    for model in models:
        keys = permissions.editable(model._default_manager.all(), user).annotate(
            history_key=Cast("pk", CharField())
        )
        condition |= Q(content_type=content_types[model], object_id__in=keys.values("history_key"))
    return condition


def recent_changes(user):
    """The latest change of each record the person may change, newest first.

    Each revision is named by the first of its records in scope (the record saved, before the
    parts saved with it); of the latest revisions, each record appears once."""
    scope = permissions.Scope.of(user)
    models = [
        model
        for model in _changeable_models(user)
        # Models whose rule gives this person no record at all (topics, for editors).
        if scope.unrestricted or permissions.rule_for(model).editable(scope) != permissions.NOTHING
    ]
    if not models:
        return None
    firsts = (
        Version.objects.filter(_in_scope(user, models))
        .values("revision_id")
        .annotate(first=Min("pk"))
        .order_by("-revision_id")
        .values_list("first", flat=True)[: 3 * LIMIT]
    )
    versions = (
        Version.objects.filter(pk__in=firsts)
        .select_related("revision__user")
        .order_by("-revision_id")
    )
    items, seen = [], set()
    for version in versions:
        key = (version.content_type_id, version.object_id)
        if key in seen:
            continue
        seen.add(key)
        items.append(_change_item(version))
    return items


def _change_item(version):
    model = ContentType.objects.get_for_id(version.content_type_id).model_class()
    revision = version.revision
    when = formats.date_format(timezone.localtime(revision.date_created), "SHORT_DATETIME_FORMAT")
    who = ""
    if revision.user is not None:
        who = revision.user.get_full_name() or revision.user.get_username()
    note = " · ".join(str(part) for part in (model._meta.verbose_name, when, who) if part)
    url = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
        args=[quote(version.object_id)],
    )
    return Item(version.object_repr, url, note)


add_panel(Panel(_("Zuletzt geändert"), recent_changes, position=100, empty=_("Noch nichts.")))
