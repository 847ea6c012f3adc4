from cms.toolbar.utils import get_object_edit_url
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import notices, workflow
from events.models import Event, EventAttachment
from media.admin import AttachmentInline
from portal.admin_review import ReviewModelAdmin, ReviewStateFilter


class EventAttachmentInline(AttachmentInline):
    model = EventAttachment


@admin.register(Event)
class EventAdmin(ReviewModelAdmin):
    workflow = workflow.workflow
    notices = notices
    initial_municipality_field = "host_municipality"
    inlines = [EventAttachmentInline]
    list_display = ["title", "start", "status", "is_public", "publish_at", "host_municipality"]
    list_filter = [
        ReviewStateFilter,
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
    actions = ["publish_events", "cancel_events", "submit_events", "send_back_events"]
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
        (_("Quellen"), {"fields": ["sources", "editorial_note"], "classes": ["collapse"]}),
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

    def view_on_site(self, obj):
        if obj.is_visible():
            try:
                return obj.get_absolute_url()
            except NoReverseMatch:
                pass
        return reverse("admin:events_event_preview", args=[obj.pk])

    # Preview.

    def get_urls(self):
        preview = path(
            "<path:object_id>/vorschau/",
            self.admin_site.admin_view(self.preview_view),
            name="events_event_preview",
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
                "is_public": event.is_visible(),
                "has_change_permission": self.has_change_permission(request, event),
                "content_edit_url": get_object_edit_url(event),
            }
            return TemplateResponse(request, "admin/events/event/preview.html", context)

        return self._refusing(view, request, object_id)

    # Actions: steps of events.workflow for several events at once.

    @admin.action(
        description=_("Ausgewählte Veranstaltungen veröffentlichen"), permissions=["publish"]
    )
    def publish_events(self, request, queryset):
        changed = self.take(
            request,
            queryset,
            workflow.publish,
            "Über die Sammelaktion veröffentlicht.",
            lambda count: ngettext(
                "%(count)d Veranstaltung veröffentlicht.",
                "%(count)d Veranstaltungen veröffentlicht.",
                count,
            ),
        )
        self.tell_when_due(request, changed)

    @admin.action(description=_("Ausgewählte Veranstaltungen absagen"), permissions=["publish"])
    def cancel_events(self, request, queryset):
        self.take(
            request,
            queryset,
            workflow.cancel,
            "Über die Sammelaktion abgesagt.",
            lambda count: ngettext(
                "%(count)d Veranstaltung als abgesagt markiert; sie bleibt sichtbar.",
                "%(count)d Veranstaltungen als abgesagt markiert; sie bleiben sichtbar.",
                count,
            ),
        )

    @admin.action(
        description=_("Ausgewählte Entwürfe zur Prüfung einreichen"), permissions=["change"]
    )
    def submit_events(self, request, queryset):
        drafts = self.drafts_without_network(request, queryset)
        if drafts is not None:
            self.take(
                request,
                drafts,
                workflow.submit,
                "Zur Prüfung eingereicht.",
                lambda count: ngettext(
                    "%(count)d Veranstaltung zur Prüfung eingereicht.",
                    "%(count)d Veranstaltungen zur Prüfung eingereicht.",
                    count,
                ),
            )

    @admin.action(
        description=_("Ausgewählte eingereichte Veranstaltungen an die Redaktion zurückgeben"),
        permissions=["publish"],
    )
    def send_back_events(self, request, queryset):
        """Asks for the reason first: the editors read it in their notice."""
        reason, form_page = self.ask_reason(request, queryset, "send_back_events")
        if form_page is not None:
            return form_page
        self.take(
            request,
            queryset,
            workflow.send_back,
            "Zur Überarbeitung an die Redaktion zurückgegeben.",
            lambda count: ngettext(
                "%(count)d Veranstaltung an die Redaktion zurückgegeben.",
                "%(count)d Veranstaltungen an die Redaktion zurückgegeben.",
                count,
            ),
            reason=reason,
        )
        return None
