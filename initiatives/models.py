from cms.models import CMSPlugin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from media.models import Attachment, Illustrated
from networks.models import Municipality, Network, Topic, TopicQuerySet
from portal.models import EditorialContent, SourcedModel, search_index, search_vector_field
from portal.validators import validate_url_characters


class InitiativeQuerySet(TopicQuerySet):
    def of_network(self, network):
        return self.filter(network=network)

    def of_municipality(self, municipality):
        return self.filter(municipalities=municipality)

    def by_round(self):
        return self.order_by("round", "title")

    def newest_first(self):
        """By the year they began, the latest first."""
        return self.order_by("-start_year", "title")

    def latest_entered(self):
        """Initiatives carry no dates of their own: the most recently entered first."""
        return self.order_by("-pk")

    def round_choices(self):
        rounds = self.exclude(round="").order_by("round").values_list("round", flat=True)
        return [(value, value) for value in rounds.distinct()]


class Initiative(EditorialContent, Illustrated, SourcedModel):
    class Kind(models.TextChoices):
        MODEL_PROJECT = "modellprojekt", _("Modellprojekt")
        MODEL_SCHEME = "modellvorhaben", _("Modellvorhaben")
        COMPETITION_ENTRY = "wettbewerbsbeitrag", _("Wettbewerbsbeitrag")
        STUDY = "studie", _("Studie")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Geplant")
        RUNNING = "running", _("Laufend")
        COMPLETED = "completed", _("Abgeschlossen")

    title = models.CharField(_("Titel"), max_length=300)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices, db_index=True)
    network = models.ForeignKey(
        Network,
        verbose_name=_("Netzwerk oder Programm"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("Kommunen"), blank=True, related_name="initiatives"
    )
    organisations = models.ManyToManyField(
        "contacts.Organisation",
        verbose_name=_("Beteiligte Organisationen"),
        blank=True,
        related_name="initiatives",
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themenschwerpunkte"), blank=True, related_name="initiatives"
    )
    summary = models.TextField(_("Kurzbeschreibung"), blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, blank=True, db_index=True
    )
    start_year = models.PositiveSmallIntegerField(_("Beginn (Jahr)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("Ende (Jahr)"), null=True, blank=True)
    round = models.CharField(
        _("Runde oder Staffel"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Etwa „Staffel 2 (2020)“ oder „Runde 2024–2025“."),
    )
    funding_amount = models.DecimalField(
        _("Betrag in EUR"), max_digits=12, decimal_places=2, null=True, blank=True, db_index=True
    )
    funding_note = models.CharField(
        _("Was der Betrag bedeutet"),
        max_length=500,
        blank=True,
        help_text=_("Etwa „Bundesförderung“, „Projektvolumen insgesamt“ oder „Preisgeld“."),
    )
    prize = models.CharField(_("Preis"), max_length=100, blank=True)
    prize_category = models.CharField(_("Preiskategorie"), max_length=200, blank=True)
    website = models.URLField(_("Website"), blank=True, validators=[validate_url_characters])
    search_vector = search_vector_field(["title"], ["summary", "description", "round"])

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("Initiative")
        verbose_name_plural = _("Initiativen")
        indexes = [search_index("initiative_search")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="initiative_end_not_before_start",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiatives:detail", kwargs={"slug": self.slug})


class InitiativeAttachment(Attachment):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("Initiative"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )


class InitiativeTeaserPluginModel(CMSPlugin):
    # Records shown on a page are not deleted from under it: the deletion names the page.
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), null=True, blank=True, on_delete=models.PROTECT
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("Kommune"), null=True, blank=True, on_delete=models.PROTECT
    )
    count = models.PositiveSmallIntegerField(
        _("Anzahl"), default=3, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )

    def __str__(self):
        return str(self.network or self.municipality or _("Alle Initiativen"))

    def initiatives(self):
        initiatives = (
            Initiative.objects.public().select_related("image").prefetch_related("municipalities")
        )
        if self.network_id:
            initiatives = initiatives.of_network(self.network_id)
        if self.municipality_id:
            initiatives = initiatives.of_municipality(self.municipality_id)
        return initiatives.newest_first()[: self.count]
