"""The base of every admin class of the portal: scoped to what the person answers for, every
change in the history, every free-text field sanitised, every refusal explained in German."""

from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.admin import VersionAdmin
from reversion.models import Version

from portal import history, permissions
from portal.permissions import Rule, Scope
from portal.sanitize import SanitizingFormMixin

_NO_REVERT = gettext_lazy(
    "Diese frühere Fassung dürfen Sie nicht wiederherstellen: sie betrifft Einträge außerhalb "
    "Ihrer Zuständigkeit oder eine Entscheidung, die der Geschäftsstelle vorbehalten ist. "
    "Es wurde nichts geändert."
)


class OutOfScope(PermissionDenied):
    """A record exists but lies outside the person's municipalities or networks."""


def _not_yours(model):
    return (permissions.rule_for(model) or Rule()).not_yours


class ScopedFormMixin:
    """Offers in every choice field only what the editor may pick.

    What a record is linked to beyond that stays linked: an initiative of Cottbus and Potsdam
    keeps Potsdam when the Cottbus editor saves it. The field that ties the record to the
    editor's scope must be filled, or the record would be out of the editor's reach after
    saving.
    """

    editor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kept = {}
        if self.editor is None:
            return
        scope = Scope.of(self.editor)
        if scope.unrestricted:
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                self._restrict_many(name, field)
            elif isinstance(field, forms.ModelChoiceField):
                self._restrict_one(name, field)
        rule = permissions.rule_for(self._meta.model)
        anchor = rule.anchor(scope) if rule else None
        field = self.fields.get(anchor)
        if isinstance(field, forms.ModelChoiceField) and not field.disabled:
            field.required = True
            field.error_messages["required"] = _(
                "Bitte wählen Sie mindestens einen Eintrag aus Ihrem Bereich – sonst könnten "
                "Sie diesen Datensatz nach dem Speichern nicht mehr bearbeiten."
            )

    def _restrict_one(self, name, field):
        allowed = permissions.visible(field.queryset, self.editor)
        current = self.initial.get(name)
        current = getattr(current, "pk", current)
        if current is not None:
            # The present value may stay, even if the editor could not choose it.
            allowed = field.queryset.filter(Q(pk__in=allowed.values("pk")) | Q(pk=current))
        field.queryset = allowed
        field.error_messages["invalid_choice"] = _not_yours(field.queryset.model)

    def _restrict_many(self, name, field):
        allowed = permissions.visible(field.queryset, self.editor)
        current = [getattr(value, "pk", value) for value in self.initial.get(name) or ()]
        kept = list(field.queryset.filter(pk__in=current).exclude(pk__in=allowed.values("pk")))
        field.queryset = allowed
        # Compared with what the editor sees, so that keeping the rest is no change.
        self.initial[name] = [pk for pk in current if pk not in {obj.pk for obj in kept}]
        field.error_messages["invalid_choice"] = _not_yours(field.queryset.model)
        if kept:
            self._kept[name] = kept
            field.help_text = format_lazy(
                "{} {}",
                field.help_text,
                _("Außerdem verknüpft (ändern können das nur die dafür Zuständigen): %(names)s.")
                % {"names": ", ".join(str(obj) for obj in kept)},
            )

    def clean(self):
        cleaned_data = super().clean()
        for name, kept in self._kept.items():
            if name in cleaned_data and cleaned_data[name] is not None:
                chosen = list(cleaned_data[name])
                cleaned_data[name] = chosen + [obj for obj in kept if obj not in chosen]
        return cleaned_data


class PortalAdminForm(ScopedFormMixin, SanitizingFormMixin, forms.ModelForm):
    pass


def _for_editor(form_class, user):
    return type(form_class.__name__, (form_class,), {"editor": user})


class PortalModelAdmin(VersionAdmin):
    """Lists, shows and changes only the records within the person's scope; keeps the history
    of every change and of every deletion; refuses everything else with a German message and
    status 403, changing nothing."""

    form = PortalAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    history_latest_first = True

    # Scope.

    def get_queryset(self, request):
        return permissions.visible(super().get_queryset(request), request.user)

    def view_on_site(self, obj):
        """The record's page on this portal, as a path: Django's own redirect would name the
        Sites framework's domain, and reveal the address of any record by its number."""
        try:
            return obj.get_absolute_url()
        except (AttributeError, NoReverseMatch):
            return None

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self._exists(object_id, from_field):
            raise OutOfScope(permissions.refusal(request.user, self.model))
        return obj

    def _exists(self, object_id, from_field):
        field = self.model._meta.get_field(from_field) if from_field else self.model._meta.pk
        try:
            value = field.to_python(object_id)
        except ValidationError:
            return False
        return self.model._default_manager.filter(**{field.name: value}).exists()

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return permissions.can_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request)
        return permissions.can_delete(request.user, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _for_editor(super().get_form(request, obj, change, **kwargs), request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inside the admin's transaction: refusing here rolls the whole save back. A record
        # the person could not see any more has been moved out of their reach.
        saved = type(form.instance)._default_manager.filter(pk=form.instance.pk)
        if not permissions.visible(saved, request.user).exists():
            raise OutOfScope(permissions.refusal(request.user, self.model))

    # History.

    def save_formset(self, request, form, formset, change):
        doomed = [f.instance for f in formset.deleted_forms if f.instance.pk]
        history.snapshot_before_delete(doomed, user=request.user)
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        history.snapshot_before_delete([obj], user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        history.snapshot_before_delete(list(queryset), user=request.user)
        super().delete_queryset(request, queryset)

    def recoverlist_view(self, request, extra_context=None):
        if not Scope.of(request.user).unrestricted:
            # Others recover what they deleted themselves; administrators everything.
            deleted = Version.objects.get_deleted(self.model).filter(revision__user=request.user)
            extra_context = {
                **(extra_context or {}),
                "deleted": self._reversion_order_version_queryset(
                    request, deleted.select_related("revision")
                ),
            }
        return self._refusing(super().recoverlist_view, request, extra_context=extra_context)

    # Views: a refusal is a page with status 403 that says why.

    def refuse(self, request, message=None):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Nicht erlaubt"),
            "message": message
            or _("Dafür fehlt Ihnen die Berechtigung. Es wurde nichts geändert."),
            "opts": self.opts,
        }
        return TemplateResponse(request, "admin/portal/refused.html", context, status=403)

    def _refusing(self, view, request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return self.refuse(request, str(denied) or None)

    def add_view(self, request, form_url="", extra_context=None):
        return self._refusing(super().add_view, request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._keep_first_state(request, object_id)
        return self._refusing(super().change_view, request, object_id, form_url, extra_context)

    def _keep_first_state(self, request, object_id):
        try:
            obj = self.get_object(request, unquote(object_id))
        except PermissionDenied:
            return
        if obj is not None and self.has_change_permission(request, obj):
            history.snapshot_before_first_change(obj)

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusing(super().delete_view, request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        return self._refusing(super().history_view, request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        def view(request, object_id, version_id, extra_context):
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied(_NO_REVERT)
            self._reverting(request, version_id)
            return super(PortalModelAdmin, self).revision_view(
                request, object_id, version_id, extra_context
            )

        return self._refusing(view, request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        def view(request, version_id, extra_context):
            self._reverting(request, version_id)
            return super(PortalModelAdmin, self).recover_view(request, version_id, extra_context)

        return self._refusing(view, request, version_id, extra_context)

    def _reverting(self, request, version_id):
        # django-reversion looks a version up by its number and object id only; it must be
        # a version of this admin's model.
        version = Version.objects.get_for_model(self.model).filter(pk=version_id).first()
        if version is None:
            raise PermissionDenied(_NO_REVERT)
        request._portal_revision = version.revision
        # The records as they are before the revert: some decisions depend on the change.
        request._portal_before = {
            (version._model, version.object_id): version._model._default_manager.filter(
                pk=version.object_id
            ).first()
            for version in version.revision.version_set.all()
        }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        revision = getattr(request, "_portal_revision", None)
        if revision is not None and not Scope.of(request.user).unrestricted:
            # django-reversion has just reverted the whole revision, inside its transaction:
            # every record it touched must be one the person may change, or all is undone.
            for version in revision.version_set.all():
                obj = version._model._default_manager.filter(pk=version.object_id).first()
                # A record's page content (placeholder, plugins) is the record's to change.
                if obj is None or not permissions.can_change(request.user, history.owner(obj)):
                    raise PermissionDenied(_NO_REVERT)
                before = request._portal_before.get((version._model, version.object_id))
                if not permissions.may_revert(request.user, before, obj):
                    raise PermissionDenied(_NO_REVERT)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        return self._refusing(super().changelist_view, request, extra_context)

    # Actions: refused as a whole unless every selected record may take them.

    def response_action(self, request, queryset):
        name = self._posted_action(request)
        actions = self.get_actions(request)
        if name and name not in actions:
            return self.refuse(request, _("Diese Aktion steht Ihnen nicht zur Verfügung."))
        if not name:
            return super().response_action(request, queryset)
        func = actions[name][0]
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if selected and request.POST.get("select_across") != "1":
            try:
                objects = list(self.get_queryset(request).filter(pk__in=selected))
            except (ValueError, ValidationError):
                objects = []
            if len(objects) != len(set(selected)):
                return self.refuse(request, permissions.refusal(request.user, self.model))
        else:
            objects = list(queryset)
        for perm in getattr(func, "allowed_permissions", ()):
            check = getattr(self, f"has_{perm}_permission")
            refused = [obj for obj in objects if not check(request, obj)]
            if refused:
                return self.refuse(
                    request,
                    _("Für %(names)s ist diese Aktion nicht erlaubt. Es wurde nichts geändert.")
                    % {"names": ", ".join(f"„{obj}“" for obj in refused)},
                )
        return super().response_action(request, queryset)

    def _posted_action(self, request):
        try:
            index = int(request.POST.get("index", 0))
        except ValueError:
            index = 0
        names = request.POST.getlist("action")
        return names[index] if index < len(names) else None


class PortalInlineMixin:
    """Inline rows within the person's scope, editable only where the record they belong to
    is; the same form rules as the main form."""

    form = PortalAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return permissions.visible(super().get_queryset(request), request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _for_editor(formset.form, request.user)
        return formset

    def _parent_changeable(self, request, obj):
        return obj is None or permissions.can_change(request.user, obj)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._parent_changeable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._parent_changeable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._parent_changeable(request, obj)
