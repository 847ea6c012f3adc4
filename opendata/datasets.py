"""The open datasets: which rows each holds and, in one place, its columns. The CSV, JSON and
GeoJSON files, the documentation page and the DCAT catalogue are all made from these."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilter, event_list
from initiatives.filters import InitiativeFilter, initiative_list
from networks.filters import (
    MembershipFilter,
    MunicipalityFilter,
    membership_list,
    municipality_list,
)
from portal.listing import filtered_rows
from portal.structured_data import event_time

LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"
# The same licence as DCAT-AP.de names it.
LICENCE_URI = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"


class Column(NamedTuple):
    name: str
    description: str
    get: Callable[[Any], Any]
    # The getter gives a path in the portal; the files carry it as an absolute address.
    link: bool = False


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    # Longitude-latitude pairs of the places a row belongs to, for GeoJSON.
    locations: Callable[[Any], list[tuple[float, float]]]
    # The selector of the rows, the same as the list page's: (query data, request) ->
    # FilterSet; and that FilterSet's class, whose filters the documentation names.
    selector: Callable
    filterset: type
    # A theme of the EU's data-theme vocabulary, for the catalogue.
    theme: str = "GOVE"
    keywords: tuple[str, ...] = ()
    # The query string of the catalogue's downloads, when the list's default is narrower.
    full_query: str = ""

    def rows(self, request):
        """The rows for the filters in the request's query string (portal.listing.InvalidFilter
        if one is invalid)."""
        return filtered_rows(self.selector(request.GET or None, request=request))

    def filters(self):
        """The query-string parameters the rows follow, as (name, label)."""
        return [(name, f.label) for name, f in self.filterset.base_filters.items()]

    def values(self, row, request):
        """The row as (column, value) pairs; links absolute, everything else as the getter says."""
        for column in self.columns:
            value = column.get(row)
            if column.link and value:
                value = request.build_absolute_uri(value)
            yield column, value


def _point(municipality):
    if municipality is None or municipality.latitude is None or municipality.longitude is None:
        return []
    return [(float(municipality.longitude), float(municipality.latitude))]


def _joined(values):
    return "; ".join(value for value in values if value)


def _number(value):
    return float(value) if value is not None else None


MUNICIPALITIES = Dataset(
    name="kommunen",
    title=_("Städte und Gemeinden"),
    description=_(
        "Die Städte und Gemeinden in Brandenburg (und Berlin), die in mindestens einem der "
        "Netzwerke, Programme oder Wettbewerbe des Portals vorkommen: Gemeindeschlüssel, "
        "Landkreis, Einwohnerzahl, Fläche und Lage."
    ),
    selector=municipality_list,
    filterset=MunicipalityFilter,
    theme="REGI",
    keywords=("Kommunen", "Gemeinden", "Städte", "Brandenburg", "Gemeindeschlüssel"),
    locations=_point,
    columns=(
        Column("ags", _("Amtlicher Gemeindeschlüssel (acht Ziffern)"), lambda m: m.ags),
        Column("name", _("Gebräuchlicher Name"), lambda m: m.name),
        Column(
            "amtlicher_name",
            _("Amtlicher Name laut Gemeindeverzeichnis"),
            lambda m: m.official_name,
        ),
        Column("art", _("Art der Kommune"), lambda m: str(m.get_kind_display())),
        Column(
            "landkreis",
            _("Landkreis; „kreisfrei“ bei kreisfreien Städten"),
            lambda m: m.district,
        ),
        Column("einwohner", _("Einwohnerzahl"), lambda m: m.population),
        Column(
            "einwohner_stichtag",
            _("Stichtag der Einwohnerzahl (JJJJ-MM-TT)"),
            lambda m: m.population_date,
        ),
        Column("flaeche_km2", _("Fläche in Quadratkilometern"), lambda m: _number(m.area_km2)),
        Column(
            "breitengrad",
            _("Breitengrad der Ortsmitte (WGS 84, Dezimalgrad)"),
            lambda m: _number(m.latitude),
        ),
        Column(
            "laengengrad",
            _("Längengrad der Ortsmitte (WGS 84, Dezimalgrad)"),
            lambda m: _number(m.longitude),
        ),
        Column(
            "anzahl_netzwerke",
            _("Zahl der Netzwerke, in denen die Kommune eingetragen ist"),
            lambda m: m.network_count,
        ),
        Column("website", _("Website der Kommune"), lambda m: m.website),
        Column(
            "kennung",
            _("Kennung im Portal; Wert für den Filter „municipality“ der anderen Datensätze"),
            lambda m: m.slug,
        ),
        Column(
            "portal_url",
            _("Seite der Kommune im Portal"),
            lambda m: m.get_absolute_url(),
            link=True,
        ),
    ),
)

MEMBERSHIPS = Dataset(
    name="mitgliedschaften",
    title=_("Mitgliedschaften der Kommunen in Netzwerken"),
    description=_(
        "Welche Stadt oder Gemeinde in welchem Netzwerk mit welcher Rolle mitwirkt: Mitglied, "
        "Gründungsmitglied, Vorsitz, Programmkommune, Modellstadt, Preisträgerin."
    ),
    selector=membership_list,
    filterset=MembershipFilter,
    theme="GOVE",
    keywords=("Netzwerke", "Mitgliedschaften", "Kommunen", "Brandenburg"),
    locations=lambda membership: _point(membership.municipality),
    columns=(
        Column("netzwerk", _("Kennung des Netzwerks"), lambda m: m.network.slug),
        Column("netzwerk_name", _("Name des Netzwerks"), lambda m: m.network.name),
        Column(
            "kommune_ags",
            _("Amtlicher Gemeindeschlüssel der Kommune"),
            lambda m: m.municipality.ags,
        ),
        Column("kommune", _("Name der Kommune"), lambda m: m.municipality.name),
        Column("rolle", _("Rolle der Kommune im Netzwerk"), lambda m: str(m.get_role_display())),
        Column("seit", _("Mitglied seit (JJJJ-MM-TT), wenn bekannt"), lambda m: m.joined),
        Column("bis", _("Mitglied bis (JJJJ-MM-TT), wenn beendet"), lambda m: m.left),
        Column("hinweis", _("Hinweis zur Mitgliedschaft"), lambda m: m.note),
        Column(
            "quellen",
            _("Quellen der Angabe, durch Semikolon getrennt"),
            lambda m: _joined(m.source_list),
        ),
    ),
)

INITIATIVES = Dataset(
    name="initiativen",
    title=_("Initiativen und Modellprojekte"),
    description=_(
        "Modellprojekte, Modellvorhaben, Wettbewerbsbeiträge und Studien der Netzwerke und "
        "Programme, mit beteiligten Kommunen, Laufzeit und Förderbetrag."
    ),
    selector=initiative_list,
    filterset=InitiativeFilter,
    theme="GOVE",
    keywords=("Modellprojekte", "Initiativen", "Förderung", "Stadtentwicklung", "Brandenburg"),
    locations=lambda initiative: [
        point for m in initiative.municipalities.all() for point in _point(m)
    ],
    columns=(
        Column("kennung", _("Kennung im Portal"), lambda i: i.slug),
        Column("titel", _("Titel"), lambda i: i.title),
        Column("art", _("Art der Initiative"), lambda i: str(i.get_kind_display())),
        Column(
            "status",
            _("Stand: geplant, laufend oder abgeschlossen"),
            lambda i: str(i.get_status_display()) if i.status else "",
        ),
        Column("netzwerk", _("Kennung des Netzwerks oder Programms"), lambda i: i.network.slug),
        Column("netzwerk_name", _("Name des Netzwerks oder Programms"), lambda i: i.network.name),
        Column(
            "kommunen_ags",
            _("Gemeindeschlüssel der beteiligten Kommunen, durch Semikolon getrennt"),
            lambda i: _joined(m.ags for m in i.municipalities.all()),
        ),
        Column(
            "kommunen",
            _("Namen der beteiligten Kommunen, durch Semikolon getrennt"),
            lambda i: _joined(m.name for m in i.municipalities.all()),
        ),
        Column("runde", _("Runde oder Staffel"), lambda i: i.round),
        Column("beginn_jahr", _("Jahr des Beginns"), lambda i: i.start_year),
        Column("ende_jahr", _("Jahr des Endes"), lambda i: i.end_year),
        Column("betrag_eur", _("Betrag in Euro"), lambda i: _number(i.funding_amount)),
        Column(
            "betrag_bedeutung",
            _("Was der Betrag bedeutet, etwa Bundesförderung oder Preisgeld"),
            lambda i: i.funding_note,
        ),
        Column("preis", _("Preis oder Auszeichnung"), lambda i: i.prize),
        Column("preiskategorie", _("Kategorie des Preises"), lambda i: i.prize_category),
        Column("kurzbeschreibung", _("Kurzbeschreibung"), lambda i: i.summary),
        Column("website", _("Website der Initiative"), lambda i: i.website),
        Column(
            "portal_url",
            _("Seite der Initiative im Portal"),
            lambda i: i.get_absolute_url(),
            link=True,
        ),
    ),
)

EVENTS = Dataset(
    name="veranstaltungen",
    title=_("Veranstaltungen"),
    description=_(
        "Veröffentlichte Veranstaltungen der Netzwerke: Sitzungen, Fachveranstaltungen, "
        "Werkstätten, Preisverleihungen und Jubiläen, auch abgesagte. Ohne den Filter „when“ "
        "nur kommende Veranstaltungen, wie in der Liste; „when=all“ gibt alle."
    ),
    selector=event_list,
    filterset=EventFilter,
    theme="GOVE",
    keywords=("Veranstaltungen", "Termine", "Netzwerke", "Kommunen", "Brandenburg"),
    full_query="when=all",
    locations=lambda event: _point(event.host_municipality),
    columns=(
        Column("kennung", _("Kennung im Portal"), lambda e: e.slug),
        Column("titel", _("Titel"), lambda e: e.title),
        Column("art", _("Art der Veranstaltung"), lambda e: str(e.get_kind_display())),
        Column(
            "status",
            _("„Veröffentlicht“ oder „Abgesagt“"),
            lambda e: str(e.get_status_display()),
        ),
        Column(
            "beginn",
            _(
                "Beginn: Datum und Uhrzeit mit Zeitzonenabstand (ISO 8601), bei ganztägigen "
                "Veranstaltungen nur das Datum"
            ),
            lambda e: event_time(e.start, all_day=e.all_day),
        ),
        Column(
            "ende",
            _("Ende, wenn bekannt, in derselben Form wie der Beginn"),
            lambda e: event_time(e.end, all_day=e.all_day),
        ),
        Column("ganztaegig", _("true bei ganztägigen Veranstaltungen"), lambda e: e.all_day),
        Column(
            "netzwerke",
            _("Kennungen der Netzwerke, durch Semikolon getrennt"),
            lambda e: _joined(n.slug for n in e.networks.all()),
        ),
        Column(
            "kommune_ags",
            _("Gemeindeschlüssel der gastgebenden Kommune"),
            lambda e: e.host_municipality.ags if e.host_municipality else "",
        ),
        Column(
            "kommune",
            _("Name der gastgebenden Kommune"),
            lambda e: e.host_municipality.name if e.host_municipality else "",
        ),
        Column("ort", _("Veranstaltungsort"), lambda e: e.venue),
        Column("adresse", _("Adresse"), lambda e: e.address),
        Column("online_zugang", _("Adresse des Online-Zugangs"), lambda e: e.online_url),
        Column("anmeldung", _("Adresse der Anmeldung"), lambda e: e.registration_url),
        Column("kurzbeschreibung", _("Kurzbeschreibung"), lambda e: e.summary),
        Column(
            "portal_url",
            _("Seite der Veranstaltung im Portal"),
            lambda e: e.get_absolute_url(),
            link=True,
        ),
        Column(
            "ical_url",
            _("Die Veranstaltung als iCalendar-Datei"),
            lambda e: reverse("events:event-calendar", kwargs={"slug": e.slug}),
            link=True,
        ),
    ),
)

DATASETS = {dataset.name: dataset for dataset in (MUNICIPALITIES, MEMBERSHIPS, INITIATIVES, EVENTS)}
