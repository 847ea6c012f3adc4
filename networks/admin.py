import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from networks.models import Event, Membership, Municipality, Network, NetworkItem, Topic
from portal import history, permissions
from portal.admin_base import PortalAdminForm, PortalInlineMixin, PortalModelAdmin
from portal.permissions import PUBLIC_STATUSES


@admin.register(Topic)
class TopicAdmin(PortalModelAdmin):
    list_display = ["name", "parent", "position"]
    list_filter = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkItemInline(PortalInlineMixin, admin.TabularInline):
    model = NetworkItem
    extra = 0


class MembershipInline(PortalInlineMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality", "network"]


@admin.register(Network)
class NetworkAdmin(PortalModelAdmin):
    list_display = ["name", "short_name", "kind", "founded", "ended"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "topics"]
    inlines = [NetworkItemInline, MembershipInline]


@admin.register(Municipality)
class MunicipalityAdmin(PortalModelAdmin):
    list_display = ["name", "ags", "district", "kind", "population"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "official_name", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(PortalModelAdmin):
    list_display = ["municipality", "network", "role", "joined", "left"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "role"]
    search_fields = ["municipality__name", "network__name"]
    autocomplete_fields = ["municipality", "network"]
    list_select_related = ["municipality", "network"]


class EventAdminForm(PortalAdminForm):
    """Only publishers set a public status; an event goes to review with a network, whose
    office then reviews it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and self.editor is not None:
            if not permissions.can_publish(self.editor):
                status.choices = [
                    (value, label)
                    for value, label in status.choices
                    if value not in PUBLIC_STATUSES
                ]
                status.error_messages["invalid_choice"] = _(
                    "Veröffentlichen und Absagen ist Sache der Geschäftsstelle. Reichen Sie "
                    "die Veranstaltung zur Prüfung ein."
                )

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        networks = cleaned_data.get("networks")
        if networks is None:
            networks = self.instance.networks.all() if self.instance.pk else []
        if (
            status in PUBLIC_STATUSES
            and self.editor is not None
            and not permissions.can_publish(self.editor, networks)
        ):
            self.add_error(
                "status",
                _(
                    "Veröffentlichen oder absagen darf nur die Geschäftsstelle eines der "
                    "Netzwerke dieser Veranstaltung."
                ),
            )
        if status == Event.Status.SUBMITTED and "networks" in self.fields and not networks:
            self.add_error(
                "networks",
                _(
                    "Zum Einreichen bitte mindestens ein Netzwerk wählen – dessen "
                    "Geschäftsstelle prüft die Veranstaltung."
                ),
            )
        return cleaned_data


class EventStateFilter(admin.SimpleListFilter):
    """Where an event stands between the editors' desk and the public; „zu prüfen“ is the
    network office's review queue."""

    title = _("Arbeitsstand")
    parameter_name = "arbeitsstand"

    def lookups(self, request, model_admin):
        return [
            ("pruefen", _("Zu prüfen (eingereicht)")),
            ("geplant", _("Veröffentlicht ab einem späteren Zeitpunkt")),
            ("oeffentlich", _("Öffentlich sichtbar")),
            ("intern", _("Nicht öffentlich")),
        ]

    def queryset(self, request, queryset):
        public = Event.objects.published().values("pk")
        match self.value():
            case "pruefen":
                return queryset.filter(status=Event.Status.SUBMITTED)
            case "geplant":
                return queryset.filter(status__in=PUBLIC_STATUSES).exclude(pk__in=public)
            case "oeffentlich":
                return queryset.filter(pk__in=public)
            case "intern":
                return queryset.exclude(pk__in=public)
        return queryset


@admin.register(Event)
class EventAdmin(PortalModelAdmin):
    form = EventAdminForm
    change_list_template = "admin/networks/event/change_list.html"
    list_display = ["title", "start", "status", "is_public", "publish_at", "host_municipality"]
    list_filter = [
        EventStateFilter,
        "status",
        "kind",
        ("networks", admin.RelatedOnlyFieldListFilter),
        ("host_municipality", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["host_municipality"]
    search_fields = ["title", "summary", "description", "venue"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["networks", "host_municipality", "organisers", "contact", "topics"]
    actions = ["publish_events", "cancel_events", "submit_events"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "start", "end", "all_day"]}),
        (
            _("Ort und Zugang"),
            {"fields": ["host_municipality", "venue", "address", "online_url", "registration_url"]},
        ),
        (
            _("Inhalt"),
            {"fields": ["summary", "description", "networks", "organisers", "contact", "topics"]},
        ),
        (_("Quellen"), {"fields": ["sources"], "classes": ["collapse"]}),
        (
            _("Veröffentlichung"),
            {
                "fields": ["status", "publish_at"],
                "description": _(
                    "Die Redaktion einer Kommune legt Entwürfe an und reicht sie zur Prüfung "
                    "ein. Die Geschäftsstelle des Netzwerks veröffentlicht – sofort oder ab "
                    "einem Zeitpunkt, zu dem die Veranstaltung dann von selbst erscheint. "
                    "Abgesagte Veranstaltungen bleiben sichtbar, als „abgesagt“ markiert."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        public = Event.objects.published().filter(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(is_public=Exists(public))

    @admin.display(boolean=True, description=_("Öffentlich sichtbar"), ordering="is_public")
    def is_public(self, event):
        return event.is_public

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not permissions.can_publish(request.user):
            readonly.append("publish_at")
        return readonly

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        municipalities = permissions.Scope.of(request.user).municipalities
        if len(municipalities) == 1:
            initial.setdefault("host_municipality", next(iter(municipalities)))
        return initial

    def has_publish_permission(self, request, obj=None):
        if obj is None:
            return permissions.can_publish(request.user)
        return permissions.in_scope(request.user, obj) and permissions.can_publish_event(
            request.user, obj
        )

    def view_on_site(self, obj):
        if Event.objects.published().filter(pk=obj.pk).exists():
            try:
                return obj.get_absolute_url()
            except NoReverseMatch:
                pass
        return reverse("admin:networks_event_preview", args=[obj.pk])

    # Review queue and preview.

    def changelist_view(self, request, extra_context=None):
        if permissions.can_publish(request.user):
            queue = self.get_queryset(request).filter(status=Event.Status.SUBMITTED)
            extra_context = {**(extra_context or {}), "review_count": queue.count()}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        preview = path(
            "<path:object_id>/vorschau/",
            self.admin_site.admin_view(self.preview_view),
            name="networks_event_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request, object_id):
        def view(request, object_id):
            event = self.get_object(request, unquote(object_id))
            if event is None or not self.has_view_or_change_permission(request, event):
                raise PermissionDenied
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Vorschau: %(title)s") % {"title": event.title},
                "event": event,
                "is_public": Event.objects.published().filter(pk=event.pk).exists(),
                "has_change_permission": self.has_change_permission(request, event),
            }
            return TemplateResponse(request, "admin/networks/event/preview.html", context)

        return self._refusing(view, request, object_id)

    # Actions.

    def _set_status(self, request, events, status, comment):
        changed = []
        for event in events:
            if event.status == status:
                continue
            history.snapshot_before_first_change(event)
            event.status = status
            event.save(update_fields=["status"])
            self.log_change(request, event, comment)
            changed.append(event)
        reversion.set_comment(comment)
        return changed

    @admin.action(
        description=_("Ausgewählte Veranstaltungen veröffentlichen"), permissions=["publish"]
    )
    def publish_events(self, request, queryset):
        changed = self._set_status(
            request, queryset, Event.Status.PUBLISHED, "Über die Sammelaktion veröffentlicht."
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d Veranstaltung veröffentlicht.",
                "%(count)d Veranstaltungen veröffentlicht.",
                len(changed),
            )
            % {"count": len(changed)},
            messages.SUCCESS,
        )
        now = timezone.now()
        for event in changed:
            if event.publish_at and event.publish_at > now:
                self.message_user(
                    request,
                    _("„%(title)s“ erscheint erst ab %(when)s.")
                    % {
                        "title": event.title,
                        "when": formats.date_format(
                            timezone.localtime(event.publish_at), "DATETIME_FORMAT"
                        ),
                    },
                    messages.INFO,
                )

    @admin.action(description=_("Ausgewählte Veranstaltungen absagen"), permissions=["publish"])
    def cancel_events(self, request, queryset):
        changed = self._set_status(
            request, queryset, Event.Status.CANCELLED, "Über die Sammelaktion abgesagt."
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d Veranstaltung als abgesagt markiert; sie bleibt sichtbar.",
                "%(count)d Veranstaltungen als abgesagt markiert; sie bleiben sichtbar.",
                len(changed),
            )
            % {"count": len(changed)},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Ausgewählte Entwürfe zur Prüfung einreichen"), permissions=["change"]
    )
    def submit_events(self, request, queryset):
        drafts = [event for event in queryset if event.status == Event.Status.DRAFT]
        without_network = [event for event in drafts if not event.networks.exists()]
        if without_network:
            self.message_user(
                request,
                _(
                    "Ohne Netzwerk prüft keine Geschäftsstelle die Veranstaltung: %(titles)s. "
                    "Bitte ein Netzwerk eintragen. Es wurde nichts eingereicht."
                )
                % {"titles": ", ".join(f"„{event.title}“" for event in without_network)},
                messages.ERROR,
            )
            return
        changed = self._set_status(
            request, drafts, Event.Status.SUBMITTED, "Zur Prüfung eingereicht."
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d Veranstaltung zur Prüfung eingereicht.",
                "%(count)d Veranstaltungen zur Prüfung eingereicht.",
                len(changed),
            )
            % {"count": len(changed)},
            messages.SUCCESS,
        )
