from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from media.admin import AttachmentInline
from news import notices, workflow
from news.models import NewsAttachment, NewsItem
from portal.admin_review import ReviewModelAdmin, ReviewStateFilter


class NewsAttachmentInline(AttachmentInline):
    model = NewsAttachment


@admin.register(NewsItem)
class NewsItemAdmin(ReviewModelAdmin):
    workflow = workflow.workflow
    notices = notices
    schedule_field = "published"
    initial_municipality_field = "municipalities"
    inlines = [NewsAttachmentInline]
    list_display = ["title", "published", "status", "is_public"]
    list_filter = [
        ReviewStateFilter,
        "status",
        ("networks", admin.RelatedOnlyFieldListFilter),
        ("municipalities", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "teaser", "text"]
    date_hierarchy = "published"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["networks", "municipalities", "topics"]
    actions = ["publish_items", "withdraw_items", "submit_items", "send_back_items"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "text", "image"]}),
        (_("Worum es geht"), {"fields": ["networks", "municipalities", "topics"]}),
        (_("Quellen"), {"fields": ["sources", "editorial_note"]}),
        (
            _("Veröffentlichung"),
            {
                "fields": ["status", "published"],
                "description": _(
                    "Die Redaktion einer Kommune schreibt Meldungen über ihre Stadt und reicht "
                    "sie zur Prüfung ein. Die Geschäftsstelle des Netzwerks veröffentlicht – "
                    "sofort oder zum angegebenen Datum – oder zieht eine Meldung zurück."
                ),
            },
        ),
    ]

    @admin.action(description=_("Ausgewählte Meldungen veröffentlichen"), permissions=["publish"])
    def publish_items(self, request, queryset):
        changed = self.take(
            request,
            queryset,
            workflow.publish,
            "Über die Sammelaktion veröffentlicht.",
            lambda count: ngettext(
                "%(count)d Meldung veröffentlicht.", "%(count)d Meldungen veröffentlicht.", count
            ),
        )
        self.tell_when_due(request, changed)

    @admin.action(description=_("Ausgewählte Meldungen zurückziehen"), permissions=["publish"])
    def withdraw_items(self, request, queryset):
        self.take(
            request,
            queryset,
            workflow.withdraw,
            "Über die Sammelaktion zurückgezogen.",
            lambda count: ngettext(
                "%(count)d Meldung zurückgezogen; sie ist nicht mehr öffentlich.",
                "%(count)d Meldungen zurückgezogen; sie sind nicht mehr öffentlich.",
                count,
            ),
        )

    @admin.action(
        description=_("Ausgewählte Entwürfe zur Prüfung einreichen"), permissions=["change"]
    )
    def submit_items(self, request, queryset):
        drafts = self.drafts_without_network(request, queryset)
        if drafts is not None:
            self.take(
                request,
                drafts,
                workflow.submit,
                "Zur Prüfung eingereicht.",
                lambda count: ngettext(
                    "%(count)d Meldung zur Prüfung eingereicht.",
                    "%(count)d Meldungen zur Prüfung eingereicht.",
                    count,
                ),
            )

    @admin.action(
        description=_("Ausgewählte eingereichte Meldungen an die Redaktion zurückgeben"),
        permissions=["publish"],
    )
    def send_back_items(self, request, queryset):
        reason, form_page = self.ask_reason(request, queryset, "send_back_items")
        if form_page is not None:
            return form_page
        self.take(
            request,
            queryset,
            workflow.send_back,
            "Zur Überarbeitung an die Redaktion zurückgegeben.",
            lambda count: ngettext(
                "%(count)d Meldung an die Redaktion zurückgegeben.",
                "%(count)d Meldungen an die Redaktion zurückgegeben.",
                count,
            ),
            reason=reason,
        )
        return None
