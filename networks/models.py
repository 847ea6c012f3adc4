from cms.models import CMSPlugin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media.models import Illustrated
from portal.models import (
    DatePrecision,
    EditorialContent,
    PublicQuerySet,
    SourcedModel,
    search_index,
    search_vector_field,
)
from portal.validators import validate_url_characters

AGS_VALIDATOR = RegexValidator(
    r"^[0-9]{8}$", _("Der Amtliche Gemeindeschlüssel besteht aus genau acht Ziffern.")
)


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


def _count_of(model, link, counted):
    """A correlated count of the distinct `counted` of `model`'s rows whose `link` is the
    outer row: evaluated only for the rows a query returns."""
    rows = (
        model.objects.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(count=Count(counted, distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(rows), 0)


class TopicQuerySet(PublicQuerySet):
    def with_topic(self, topic):
        """Records filed under a topic or one of its sub-topics."""
        return self.filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()


class NetworkQuerySet(TopicQuerySet):
    def with_member_count(self):
        """Annotated with `member_count`, counted per row shown: a list page costs what it
        shows, not what the network table holds."""
        return self.annotate(member_count=_count_of(Membership, "network", "municipality"))

    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended__isnull=True) | Q(ended__gte=on))

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(ended__lt=on)


class Network(EditorialContent, Illustrated, SourcedModel):
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
    website = models.URLField(_("Website"), blank=True, validators=[validate_url_characters])
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


class MunicipalityQuerySet(PublicQuerySet):
    def with_network_count(self):
        """Annotated with `network_count`, counted per row shown (see with_member_count)."""
        return self.annotate(network_count=_count_of(Membership, "municipality", "network"))

    def in_network(self, network):
        return self.filter(memberships__network=network).distinct()

    def district_choices(self):
        districts = self.order_by("district").values_list("district", flat=True).distinct()
        return [(district, district) for district in districts]


class Municipality(EditorialContent, Illustrated, SourcedModel):
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
    population_source = models.URLField(
        _("Quelle der Einwohnerzahl"),
        max_length=300,
        blank=True,
        validators=[validate_url_characters],
    )
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
    website = models.URLField(_("Website"), blank=True, validators=[validate_url_characters])
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


class MembershipQuerySet(PublicQuerySet):
    def by_municipality(self):
        """As a network lists its members: by the municipality's name."""
        return self.select_related("municipality").order_by("municipality__name", "role")

    def by_network(self):
        """As a municipality lists its networks: by the network's name."""
        return self.select_related("network").order_by("network__name", "role")

    def for_download(self):
        return self.select_related("network", "municipality").order_by(
            "network__name", "municipality__name", "role", "joined"
        )


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

    objects = MembershipQuerySet.as_manager()

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


class NetworkMembersPluginModel(CMSPlugin):
    # A network shown on a page is not deleted from under it: the deletion names the page.
    network = models.ForeignKey(Network, verbose_name=_("Netzwerk"), on_delete=models.PROTECT)

    def __str__(self):
        return str(self.network)
