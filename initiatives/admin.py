from django.contrib import admin

from initiatives.models import Initiative


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "network", "round", "status"]
    list_filter = ["kind", "status", "network", "round"]
    search_fields = ["title", "summary", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["network", "municipalities", "organisations", "topics"]
