"""Who is told what about a record under the review workflow (portal.workflow), by e-mail: the
part that events and news share. An app describes its kind of record once (`Kind`) and its
notices module hands that to the functions here.

Submitted records go to the network offices of the record's networks (to the administrators if
no office has an address); the author hears when the office publishes the record, sends it
back or takes a step of the app's own (cancel, withdraw); the office hears when someone else
corrects a public record. Nobody is told about their own doing. The texts are German whatever
language the person uses.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from notices.mail import notify
from portal.permissions import ADMINISTRATORS, NETWORK_OFFICES


@dataclass(frozen=True)
class Decision:
    """A step of the office's besides publishing and sending back: the status it sets and
    what the author is told."""

    target: str
    # With %(title)s.
    subject: str
    # With %(person)s (who took the step) and %(record)s (the title, with the date if any).
    lead: str


@dataclass(frozen=True)
class Kind:
    """How the notices speak of one kind of record.

    The shared texts decline `noun` as a feminine one („die Veranstaltung“, „Ihre Meldung“,
    „prüfen Sie sie“); a kind with another gender needs texts of its own."""

    noun: str
    plural: str
    # (record) -> its date as text, or "" when it has none yet.
    when: Callable
    # The field with the time from which a published record is public.
    schedule_field: str
    # Step name -> Decision, for the app's own steps.
    decisions: dict = field(default_factory=dict)


def step_taken(kind, record, step_name, *, user, reason=""):
    """Tell whom it concerns that `user` took the workflow step `step_name` for `record`; the
    notice, or None."""
    composers = {"submit": _submitted, "publish": _decided, "send_back": _sent_back}
    compose = _decided if step_name in kind.decisions else composers.get(step_name)
    if compose is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        recipients = _offices(record) if step_name == "submit" else _author(record)
        subject, paragraphs = compose(kind, record, step_name, user=user, reason=reason)
        return _notify(kind, recipients, user, subject, paragraphs)


def status_changed(kind, record, previous, *, user):
    """After a form set the status of `record` (from `previous`, None for a new record): the
    workflow step that amounts to, told as if taken."""
    Status = type(record).Status
    if record.status == previous:
        return None
    if record.status == Status.DRAFT:
        sent_back = previous == Status.SUBMITTED
        return step_taken(kind, record, "send_back", user=user) if sent_back else None
    steps = {Status.SUBMITTED: "submit", Status.PUBLISHED: "publish"}
    steps.update({decision.target: name for name, decision in kind.decisions.items()})
    step_name = steps.get(record.status)
    return None if step_name is None else step_taken(kind, record, step_name, user=user)


def corrected(kind, record, *, user):
    """Tell the network offices that `user`, who does not decide on `record`, corrected it
    while it is public (the app's workflow says whether that is so: is_correction)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Geändert: %(title)s") % {"title": record}
        paragraphs = [
            _("%(person)s hat die veröffentlichte %(noun)s %(record)s geändert.")
            % _facts(kind, record, user),
            _("Bitte sehen Sie sich die Änderung an:") + "\n" + _admin_link(record),
            _("Frühere Fassungen und Änderungen:") + "\n" + _admin_link(record, "history"),
            *_public_paragraphs(kind, record),
        ]
        return _notify(kind, _offices(record), user, subject, paragraphs)


# Texts


def _submitted(kind, record, step_name, *, user, reason):
    subject = _("Zur Prüfung eingereicht: %(title)s") % {"title": record}
    networks = ", ".join(network.name for network in record.networks.order_by("name"))
    return subject, [
        _("%(person)s hat die %(noun)s %(record)s zur Prüfung eingereicht.")
        % _facts(kind, record, user),
        _("Netzwerke: %(networks)s") % {"networks": networks},
        _(
            "Bitte prüfen Sie die %(noun)s: veröffentlichen Sie sie, oder geben Sie sie an die "
            "Redaktion zurück."
        )
        % {"noun": kind.noun}
        + "\n"
        + _admin_link(record),
        _("Alle eingereichten %(plural)s:") % {"plural": kind.plural}
        + "\n"
        + _admin_link(record, "changelist")
        + "?arbeitsstand=pruefen",
    ]


def _decided(kind, record, step_name, *, user, reason):
    """Publishing, or a step of the app's own: the author hears what the office decided."""
    decision = kind.decisions.get(step_name)
    if decision is None:
        subject = _("Veröffentlicht: %(title)s")
        lead = _("%(person)s hat Ihre %(noun)s %(record)s veröffentlicht.")
    else:
        subject, lead = str(decision.subject), str(decision.lead)
    return subject % {"title": record}, [
        lead % _facts(kind, record, user),
        *_reason_paragraphs(reason),
        *_public_paragraphs(kind, record),
        _("In der Verwaltung:") + "\n" + _admin_link(record),
    ]


def _sent_back(kind, record, step_name, *, user, reason):
    subject = _("Zur Überarbeitung zurück: %(title)s") % {"title": record}
    return subject, [
        _("%(person)s hat Ihre %(noun)s %(record)s zur Überarbeitung an Sie zurückgegeben.")
        % _facts(kind, record, user),
        *_reason_paragraphs(reason),
        _("Bitte überarbeiten Sie die %(noun)s und reichen Sie sie erneut ein:")
        % {"noun": kind.noun}
        + "\n"
        + _admin_link(record),
    ]


def _reason_paragraphs(reason):
    reason = reason.strip()
    return [_("Begründung: %(reason)s") % {"reason": reason}] if reason else []


def _public_paragraphs(kind, record):
    """Where the public finds the record: now, or from its publication time on."""
    if record.status not in type(record).PUBLIC_STATUSES:
        return []
    try:
        url = _url(record.get_absolute_url())
    except NoReverseMatch:  # no page with the app's apphook
        return []
    if record.is_visible():
        return [_("Im Portal:") + "\n" + url]
    due = timezone.localtime(getattr(record, kind.schedule_field))
    when = formats.date_format(due, "DATETIME_FORMAT")
    return [_("Im Portal ab %(when)s:") % {"when": when} + "\n" + url]


def _facts(kind, record, user):
    when = kind.when(record)
    named = f"„{record}“ ({when})" if when else f"„{record}“"
    person = user.get_full_name() or user.get_username()
    return {"noun": kind.noun, "record": named, "person": person}


def _notify(kind, recipients, user, subject, paragraphs):
    recipients = [address for address in recipients if address != user.email]
    footer = _(
        "Diese Nachricht hat das Portal der Netzwerke automatisch versandt. Sie erhalten sie, "
        "weil Sie für die %(noun)s zuständig sind."
    ) % {"noun": kind.noun}
    body = "\n\n".join([_("Guten Tag,"), *paragraphs]) + "\n\n-- \n" + footer + "\n"
    return notify(recipients, subject, body)


# Links


def _url(path):
    return f"{settings.PORTAL_BASE_URL}{path}"


def _admin_link(record, view="change"):
    """The address of the record's admin page: "change", "history", or "changelist"."""
    opts = record._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{view}"
    args = [] if view == "changelist" else [record.pk]
    return _url(reverse(name, args=args))


# Recipients


def _staff():
    return get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")


def _offices(record):
    """The addresses of the network offices of the record's networks, or, if none has one, of
    the administrators."""
    found = _staff().filter(
        groups__name=NETWORK_OFFICES, responsibility__networks__in=record.networks.all()
    )
    addresses = sorted(set(found.values_list("email", flat=True)))
    if addresses:
        return addresses
    administrators = _staff().filter(Q(groups__name=ADMINISTRATORS) | Q(is_superuser=True))
    return sorted(set(administrators.values_list("email", flat=True)))


def _author(record):
    """The address of the person who wrote the record, if they are still active."""
    person = record.created_by
    if person is None or not person.is_active or not person.email:
        return []
    return [person.email]
