import re

from django import forms

from portal.widgets import QuickSelect


def attributes_and_options(html):
    """The select's attributes as a set, and its options in order."""
    select_tag = re.match(r"<select([^>]*)>", html).group(1)
    return set(re.findall(r'(\S+?="[^"]*")', select_tag)), re.findall(
        r"<option[^>]*>.*?</option>", html
    )


def test_quick_select_renders_what_djangos_select_renders():
    choices = [("", "Alle"), ("a", "Städte & <Gemeinden>"), ("b", 'Zitat "x"')]
    attrs = {"id": "id_art", "aria-invalid": "true"}
    django_html = forms.Select(choices=choices).render("art", "b", attrs)
    quick_html = QuickSelect(choices=choices).render("art", "b", attrs)
    assert attributes_and_options(quick_html) == attributes_and_options(django_html)
    assert '<option value="b" selected>Zitat &quot;x&quot;</option>' in quick_html
    assert "&lt;Gemeinden&gt;" in quick_html
