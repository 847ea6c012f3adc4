"""Demo data of networks: topics, municipalities, networks with their points and members."""

import csv
from datetime import date

from networks.models import Membership, Municipality, Network, NetworkItem, Topic
from portal.demo import by_slug, fields_of, fixture_path, german_slug, one, put, read_json

MUNICIPALITY_KINDS = {
    "Stadtstaat (kreisfreie Stadt, Land Berlin)": Municipality.Kind.CITY_STATE,
    "kreisfreie Stadt": Municipality.Kind.DISTRICT_FREE_CITY,
    "Stadt": Municipality.Kind.TOWN,
    "Gemeinde": Municipality.Kind.MUNICIPALITY,
}


def load_topics(nodes, *, reset, parent=None, position=0):
    """Topics with their sub-topics; positions follow the order of the file."""
    for node in nodes:
        position += 1
        topic, _ = put(
            Topic,
            slug=node["slug"],
            reset=reset,
            defaults={
                "name": node["name"],
                "parent": parent,
                "position": position,
                "description": node.get("description", ""),
            },
        )
        position = load_topics(
            node.get("children", []), reset=reset, parent=topic, position=position
        )
    return position


# Labels of municipalities.csv for a municipality's own figures, as the public reads them;
# every other label names a network as the research read it (an inferred year, a prize not
# confirmed), and each membership names its own sources.
OWN_FIGURES = {
    "population+AGS": "Einwohnerzahl und Gemeindeschlüssel",
    "district": "Landkreis",
    "coords": "Lage",
    "website": "Website",
}


def municipality_sources(source_urls):
    """The public sources and the internal note of a municipality, from the CSV's line: the
    sources of its own figures under a German label, of its networks only the addresses; the
    research remarks (copies, inferences) in the note."""
    public, remarks = [], []
    for part in source_urls.split(" | "):
        label, colon, rest = part.partition(": ")
        if not colon:
            public.append(part)
        elif label in OWN_FIGURES:
            reference, remark = rest.split(" (", 1) if " (" in rest else (rest, "")
            public.append(f"{OWN_FIGURES[label]}: {reference.strip()}")
            if remark:
                remarks.append(part)
        else:
            public += [url.split(" (")[0].strip() for url in rest.split(" ; ")]
            remarks.append(part)
    note = "Quellen laut municipalities.csv:\n" + "\n".join(remarks) if remarks else ""
    return "\n".join(dict.fromkeys(public)), note


def load_municipalities(*, reset):
    extra = read_json("municipalities.json")
    details = {row["ags"]: row for row in extra["municipalities"]}
    with fixture_path("municipalities.csv").open(encoding="utf-8", newline="") as csv_file:
        for row in csv.DictReader(csv_file):
            detail = details[row["ags"]]
            area = detail.get("area_km2")
            sources, note = municipality_sources(row["source_urls"])
            put(
                Municipality,
                ags=row["ags"],
                reset=reset,
                defaults={
                    "name": detail["name"],
                    "official_name": row["name"],
                    "slug": german_slug(detail["name"]),
                    "district": row["district"],
                    "kind": MUNICIPALITY_KINDS[row["kind"]],
                    "population": int(row["population"]),
                    "population_date": date.fromisoformat(row["population_date"]),
                    "population_source": extra["population_source"],
                    "area_km2": area,
                    "area_source": extra["area_source"] if area else "",
                    "latitude": row["lat"],
                    "longitude": row["lon"],
                    "website": f"https://{row['website']}",
                    "sources": sources,
                    "editorial_note": note,
                },
            )


def load_networks(*, reset):
    related = ("parent", "topics", "items", "memberships")
    for record in read_json("networks.json"):
        fields = fields_of(record, *related)
        fields["parent"] = one(Network, record.get("parent"))
        network, fill = put(Network, slug=record["slug"], defaults=fields, reset=reset)
        if fill:
            network.topics.set(by_slug(Topic, record.get("topics", [])))

        positions = {}
        for item in record.get("items", []):
            position = positions[item["kind"]] = positions.get(item["kind"], 0) + 1
            put(
                NetworkItem,
                reset=reset,
                network=network,
                kind=item["kind"],
                position=position,
                defaults={"text": item["text"], "year": item.get("year")},
            )
        for membership in record.get("memberships", []):
            put(
                Membership,
                reset=reset,
                network=network,
                municipality=Municipality.objects.get(slug=membership["municipality"]),
                role=membership["role"],
                joined=membership.get("joined"),
                defaults=fields_of(membership, "municipality", "role", "joined"),
            )


def load(*, reset=False):
    load_topics(read_json("topics.json"), reset=reset)
    load_municipalities(reset=reset)
    load_networks(reset=reset)
