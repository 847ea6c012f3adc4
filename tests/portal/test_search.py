import time

import pytest
from cms.api import add_plugin, create_page, create_page_content
from cms.models import PageContent
from django.contrib.postgres.search import SearchQuery
from django.contrib.sites.models import Site
from django.db import connection
from djangocms_versioning.models import Version

from events.models import Event
from initiatives.models import Initiative
from networks.models import Network
from portal import search
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

URL = "/suche/"


def hits(response):
    return [hit.title for _label, group in response.context["results"] for hit in group]


def test_inflected_german_word_finds_the_base_form(client):
    NetworkFactory(name="Forum Quartiersarbeit", summary="Für lebendige Innenstadt und Handel.")
    response = client.get(URL, {"q": "Innenstädte"})
    assert response.status_code == 200
    assert "Forum Quartiersarbeit" in hits(response)


def test_title_match_ranks_above_body_match(client):
    network = NetworkFactory()
    InitiativeFactory(
        title="Allgemeines Vorhaben",
        description="Es geht auch um Zwiebelturmgärten.",
        network=network,
    )
    InitiativeFactory(
        title="Zwiebelturmgarten am Fluss", description="Ein Vorhaben.", network=network
    )
    response = client.get(URL, {"q": "Zwiebelturmgarten"})
    initiatives = dict(response.context["results"])["Initiativen"]
    titles = [hit.title for hit in initiatives]
    assert titles == ["Zwiebelturmgarten am Fluss", "Allgemeines Vorhaben"]


def test_matching_passage_is_shown_and_escaped(client):
    InitiativeFactory(
        title="Testprojekt",
        description="<b>fett</b> Vorweg. Die Mobilitätswende beginnt im Quartier. Danach mehr.",
    )
    page = client.get(URL, {"q": "Mobilitätswende"}).content.decode()
    assert "<mark>Mobilitätswende</mark>" in page
    assert "<b>fett</b>" not in page


def test_drafts_never_appear_in_search(client):
    EventFactory(title="Geheime Entwurfssitzung", status=Event.Status.DRAFT)
    EventFactory(title="Öffentliche Entwurfssitzung")
    found = hits(client.get(URL, {"q": "Entwurfssitzung"}))
    assert "Öffentliche Entwurfssitzung" in found
    assert "Geheime Entwurfssitzung" not in found


def test_demo_data_is_searchable(client):
    found = hits(client.get(URL, {"q": "Smart City"}))
    assert any("Smart" in title for title in found)


@pytest.mark.parametrize("query", ['"offen', "a | !b &", "::*", "x" * 201, "' OR 1=1 --"])
def test_odd_input_never_fails(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_too_long_query_explains_the_limit(client):
    page = client.get(URL, {"q": "x" * 201}).content.decode()
    assert "höchstens 200 Zeichen" in page


def test_search_uses_the_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = SearchQuery("Quartier", config="german")
    assert "initiative_search" in Initiative.objects.filter(search_vector=query).explain()


# Compounds and word beginnings


def test_a_word_finds_the_compounds_it_begins(client):
    """„Innenstadt“ findet „Innenstadtwettbewerb“: Wortanfänge werden mitgesucht."""
    InitiativeFactory(title="Kreativer Innenstadtwettbewerb", description="Ein Preis.")
    found = hits(client.get(URL, {"q": "Innenstadt"}))
    assert "Kreativer Innenstadtwettbewerb" in found, "Komposita werden nicht gefunden"


def test_an_inflected_word_finds_the_compounds_of_its_stem(client):
    InitiativeFactory(title="Kreativer Innenstadtwettbewerb", description="Ein Preis.")
    assert "Kreativer Innenstadtwettbewerb" in hits(client.get(URL, {"q": "Innenstädte"}))


def test_demo_compounds_are_found(client):
    found = hits(client.get(URL, {"q": "Innenstadt"}))
    assert any("Innenstadtwettbewerb" in title for title in found), (
        f"Der Innenstadtwettbewerb der Demodaten fehlt: {found}"
    )


def test_whole_words_rank_above_word_beginnings(client):
    network = NetworkFactory()
    InitiativeFactory(title="Aaa Zwiebelmarktplatzfest", description="Feier.", network=network)
    InitiativeFactory(title="Zzz Zwiebelmarkt", description="Markt.", network=network)
    titles = [
        hit.title
        for hit in dict(client.get(URL, {"q": "Zwiebelmarkt"}).context["results"])["Initiativen"]
    ]
    assert titles == ["Zzz Zwiebelmarkt", "Aaa Zwiebelmarktplatzfest"], (
        "Treffer des ganzen Wortes stehen nicht vor Treffern des Wortanfangs"
    )


def test_word_beginnings_are_highlighted(client):
    InitiativeFactory(title="Vorhaben", description="Der Zwiebelmarktplatz wird neu gestaltet.")
    page = client.get(URL, {"q": "Zwiebelmarkt"}).content.decode()
    assert "<mark>Zwiebelmarktplatz</mark>" in page


def test_excluded_words_stay_excluded(client):
    InitiativeFactory(title="Zwiebelmarktplatz Nord", description="Eins.")
    InitiativeFactory(title="Zwiebelmarktplatz Süd", description="Zwei.")
    found = hits(client.get(URL, {"q": "Zwiebelmarkt -Nord"}))
    assert "Zwiebelmarktplatz Süd" in found
    assert "Zwiebelmarktplatz Nord" not in found, "Ein mit „-“ ausgeschlossenes Wort wird gefunden"


@pytest.mark.parametrize(
    "text", ["innen:* | stadt", "a & b", "'\\", "!!!", "(((", "x:*A", "-", "or", "<->"]
)
def test_operators_never_reach_to_tsquery(text, client):
    queries = search.build_queries(text)
    assert str(Network.objects.filter(search_vector=queries.broad).query)
    assert client.get(URL, {"q": text}).status_code == 200


# CMS pages


def publish_page(author, title, text, *, meta_description="", english=None):
    page = create_page(
        title,
        "cms/page.html",
        "de",
        created_by=author,
        meta_description=meta_description,
        site=Site.objects.get_current(),
    )
    languages = [("de", title, text)]
    if english:
        create_page_content("en", english[0], page, created_by=author)
        languages.append(("en", *english))
    for language, _title, body in languages:
        content = PageContent.admin_manager.get(page=page, language=language)
        add_plugin(content.rescan_placeholders()["content"], "TextPlugin", language, body=body)
        Version.objects.get_for_content(content).publish(author)
    return page


def test_the_text_of_published_pages_is_found(client, admin_user):
    publish_page(admin_user, "Hilfe zur Seite", "<p>Hier gilt die Kürbiskernverordnung.</p>")
    response = client.get(URL, {"q": "Kürbiskernverordnung"})
    pages = dict(response.context["results"]).get("Seiten", [])
    assert [hit.title for hit in pages] == ["Hilfe zur Seite"], "CMS-Seitentext wird nicht gefunden"
    assert "<mark>Kürbiskernverordnung</mark>" in response.content.decode()
    assert "&lt;p&gt;" not in response.content.decode()


def test_title_and_meta_description_of_pages_are_found(client, admin_user):
    publish_page(
        admin_user, "Quittenbaumpflege", "<p>Text.</p>", meta_description="Über Mispelhecken."
    )
    assert "Quittenbaumpflege" in hits(client.get(URL, {"q": "Quittenbaum"}))
    assert "Quittenbaumpflege" in hits(client.get(URL, {"q": "Mispelhecke"}))


def test_pages_are_searched_in_the_current_language(client, admin_user):
    publish_page(
        admin_user,
        "Holunderseite",
        "<p>Deutscher Holunderblütentext.</p>",
        english=("Elderberry page", "<p>English elderflower text.</p>"),
    )
    assert "Holunderseite" in hits(client.get(URL, {"q": "Holunderblüte"}))
    english = client.get("/en" + URL, {"q": "elderflower"}, follow=True)
    found = hits(english)
    assert "Elderberry page" in found, "Die englische Seite wird auf Englisch nicht gefunden"
    assert "Holunderseite" not in found


def test_page_drafts_never_appear_in_search(client, admin_user):
    """Eine Seite mit neuerem Entwurf: dessen geheimes Wort wird nicht gefunden, der
    veröffentlichte Text schon."""
    page = publish_page(admin_user, "Satzung", "<p>Veröffentlichter Birnenspaliertext.</p>")
    content = PageContent.admin_manager.get(page=page, language="de")
    draft = Version.objects.get_for_content(content).copy(admin_user)
    draft.content.title = "Satzung Streng-Geheimwort"
    draft.content.save()
    add_plugin(
        draft.content.rescan_placeholders()["content"],
        "TextPlugin",
        "de",
        body="<p>Quarzgeheimnisentwurf</p>",
    )
    assert hits(client.get(URL, {"q": "Quarzgeheimnisentwurf"})) == [], "Entwurf wird gefunden"
    assert hits(client.get(URL, {"q": "Geheimwort"})) == [], "Entwurfstitel wird gefunden"
    assert "Satzung" in hits(client.get(URL, {"q": "Birnenspaliertext"}))


def test_pages_of_the_demo_data_are_found(client):
    found = hits(client.get(URL, {"q": "Impressum"}))
    assert "Impressum" in found, f"Die Seite Impressum fehlt: {found}"


# Did you mean


def test_a_typo_gets_a_suggestion_linking_to_the_corrected_search(client):
    InitiativeFactory(title="Stadtteilbibliothek Nord", description="Bücher.")
    response = client.get(URL, {"q": "Stadteilbiblotek"})
    assert hits(response) == []
    assert response.context["suggestion"] == "Stadtteilbibliothek"
    page = response.content.decode()
    assert "Meinten Sie" in page
    assert 'href="?q=Stadtteilbibliothek"' in page, "Der Vorschlag verlinkt nicht die Suche"
    assert "Stadtteilbibliothek Nord" in hits(client.get(URL, {"q": "Stadtteilbibliothek"}))


def test_only_the_misspelt_word_is_replaced(client):
    InitiativeFactory(title="Stadtteilbibliothek Nord", description="Bücher.")
    response = client.get(URL, {"q": "Nord Stadteilbiblotek"})
    assert response.context["suggestion"] == "Nord Stadtteilbibliothek"


def test_no_suggestion_when_something_is_found(client):
    InitiativeFactory(title="Stadtteilbibliothek Nord", description="Bücher.")
    response = client.get(URL, {"q": "Stadtteilbibliothek"})
    assert "suggestion" not in response.context
    assert "Meinten Sie" not in response.content.decode()


def test_no_suggestion_for_nonsense(client):
    response = client.get(URL, {"q": "qxzvw"})
    assert "suggestion" not in response.context


def test_suggestions_never_reveal_drafts(client):
    EventFactory(title="Geheimratsbesprechung", status=Event.Status.DRAFT)
    response = client.get(URL, {"q": "Geheimratsbesprechnug"})
    assert "suggestion" not in response.context, "Ein Entwurfstitel wird vorgeschlagen"


def test_the_suggestion_uses_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Initiative.objects.filter(title__trigram_word_similar="Stadteil").explain()
    assert "initiatives_initiative_title_trgm" in plan


def test_a_search_without_hits_takes_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    client.get(URL, {"q": "warm"})
    with django_assert_max_num_queries(40):
        client.get(URL, {"q": "Eins Zwei Drei Vier Fünf Sechs Sieben Acht Neun Zehn Elf"})


def test_suggestion_is_quick(client):
    InitiativeFactory(title="Stadtteilbibliothek Nord", description="Bücher.")
    started = time.perf_counter()
    search.suggestion(text="Stadteilbiblotek")
    assert time.perf_counter() - started < 0.5
