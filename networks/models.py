from cms.models import CMSPlugin
from cms.models.fields import PlaceholderRelationField
from cms.utils.placeholder import get_placeholder_from_slot
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

AGS_VALIDATOR = RegexValidator(
    r"^[0-9]{8}$", _("Der Amtliche Gemeindeschlüssel besteht aus genau acht Ziffern.")
)


def search_vector_field(title_fields, body_fields):
    """A stored German full-text vector; title words weigh more than body words."""
    vector = SearchVector(*title_fields, weight="A", config="german") + SearchVector(
        *body_fields, weight="B", config="german"
    )
    return models.GeneratedField(
        expression=vector, output_field=SearchVectorField(), db_persist=True
    )


def search_index(name):
    return GinIndex(fields=["search_vector"], name=name)


class EditorialContent(models.Model):
    """A public record with a placeholder where editors add free content to its page."""

    placeholders = PlaceholderRelationField()

    class Meta:
        abstract = True

    @cached_property
    def content_placeholder(self):
        return get_placeholder_from_slot(self.placeholders, "content")

    def has_placeholder_change_permission(self, user):
        """django-cms asks this before anyone edits the record's page content: only those
        who may change the record itself (portal.permissions holds the rule)."""
        from portal.permissions import can_change

        return can_change(user, self)


class SourcedModel(models.Model):
    """A record whose facts name where they come from."""

    sources = models.TextField(
        _("Quellen"), blank=True, help_text=_("Eine Quelle (Adresse oder Angabe) pro Zeile.")
    )

    class Meta:
        abstract = True

    @property
    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class DatePrecision(models.TextChoices):
    DAY = "day", _("Tag")
    MONTH = "month", _("Monat")
    YEAR = "year", _("Jahr")


class Topic(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordneter Themenschwerpunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("Themenschwerpunkt")
        verbose_name_plural = _("Themenschwerpunkte")

    def __str__(self):
        return self.name


class TopicQuerySet(models.QuerySet):
    def with_topic(self, topic):
        """Records filed under a topic or one of its sub-topics."""
        return self.filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()


class NetworkQuerySet(TopicQuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended__isnull=True) | Q(ended__gte=on))

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(ended__lt=on)


class Network(EditorialContent, SourcedModel):
    class Kind(models.TextChoices):
        CITY_NETWORK = "staedtenetzwerk", _("Städtenetzwerk")
        ALLIANCE = "buendnis", _("Bündnis")
        WORKING_GROUP = "arbeitskreis", _("Arbeitskreis")
        STATE_INITIATIVE = "landesinitiative", _("Landesinitiative")
        PROGRAMME = "foerderprogramm", _("Förderprogramm/Wettbewerb")

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(_("Kurzname"), max_length=80, blank=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Hervorgegangen aus / gehört zu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    summary = models.TextField(_("Kurzbeschreibung"), blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    founded = models.DateField(_("Gegründet"), null=True, blank=True)
    founded_precision = models.CharField(
        _("Genauigkeit des Gründungsdatums"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Ist nur Monat oder Jahr bekannt, gilt der erste Tag davon."),
    )
    ended = models.DateField(_("Beendet"), null=True, blank=True)
    ended_precision = models.CharField(
        _("Genauigkeit des Enddatums"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    funding_start_year = models.PositiveSmallIntegerField(
        _("Förderung ab (Jahr)"), null=True, blank=True
    )
    funding_end_year = models.PositiveSmallIntegerField(
        _("Förderung bis (Jahr)"), null=True, blank=True
    )
    funding_note = models.TextField(
        _("Hinweis zur Förderung"),
        blank=True,
        help_text=_("Fördergeber stehen bei den Partnerorganisationen mit der Rolle Fördergeber."),
    )
    stated_member_count = models.PositiveSmallIntegerField(
        _("Angegebene Zahl der Mitglieder"),
        null=True,
        blank=True,
        help_text=_(
            "Die Zahl, die das Netzwerk selbst nennt, wenn sie von der Mitgliederliste abweicht."
        ),
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themenschwerpunkte"), blank=True, related_name="networks"
    )
    website = models.URLField(_("Website"), blank=True)
    search_vector = search_vector_field(["name", "short_name"], ["summary", "description"])

    objects = NetworkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        indexes = [search_index("network_search")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended__isnull=True)
                | Q(founded__isnull=True)
                | Q(ended__gte=F("founded")),
                name="network_ended_not_before_founded",
                violation_error_message=_("Das Enddatum darf nicht vor dem Gründungsdatum liegen."),
            ),
            models.CheckConstraint(
                condition=Q(funding_end_year__isnull=True)
                | Q(funding_start_year__isnull=True)
                | Q(funding_end_year__gte=F("funding_start_year")),
                name="network_funding_end_not_before_start",
                violation_error_message=_("Das Förderende darf nicht vor dem Förderbeginn liegen."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        if self.short_name and self.short_name not in self.name:
            return f"{self.name} ({self.short_name})"
        return self.name


class NetworkItem(models.Model):
    """An ordered point a network states about itself: a goal, a planned activity, ..."""

    class Kind(models.TextChoices):
        GOAL = "goal", _("Ziel")
        ACTIVITY = "activity", _("Geplante Aktivität")
        STRUCTURE = "structure", _("Struktur")
        CRITERION = "criterion", _("Auswahlkriterium der Jury")
        APPROACH = "approach", _("Ansatz")

    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    text = models.TextField(_("Text"))
    year = models.PositiveSmallIntegerField(
        _("Jahr"), null=True, blank=True, help_text=_("Etwa: geplant für dieses Jahr.")
    )

    class Meta:
        ordering = ["network", "kind", "position"]
        verbose_name = _("Ziel, Aktivität oder Kriterium")
        verbose_name_plural = _("Ziele, Aktivitäten und Kriterien")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "kind", "position"], name="network_item_unique_position"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"


class MunicipalityQuerySet(models.QuerySet):
    def in_network(self, network):
        return self.filter(memberships__network=network).distinct()

    def district_choices(self):
        districts = self.order_by("district").values_list("district", flat=True).distinct()
        return [(district, district) for district in districts]


class Municipality(EditorialContent, SourcedModel):
    class Kind(models.TextChoices):
        CITY_STATE = "stadtstaat", _("Stadtstaat (kreisfreie Stadt, Land Berlin)")
        DISTRICT_FREE_CITY = "kreisfreie_stadt", _("Kreisfreie Stadt")
        TOWN = "stadt", _("Stadt")
        MUNICIPALITY = "gemeinde", _("Gemeinde")

    name = models.CharField(
        _("Name"), max_length=200, help_text=_("Der gebräuchliche deutsche Name, etwa „Cottbus“.")
    )
    official_name = models.CharField(
        _("Amtlicher Name"),
        max_length=200,
        help_text=_("Wie im Gemeindeverzeichnis, auch zweisprachig, etwa „Cottbus/Chóśebuz“."),
    )
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel (AGS)"),
        max_length=8,
        unique=True,
        validators=[AGS_VALIDATOR],
        error_messages={"unique": _("Eine Kommune mit diesem Gemeindeschlüssel gibt es schon.")},
    )
    district = models.CharField(
        _("Landkreis"),
        max_length=100,
        db_index=True,
        help_text=_("„kreisfrei“ für kreisfreie Städte."),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, db_index=True)
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    population_date = models.DateField(_("Stichtag der Einwohnerzahl"), null=True, blank=True)
    population_source = models.URLField(_("Quelle der Einwohnerzahl"), max_length=300, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche in km²"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    area_source = models.CharField(_("Quelle der Fläche"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Längengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    website = models.URLField(_("Website"), blank=True)
    search_vector = search_vector_field(["name", "official_name"], ["district"])

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kommune")
        verbose_name_plural = _("Städte und Gemeinden")
        indexes = [search_index("municipality_search")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ags__regex=r"^[0-9]{8}$"),
                name="municipality_ags_eight_digits",
                violation_error_message=_(
                    "Der Amtliche Gemeindeschlüssel besteht aus genau acht Ziffern."
                ),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="municipality_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="municipality_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:detail", kwargs={"slug": self.slug})


class Membership(SourcedModel):
    class Role(models.TextChoices):
        MEMBER = "member", _("Mitglied")
        FOUNDING_MEMBER = "founding_member", _("Gründungsmitglied")
        CHAIR = "chair", _("Vorsitz/Sprecherstadt")
        PROGRAMME_MUNICIPALITY = "programme", _("Programmkommune")
        MODEL_CITY = "model_city", _("Modellstadt/Modellprojekt")
        PRIZE_WINNER = "prize_winner", _("Preisträgerin")
        PARTICIPANT = "participant", _("Teilnehmende Kommune")

    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, db_index=True)
    joined = models.DateField(_("Seit"), null=True, blank=True)
    left = models.DateField(_("Bis"), null=True, blank=True)
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)

    class Meta:
        ordering = ["network", "municipality__name", "role"]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "municipality", "role", "joined"],
                nulls_distinct=False,
                name="membership_unique_role_period",
                violation_error_message=_("Diese Mitgliedschaft ist schon eingetragen."),
            ),
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(joined__isnull=True) | Q(left__gte=F("joined")),
                name="membership_left_not_before_joined",
                violation_error_message=_("„Bis“ darf nicht vor „Seit“ liegen."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality} – {self.network} ({self.get_role_display()})"


class EventQuerySet(TopicQuerySet):
    def published(self, now=None):
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

    def upcoming(self, now=None):
        """Events not yet over; like published(), by the database clock unless `now` is given."""
        return self.filter(self._not_over(now))

    def past(self, now=None):
        return self.exclude(self._not_over(now))

    @staticmethod
    def _not_over(now):
        now = now if now is not None else Now()
        return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)

    def online(self):
        return self.exclude(online_url="")

    def on_site(self):
        return self.filter(Q(host_municipality__isnull=False) | ~Q(venue="") | ~Q(address=""))

    def in_network(self, network):
        return self.filter(networks=network)

    def hosted_by(self, municipality):
        return self.filter(host_municipality=municipality)


class Event(EditorialContent, SourcedModel):
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
    online_url = models.URLField(_("Online-Zugang"), blank=True)
    registration_url = models.URLField(_("Anmeldung"), blank=True)
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
    publish_at = models.DateTimeField(
        _("Veröffentlichen ab"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leer: sofort. Sonst erscheint die Veranstaltung erst ab diesem Zeitpunkt."),
    )

    search_vector = search_vector_field(["title"], ["summary", "description", "venue"])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start", "title"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [search_index("event_search")]
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


class UpcomingEventsPluginModel(CMSPlugin):
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), null=True, blank=True, on_delete=models.CASCADE
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("Themenschwerpunkt"), null=True, blank=True, on_delete=models.CASCADE
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Gastgebende Kommune"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    count = models.PositiveSmallIntegerField(
        _("Anzahl"), default=5, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    def __str__(self):
        return str(self.network or self.topic or self.municipality or _("Alle Veranstaltungen"))

    def events(self):
        events = Event.objects.published().upcoming().select_related("host_municipality")
        if self.network_id:
            events = events.in_network(self.network_id)
        if self.topic_id:
            events = events.with_topic(self.topic_id)
        if self.municipality_id:
            events = events.hosted_by(self.municipality_id)
        return events.order_by("start")[: self.count]


class NetworkMembersPluginModel(CMSPlugin):
    network = models.ForeignKey(Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE)

    def __str__(self):
        return str(self.network)
