"""The open datasets: which rows each holds and, in one place, its columns. The CSV, JSON and
GeoJSON files, the documentation page, the data package and the DCAT catalogue are all made
from these.

Every cell holds one value of one type. What a row has several of (the municipalities of an
initiative, the networks of an event, the sources of a membership) is a dataset of its own, one
row per pair, linked by the keys the data package declares: a list in a cell would be a string
to every typed reader, and a separator inside a value would break it."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db.models import Max, Min
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.filters import EventFilter, event_list
from initiatives.filters import InitiativeFilter, initiative_list
from networks.filters import (
    MembershipFilter,
    MunicipalityFilter,
    membership_list,
    municipality_list,
)
from portal.dates import BERLIN
from portal.listing import filtered_rows

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
    # The Table Schema type of the values (string, integer, number, year, date, datetime,
    # boolean), and for strings their format ("uri") or a pattern they all match.
    type: str = "string"
    format: str = "default"
    pattern: str = ""


class ForeignKey(NamedTuple):
    """Columns whose values are the key of a row in another dataset."""

    columns: tuple[str, ...]
    dataset: str
    key: tuple[str, ...]


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
    # The columns that identify a row, and those that point to rows of other datasets.
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    # For a dataset of pairs: the rows of the file for one row of the selector.
    expand: Callable[[Any], Iterable] | None = None

    def rows(self, request):
        """The rows for the filters in the request's query string (portal.listing.InvalidFilter
        if one is invalid)."""
        return filtered_rows(self.selector(request.GET or None, request=request))

    def each(self, rows):
        """The rows of the file one by one; a queryset is read in batches from a server-side
        cursor, so a download of a hundred thousand rows needs the memory of a thousand."""
        rows = rows.iterator(chunk_size=1000) if hasattr(rows, "iterator") else rows
        for row in rows:
            if self.expand is None:
                yield row
            else:
                yield from self.expand(row)

    def times(self):
        """When the first of the public records was created and when one last changed (None
        where nothing recorded it), for the catalogue."""
        records = self.selector(None).qs.order_by()
        return records.aggregate(issued=Min("created"), modified=Max("modified"))

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


def _number(value):
    return float(value) if value is not None else None


def _local(value):
    return timezone.localtime(value, BERLIN) if value is not None else None


def _time(value, all_day):
    """A timed event's moment with the offset of Berlin; nothing for an all-day event, whose
    time is not known or not meant."""
    return None if all_day or value is None else _local(value).isoformat()


def _day(value):
    return _local(value).date() if value is not None else None


def _all_events(data=None, *, request=None):
    """The event list's selector, without a time span all published events: a download is for
    keeping, where the list's default, the upcoming ones, would leave out the record."""
    data = data.copy() if data is not None else QueryDict(mutable=True)
    if not data.get("when"):
        data["when"] = "all"
    return event_list(data, request=request)


def _membership_key(membership):
    # The fields of the membership's unique constraint, which a single column can carry.
    parts = [membership.network.slug, membership.municipality.ags, membership.role]
    if membership.joined:
        parts.append(membership.joined.isoformat())
    return ":".join(parts)


AGS_PATTERN = "[0-9]{8}"


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
    primary_key=("ags",),
    columns=(
        Column(
            "ags",
            _("Amtlicher Gemeindeschlüssel (acht Ziffern)"),
            lambda m: m.ags,
            pattern=AGS_PATTERN,
        ),
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
        Column("einwohner", _("Einwohnerzahl"), lambda m: m.population, type="integer"),
        Column(
            "einwohner_stichtag",
            _("Stichtag der Einwohnerzahl (JJJJ-MM-TT)"),
            lambda m: m.population_date,
            type="date",
        ),
        Column(
            "flaeche_km2",
            _("Fläche in Quadratkilometern"),
            lambda m: _number(m.area_km2),
            type="number",
        ),
        Column(
            "breitengrad",
            _("Breitengrad der Ortsmitte (WGS 84, Dezimalgrad)"),
            lambda m: _number(m.latitude),
            type="number",
        ),
        Column(
            "laengengrad",
            _("Längengrad der Ortsmitte (WGS 84, Dezimalgrad)"),
            lambda m: _number(m.longitude),
            type="number",
        ),
        Column(
            "anzahl_netzwerke",
            _("Zahl der Netzwerke, in denen die Kommune eingetragen ist"),
            lambda m: m.network_count,
            type="integer",
        ),
        Column("website", _("Website der Kommune"), lambda m: m.website, format="uri"),
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
    primary_key=("kennung",),
    foreign_keys=(ForeignKey(("kommune_ags",), "kommunen", ("ags",)),),
    columns=(
        Column(
            "kennung",
            _(
                "Kennung der Mitgliedschaft: Netzwerk, Gemeindeschlüssel, Rolle und, wenn "
                "bekannt, Beginn, durch Doppelpunkt verbunden"
            ),
            _membership_key,
        ),
        Column("netzwerk", _("Kennung des Netzwerks"), lambda m: m.network.slug),
        Column("netzwerk_name", _("Name des Netzwerks"), lambda m: m.network.name),
        Column(
            "kommune_ags",
            _("Amtlicher Gemeindeschlüssel der Kommune"),
            lambda m: m.municipality.ags,
            pattern=AGS_PATTERN,
        ),
        Column("kommune", _("Name der Kommune"), lambda m: m.municipality.name),
        Column("rolle", _("Rolle der Kommune im Netzwerk"), lambda m: str(m.get_role_display())),
        Column(
            "seit",
            _("Mitglied seit (JJJJ-MM-TT), wenn bekannt"),
            lambda m: m.joined,
            type="date",
        ),
        Column(
            "bis",
            _("Mitglied bis (JJJJ-MM-TT), wenn beendet"),
            lambda m: m.left,
            type="date",
        ),
        Column("hinweis", _("Hinweis zur Mitgliedschaft"), lambda m: m.note),
    ),
)

MEMBERSHIP_SOURCES = Dataset(
    name="mitgliedschaften_quellen",
    title=_("Quellen der Mitgliedschaften"),
    description=_(
        "Die Quellen der Angaben zu den Mitgliedschaften: eine Zeile je Mitgliedschaft und "
        "Quelle, eine Adresse oder ein Nachweis."
    ),
    selector=membership_list,
    filterset=MembershipFilter,
    theme="GOVE",
    keywords=("Netzwerke", "Mitgliedschaften", "Quellen", "Brandenburg"),
    expand=lambda membership: ((membership, source) for source in membership.source_list),
    locations=lambda pair: _point(pair[0].municipality),
    primary_key=("mitgliedschaft", "quelle"),
    foreign_keys=(ForeignKey(("mitgliedschaft",), "mitgliedschaften", ("kennung",)),),
    columns=(
        Column(
            "mitgliedschaft",
            _("Kennung der Mitgliedschaft (Spalte „kennung“ der Mitgliedschaften)"),
            lambda pair: _membership_key(pair[0]),
        ),
        Column("quelle", _("Eine Quelle: Adresse oder Nachweis"), lambda pair: pair[1]),
    ),
)

INITIATIVES = Dataset(
    name="initiativen",
    title=_("Initiativen und Modellprojekte"),
    description=_(
        "Modellprojekte, Modellvorhaben, Wettbewerbsbeiträge und Studien der Netzwerke und "
        "Programme, mit Laufzeit und Förderbetrag; die beteiligten Kommunen nennt der Datensatz "
        "„Kommunen der Initiativen“."
    ),
    selector=initiative_list,
    filterset=InitiativeFilter,
    theme="GOVE",
    keywords=("Modellprojekte", "Initiativen", "Förderung", "Stadtentwicklung", "Brandenburg"),
    locations=lambda initiative: [
        point for m in initiative.municipalities.all() for point in _point(m)
    ],
    primary_key=("kennung",),
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
        Column("runde", _("Runde oder Staffel"), lambda i: i.round),
        Column("beginn_jahr", _("Jahr des Beginns"), lambda i: i.start_year, type="year"),
        Column("ende_jahr", _("Jahr des Endes"), lambda i: i.end_year, type="year"),
        Column(
            "betrag_eur",
            _("Betrag in Euro"),
            lambda i: _number(i.funding_amount),
            type="number",
        ),
        Column(
            "betrag_bedeutung",
            _("Was der Betrag bedeutet, etwa Bundesförderung oder Preisgeld"),
            lambda i: i.funding_note,
        ),
        Column("preis", _("Preis oder Auszeichnung"), lambda i: i.prize),
        Column("preiskategorie", _("Kategorie des Preises"), lambda i: i.prize_category),
        Column("kurzbeschreibung", _("Kurzbeschreibung"), lambda i: i.summary),
        Column("website", _("Website der Initiative"), lambda i: i.website, format="uri"),
        Column(
            "portal_url",
            _("Seite der Initiative im Portal"),
            lambda i: i.get_absolute_url(),
            link=True,
        ),
    ),
)

INITIATIVE_MUNICIPALITIES = Dataset(
    name="initiativen_kommunen",
    title=_("Kommunen der Initiativen"),
    description=_(
        "Welche Städte und Gemeinden an welcher Initiative beteiligt sind: eine Zeile je "
        "Initiative und Kommune."
    ),
    selector=initiative_list,
    filterset=InitiativeFilter,
    theme="GOVE",
    keywords=("Modellprojekte", "Initiativen", "Kommunen", "Brandenburg"),
    expand=lambda initiative: ((initiative, m) for m in initiative.municipalities.all()),
    locations=lambda pair: _point(pair[1]),
    primary_key=("initiative", "kommune_ags"),
    foreign_keys=(
        ForeignKey(("initiative",), "initiativen", ("kennung",)),
        ForeignKey(("kommune_ags",), "kommunen", ("ags",)),
    ),
    columns=(
        Column(
            "initiative",
            _("Kennung der Initiative (Spalte „kennung“ der Initiativen)"),
            lambda pair: pair[0].slug,
        ),
        Column(
            "kommune_ags",
            _("Amtlicher Gemeindeschlüssel der beteiligten Kommune"),
            lambda pair: pair[1].ags,
            pattern=AGS_PATTERN,
        ),
        Column("kommune", _("Name der beteiligten Kommune"), lambda pair: pair[1].name),
    ),
)

EVENTS = Dataset(
    name="veranstaltungen",
    title=_("Veranstaltungen"),
    description=_(
        "Veröffentlichte Veranstaltungen der Netzwerke: Sitzungen, Fachveranstaltungen, "
        "Werkstätten, Preisverleihungen und Jubiläen, auch abgesagte und vergangene; mit dem "
        "Filter „when=upcoming“ nur die kommenden, wie in der Liste. Die Netzwerke jeder "
        "Veranstaltung nennt der Datensatz „Netzwerke der Veranstaltungen“."
    ),
    selector=_all_events,
    filterset=EventFilter,
    theme="GOVE",
    keywords=("Veranstaltungen", "Termine", "Netzwerke", "Kommunen", "Brandenburg"),
    locations=lambda event: _point(event.host_municipality),
    primary_key=("kennung",),
    foreign_keys=(ForeignKey(("kommune_ags",), "kommunen", ("ags",)),),
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
            "beginn_datum",
            _("Tag des Beginns (JJJJ-MM-TT)"),
            lambda e: _day(e.start),
            type="date",
        ),
        Column(
            "beginn",
            _(
                "Beginn: Datum und Uhrzeit mit Zeitzonenabstand (ISO 8601); leer bei "
                "ganztägigen Veranstaltungen"
            ),
            lambda e: _time(e.start, e.all_day),
            type="datetime",
        ),
        Column(
            "ende_datum",
            _("Tag des Endes (JJJJ-MM-TT), wenn bekannt"),
            lambda e: _day(e.end),
            type="date",
        ),
        Column(
            "ende",
            _("Ende, wenn bekannt, in derselben Form wie der Beginn"),
            lambda e: _time(e.end, e.all_day),
            type="datetime",
        ),
        Column(
            "ganztaegig",
            _("true bei ganztägigen Veranstaltungen"),
            lambda e: e.all_day,
            type="boolean",
        ),
        Column(
            "kommune_ags",
            _("Gemeindeschlüssel der gastgebenden Kommune"),
            lambda e: e.host_municipality.ags if e.host_municipality else "",
            pattern=AGS_PATTERN,
        ),
        Column(
            "kommune",
            _("Name der gastgebenden Kommune"),
            lambda e: e.host_municipality.name if e.host_municipality else "",
        ),
        Column("ort", _("Veranstaltungsort"), lambda e: e.venue),
        Column("adresse", _("Adresse"), lambda e: e.address),
        Column(
            "online_zugang",
            _("Adresse des Online-Zugangs"),
            lambda e: e.online_url,
            format="uri",
        ),
        Column(
            "anmeldung",
            _("Adresse der Anmeldung"),
            lambda e: e.registration_url,
            format="uri",
        ),
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

EVENT_NETWORKS = Dataset(
    name="veranstaltungen_netzwerke",
    title=_("Netzwerke der Veranstaltungen"),
    description=_(
        "Welche Netzwerke eine Veranstaltung ausrichten oder tragen: eine Zeile je "
        "Veranstaltung und Netzwerk. Ohne den Filter „when“ alle veröffentlichten "
        "Veranstaltungen."
    ),
    selector=_all_events,
    filterset=EventFilter,
    theme="GOVE",
    keywords=("Veranstaltungen", "Netzwerke", "Brandenburg"),
    expand=lambda event: ((event, network) for network in event.networks.all()),
    locations=lambda pair: _point(pair[0].host_municipality),
    primary_key=("veranstaltung", "netzwerk"),
    foreign_keys=(ForeignKey(("veranstaltung",), "veranstaltungen", ("kennung",)),),
    columns=(
        Column(
            "veranstaltung",
            _("Kennung der Veranstaltung (Spalte „kennung“ der Veranstaltungen)"),
            lambda pair: pair[0].slug,
        ),
        Column("netzwerk", _("Kennung des Netzwerks"), lambda pair: pair[1].slug),
        Column("netzwerk_name", _("Name des Netzwerks"), lambda pair: pair[1].name),
    ),
)

DATASETS = {
    dataset.name: dataset
    for dataset in (
        MUNICIPALITIES,
        MEMBERSHIPS,
        MEMBERSHIP_SOURCES,
        INITIATIVES,
        INITIATIVE_MUNICIPALITIES,
        EVENTS,
        EVENT_NETWORKS,
    )
}
