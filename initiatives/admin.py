from django.contrib import admin

from initiatives.models import Initiative
from portal.admin_base import PortalModelAdmin


@admin.register(Initiative)
class InitiativeAdmin(PortalModelAdmin):
    list_display = ["title", "kind", "network", "round", "status"]
    list_filter = [
        "kind",
        "status",
        ("network", admin.RelatedOnlyFieldListFilter),
        ("municipalities", admin.RelatedOnlyFieldListFilter),
        "round",
    ]
    search_fields = ["title", "summary", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["network", "municipalities", "organisations", "topics"]
    list_select_related = ["network"]
