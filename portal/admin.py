from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from portal.models import Responsibility

admin.site.site_header = _("Verwaltung: Netzwerke der Städte und Gemeinden in Brandenburg")
admin.site.site_title = _("Verwaltung des Portals")
admin.site.index_title = _("Redaktion")


class ResponsibilityInline(admin.StackedInline):
    model = Responsibility
    can_delete = False
    autocomplete_fields = ["municipalities", "networks"]
    verbose_name_plural = _("Zuständigkeit")


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class PortalUserAdmin(VersionAdmin, UserAdmin):
    """People and their roles; the history of who had which rights is kept."""

    inlines = [ResponsibilityInline]
    list_display = ["username", "first_name", "last_name", "is_staff", "roles"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]

    @admin.display(description=_("Rollen"))
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")


@admin.register(Group)
class PortalGroupAdmin(VersionAdmin, GroupAdmin):
    pass
