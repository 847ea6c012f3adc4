"""The admin of records under the review workflow (portal.workflow): events and news. The
form offers a status only to those who may set it; the list has a review queue; actions
take the workflow's steps for several records at once; the author is recorded and the
notices go out after every saved change."""

from cms.toolbar.utils import get_object_preview_url
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portal import permissions
from portal.admin_base import PortalAdminForm, PortalModelAdmin
from portal.sanitize import SanitizingFormMixin


class ReviewAdminForm(PortalAdminForm):
    """Only publishers set a public status; a record goes to review with a network, whose
    office then reviews it (the admin's workflow says who may)."""

    workflow = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and self.editor is not None:
            if not self.workflow.can_publish(self.editor):
                status.choices = [
                    (value, label)
                    for value, label in status.choices
                    if value not in self.workflow.public_statuses
                ]
                status.error_messages["invalid_choice"] = self.workflow.only_offices

    def clean(self):
        cleaned_data = super().clean()
        networks = cleaned_data.get("networks")
        if networks is None:
            networks = self.instance.networks.all() if self.instance.pk else []
        if self.editor is not None:
            errors = self.workflow.status_errors(self.editor, cleaned_data.get("status"), networks)
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


class ReviewStateFilter(admin.SimpleListFilter):
    """Where a record stands between the editors' desk and the public; „zu prüfen“ is the
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


class ReviewModelAdmin(PortalModelAdmin):
    form = ReviewAdminForm
    workflow = None
    # The module that tells whom it concerns (status_changed, corrected).
    notices = None
    # The field with the time from which a published record is public.
    schedule_field = "publish_at"
    change_list_template = "admin/portal/review_change_list.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"workflow": self.workflow})

    def get_queryset(self, request):
        return super().get_queryset(request).with_visibility()

    @admin.display(boolean=True, description=_("Öffentlich sichtbar"), ordering="is_public")
    def is_public(self, record):
        return record.is_public

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and self.workflow.is_correction(request.user, obj):
            readonly.extend(["status", self.schedule_field, "networks"])
        elif not self.workflow.can_publish(request.user):
            readonly.append(self.schedule_field)
        return readonly

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the scope check; the mails go out once the save is committed.
        if "status" in form.changed_data:
            self.notices.status_changed(
                form.instance, form.initial.get("status"), user=request.user
            )
        if change:
            self.notices.corrected(form.instance, user=request.user)

    def response_change(self, request, obj):
        if self.workflow.is_correction(request.user, obj):
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
        field = self.initial_municipality_field
        if field and len(municipalities) == 1:
            value = next(iter(municipalities))
            initial.setdefault(field, [value] if field == "municipalities" else value)
        return initial

    # The field a city editor's municipality fills in a new record, if any.
    initial_municipality_field = None

    def view_on_site(self, obj):
        """The public page once it is public; before, the preview for the staff."""
        if obj.is_visible():
            return super().view_on_site(obj)
        return get_object_preview_url(obj)

    def has_publish_permission(self, request, obj=None):
        if obj is None:
            return self.workflow.can_publish(request.user)
        return permissions.in_scope(request.user, obj) and self.workflow.can_publish_record(
            request.user, obj
        )

    def changelist_view(self, request, extra_context=None):
        if self.workflow.can_publish(request.user):
            queue = self.get_queryset(request).submitted()
            extra_context = {**(extra_context or {}), "review_count": queue.count()}
        return super().changelist_view(request, extra_context)

    # Steps for several records at once; the subclasses' actions name them.

    def take(self, request, records, step, comment, done, reason=""):
        """Take `step` for each record, logged with `comment`; `done(count)` says how many."""
        changed = []
        for record in records:
            if step(record, user=request.user, comment=comment, reason=reason):
                self.log_change(request, record, f"{comment} {reason}".strip())
                changed.append(record)
        self.message_user(request, done(len(changed)) % {"count": len(changed)}, messages.SUCCESS)
        return changed

    def tell_when_due(self, request, records):
        """Published records that appear only later say from when."""
        now = timezone.now()
        for record in records:
            due = getattr(record, self.schedule_field)
            if due and due > now:
                when = formats.date_format(timezone.localtime(due), "DATETIME_FORMAT")
                self.message_user(
                    request,
                    _("„%(title)s“ erscheint erst ab %(when)s.")
                    % {"title": str(record), "when": when},
                    messages.INFO,
                )

    def drafts_without_network(self, request, queryset):
        """The drafts of `queryset`, or None (with an error message) if one has no network:
        no office would review it."""
        drafts = [record for record in queryset if record.status == self.workflow.draft]
        without_network = [record for record in drafts if not record.networks.exists()]
        if without_network:
            self.message_user(
                request,
                _(
                    "Ohne Netzwerk prüft keine Geschäftsstelle: %(titles)s. Bitte ein Netzwerk "
                    "eintragen. Es wurde nichts eingereicht."
                )
                % {"titles": ", ".join(f"„{record}“" for record in without_network)},
                messages.ERROR,
            )
            return None
        return drafts

    def ask_reason(self, request, queryset, action):
        """The reason for sending back, or a response with the form that asks for it."""
        form = SendBackForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            return form.cleaned_data["reason"], None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("An die Redaktion zurückgeben"),
            "records": queryset,
            "form": form,
            "action": action,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return None, TemplateResponse(request, "admin/portal/send_back.html", context)
