"""Validators shared by the apps' models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MARKUP_CHARACTERS = frozenset("<>\"'")


def validate_url_characters(value):
    """Web addresses without markup characters or white space: they appear unescaped in
    calendar files, JSON and GeoJSON, and a real address has them percent-encoded."""
    if any(character in MARKUP_CHARACTERS or character.isspace() for character in value):
        raise ValidationError(
            _(
                "Die Adresse darf keine Leerzeichen und keines der Zeichen < > \" ' enthalten; "
                "in Adressen werden sie kodiert, z. B. %20 für ein Leerzeichen."
            ),
            code="url_characters",
        )
