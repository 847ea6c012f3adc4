"""The English interface: what a visitor of /en/ sees, and a complete translation catalogue."""

import ast
import gettext
import re
from html import escape

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CATALOGUE = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def parse_po(path):
    """The entries of a .po file as dicts: msgid, msgid_plural, msgstr (a list) and flags."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"flags": set(), "msgstr": {}}
        key = None
        for line in block.strip().splitlines():
            if line.startswith("#~"):  # obsolete entry: not part of the catalogue
                key = None
                continue
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
                continue
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                text = ast.literal_eval(line)
            else:
                key, _sep, rest = line.partition(" ")
                text = ast.literal_eval(rest)
            if key.startswith("msgstr"):
                index = int(key[7:-1]) if key.startswith("msgstr[") else 0
                entry["msgstr"][index] = entry["msgstr"].get(index, "") + text
            else:
                entry[key] = entry.get(key, "") + text
        if "msgid" in entry:
            entry["msgstr"] = [entry["msgstr"][i] for i in sorted(entry["msgstr"])]
            entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def entries():
    return parse_po(CATALOGUE / "django.po")


def test_english_page_has_english_language_and_interface(client):
    response = client.get("/en/netzwerke/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<h1>Networks</h1>" in html
    assert "<title>Networks – Networks of towns and municipalities in Brandenburg</title>" in html
    assert "Skip to content" in html
    assert "Filter and sort" in html
    assert "Legal notice" in html
    assert "Accessibility statement" in html
    assert "Filtern und sortieren" not in html
    assert "Zum Inhalt springen" not in html


def test_german_page_has_german_language_and_interface(client):
    response = client.get("/netzwerke/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "<h1>Netzwerke</h1>" in html
    assert "Filtern und sortieren" in html
    assert "Impressum" in html
    assert "Filter and sort" not in html


def test_english_page_marks_german_content_as_german(client):
    response = client.get("/en/netzwerke/")
    networks = list(response.context["object_list"])
    assert networks, "the demo data should list networks"
    html = response.content.decode()
    for network in networks:
        link = f'<a href="{network.get_absolute_url()}">{escape(network.display_name)}</a>'
        assert f'<h2 lang="de">{link}</h2>' in html


def test_every_message_is_translated_and_none_is_fuzzy(entries):
    messages = [entry for entry in entries if entry["msgid"]]
    assert len(messages) > 200
    assert [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]] == []
    untranslated = [
        entry["msgid"]
        for entry in messages
        if not entry["msgstr"] or any(not text.strip() for text in entry["msgstr"])
    ]
    assert untranslated == []
    plurals = [entry for entry in messages if "msgid_plural" in entry]
    assert plurals
    assert all(len(entry["msgstr"]) == 2 for entry in plurals)


def test_translations_keep_placeholders_and_markup(entries):
    for entry in entries:
        if not entry["msgid"]:
            continue
        # The singular form is compared with msgid, every plural form with msgid_plural.
        sources = [entry["msgid"]] + [entry.get("msgid_plural", entry["msgid"])] * 9
        for text, source in zip(entry["msgstr"], sources, strict=False):
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source))
            assert re.findall(r"<[^>]+>", text) == re.findall(r"<[^>]+>", source)


def test_compiled_catalogue_matches_the_po_file(entries):
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in entries:
        if not entry["msgid"]:
            continue
        if "msgid_plural" in entry:
            singular, plural = entry["msgstr"]
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 1) == singular
            assert compiled.ngettext(entry["msgid"], entry["msgid_plural"], 2) == plural
        else:
            assert compiled.gettext(entry["msgid"]) == entry["msgstr"][0]
