from django.contrib import admin

from contacts.models import Contact, Organisation, Partnership


class PartnershipInline(admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ["network", "organisation"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [PartnershipInline]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "network", "role"]
    list_filter = ["role", "network"]
    search_fields = ["organisation__name", "network__name"]
    autocomplete_fields = ["network", "organisation"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["__str__", "function", "organisation", "is_public"]
    list_filter = ["is_public", "networks"]
    search_fields = ["name", "function", "role", "email"]
    autocomplete_fields = ["organisation", "networks", "municipalities"]
