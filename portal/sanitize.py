"""Nothing that could run in a visitor's browser is stored.

The portal's long texts (descriptions, summaries, notes, sources, ...) are plain text: the
templates escape them and turn line breaks into paragraphs. So the allow-list for them is
empty: every tag goes, the text between tags stays, and the contents of <script> and <style>
go too. The admin's forms apply it to every free-text field before the model sees the value.
Rich text exists only in the CMS's text plugin; djangocms-text cleans it with nh3 on save,
configured explicitly in settings (TEXT_HTML_SANITIZE and friends), without `style`
attributes (keep_no_style_in_rich_text).
"""

import html

import nh3
from django import forms
from djangocms_text.fields import HTMLFormField
from djangocms_text.html import cms_parser

PLAIN_TEXT_TAGS = frozenset()
PLAIN_TEXT_ATTRIBUTES = {}
PLAIN_TEXT_URL_SCHEMES = frozenset()
DROPPED_WITH_CONTENT = frozenset({"script", "style"})

_MAX_ROUNDS = 5


def clean_plain_text(value):
    """The text without any markup.

    nh3 returns HTML, so its output is unescaped again to store plain text ("a < b" stays
    "a < b"). Unescaping could turn escaped markup ("&lt;script&gt;") into markup, so the
    two steps repeat until the value no longer changes.
    """
    for _round in range(_MAX_ROUNDS):
        cleaned = html.unescape(
            nh3.clean(
                value,
                tags=set(PLAIN_TEXT_TAGS),
                clean_content_tags=set(DROPPED_WITH_CONTENT),
                attributes=dict(PLAIN_TEXT_ATTRIBUTES),
                url_schemes=set(PLAIN_TEXT_URL_SCHEMES),
                strip_comments=True,
            )
        )
        if cleaned == value:
            return cleaned
        value = cleaned
    # Markup nested deeper than anyone types by hand: keep no angle brackets at all.
    return value.replace("<", "").replace(">", "")


def is_free_text(field):
    """Form fields whose value is typed text (not a choice, address, slug or HTML)."""
    return isinstance(field, forms.CharField) and not isinstance(
        field, forms.URLField | forms.EmailField | forms.SlugField | HTMLFormField
    )


class SanitizingFormMixin:
    """Cleans every free-text field of a form before the model sees the value."""

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            value = cleaned_data.get(name)
            if isinstance(value, str) and is_free_text(field):
                cleaned_data[name] = clean_plain_text(value)
        return cleaned_data


def keep_no_style_in_rich_text():
    """djangocms-text allows `style` on every tag; the portal allows none (AppConfig.ready).

    With CSS an editor could lay a text over the whole page or hide the navigation, and the
    visitors' Content-Security-Policy (no 'unsafe-inline' styles) would block the attribute
    anyway. Alignment and emphasis are tags and classes."""
    for attributes in cms_parser.ALLOWED_ATTRIBUTES.values():
        attributes.discard("style")
