from django.contrib import admin

from initiatives.models import Initiative, InitiativeAttachment
from media.admin import AttachmentInline
from portal.admin_base import PortalModelAdmin


class InitiativeAttachmentInline(AttachmentInline):
    model = InitiativeAttachment


@admin.register(Initiative)
class InitiativeAdmin(PortalModelAdmin):
    inlines = [InitiativeAttachmentInline]
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
