from django.contrib import admin

from networks.models import Membership, Municipality, Network, NetworkItem, Topic
from portal.admin_base import PortalInlineMixin, PortalModelAdmin


@admin.register(Topic)
class TopicAdmin(PortalModelAdmin):
    list_display = ["name", "parent", "position"]
    list_filter = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkItemInline(PortalInlineMixin, admin.TabularInline):
    model = NetworkItem
    extra = 0


class MembershipInline(PortalInlineMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality", "network"]


@admin.register(Network)
class NetworkAdmin(PortalModelAdmin):
    list_display = ["name", "short_name", "kind", "founded", "ended"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent", "topics"]
    inlines = [NetworkItemInline, MembershipInline]


@admin.register(Municipality)
class MunicipalityAdmin(PortalModelAdmin):
    list_display = ["name", "ags", "district", "kind", "population"]
    list_filter = ["kind", "district"]
    search_fields = ["name", "official_name", "ags"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(PortalModelAdmin):
    list_display = ["municipality", "network", "role", "joined", "left"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "role"]
    search_fields = ["municipality__name", "network__name"]
    autocomplete_fields = ["municipality", "network"]
    list_select_related = ["municipality", "network"]
