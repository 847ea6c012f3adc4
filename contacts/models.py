from cms.models import CMSPlugin
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.models import Municipality, Network
from portal.models import (
    EditorialContent,
    PublicQuerySet,
    SourcedModel,
    search_index,
    search_vector_field,
)
from portal.validators import validate_url_characters

POSTAL_CODE_VALIDATOR = RegexValidator(
    r"^[0-9]{5}$", _("Eine deutsche Postleitzahl besteht aus fünf Ziffern.")
)


class PostalAddress(models.Model):
    care_of = models.CharField(_("c/o"), max_length=255, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postal_code = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[POSTAL_CODE_VALIDATOR]
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)

    class Meta:
        abstract = True

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return [
            line for line in (self.care_of and f"c/o {self.care_of}", self.street, locality) if line
        ]


class Organisation(EditorialContent, PostalAddress, SourcedModel):
    class Kind(models.TextChoices):
        MINISTRY = "ministerium", _("Ministerium oder Behörde")
        CHAMBER = "kammer", _("Kammer")
        ASSOCIATION = "verband", _("Verband oder Verein")
        OFFICE = "geschaeftsstelle", _("Geschäftsstelle")
        COMPANY = "unternehmen", _("Unternehmen")
        SCIENCE = "wissenschaft", _("Hochschule oder Forschung")
        ADMINISTRATION = "verwaltung", _("Kommunalverwaltung")

    name = models.CharField(_("Name"), max_length=255)
    short_name = models.CharField(_("Kurzname"), max_length=80, blank=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Angesiedelt bei"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True, validators=[validate_url_characters])

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contacts:organisation", kwargs={"slug": self.slug})


class PartnershipQuerySet(PublicQuerySet):
    def of_network(self, network):
        return self.filter(network=network).select_related("organisation")


class Partnership(SourcedModel):
    """The role an organisation plays in a network."""

    class Role(models.TextChoices):
        FOUNDING_PARTNER = "founding_partner", _("Gründungspartner")
        FUNDER = "funder", _("Fördergeber")
        OFFICE = "office", _("Geschäftsstelle")
        ORGANISER = "organiser", _("Veranstalter")
        JURY = "jury", _("Jury")
        INITIATOR = "initiator", _("Initiator")
        PATRON = "patron", _("Schirmherrschaft")
        PARTNER = "partner", _("Kooperationspartner")

    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, db_index=True)
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["network", "role", "organisation__name"]
        verbose_name = _("Rolle einer Organisation")
        verbose_name_plural = _("Rollen von Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation", "role"],
                name="partnership_unique_role",
                violation_error_message=_(
                    "Diese Rolle ist für die Organisation schon eingetragen."
                ),
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.network} ({self.get_role_display()})"


class ContactQuerySet(PublicQuerySet):
    def public(self):
        return self.filter(is_public=True)

    def for_network(self, network):
        return self.filter(networks=network)

    def for_municipality(self, municipality):
        return self.filter(municipalities=municipality)


class Contact(EditorialContent, PostalAddress, SourcedModel):
    """A person or a function to ask, with how to reach them."""

    name = models.CharField(
        _("Name"), max_length=200, blank=True, help_text=_("Leer lassen für eine Funktionsadresse.")
    )
    function = models.CharField(
        _("Funktion"), max_length=200, blank=True, help_text=_("Etwa „Bürgermeister“.")
    )
    role = models.CharField(
        _("Rolle"), max_length=200, blank=True, help_text=_("Etwa „Träger/Ansprechpartner“.")
    )
    slug = models.SlugField(_("Kurzadresse"), max_length=200, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contacts",
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    fax = models.CharField(_("Fax"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True, validators=[validate_url_characters])
    networks = models.ManyToManyField(
        Network, verbose_name=_("Zuständig für Netzwerke"), blank=True, related_name="contacts"
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("Zuständig für Kommunen"),
        blank=True,
        related_name="contacts",
    )
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("Öffentlich"), default=True, help_text=_("Nur öffentliche Kontakte erscheinen im Portal.")
    )

    search_vector = search_vector_field(["name", "function"], ["role", "note", "city"])

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "function"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        indexes = [search_index("contact_search")]

    def __str__(self):
        return self.name or self.function or self.role or self.slug

    def get_absolute_url(self):
        return reverse("contacts:detail", kwargs={"slug": self.slug})


class ContactCardPluginModel(CMSPlugin):
    # A contact shown on a page is not deleted from under it: the deletion names the page.
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("Ansprechperson"),
        on_delete=models.PROTECT,
        limit_choices_to={"is_public": True},
    )

    def __str__(self):
        return str(self.contact)
