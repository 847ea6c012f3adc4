"""News from the networks and their cities (Aktuelles)."""

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from djangocms_text.fields import HTMLField

from media.models import Attachment, Illustrated
from networks.models import Municipality, Network, Topic, TopicQuerySet
from portal.models import (
    EditorialContent,
    ReviewedQuerySet,
    SourcedModel,
    search_index,
    search_vector_field,
)


class NewsQuerySet(ReviewedQuerySet, TopicQuerySet):
    def public(self, now=None):
        """The one rule for what the public sees: published items whose date has come. Like
        events, "has come" is decided by the database clock unless `now` is given."""
        due = now if now is not None else Now()
        return self.filter(status__in=NewsItem.PUBLIC_STATUSES, published__lte=due)

    def newest_first(self):
        return self.order_by(*self.model._meta.ordering)

    def in_network(self, network):
        return self.filter(networks=network)

    def about(self, municipality):
        return self.filter(municipalities=municipality)

    def in_year(self, year):
        return self.filter(published__year=year)

    def years(self):
        """The years with items, newest first."""
        dates = self.order_by().dates("published", "year", order="DESC")
        return [day.year for day in dates]


class NewsItem(EditorialContent, Illustrated, SourcedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        SUBMITTED = "submitted", _("Zur Prüfung eingereicht")
        PUBLISHED = "published", _("Veröffentlicht")
        WITHDRAWN = "withdrawn", _("Zurückgezogen")

    # Statuses under which an item is public (once due); only a publisher sets them.
    PUBLIC_STATUSES = frozenset({Status.PUBLISHED})

    title = models.CharField(_("Titel"), max_length=255)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    teaser = models.TextField(
        _("Vorspann"), help_text=_("Ein, zwei Sätze: worum es geht. Erscheint in Listen.")
    )
    text = HTMLField(_("Text"), blank=True)
    networks = models.ManyToManyField(
        Network, verbose_name=_("Netzwerke"), blank=True, related_name="news"
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("Städte und Gemeinden"), blank=True, related_name="news"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themenschwerpunkte"), blank=True, related_name="news"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published = models.DateTimeField(
        _("Veröffentlicht am"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Das Datum der Meldung. Leer: beim Veröffentlichen jetzt. Liegt es in der Zukunft, "
            "erscheint die Meldung erst dann."
        ),
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
    search_vector = search_vector_field(["title"], ["teaser", "text"])

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        permissions = [("publish_newsitem", _("Darf Meldungen veröffentlichen"))]
        indexes = [search_index("news_search")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published__isnull=False),
                name="news_published_has_date",
                violation_error_message=_("Eine veröffentlichte Meldung braucht ein Datum."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if self.status in self.PUBLIC_STATUSES and self.published is None:
            self.published = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published"}
        super().save(*args, **kwargs)

    def is_visible(self):
        """Whether the public sees the item now."""
        return NewsItem.objects.public().filter(pk=self.pk).exists()


class NewsAttachment(Attachment):
    item = models.ForeignKey(
        NewsItem, verbose_name=_("Meldung"), on_delete=models.CASCADE, related_name="attachments"
    )


class LatestNewsPluginModel(CMSPlugin):
    # Records shown on a page are not deleted from under it: the deletion names the page.
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), null=True, blank=True, on_delete=models.PROTECT
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Stadt oder Gemeinde"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    count = models.PositiveSmallIntegerField(
        _("Anzahl"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    def __str__(self):
        return str(self.network or self.municipality or _("Alle Meldungen"))

    def items(self):
        items = NewsItem.objects.public().select_related("image").prefetch_related("networks")
        if self.network_id:
            items = items.in_network(self.network_id)
        if self.municipality_id:
            items = items.about(self.municipality_id)
        return items.newest_first()[: self.count]
