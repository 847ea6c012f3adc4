"""The base every app of the portal builds on: abstract pieces of its records, and who
answers for what (Responsibility). Nothing here imports an app; relations to the apps' models
are named by label."""

from cms.models.fields import PlaceholderRelationField
from cms.utils.placeholder import get_placeholder_from_slot
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal import permissions


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


class PublicQuerySet(models.QuerySet):
    """Every queryset of a public record answers public(): what the public may see. Records
    without drafts are all public; models with a workflow narrow it."""

    # What no list shows: long texts, notes, the search vector.
    UNLISTED = ("search_vector", "description", "text", "sources", "editorial_note")

    def public(self):
        return self.all()

    def for_listing(self):
        """Without the fields no list shows: a page of twenty rows loads twenty short rows."""
        names = {field.name for field in self.model._meta.concrete_fields}
        return self.defer(*[name for name in self.UNLISTED if name in names])


class ReviewedQuerySet(PublicQuerySet):
    """The querysets of records under the review workflow (portal.workflow): the model's
    queryset says in public() what the public sees; these follow from it."""

    def with_visibility(self):
        """Annotated with `is_public`: whether the public sees the record now."""
        public = self.model.objects.public().filter(pk=models.OuterRef("pk"))
        return self.annotate(is_public=models.Exists(public))

    def not_public(self):
        return self.exclude(pk__in=self.model.objects.public().values("pk"))

    def scheduled(self):
        """Published, but not yet due: they appear on their own later."""
        return self.filter(status__in=self.model.PUBLIC_STATUSES).not_public()

    def submitted(self):
        """The review queue."""
        return self.filter(status=self.model.Status.SUBMITTED)


class EditorialContent(models.Model):
    """A public record with a placeholder where editors add free content to its page."""

    placeholders = PlaceholderRelationField()

    class Meta:
        abstract = True

    @cached_property
    def content_placeholder(self):
        return get_placeholder_from_slot(self.placeholders, "content")

    def get_placeholder_slots(self):
        """django-cms' edit and structure modes ask which placeholders the page has."""
        return ["content"]

    def has_placeholder_change_permission(self, user):
        """django-cms asks this before anyone edits the record's page content: only those
        who may change the record itself."""
        return permissions.can_change(user, self)

    def has_placeholder_view_permission(self, user):
        """... and before it shows the page content in its edit, preview and structure views,
        drafts included: the same people."""
        return permissions.can_change(user, self)


class SourcedModel(models.Model):
    """A record whose facts name where they come from, and what the sources leave open in an
    internal note that never appears on a public page; with the times it was created and last
    changed (empty where nothing recorded them)."""

    sources = models.TextField(
        _("Quellen"), blank=True, help_text=_("Eine Quelle (Adresse oder Angabe) pro Zeile.")
    )
    created = models.DateTimeField(_("Angelegt"), auto_now_add=True, null=True, editable=False)
    modified = models.DateTimeField(_("Geändert"), auto_now=True, null=True, editable=False)
    editorial_note = models.TextField(
        _("Interne Notiz der Redaktion"),
        blank=True,
        help_text=_(
            "Nur in der Verwaltung sichtbar, nie im Portal: was die Quellen offenlassen, was "
            "noch zu prüfen ist."
        ),
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


class Responsibility(models.Model):
    """The municipalities and networks a person on the editorial staff answers for. Which of
    them count depends on the person's role (group): a city editor's municipalities, a network
    office's networks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="responsibility",
    )
    municipalities = models.ManyToManyField(
        "networks.Municipality",
        verbose_name=_("Kommunen"),
        blank=True,
        related_name="+",
        help_text=_(
            "Für die Rolle „Redaktion Kommune“: Einträge dieser Kommunen darf die Person "
            "bearbeiten."
        ),
    )
    networks = models.ManyToManyField(
        "networks.Network",
        verbose_name=_("Netzwerke"),
        blank=True,
        related_name="+",
        help_text=_(
            "Für die Rolle „Geschäftsstelle“: diese Netzwerke betreut die Person, "
            "einschließlich der Veröffentlichung ihrer Veranstaltungen."
        ),
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("Zuständigkeit")
        verbose_name_plural = _("Zuständigkeiten")

    def __str__(self):
        return str(self.user)
