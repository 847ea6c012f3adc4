from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notices import mail
from notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """The e-mails the portal sent or tried to send, read-only; those the mail server refused
    can be sent again. Who sees them is a matter of plain model permissions (granted to
    network offices and administrators by a data migration)."""

    list_display = ["created", "subject", "recipient_lines", "status", "attempts"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    date_hierarchy = "created"
    actions = ["resend_notices"]
    fields = ["created", "recipients", "subject", "body", "status", "attempts", "sent_at", "error"]
    readonly_fields = fields

    @admin.display(description=_("Empfänger"))
    def recipient_lines(self, notice):
        return ", ".join(notice.recipient_list)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request):
        return request.user.has_perm("notices.change_notice")

    @admin.action(description=_("Erneut senden"), permissions=["resend"])
    def resend_notices(self, request, queryset):
        sent = failed = 0
        for notice in queryset:
            if mail.resend(notice):
                sent += 1
            else:
                failed += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "%(count)d Benachrichtigung gesendet.",
                    "%(count)d Benachrichtigungen gesendet.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d Benachrichtigung konnte wieder nicht gesendet werden; der Fehler "
                    "steht bei der Benachrichtigung.",
                    "%(count)d Benachrichtigungen konnten wieder nicht gesendet werden; der "
                    "Fehler steht bei jeder Benachrichtigung.",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            )
