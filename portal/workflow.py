"""The review workflow of records that city editors write and network offices publish (events,
news): who may do what, and each step. An app describes its model's workflow once, with a
`ReviewWorkflow` (events/workflow.py); its admin form and actions, its scope rule and its
notices follow from that.

City editors write drafts and submit them; the network office of one of the record's
networks reviews them: it publishes (at once or from a set time on), sends them back, or
takes another step the app defines (cancel, withdraw). Changing a public record's status and
deleting anything but a draft are the office's decisions; everyone in scope may correct a
public record, and the office is told. Administrators may do everything.
"""

from dataclasses import dataclass

import reversion
from django.utils.translation import gettext_lazy as _

from portal import history
from portal.permissions import Rule, Scope, can_change

NO_NETWORK = _(
    "Zum Einreichen bitte mindestens ein Netzwerk wählen – dessen Geschäftsstelle prüft den "
    "Eintrag."
)


@dataclass(frozen=True)
class ReviewWorkflow:
    # The permission that marks publishers, e.g. "events.publish_event".
    publish_permission: str
    # The statuses under which the public sees a record (once due).
    public_statuses: frozenset
    draft: str
    submitted: str
    # What a form says when someone without the right sets a public status.
    not_yours_to_publish: str
    # What the status field says to people who may not publish at all.
    only_offices: str
    # (record, step name, *, user, reason) -> None: who is told (notices).
    on_step: object = None

    def can_publish(self, user, networks=None):
        """Whether the user may publish a record of these networks (primary keys or objects);
        without networks, whether the user may publish at all."""
        if not user.has_perm(self.publish_permission):
            return False
        scope = Scope.of(user)
        if scope.unrestricted or networks is None:
            return True
        return bool(scope.networks & {getattr(network, "pk", network) for network in networks})

    def can_publish_record(self, user, record):
        return self.can_publish(user, record.networks.values_list("pk", flat=True))

    def may_change(self, user, record):
        """Beyond the scope rule: everyone in scope may correct a record, a public one too;
        its status stays the office's decision (see is_correction)."""
        return True

    def is_correction(self, user, record):
        """Whether `user` changing `record` corrects a public record without being its office:
        the status, the publication time and the networks (whose offices review it) stay as
        they are, and the office is told."""
        return (
            record.pk is not None
            and record.status in self.public_statuses
            and not self.can_publish_record(user, record)
        )

    def may_delete(self, user, record):
        """Beyond the scope rule: only drafts are the editors' to delete."""
        return record.status == self.draft or self.can_publish_record(user, record)

    def may_revert(self, user, before, after):
        """A revert that would make a record public (or bring back a public one) is the
        office's decision, like any publication."""
        if after.status not in self.public_statuses:
            return True
        if before is not None and before.status == after.status:
            return True
        return self.can_publish_record(user, after)

    def rule(self, **lookups):
        """The scope rule of the model, with this workflow's conditions."""
        return Rule(
            **lookups,
            may_change=self.may_change,
            may_delete=self.may_delete,
            may_revert=self.may_revert,
        )

    def status_errors(self, user, status, networks):
        """What speaks against saving a record with `status` and `networks` by `user`, as
        {form field: message}; empty when nothing does."""
        errors = {}
        if status in self.public_statuses and not self.can_publish(user, networks):
            errors["status"] = self.not_yours_to_publish
        if status == self.submitted and not networks:
            errors["networks"] = NO_NETWORK
        return errors

    def step(self, name, target, sources, comment):
        return Step(self, name, target, frozenset(sources), comment)


@dataclass(frozen=True)
class Step:
    """One step of a workflow: from which statuses, to which, and who may take it."""

    workflow: ReviewWorkflow
    name: str
    target: str
    sources: frozenset
    comment: str

    def allowed(self, user, record):
        if record.status not in self.sources:
            return False
        if self.target == self.workflow.submitted:
            return can_change(user, record) and record.networks.exists()
        return self.workflow.can_publish_record(user, record)

    def __call__(self, record, *, user, reason="", comment=None):
        """Take the step for `record`, recorded in its history (with `comment`, or the step's
        own); False if it stood there already or may not take it."""
        if record.status == self.target or not self.allowed(user, record):
            return False
        with reversion.create_revision():
            history.snapshot_before_first_change(record)
            record.status = self.target
            record.save(update_fields=["status"])
            reversion.set_user(user)
            reversion.set_comment(f"{comment or self.comment} {reason}".strip())
        if self.workflow.on_step is not None:
            self.workflow.on_step(record, self.name, user=user, reason=reason)
        return True
