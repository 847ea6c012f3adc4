from django.contrib import admin

from contacts.models import Contact, Organisation, Partnership
from portal.admin_base import PortalInlineMixin, PortalModelAdmin


class PartnershipInline(PortalInlineMixin, admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["network", "organisation"]


@admin.register(Organisation)
class OrganisationAdmin(PortalModelAdmin):
    list_display = ["name", "short_name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [PartnershipInline]


@admin.register(Partnership)
class PartnershipAdmin(PortalModelAdmin):
    list_display = ["organisation", "network", "role"]
    list_filter = ["role", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["organisation__name", "network__name"]
    autocomplete_fields = ["network", "organisation"]
    list_select_related = ["organisation", "network"]


@admin.register(Contact)
class ContactAdmin(PortalModelAdmin):
    list_display = ["__str__", "function", "organisation", "is_public"]
    list_filter = [
        "is_public",
        ("networks", admin.RelatedOnlyFieldListFilter),
        ("municipalities", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["name", "function", "role", "email"]
    autocomplete_fields = ["organisation", "networks", "municipalities"]
    list_select_related = ["organisation"]
