"""Who is told what about an event, by e-mail (notices.mail sends once the change is saved).

Submitted events go to the network offices of the event's networks (to the administrators if
no office has an address); the author hears when the office publishes, cancels or sends the
event back; the office hears when someone else corrects an event that is public. Nobody is
told about their own doing. The texts are German whatever language the person uses.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from events.models import Event
from notices.mail import notify
from portal.permissions import ADMINISTRATORS, NETWORK_OFFICES

STEPS_BY_TARGET = {
    Event.Status.SUBMITTED: "submit",
    Event.Status.PUBLISHED: "publish",
    Event.Status.CANCELLED: "cancel",
}


def step_taken(event, step_name, *, user, reason=""):
    """Tell whom it concerns that `user` took the workflow step `step_name` ("submit",
    "publish", "cancel", "send_back") for `event`; the notice, or None."""
    compose = {
        "submit": _submitted,
        "publish": _published,
        "cancel": _cancelled,
        "send_back": _sent_back,
    }.get(step_name)
    if compose is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        recipients = _offices(event) if step_name == "submit" else _author(event)
        subject, paragraphs = compose(event, user=user, reason=reason)
        return _notify(recipients, user, subject, paragraphs)


def status_changed(event, previous, *, user):
    """After a form set the status of `event` (from `previous`, None for a new event): the
    workflow step that amounts to, told as if taken."""
    if event.status == previous:
        return None
    if event.status == Event.Status.DRAFT:
        sent_back = previous == Event.Status.SUBMITTED
        return step_taken(event, "send_back", user=user) if sent_back else None
    return step_taken(event, STEPS_BY_TARGET[event.status], user=user)


def corrected(event, *, user):
    """After `user` changed `event` (networks saved): if it is published or cancelled and the
    user is not one who decides that (a city editor), its network offices are told."""
    # Not at the top: events.workflow calls this module.
    from events.workflow import can_publish_event

    if event.status not in Event.PUBLIC_STATUSES or can_publish_event(user, event):
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Geändert: %(title)s") % {"title": event.title}
        paragraphs = [
            _("%(person)s hat die veröffentlichte Veranstaltung „%(title)s“ (%(when)s) geändert.")
            % _facts(event, user),
            _("Bitte sehen Sie sich die Änderung an:") + "\n" + _admin_link(event),
            _("Frühere Fassungen und Änderungen:") + "\n" + _admin_link(event, "history"),
            *_public_paragraphs(event),
        ]
        return _notify(_offices(event), user, subject, paragraphs)


# Texts


def _submitted(event, *, user, reason):
    subject = _("Zur Prüfung eingereicht: %(title)s") % {"title": event.title}
    networks = ", ".join(network.name for network in event.networks.order_by("name"))
    return subject, [
        _("%(person)s hat die Veranstaltung „%(title)s“ (%(when)s) zur Prüfung eingereicht.")
        % _facts(event, user),
        _("Netzwerke: %(networks)s") % {"networks": networks},
        _(
            "Bitte prüfen Sie die Veranstaltung: veröffentlichen Sie sie, oder geben Sie sie "
            "an die Redaktion zurück."
        )
        + "\n"
        + _admin_link(event),
        _("Alle eingereichten Veranstaltungen:")
        + "\n"
        + _url(reverse("admin:events_event_changelist") + "?arbeitsstand=pruefen"),
    ]


def _published(event, *, user, reason):
    subject = _("Veröffentlicht: %(title)s") % {"title": event.title}
    return subject, [
        _("%(person)s hat Ihre Veranstaltung „%(title)s“ (%(when)s) veröffentlicht.")
        % _facts(event, user),
        *_public_paragraphs(event),
        _("In der Verwaltung:") + "\n" + _admin_link(event),
    ]


def _cancelled(event, *, user, reason):
    subject = _("Abgesagt: %(title)s") % {"title": event.title}
    return subject, [
        _(
            "%(person)s hat Ihre Veranstaltung „%(title)s“ (%(when)s) als abgesagt markiert. "
            "Sie bleibt im Portal sichtbar, mit dem Hinweis „abgesagt“."
        )
        % _facts(event, user),
        *_reason_paragraphs(reason),
        *_public_paragraphs(event),
        _("In der Verwaltung:") + "\n" + _admin_link(event),
    ]


def _sent_back(event, *, user, reason):
    subject = _("Zur Überarbeitung zurück: %(title)s") % {"title": event.title}
    return subject, [
        _(
            "%(person)s hat Ihre Veranstaltung „%(title)s“ (%(when)s) zur Überarbeitung an "
            "Sie zurückgegeben."
        )
        % _facts(event, user),
        *_reason_paragraphs(reason),
        _("Bitte überarbeiten Sie die Veranstaltung und reichen Sie sie erneut ein:")
        + "\n"
        + _admin_link(event),
    ]


def _reason_paragraphs(reason):
    reason = reason.strip()
    return [_("Begründung: %(reason)s") % {"reason": reason}] if reason else []


def _public_paragraphs(event):
    """Where the public finds the event: now, or from its publication time on."""
    if event.status not in Event.PUBLIC_STATUSES:
        return []
    try:
        url = _url(event.get_absolute_url())
    except NoReverseMatch:  # no page with the events' apphook
        return []
    if event.is_visible():
        return [_("Im Portal:") + "\n" + url]
    when = formats.date_format(timezone.localtime(event.publish_at), "DATETIME_FORMAT")
    return [_("Im Portal ab %(when)s:") % {"when": when} + "\n" + url]


def _facts(event, user):
    start = timezone.localtime(event.start)
    when = formats.date_format(start, "DATE_FORMAT" if event.all_day else "DATETIME_FORMAT")
    person = user.get_full_name() or user.get_username()
    return {"title": event.title, "when": when, "person": person}


def _url(path):
    return f"{settings.PORTAL_BASE_URL}{path}"


def _admin_link(event, view="change"):
    return _url(reverse(f"admin:events_event_{view}", args=[event.pk]))


def _notify(recipients, user, subject, paragraphs):
    recipients = [address for address in recipients if address != user.email]
    footer = _(
        "Diese Nachricht hat das Portal der Netzwerke automatisch versandt. Sie erhalten sie, "
        "weil Sie für die Veranstaltung zuständig sind."
    )
    body = "\n\n".join([_("Guten Tag,"), *paragraphs]) + "\n\n-- \n" + footer + "\n"
    return notify(recipients, subject, body)


# Recipients


def _staff():
    return get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")


def _offices(event):
    """The addresses of the network offices of the event's networks, or, if none has one, of
    the administrators."""
    offices = _staff().filter(
        groups__name=NETWORK_OFFICES, responsibility__networks__in=event.networks.all()
    )
    addresses = sorted(set(offices.values_list("email", flat=True)))
    if addresses:
        return addresses
    administrators = _staff().filter(Q(groups__name=ADMINISTRATORS) | Q(is_superuser=True))
    return sorted(set(administrators.values_list("email", flat=True)))


def _author(event):
    author = event.created_by
    if author is None or not author.is_active or not author.email:
        return []
    return [author.email]
