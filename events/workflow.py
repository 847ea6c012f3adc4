"""The review workflow of events, in one place: who may do what, and each step.

City editors write drafts and submit them („Zur Prüfung eingereicht“); the network office of
one of the event's networks reviews them: it publishes (at once or from `publish_at` on),
cancels, or sends them back to the editors. Published and cancelled events are public once
due (Event.objects.public()); changing or deleting them is the office's decision too.
Administrators may do everything. The admin's form and actions call this module.
"""

import reversion
from django.utils.translation import gettext_lazy as _

from events import notices
from events.models import Event
from portal import history
from portal.permissions import Scope, can_change

PUBLISH = "events.publish_event"
PUBLIC_STATUSES = Event.PUBLIC_STATUSES


def can_publish(user, networks=None):
    """Whether the user may publish or cancel an event of these networks (primary keys or
    objects); without networks, whether the user may publish at all."""
    if not user.has_perm(PUBLISH):
        return False
    scope = Scope.of(user)
    if scope.unrestricted or networks is None:
        return True
    return bool(scope.networks & {getattr(network, "pk", network) for network in networks})


def can_publish_event(user, event):
    return can_publish(user, event.networks.values_list("pk", flat=True))


def may_change(user, event):
    """Beyond the scope rule: everyone in scope may correct an event, a public one too; its
    status stays the office's decision (see is_correction)."""
    return True


def is_correction(user, event):
    """Whether `user` changing `event` corrects a public event without being its office: the
    status, the publication time and the networks (whose offices review it) stay as they are,
    and the office is told."""
    return event.pk is not None and event.status in PUBLIC_STATUSES and not can_publish_event(
        user, event
    )


def may_delete(user, event):
    """Beyond the scope rule: only drafts are the editors' to delete."""
    return event.status == Event.Status.DRAFT or can_publish_event(user, event)


def may_revert(user, before, after):
    """A revert that would make an event public (publish, cancel, bring back a public one) is
    the office's decision, like any publication."""
    if after.status not in PUBLIC_STATUSES:
        return True
    if before is not None and before.status == after.status:
        return True
    return can_publish_event(user, after)


def status_errors(user, status, networks):
    """What speaks against saving an event with `status` and `networks` by `user`, as
    {form field: message}; empty when nothing does."""
    errors = {}
    if status in PUBLIC_STATUSES and not can_publish(user, networks):
        errors["status"] = _(
            "Veröffentlichen oder absagen darf nur die Geschäftsstelle eines der Netzwerke "
            "dieser Veranstaltung."
        )
    if status == Event.Status.SUBMITTED and not networks:
        errors["networks"] = NO_NETWORK
    return errors


NO_NETWORK = _(
    "Zum Einreichen bitte mindestens ein Netzwerk wählen – dessen Geschäftsstelle prüft die "
    "Veranstaltung."
)
ONLY_OFFICES = _(
    "Veröffentlichen und Absagen ist Sache der Geschäftsstelle. Reichen Sie die Veranstaltung "
    "zur Prüfung ein."
)


class Step:
    """One step of the workflow: from which statuses, to which, and who may take it."""

    def __init__(self, name, target, sources, comment):
        self.name = name
        self.target = target
        self.sources = frozenset(sources)
        self.comment = comment

    def allowed(self, user, event):
        if event.status not in self.sources:
            return False
        if self.target == Event.Status.SUBMITTED:
            return can_change(user, event) and event.networks.exists()
        return can_publish_event(user, event)

    def __call__(self, event, *, user, reason="", comment=None):
        """Take the step for `event`, recorded in its history (with `comment`, or the step's
        own); False if it stood there already or may not take it."""
        if event.status == self.target or not self.allowed(user, event):
            return False
        comment = f"{comment or self.comment} {reason}".strip()
        with reversion.create_revision():
            history.snapshot_before_first_change(event)
            event.status = self.target
            event.save(update_fields=["status"])
            reversion.set_user(user)
            reversion.set_comment(comment)
        notices.step_taken(event, self.name, user=user, reason=reason)
        return True


Status = Event.Status
submit = Step("submit", Status.SUBMITTED, [Status.DRAFT], "Zur Prüfung eingereicht.")
publish = Step(
    "publish",
    Status.PUBLISHED,
    [Status.DRAFT, Status.SUBMITTED, Status.CANCELLED],
    "Veröffentlicht.",
)
cancel = Step(
    "cancel", Status.CANCELLED, [Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED], "Abgesagt."
)
send_back = Step(
    "send_back", Status.DRAFT, [Status.SUBMITTED], "Zur Überarbeitung an die Redaktion zurück."
)
