"""The review workflow of news items (portal.workflow): city editors write drafts about their
city and submit them; the network office of one of the item's networks publishes them (at
once or from their date on), sends them back, or withdraws published ones."""

from django.utils.translation import gettext_lazy as _

from news import notices
from news.models import NewsItem
from portal.workflow import ReviewWorkflow

Status = NewsItem.Status
PUBLIC_STATUSES = NewsItem.PUBLIC_STATUSES

workflow = ReviewWorkflow(
    publish_permission="news.publish_newsitem",
    public_statuses=PUBLIC_STATUSES,
    draft=Status.DRAFT,
    submitted=Status.SUBMITTED,
    not_yours_to_publish=_(
        "Veröffentlichen darf nur die Geschäftsstelle eines der Netzwerke dieser Meldung."
    ),
    only_offices=_(
        "Veröffentlichen ist Sache der Geschäftsstelle. Reichen Sie die Meldung zur Prüfung ein."
    ),
    on_step=notices.step_taken,
)

can_publish = workflow.can_publish
can_publish_item = workflow.can_publish_record

submit = workflow.step("submit", Status.SUBMITTED, [Status.DRAFT], "Zur Prüfung eingereicht.")
publish = workflow.step(
    "publish",
    Status.PUBLISHED,
    [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN],
    "Veröffentlicht.",
)
withdraw = workflow.step("withdraw", Status.WITHDRAWN, [Status.PUBLISHED], "Zurückgezogen.")
send_back = workflow.step(
    "send_back", Status.DRAFT, [Status.SUBMITTED], "Zur Überarbeitung an die Redaktion zurück."
)
