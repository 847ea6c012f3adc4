from datetime import timedelta

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import ExpressionWrapper, F, Q, Subquery, Value
from django.db.models.functions import Coalesce, Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media.models import Attachment, Illustrated
from networks.models import Municipality, Network, Topic, TopicQuerySet
from portal.models import (
    EditorialContent,
    ReviewedQuerySet,
    SourcedModel,
    search_index,
    search_vector_field,
)
from portal.validators import validate_url_characters


def _now(now):
    return now if now is not None else Now()


def _not_before(moment):
    """The earliest start an event not over at `moment` can have: `moment` less the longest
    duration of any event (a subquery reading one entry of the index event_duration).

    Redundant as a condition beside `ends_at >= moment`, but it makes "not over yet, in the
    order of their start" an index range scan from about `moment` on: start and end are
    correlated, which PostgreSQL's estimates do not know, so without it the order index is read
    from the very first event on, past every event that is over (at 100,000 events, 80,000
    rows for the next ten events of a network)."""
    longest = (
        Event.objects.annotate(duration=F("ends_at") - F("start"))
        .order_by("-duration")
        .values("duration")[:1]
    )
    moment = moment if hasattr(moment, "resolve_expression") else Value(moment)
    return ExpressionWrapper(
        moment - Subquery(longest, output_field=models.DurationField()),
        output_field=models.DateTimeField(),
    )


class EventQuerySet(ReviewedQuerySet, TopicQuerySet):
    def public(self, now=None):
        """The one rule for what the public sees: published or cancelled events (cancelled
        ones are shown as „abgesagt“) whose publication time, if any, has come.

        Without `now`, "has come" is decided by the database clock when the query runs, so a
        queryset built in advance (a view's class attribute, a prefetch) still shows a
        scheduled event from its moment on, with no job to run and no restart."""
        due = now if now is not None else Now()
        return self.filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=due),
            status__in=Event.PUBLIC_STATUSES,
        )

    def with_host(self):
        """With the host municipality, which every listing of an event names."""
        return self.select_related("host_municipality")

    def upcoming(self, now=None):
        """Events not yet over, soonest first; like public(), by the database clock unless
        `now` is given."""
        now = _now(now)
        return self.filter(ends_at__gte=now, start__gte=_not_before(now)).order_by(
            *self.model._meta.ordering
        )

    def past(self, now=None):
        """Events that are over, the most recent first. (An event over has begun: the
        condition on `start` is redundant, and lets PostgreSQL read the order index from now
        backwards instead of passing over every upcoming event.)"""
        now = _now(now)
        return self.filter(ends_at__lt=now, start__lt=now).newest_first()

    def newest_first(self):
        return self.order_by("-start", "title")

    def in_calendar_window(self):
        """What the subscribed calendars hold: events not over longer than
        settings.CALENDAR_WINDOW_DAYS ago (the archive holds all)."""
        since = timezone.now() - timedelta(days=settings.CALENDAR_WINDOW_DAYS)
        return self.filter(ends_at__gte=since, start__gte=_not_before(since))

    def during(self, start, end):
        """Events taking place at some time from `start` until before `end`."""
        return self.filter(start__lt=end, ends_at__gte=start, start__gte=_not_before(start))

    def online(self):
        return self.exclude(online_url="")

    def on_site(self):
        return self.filter(Q(host_municipality__isnull=False) | ~Q(venue="") | ~Q(address=""))

    def in_network(self, network):
        return self.filter(networks=network)

    def hosted_by(self, municipality):
        return self.filter(host_municipality=municipality)


class Event(EditorialContent, Illustrated, SourcedModel):
    class Kind(models.TextChoices):
        MEETING = "arbeitskreissitzung", _("Arbeitskreissitzung")
        CONFERENCE = "fachveranstaltung", _("Fachveranstaltung")
        WORKSHOP = "werkstatt", _("Werkstatt")
        ONLINE = "online_austausch", _("Online-Austausch")
        AWARD = "preisverleihung", _("Preisverleihung")
        ANNIVERSARY = "jubilaeum", _("Jubiläum")
        FOUNDING = "gruendung", _("Gründung")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("Zur Prüfung eingereicht")
        PUBLISHED = "published", _("Veröffentlicht")
        CANCELLED = "cancelled", _("Abgesagt")

    # Statuses under which an event is public (once due); only a publisher sets them.
    PUBLIC_STATUSES = frozenset({Status.PUBLISHED, Status.CANCELLED})

    title = models.CharField(_("Titel"), max_length=255)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    networks = models.ManyToManyField(
        Network, verbose_name=_("Netzwerke"), blank=True, related_name="events"
    )
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, db_index=True)
    start = models.DateTimeField(_("Beginn"), db_index=True)
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    all_day = models.BooleanField(
        _("Ganztägig"), default=False, help_text=_("Nur das Datum ist bekannt oder wichtig.")
    )
    host_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Gastgebende Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    venue = models.CharField(_("Veranstaltungsort"), max_length=255, blank=True)
    address = models.CharField(_("Adresse"), max_length=255, blank=True)
    online_url = models.URLField(
        _("Online-Zugang"), blank=True, validators=[validate_url_characters]
    )
    registration_url = models.URLField(
        _("Anmeldung"), blank=True, validators=[validate_url_characters]
    )
    summary = models.TextField(_("Kurzbeschreibung"), blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    organisers = models.ManyToManyField(
        "contacts.Organisation",
        verbose_name=_("Veranstalter"),
        blank=True,
        related_name="organised_events",
    )
    contact = models.ForeignKey(
        "contacts.Contact",
        verbose_name=_("Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themenschwerpunkte"), blank=True, related_name="events"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angelegt von"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publish_at = models.DateTimeField(
        _("Veröffentlichen ab"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leer: sofort. Sonst erscheint die Veranstaltung erst ab diesem Zeitpunkt."),
    )

    search_vector = search_vector_field(["title"], ["summary", "description", "venue"])
    # When the event is over, never empty: its end, or its start when it has no end. Stored
    # and indexed, so that "upcoming" and "past" are index range scans.
    ends_at = models.GeneratedField(
        expression=Coalesce("end", "start"),
        output_field=models.DateTimeField(),
        db_persist=True,
        verbose_name=_("Endet"),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        permissions = [("publish_event", _("Darf Veranstaltungen veröffentlichen"))]
        indexes = [
            search_index("event_search"),
            models.Index(fields=["ends_at"], name="event_ends_at"),
            # The list's order, with what public() asks: deep pages are counted off in the
            # index alone (an index-only scan), without reading the rows they skip.
            models.Index(
                fields=["start", "title", "id"],
                include=["status", "publish_at"],
                name="event_order",
            ),
            # The longest event, for EventQuerySet.upcoming() (see _not_before).
            models.Index(F("ends_at") - F("start"), name="event_duration"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="event_end_not_before_start",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def is_visible(self):
        """Whether the public sees the event now."""
        return Event.objects.public().filter(pk=self.pk).exists()


class EventAttachment(Attachment):
    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="attachments"
    )


class UpcomingEventsPluginModel(CMSPlugin):
    # Records shown on a page are not deleted from under it: the deletion names the page.
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), null=True, blank=True, on_delete=models.PROTECT
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("Themenschwerpunkt"), null=True, blank=True, on_delete=models.PROTECT
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Gastgebende Kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    count = models.PositiveSmallIntegerField(
        _("Anzahl"), default=5, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    def __str__(self):
        return str(self.network or self.topic or self.municipality or _("Alle Veranstaltungen"))

    def events(self):
        events = Event.objects.public().upcoming().with_host()
        if self.network_id:
            events = events.in_network(self.network_id)
        if self.topic_id:
            events = events.with_topic(self.topic_id)
        if self.municipality_id:
            events = events.hosted_by(self.municipality_id)
        return events[: self.count]
