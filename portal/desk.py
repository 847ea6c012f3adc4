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
from django.utils.http import urlencode
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
    # Whether the panel is left out while it has nothing to show.
    hide_empty: bool = False


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
        if not items and panel.hide_empty:
            continue
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


# Records under the review workflow (portal.workflow)


@dataclass(frozen=True)
class ReviewPanels:
    """The panels of a model under the review workflow: the person's drafts, the review queue
    (for a network office what waits for its review, for a city editor what waits for the
    office), and what is published for later; each links to its filtered admin list. An app
    describes its model once and calls register() when it is ready."""

    model: type
    # The order of the drafts and of the review queue, e.g. ("start", "title").
    order: tuple
    # The field with the time from which a published record is public.
    schedule_field: str
    # (record) -> the note of a draft or a submitted record: its date.
    when: Callable
    titles: tuple = (_("Meine Entwürfe"), _("Eingereicht – wartet auf Sie"), _("Geplant"))
    # The drafts' position; the queue and the scheduled records follow 10 and 20 further on.
    position: int = 10
    # Whether the panels are left out while they have nothing to show.
    hide_empty: bool = False

    def register(self):
        drafts, waiting, scheduled = self.titles
        panels = [
            (drafts, self.my_drafts, self.when, self.all_my_drafts),
            (waiting, self.awaiting_review, self.when, self.review_queue),
            (scheduled, self.scheduled, self.appears, self.all_scheduled),
        ]
        for number, (title, items, note, more) in enumerate(panels):
            add_panel(
                Panel(
                    title,
                    items,
                    note=note,
                    more=more,
                    position=self.position + 10 * number,
                    hide_empty=self.hide_empty,
                )
            )

    def _records(self, user, queryset):
        if not permissions.has_model_perm(user, "view", self.model):
            return None
        return permissions.editable(queryset, user)

    def my_drafts(self, user):
        """The drafts the person wrote, as far as they are still in their scope."""
        drafts = self.model.objects.filter(status=self.model.Status.DRAFT, created_by=user)
        records = self._records(user, drafts)
        return None if records is None else records.order_by(*self.order)

    def awaiting_review(self, user):
        records = self._records(user, self.model.objects.submitted())
        return None if records is None else records.order_by(*self.order)

    def scheduled(self, user):
        records = self._records(user, self.model.objects.scheduled())
        return None if records is None else records.order_by(self.schedule_field, *self.order)

    def appears(self, record):
        due = timezone.localtime(getattr(record, self.schedule_field))
        when = _("erscheint ab %(when)s") % {
            "when": formats.date_format(due, "SHORT_DATETIME_FORMAT")
        }
        if record.status == self.model.Status.PUBLISHED:
            return when
        # Public under another status, e.g. „abgesagt“.
        return f"{when} · {record.get_status_display()}"

    def _changelist(self, **filters):
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return f"{url}?{urlencode(filters)}"

    def all_my_drafts(self, user):
        return self._changelist(
            status__exact=self.model.Status.DRAFT, created_by__id__exact=user.pk
        )

    def review_queue(self, user):
        return self._changelist(arbeitsstand="pruefen")

    def all_scheduled(self, user):
        return self._changelist(arbeitsstand="geplant")


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
