"""The review workflow of events (portal.workflow): city editors write drafts and submit them;
the network office of one of the event's networks publishes them (at once or from
`publish_at` on), cancels them or sends them back. Published and cancelled events are public
once due (Event.objects.public()); cancelled ones are shown as „abgesagt“."""

from django.utils.translation import gettext_lazy as _

from events import notices
from events.models import Event
from portal.workflow import ReviewWorkflow

Status = Event.Status
PUBLIC_STATUSES = Event.PUBLIC_STATUSES

workflow = ReviewWorkflow(
    publish_permission="events.publish_event",
    public_statuses=PUBLIC_STATUSES,
    draft=Status.DRAFT,
    submitted=Status.SUBMITTED,
    not_yours_to_publish=_(
        "Veröffentlichen oder absagen darf nur die Geschäftsstelle eines der Netzwerke dieser "
        "Veranstaltung."
    ),
    only_offices=_(
        "Veröffentlichen und Absagen ist Sache der Geschäftsstelle. Reichen Sie die "
        "Veranstaltung zur Prüfung ein."
    ),
    on_step=notices.step_taken,
)

can_publish = workflow.can_publish
can_publish_event = workflow.can_publish_record
is_correction = workflow.is_correction
status_errors = workflow.status_errors
ONLY_OFFICES = workflow.only_offices

submit = workflow.step("submit", Status.SUBMITTED, [Status.DRAFT], "Zur Prüfung eingereicht.")
publish = workflow.step(
    "publish",
    Status.PUBLISHED,
    [Status.DRAFT, Status.SUBMITTED, Status.CANCELLED],
    "Veröffentlicht.",
)
cancel = workflow.step(
    "cancel", Status.CANCELLED, [Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED], "Abgesagt."
)
send_back = workflow.step(
    "send_back", Status.DRAFT, [Status.SUBMITTED], "Zur Überarbeitung an die Redaktion zurück."
)
