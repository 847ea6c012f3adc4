"""Synthetic records at the size of a large network portal after a decade, for measuring the
portal under load (`manage.py fill_synthetic`, docs/performance.md).

Every synthetic record is marked three ways: its slug begins with „syn-“, its sources (or a
topic's description) begin with „Synthetische Testdaten“, and a municipality's AGS begins
with 99, a Land code that does not exist. Synthetic records link only to synthetic records,
so that removing them leaves the demo data as it was.

The same seed gives the same records on the same day; dates are spread around the day of
the run."""

import csv
import heapq
import json
import math
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import accumulate
from random import Random
from time import monotonic

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection, models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from reversion.models import Revision

from bench import names
from contacts.models import Contact, Organisation, Partnership
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network, NetworkItem, Topic
from news.models import NewsItem
from portal.dates import BERLIN, midnight
from portal.demo import german_slug
from portal.management.commands.create_demo_accounts import DEMO_ACCOUNTS

SOURCE = "Synthetische Testdaten"
SLUG_PREFIX = "syn-"
AGS_PREFIX = "99"

# Shares of what the public sees: 92,000 of 100,008 events, 90 % of the news, and most
# contacts.
EVENT_PUBLIC_SHARE = 92_000 / 100_008
NEWS_PUBLIC_SHARE = 0.9
CONTACT_PUBLIC_SHARE = 0.95
# The biggest network: about 2,000 of 19,459 memberships, and the primary network of about
# 27 % of the events (30,000 with the events it shares with another network).
TOP_NETWORK_MEMBER_SHARE = 2_000 / 19_459
TOP_NETWORK_EVENT_SHARE = 0.27
# Events from nine years ago to a year ahead, the portal growing: three times as many events a
# day at the end of the span as at its start.
YEARS_BACK, YEARS_AHEAD = 9, 1
BATCH = 2_000


@dataclass(frozen=True)
class Sizes:
    """How many records of each kind; the defaults are a decade of a large network portal."""

    topics: int = 40
    municipalities: int = 2_046
    networks: int = 208
    network_items: int = 1_040
    memberships: int = 19_459
    organisations: int = 650
    partnerships: int = 1_040
    contacts: int = 2_007
    initiatives: int = 10_059
    events: int = 100_008
    news: int = 20_000

    # Below these the records cannot link up as they should (a topic tree, memberships).
    MINIMUM = {"topics": 3, "municipalities": 10, "networks": 3, "organisations": 3}

    def scaled(self, factor):
        return replace(
            self,
            **{
                field.name: max(self.MINIMUM.get(field.name, 0), round(value * factor))
                for field in fields(self)
                if (value := getattr(self, field.name))
            },
        )


def public_count(total, share):
    return round(total * share)


def marked_synthetic(model):
    """The condition that picks the synthetic records of `model`."""
    marker = "sources" if any(f.name == "sources" for f in model._meta.fields) else "description"
    condition = Q(slug__startswith=SLUG_PREFIX) & Q(**{f"{marker}__startswith": SOURCE})
    if model is Municipality:
        condition &= Q(ags__startswith=AGS_PREFIX)
    return condition


# Models whose every record must be synthetic or demo data before anything is written.
CHECKED_MODELS = [Topic, Municipality, Network, Organisation, Contact, Initiative, Event, NewsItem]
# The account `manage.py ensure_admin` creates for every `make run`; a person's work under it
# shows in the revisions.
DEVELOPMENT_ADMIN = "admin"


def _fixture(name):
    return settings.BASE_DIR / "fixtures" / name


def _slugs(records):
    for record in records:
        yield record["slug"]
        yield from _slugs(record.get("children", []))


def demo_records():
    """{model: condition picking its demo records}, from fixtures/."""
    files = {
        Topic: "topics.json",
        Network: "networks.json",
        Organisation: "organisations.json",
        Contact: "contacts.json",
        Initiative: "initiatives.json",
        Event: "events.json",
        NewsItem: "news.json",
    }
    conditions = {
        model: Q(slug__in=set(_slugs(json.loads(_fixture(name).read_text(encoding="utf-8")))))
        for model, name in files.items()
    }
    with _fixture("municipalities.csv").open(encoding="utf-8", newline="") as csv_file:
        conditions[Municipality] = Q(ags__in={row["ags"] for row in csv.DictReader(csv_file)})
    return conditions


def foreign_content():
    """What speaks against writing to this database: records that are neither synthetic nor
    demo data, people on the staff, work done by people. German sentences; empty if nothing."""
    from cms.models import Page
    from filer.models import File

    reasons = []
    demo = demo_records()
    for model in CHECKED_MODELS:
        others = model.objects.exclude(marked_synthetic(model)).exclude(demo[model])
        found = list(others.values_list("slug", flat=True)[:3])
        if found:
            reasons.append(
                f"{others.count()} {model._meta.verbose_name_plural} weder synthetisch noch aus "
                f"den Demodaten, etwa {', '.join(found)}"
            )
    accounts = {spec["username"] for spec in DEMO_ACCOUNTS} | {DEVELOPMENT_ADMIN}
    staff = (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(is_superuser=True))
        .exclude(username__in=accounts)
    )
    if staff.exists():
        usernames = ", ".join(staff.values_list("username", flat=True)[:3])
        reasons.append(f"Konten der Redaktion außer den Demokonten: {usernames}")
    if Revision.objects.filter(user__isnull=False).exists():
        reasons.append("Änderungen von Personen in der Versionsgeschichte")
    page_ids = [page["reverse_id"] for page in json.loads(_fixture("pages.json").read_text())]
    if Page.objects.exclude(reverse_id__in=page_ids).exists():
        reasons.append("CMS-Seiten, die nicht zum Seitenbaum der Demodaten gehören")
    if File.objects.exists():
        reasons.append("hochgeladene Bilder oder Dokumente")
    return reasons


def synthetic_counts():
    return {
        model.__name__: model.objects.filter(marked_synthetic(model)).count()
        for model in CHECKED_MODELS
    }


def clear():
    """Remove every synthetic record with what hangs on it (memberships, partnerships, points,
    links, page content); returns {model label: rows removed}. Demo records stay.

    Written as SQL, without Django's deletion signals: a receiver per row (caches, history)
    would take many minutes for 100,000 events. The caches are emptied afterwards instead."""
    removed = Counter()
    with transaction.atomic():
        # Records pointing at others go first: events and initiatives protect their host and
        # network, contacts their organisation.
        for model in [NewsItem, Event, Initiative, Contact, Organisation, Network, Municipality]:
            _remove(model.objects.filter(marked_synthetic(model)), removed)
        _remove(Topic.objects.filter(marked_synthetic(Topic)), removed)
    _clear_caches()
    return {label: count for label, count in removed.items() if count}


def _remove(queryset, removed):
    """Delete the rows of `queryset` and, following on_delete, the rows that refer to them."""
    model = queryset.model
    doomed = queryset.order_by().values("pk")
    for relation in model._meta.get_fields(include_hidden=True):
        if isinstance(relation, GenericRelation):
            # The CMS placeholders of a record's page (a few, for pages someone opened).
            placeholders = relation.related_model._base_manager.filter(
                **{
                    relation.content_type_field_name: ContentType.objects.get_for_model(model),
                    f"{relation.object_id_field_name}__in": doomed,
                }
            )
            for label, count in placeholders.delete()[1].items():
                removed[label] += count
            continue
        # Foreign keys to the model, those of many-to-many tables included.
        if not (relation.auto_created and not relation.concrete):
            continue
        if not (relation.one_to_many or relation.one_to_one):
            continue
        referring = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": doomed}
        )
        if relation.on_delete is models.CASCADE:
            _remove(referring, removed)
        elif relation.on_delete is models.SET_NULL:
            referring.update(**{relation.field.name: None})
        elif relation.on_delete is not models.DO_NOTHING:
            if relation.related_model is model:
                referring = referring.exclude(pk__in=doomed)
            if referring.exists():
                raise ProtectedError(
                    f"{relation.related_model._meta.label} verweist auf synthetische "
                    f"{model._meta.verbose_name_plural}.",
                    set(referring[:5]),
                )
    sql, params = doomed.query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} IN ({sql})",
            params,
        )
        removed[model._meta.label] += cursor.rowcount


def _clear_caches():
    """Bulk writes send no signals: cached pages and counts would still show the database as
    it was."""
    for alias in settings.CACHES:
        caches[alias].clear()


def fill(sizes, *, seed=1, log=None):
    """Write synthetic records of `sizes` in one transaction; returns {model: rows written}."""
    log = log or (lambda message: None)
    filler = _Filler(sizes, seed=seed, log=log)
    with _timed("commit (foreign keys checked)", log), transaction.atomic():
        with _timed("records", log):
            filler.run()
    _clear_caches()
    tables = {model._meta.db_table for model in filler.written}
    # The planner's statistics and the visibility map as autovacuum would have them after a
    # while: the benchmark then sees the plans production sees (index-only scans need pages
    # marked all-visible). VACUUM cannot run inside a transaction (a test's): ANALYZE then.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with _timed(command, log), connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
    return {model.__name__: count for model, count in filler.written.items()}


@contextmanager
def _timed(step, log):
    started = monotonic()
    yield
    log(f"{step}: {monotonic() - started:.1f} s")


def _stamped(field):
    """Whether Django would set the field to the time of saving (auto_now, auto_now_add)."""
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _zipf(count, exponent):
    return [1 / (rank + 1) ** exponent for rank in range(count)]


def _zipf_with_top_share(count, share):
    """Weights falling by rank, the first holding `share` of the whole where it can."""
    low, high = 0.0, 4.0
    for _step in range(40):
        middle = (low + high) / 2
        weights = _zipf(count, middle)
        if weights[0] / sum(weights) < share:
            low = middle
        else:
            high = middle
    return _zipf(count, (low + high) / 2)


def _apportion(total, weights, caps=None):
    """`total` split by `weights` into whole numbers (largest remainders), none above its cap."""
    caps = caps or [total] * len(weights)
    counts = [0] * len(weights)
    remaining = total
    while remaining > 0:
        open_ = [i for i in range(len(weights)) if counts[i] < caps[i]]
        if not open_:
            break
        weight_sum = sum(weights[i] for i in open_)
        shares = {i: remaining * weights[i] / weight_sum for i in open_}
        given = 0
        for i in open_:
            add = min(int(shares[i]), caps[i] - counts[i])
            counts[i] += add
            given += add
        by_remainder = sorted(open_, key=lambda i: shares[i] - int(shares[i]), reverse=True)
        for i in by_remainder:
            if given >= remaining:
                break
            if counts[i] < caps[i]:
                counts[i] += 1
                given += 1
        remaining -= given
        if given == 0:
            break
    return counts


class _Filler:
    def __init__(self, sizes, *, seed, log):
        self.sizes = sizes
        self.rng = Random(seed)
        self.log = log
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.written = {}
        self._slugs = {}

    def run(self):
        for step in (
            self.topics,
            self.municipalities,
            self.networks,
            self.network_items,
            self.memberships,
            self.organisations,
            self.partnerships,
            self.contacts,
            self.initiatives,
            self.events,
            self.news,
        ):
            with _timed(step.__name__, self.log):
                step()

    # Writing

    def _create(self, model, records):
        """bulk_create, for the smaller tables whose objects the later steps use."""
        created = []
        for start in range(0, len(records), BATCH):
            created += model.objects.bulk_create(records[start : start + BATCH])
        self.written[model] = self.written.get(model, 0) + len(created)
        return created

    def _copy(self, model, rows):
        """Write `rows` (column values by attribute name, the model's defaults for the rest)
        with PostgreSQL's COPY; returns their ids in order. The large tables go this way:
        bulk_create spends more time preparing 100,000 rows than the database takes to store
        them."""
        if not rows:
            return []
        defaults = {
            field.attname: self.now if _stamped(field) else field.get_default()
            for field in model._meta.concrete_fields
            if not field.generated and not field.primary_key
        }
        table = model._meta.db_table
        quote = connection.ops.quote_name
        columns = ", ".join(quote(column) for column in ["id", *defaults])
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(rows)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                for pk, row in zip(ids, rows, strict=True):
                    values = defaults | row
                    copy.write_row([pk, *values.values()])
        self.written[model] = self.written.get(model, 0) + len(rows)
        return ids

    def _link(self, field, pairs):
        """Rows of the many-to-many `field` (e.g. Event.networks), from (record id, other id)."""
        source = field.field.m2m_field_name() + "_id"
        target = field.field.m2m_reverse_field_name() + "_id"
        self._copy(field.through, [{source: a, target: b} for a, b in dict.fromkeys(pairs)])

    def _slug(self, text, number):
        # Titles repeat: each is turned into a slug once.
        base = self._slugs.get(text)
        if base is None:
            base = self._slugs[text] = german_slug(text)[:80].rstrip("-")
        return f"{SLUG_PREFIX}{base}-{number}"

    def _day_between(self, first, last):
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def _sources(self):
        return f"{SOURCE} (bench.fill_synthetic)"

    # Records

    def topics(self):
        count = self.sizes.topics
        parents = max(1, min(len(names.THEMES), round(count / 5)))
        self.parent_topics = self._create(
            Topic,
            [
                Topic(
                    name=names.THEMES[i][0],
                    slug=self._slug(names.THEMES[i][0], i + 1),
                    position=1000 + i,
                    description=self._sources(),
                )
                for i in range(parents)
            ],
        )
        children = []
        for i in range(count - parents):
            parent_index = i % parents
            themes = names.THEMES[parent_index][1]
            name = themes[(i // parents) % len(themes)]
            if i // parents >= len(themes):
                name = f"{name} {i // parents // len(themes) + 1}"
            children.append(
                Topic(
                    name=name,
                    slug=self._slug(name, parents + i + 1),
                    parent=self.parent_topics[parent_index],
                    position=1100 + i,
                    description=self._sources(),
                )
            )
        self.child_topics = self._create(Topic, children) or self.parent_topics

    def municipalities(self):
        rng = self.rng
        count = self.sizes.municipalities
        districts = names.district_names(max(1, min(18, count // 40)), rng)
        city_count = max(1, count // 500)
        taken = set()
        records = []
        for i in range(count):
            name = names.place_name(rng)
            for _attempt in range(20):
                if name not in taken:
                    break
                name = names.place_name(rng)
            else:
                name = f"{name} {i + 1}"
            taken.add(name)
            if i < city_count:
                kind, district = Municipality.Kind.DISTRICT_FREE_CITY, "kreisfrei"
                population = rng.randint(40_000, 180_000)
            else:
                district = districts[i % len(districts)]
                if rng.random() < 0.2:
                    kind = Municipality.Kind.TOWN
                    population = int(rng.lognormvariate(math.log(8_000), 0.7))
                else:
                    kind = Municipality.Kind.MUNICIPALITY
                    population = max(150, int(rng.lognormvariate(math.log(1_500), 0.8)))
            slug = self._slug(name, i + 1)
            records.append(
                Municipality(
                    name=name,
                    official_name=name,
                    slug=slug,
                    # 99: no such Land (tests' factories count from 99000000).
                    ags=f"{AGS_PREFIX}{900_000 + i:06d}",
                    district=district,
                    kind=kind,
                    population=population,
                    population_date=date(2022, 5, 15),
                    area_km2=Decimal(rng.randint(800, 30_000)) / 100,
                    latitude=Decimal(f"{rng.uniform(51.4, 53.5):.6f}"),
                    longitude=Decimal(f"{rng.uniform(11.3, 14.7):.6f}"),
                    website=f"https://{slug}.example.org",
                    sources=self._sources(),
                )
            )
        self.municipality_list = self._create(Municipality, records)
        # Bigger places take part in more networks and host more events.
        self.activity = [math.sqrt(m.population) for m in self.municipality_list]

    def networks(self):
        rng = self.rng
        count = self.sizes.networks
        kinds = list(Network.Kind)
        regions = [d.removeprefix("Landkreis ") for d in names.district_names(40, rng)]
        records = []
        for i in range(count):
            kind = Network.Kind.STATE_INITIATIVE if i == 0 else rng.choice(kinds)
            theme = rng.choice(names.THEMES)
            subject = rng.choice(theme[1])
            region = rng.choice(regions + names.COMPASS)
            name = f"{names.NETWORK_WORDS[kind]} {subject} {region} {i + 1}"
            founded = self._day_between(
                self.today - timedelta(days=20 * 365), self.today - timedelta(days=400)
            )
            ended = None
            if i > 10 and rng.random() < 0.12:
                ended = self._day_between(founded + timedelta(days=365), self.today)
            funding = kind == Network.Kind.PROGRAMME
            records.append(
                Network(
                    name=name,
                    short_name=f"{subject[:20]} {i + 1}",
                    slug=self._slug(name, i + 1),
                    kind=kind,
                    summary=names.sentences(rng, 1, theme=subject, place=region),
                    description=names.sentences(rng, 4, theme=subject, place=region),
                    founded=founded,
                    ended=ended,
                    funding_start_year=founded.year if funding else None,
                    funding_end_year=(ended or self.today).year if funding else None,
                    website=f"https://netzwerk-{i + 1}.example.org",
                    sources=self._sources(),
                )
            )
        self.network_list = self._create(Network, records)
        pairs = []
        for network in self.network_list:
            count = min(len(self.child_topics), rng.randint(1, 3))
            pairs += [(network.pk, topic.pk) for topic in rng.sample(self.child_topics, count)]
        self._link(Network.topics, pairs)
        self.network_topics = {}
        for network_id, topic_id in pairs:
            self.network_topics.setdefault(network_id, []).append(topic_id)

    def network_items(self):
        rng = self.rng
        counts = _apportion(self.sizes.network_items, [1] * len(self.network_list))
        records = []
        for network, count in zip(self.network_list, counts, strict=True):
            positions = {}
            for _item in range(count):
                kind = rng.choice(list(NetworkItem.Kind))
                positions[kind] = positions.get(kind, 0) + 1
                text = rng.choice(names.ITEM_TEXTS).format(
                    theme=rng.choice(rng.choice(names.THEMES)[1]),
                    place=rng.choice(self.municipality_list).name,
                )
                records.append(
                    {
                        "network_id": network.pk,
                        "kind": kind,
                        "position": positions[kind],
                        "text": text,
                    }
                )
        self._copy(NetworkItem, records)

    def memberships(self):
        rng = self.rng
        weights = _zipf_with_top_share(len(self.network_list), TOP_NETWORK_MEMBER_SHARE)
        self.network_weights = weights
        places = len(self.municipality_list)
        sizes = _apportion(self.sizes.memberships, weights, [places] * len(weights))
        self.members = {}
        records = []
        for network, size in zip(self.network_list, sizes, strict=True):
            # A weighted sample without replacement (Efraimidis–Spirakis).
            keys = [rng.random() ** (1 / weight) for weight in self.activity]
            chosen = heapq.nlargest(size, range(places), key=keys.__getitem__)
            self.members[network.pk] = [self.municipality_list[i] for i in chosen]
            programme = network.kind == Network.Kind.PROGRAMME
            for position, index in enumerate(chosen):
                if position == 0:
                    role = Membership.Role.CHAIR
                elif programme:
                    role = rng.choice(
                        [
                            Membership.Role.PROGRAMME_MUNICIPALITY,
                            Membership.Role.PARTICIPANT,
                            Membership.Role.MODEL_CITY,
                            Membership.Role.PRIZE_WINNER,
                        ]
                    )
                elif rng.random() < 0.15:
                    role = Membership.Role.FOUNDING_MEMBER
                else:
                    role = Membership.Role.MEMBER
                end = network.ended or self.today
                joined = (
                    network.founded
                    if role == Membership.Role.FOUNDING_MEMBER
                    else self._day_between(network.founded, end)
                )
                left = None
                if network.ended is None and rng.random() < 0.08:
                    left = self._day_between(joined, self.today)
                records.append(
                    {
                        "network_id": network.pk,
                        "municipality_id": self.municipality_list[index].pk,
                        "role": role,
                        "joined": joined,
                        "left": left,
                        "sources": self._sources(),
                    }
                )
        self._copy(Membership, records)

    def organisations(self):
        rng = self.rng
        kinds = list(Organisation.Kind)
        records = []
        for i in range(self.sizes.organisations):
            kind = kinds[i % len(kinds)]
            place = rng.choice(self.municipality_list).name
            subject = rng.choice(rng.choice(names.THEMES)[1])
            name = {
                Organisation.Kind.MINISTRY: f"Landesamt für {subject}",
                Organisation.Kind.CHAMBER: f"Kammer {place}",
                Organisation.Kind.ASSOCIATION: f"Verein {subject} {place} e. V.",
                Organisation.Kind.OFFICE: f"Geschäftsstelle {subject} {place}",
                Organisation.Kind.COMPANY: f"{rng.choice(names.LAST_NAMES)} & "
                f"{rng.choice(names.LAST_NAMES)} Stadtplanung GmbH",
                Organisation.Kind.SCIENCE: f"Institut für {subject} {place}",
                Organisation.Kind.ADMINISTRATION: f"Verwaltung {place}",
            }[kind]
            records.append(
                Organisation(
                    name=name,
                    slug=self._slug(name, i + 1),
                    kind=kind,
                    description=names.sentences(rng, 2, theme=subject, place=place),
                    street=f"{rng.choice(names.STREETS)} {rng.randint(1, 60)}",
                    # German postal codes never begin with 00.
                    postal_code=f"00{rng.randint(100, 999)}",
                    city=place,
                    website=f"https://organisation-{i + 1}.example.org",
                    sources=self._sources(),
                )
            )
        self.organisation_list = self._create(Organisation, records)

    def partnerships(self):
        rng = self.rng
        weights = [math.sqrt(weight) for weight in self.network_weights]
        caps = [len(self.organisation_list)] * len(weights)
        counts = _apportion(self.sizes.partnerships, weights, caps)
        roles = list(Partnership.Role)
        self.partners = {}
        records = []
        for network, count in zip(self.network_list, counts, strict=True):
            chosen = rng.sample(self.organisation_list, count)
            self.partners[network.pk] = chosen
            for position, organisation in enumerate(chosen):
                role = Partnership.Role.OFFICE if position == 0 else rng.choice(roles)
                records.append(
                    {
                        "network_id": network.pk,
                        "organisation_id": organisation.pk,
                        "role": role,
                        "sources": self._sources(),
                    }
                )
        self._copy(Partnership, records)

    def contacts(self):
        rng = self.rng
        count = self.sizes.contacts
        hidden = set(rng.sample(range(count), count - public_count(count, CONTACT_PUBLIC_SHARE)))
        records = []
        for i in range(count):
            person = rng.random() < 0.85
            name = names.person_name(rng) if person else ""
            function = rng.choice(names.FUNCTIONS)
            place = rng.choice(self.municipality_list)
            mailbox = german_slug(name or function).replace("-", ".")
            records.append(
                Contact(
                    name=name,
                    function=function,
                    role=rng.choice(names.ROLES),
                    slug=self._slug(name or function, i + 1),
                    organisation=(
                        rng.choice(self.organisation_list) if rng.random() < 0.5 else None
                    ),
                    phone=f"0{rng.randint(3300, 3399)} {rng.randint(10000, 99999)}",
                    email=f"{mailbox}@{place.slug}.example.org",
                    street=f"{rng.choice(names.STREETS)} {rng.randint(1, 60)}",
                    postal_code=f"00{rng.randint(100, 999)}",
                    city=place.name,
                    is_public=i not in hidden,
                    sources=self._sources(),
                )
            )
        self.contact_list = self._create(Contact, records)
        self.public_contacts = [c for c in self.contact_list if c.is_public]
        networks, places = [], []
        for contact in self.contact_list:
            if rng.random() < 0.4:
                networks.append((contact.pk, rng.choice(self.network_list).pk))
            if rng.random() < 0.5:
                places.append((contact.pk, rng.choice(self.municipality_list).pk))
        self._link(Contact.networks, networks)
        self._link(Contact.municipalities, places)

    def _topic_ids(self, network_id, count):
        own = self.network_topics.get(network_id) or [self.rng.choice(self.child_topics).pk]
        return self.rng.sample(own, min(count, len(own)))

    def initiatives(self):
        rng = self.rng
        count = self.sizes.initiatives
        chosen = rng.choices(self.network_list, weights=self.network_weights, k=count)
        kinds, statuses = list(Initiative.Kind), list(Initiative.Status)
        records = []
        for i, network in enumerate(chosen):
            subject = rng.choice(rng.choice(names.THEMES)[1])
            members = self.members.get(network.pk) or self.municipality_list
            place = rng.choice(members)
            start_year = rng.randint(network.founded.year, self.today.year)
            title = f"{subject} in {place.name}"
            records.append(
                {
                    "title": title,
                    "slug": self._slug(title, i + 1),
                    "kind": rng.choice(kinds),
                    "network_id": network.pk,
                    "summary": names.sentences(rng, 2, theme=subject, place=place.name),
                    "description": names.sentences(rng, 5, theme=subject, place=place.name),
                    "status": rng.choice(statuses),
                    "start_year": start_year,
                    "end_year": start_year + rng.randint(0, 4) if rng.random() < 0.6 else None,
                    "round": f"Runde {start_year}" if rng.random() < 0.5 else "",
                    "funding_amount": (
                        Decimal(rng.randint(1_000, 500_000)) * 10 if rng.random() < 0.5 else None
                    ),
                    "website": f"https://vorhaben-{i + 1}.example.org",
                    "sources": self._sources(),
                }
            )
        ids = self._copy(Initiative, records)
        places, organisations, topics = [], [], []
        for pk, network in zip(ids, chosen, strict=True):
            members = self.members.get(network.pk) or self.municipality_list
            for place in rng.sample(members, min(len(members), rng.randint(1, 3))):
                places.append((pk, place.pk))
            partners = self.partners.get(network.pk) or []
            for organisation in rng.sample(partners, min(len(partners), rng.randint(0, 2))):
                organisations.append((pk, organisation.pk))
            for topic_id in self._topic_ids(network.pk, rng.randint(1, 2)):
                topics.append((pk, topic_id))
        self._link(Initiative.municipalities, places)
        self._link(Initiative.organisations, organisations)
        self._link(Initiative.topics, topics)

    def _moment_in_span(self):
        """A day from YEARS_BACK years ago to YEARS_AHEAD ahead, more of them recently."""
        span = (YEARS_BACK + YEARS_AHEAD) * 365
        # Density 1 + 2x on [0, 1]: the inverse of its distribution function.
        x = (-1 + math.sqrt(1 + 8 * self.rng.random())) / 2
        return self.today - timedelta(days=YEARS_BACK * 365) + timedelta(days=int(x * span))

    def events(self):
        rng = self.rng
        count = self.sizes.events
        hidden = set(rng.sample(range(count), count - public_count(count, EVENT_PUBLIC_SHARE)))
        weights = _zipf_with_top_share(len(self.network_list), TOP_NETWORK_EVENT_SHARE)
        network_cumulative = list(accumulate(weights))
        primaries = rng.choices(self.network_list, cum_weights=network_cumulative, k=count)
        place_cumulative = list(accumulate(self.activity))
        labels = {kind: str(kind.label) for kind in Event.Kind}
        kinds = list(Event.Kind)
        records = []
        for i, network in enumerate(primaries):
            kind = rng.choice(kinds)
            subject = rng.choice(rng.choice(names.THEMES)[1])
            day = self._moment_in_span()
            status, publish_at = Event.Status.PUBLISHED, None
            if i in hidden:
                # Work in progress: mostly for coming events, some forgotten drafts.
                if rng.random() < 0.7:
                    day = self.today + timedelta(days=rng.randint(1, 300))
                status, publish_at = rng.choice(
                    [
                        (Event.Status.DRAFT, None),
                        (Event.Status.DRAFT, None),
                        (Event.Status.SUBMITTED, None),
                        # Scheduled: published, due in a few days to weeks.
                        (Event.Status.PUBLISHED, self.now + timedelta(days=rng.randint(2, 60))),
                    ]
                )
            elif rng.random() < 0.025:
                status = Event.Status.CANCELLED
            elif rng.random() < 0.1:
                publish_at = min(self.now, midnight(day)) - timedelta(days=rng.randint(1, 60))
            roll = rng.random()
            members = self.members.get(network.pk) or self.municipality_list
            host = (
                None
                if roll < 0.1
                else rng.choice(members)
                if roll < 0.85
                else rng.choices(self.municipality_list, cum_weights=place_cumulative)[0]
            )
            online = host is None or rng.random() < 0.08
            all_day = rng.random() < 0.08
            if all_day:
                start = midnight(day)
                end = None
                if rng.random() < 0.3:
                    end = midnight(day + timedelta(days=rng.randint(1, 2)))
            else:
                start = datetime.combine(
                    day, time(rng.randint(9, 18), rng.choice((0, 15, 30))), tzinfo=BERLIN
                )
                end = start + timedelta(minutes=rng.choice((60, 90, 120, 180, 240, 480)))
            place = host.name if host else "online"
            title = (
                f"{rng.randint(1, 60)}. Sitzung: {subject}"
                if kind == Event.Kind.MEETING
                else f"{labels[kind]} {subject} in {place}"
            )
            contact = None
            if self.public_contacts and rng.random() < 0.2:
                contact = rng.choice(self.public_contacts).pk
            records.append(
                {
                    "title": title,
                    "slug": self._slug(title, i + 1),
                    "kind": kind,
                    "start": start,
                    "end": end,
                    "all_day": all_day,
                    "host_municipality_id": host.pk if host else None,
                    "venue": f"{rng.choice(names.VENUES)} {host.name}" if host else "",
                    "address": (
                        f"{rng.choice(names.STREETS)} {rng.randint(1, 40)}, "
                        f"00{rng.randint(100, 999)} {host.name}"
                        if host
                        else ""
                    ),
                    "online_url": f"https://treffen.example.org/syn-{i + 1}" if online else "",
                    "registration_url": (
                        f"https://anmeldung.example.org/syn-{i + 1}" if rng.random() < 0.3 else ""
                    ),
                    "summary": names.sentences(rng, 1, theme=subject, place=place),
                    "description": names.sentences(
                        rng, rng.randint(3, 6), theme=subject, place=place
                    ),
                    "contact_id": contact,
                    "status": status,
                    "publish_at": publish_at,
                    "sources": self._sources(),
                }
            )
        ids = self._copy(Event, records)
        networks, organisers, topics = [], [], []
        for pk, network in zip(ids, primaries, strict=True):
            roll = rng.random()
            if roll < 0.95:
                networks.append((pk, network.pk))
            if roll < 0.1:
                other = rng.choices(self.network_list, cum_weights=network_cumulative)[0]
                networks.append((pk, other.pk))
            partners = self.partners.get(network.pk)
            if partners and rng.random() < 0.3:
                organisers.append((pk, rng.choice(partners).pk))
            for topic_id in self._topic_ids(network.pk, rng.randint(1, 2)):
                topics.append((pk, topic_id))
        self._link(Event.networks, networks)
        self._link(Event.organisers, organisers)
        self._link(Event.topics, topics)

    def news(self):
        rng = self.rng
        count = self.sizes.news
        hidden = set(rng.sample(range(count), count - public_count(count, NEWS_PUBLIC_SHARE)))
        chosen = rng.choices(self.network_list, weights=self.network_weights, k=count)
        span = 10 * 365 * 24 * 60
        records = []
        for i, network in enumerate(chosen):
            subject = rng.choice(rng.choice(names.THEMES)[1])
            members = self.members.get(network.pk) or self.municipality_list
            place = rng.choice(members).name
            # Density growing like the events', over the last ten years.
            x = (-1 + math.sqrt(1 + 8 * rng.random())) / 2
            published = self.now - timedelta(minutes=int((1 - x) * span) + 1)
            status = NewsItem.Status.PUBLISHED
            if i in hidden:
                status, published = rng.choice(
                    [
                        (NewsItem.Status.DRAFT, None),
                        (NewsItem.Status.DRAFT, None),
                        (NewsItem.Status.SUBMITTED, None),
                        (NewsItem.Status.WITHDRAWN, published),
                        # Scheduled: published, dated a few days ahead.
                        (
                            NewsItem.Status.PUBLISHED,
                            self.now + timedelta(days=rng.randint(2, 30)),
                        ),
                    ]
                )
            title = f"{subject}: {place} {rng.choice(['startet', 'zieht Bilanz', 'lädt ein'])}"
            paragraphs = [names.sentences(rng, 3, theme=subject, place=place) for _p in range(3)]
            records.append(
                {
                    "title": title,
                    "slug": self._slug(title, i + 1),
                    "teaser": names.sentences(rng, 1, theme=subject, place=place),
                    "text": "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs),
                    "status": status,
                    "published": published,
                    "sources": self._sources(),
                }
            )
        ids = self._copy(NewsItem, records)
        networks, places, topics = [], [], []
        for pk, network in zip(ids, chosen, strict=True):
            networks.append((pk, network.pk))
            if rng.random() < 0.1:
                networks.append((pk, rng.choice(self.network_list).pk))
            members = self.members.get(network.pk) or self.municipality_list
            for place in rng.sample(members, min(len(members), rng.randint(0, 2))):
                places.append((pk, place.pk))
            for topic_id in self._topic_ids(network.pk, rng.randint(1, 2)):
                topics.append((pk, topic_id))
        self._link(NewsItem.networks, networks)
        self._link(NewsItem.municipalities, places)
        self._link(NewsItem.topics, topics)
