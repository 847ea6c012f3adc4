from django.contrib import admin

from networks.models import Event, Membership, Municipality, Network, NetworkItem, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "position"]
    list_filter = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkItemInline(admin.TabularInline):
    model = NetworkItem
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality", "network"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "founded", "ended"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "topics"]
    inlines = [NetworkItemInline, MembershipInline]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "ags", "district", "kind", "population"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "official_name", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["municipality", "network", "role", "joined", "left"]
    list_filter = ["network", "role"]
    search_fields = ["municipality__name", "network__name"]
    autocomplete_fields = ["municipality", "network"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "start", "kind", "status", "host_municipality"]
    list_filter = ["status", "kind", "networks"]
    search_fields = ["title", "summary", "description"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["networks", "host_municipality", "organisers", "contact", "topics"]
