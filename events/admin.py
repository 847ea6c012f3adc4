from cms.toolbar.utils import get_object_edit_url
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import notices, workflow
from events.models import Event, EventAttachment
from media.admin import AttachmentInline
from portal import permissions
from portal.admin_base import PortalAdminForm, PortalModelAdmin
from portal.sanitize import SanitizingFormMixin


class EventAdminForm(PortalAdminForm):
    """Only publishers set a public status; an event goes to review with a network, whose
    office then reviews it (events.workflow says who may)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and self.editor is not None:
            if not workflow.can_publish(self.editor):
                status.choices = [
                    (value, label)
                    for value, label in status.choices
                    if value not in workflow.PUBLIC_STATUSES
                ]
                status.error_messages["invalid_choice"] = workflow.ONLY_OFFICES

    def clean(self):
        cleaned_data = super().clean()
        networks = cleaned_data.get("networks")
        if networks is None:
            networks = self.instance.networks.all() if self.instance.pk else []
        if self.editor is not None:
            errors = workflow.status_errors(self.editor, cleaned_data.get("status"), networks)
            for field, message in errors.items():
                if field in self.fields:
                    self.add_error(field, message)
        return cleaned_data


class SendBackForm(SanitizingFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begründung"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Was die Redaktion überarbeiten soll; sie erhält den Text per E-Mail."),
        error_messages={"required": _("Bitte eine Begründung angeben.")},
    )


class EventAttachmentInline(AttachmentInline):
    model = EventAttachment


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
        match self.value():
            case "pruefen":
                return queryset.submitted()
            case "geplant":
                return queryset.scheduled()
            case "oeffentlich":
                return queryset.public()
            case "intern":
                return queryset.not_public()
        return queryset


@admin.register(Event)
class EventAdmin(PortalModelAdmin):
    form = EventAdminForm
    inlines = [EventAttachmentInline]
    change_list_template = "admin/events/event/change_list.html"
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

    def get_queryset(self, request):
        return super().get_queryset(request).with_visibility()

    @admin.display(boolean=True, description=_("Öffentlich sichtbar"), ordering="is_public")
    def is_public(self, event):
        return event.is_public

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and workflow.is_correction(request.user, obj):
            readonly.extend(["status", "publish_at", "networks"])
        elif not workflow.can_publish(request.user):
            readonly.append("publish_at")
        return readonly

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the scope check; the mails go out once the save is committed.
        if "status" in form.changed_data:
            notices.status_changed(form.instance, form.initial.get("status"), user=request.user)
        if change:
            notices.corrected(form.instance, user=request.user)

    def response_change(self, request, obj):
        if workflow.is_correction(request.user, obj):
            self.message_user(
                request,
                _(
                    "Ihre Korrektur ist gespeichert und sofort öffentlich sichtbar; die "
                    "Geschäftsstelle des Netzwerks wird benachrichtigt."
                ),
                messages.INFO,
            )
        return super().response_change(request, obj)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        municipalities = permissions.Scope.of(request.user).municipalities
        if len(municipalities) == 1:
            initial.setdefault("host_municipality", next(iter(municipalities)))
        return initial

    def has_publish_permission(self, request, obj=None):
        if obj is None:
            return workflow.can_publish(request.user)
        return permissions.in_scope(request.user, obj) and workflow.can_publish_event(
            request.user, obj
        )

    def view_on_site(self, obj):
        if obj.is_visible():
            try:
                return obj.get_absolute_url()
            except NoReverseMatch:
                pass
        return reverse("admin:events_event_preview", args=[obj.pk])

    # Review queue and preview.

    def changelist_view(self, request, extra_context=None):
        if workflow.can_publish(request.user):
            queue = self.get_queryset(request).submitted()
            extra_context = {**(extra_context or {}), "review_count": queue.count()}
        return super().changelist_view(request, extra_context)

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

    def _take(self, request, events, step, comment, done, reason=""):
        """Take `step` for each event, logged with `comment`; `done(count)` says how many."""
        changed = []
        for event in events:
            if step(event, user=request.user, comment=comment, reason=reason):
                self.log_change(request, event, f"{comment} {reason}".strip())
                changed.append(event)
        self.message_user(request, done(len(changed)) % {"count": len(changed)}, messages.SUCCESS)
        return changed

    @admin.action(
        description=_("Ausgewählte Veranstaltungen veröffentlichen"), permissions=["publish"]
    )
    def publish_events(self, request, queryset):
        changed = self._take(
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
        now = timezone.now()
        for event in changed:
            if event.publish_at and event.publish_at > now:
                when = formats.date_format(timezone.localtime(event.publish_at), "DATETIME_FORMAT")
                self.message_user(
                    request,
                    _("„%(title)s“ erscheint erst ab %(when)s.")
                    % {"title": event.title, "when": when},
                    messages.INFO,
                )

    @admin.action(description=_("Ausgewählte Veranstaltungen absagen"), permissions=["publish"])
    def cancel_events(self, request, queryset):
        self._take(
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
        self._take(
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
        form = SendBackForm(request.POST if "reason" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("An die Redaktion zurückgeben"),
                "events": queryset,
                "form": form,
                "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/events/event/send_back.html", context)
        self._take(
            request,
            queryset,
            workflow.send_back,
            "Zur Überarbeitung an die Redaktion zurückgegeben.",
            lambda count: ngettext(
                "%(count)d Veranstaltung an die Redaktion zurückgegeben.",
                "%(count)d Veranstaltungen an die Redaktion zurückgegeben.",
                count,
            ),
            reason=form.cleaned_data["reason"],
        )
        return None
