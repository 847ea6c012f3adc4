# Written by hand: the second step of moving events from the networks app. The tables get
# the events app's names; content types, and with them every permission, placeholder, admin
# log entry and history version that refers to an event, are relabelled; the history's
# stored copies name the new model, so that reverting and recovering keep working.

from django.db import migrations

MODELS = (
    "event",
    "event_networks",
    "event_organisers",
    "event_topics",
    "upcomingeventspluginmodel",
)


def _relabel(apps, schema_editor, old, new):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    content_types = ContentType.objects.using(db).filter(app_label=old, model__in=MODELS)
    versions = Version.objects.using(db).filter(content_type__in=content_types)
    for version in versions.only("pk", "serialized_data").iterator():
        version.serialized_data = version.serialized_data.replace(
            f'"model": "{old}.event', f'"model": "{new}.event'
        ).replace(
            f'"model": "{old}.upcomingeventspluginmodel"',
            f'"model": "{new}.upcomingeventspluginmodel"',
        )
        version.save(update_fields=["serialized_data"])
    content_types.update(app_label=new)
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "networks", "events")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "events", "networks")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("networks", "0006_events_moved_to_events_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AlterModelTable(name="event", table=None),
        migrations.AlterModelTable(name="upcomingeventspluginmodel", table=None),
        migrations.RunPython(forwards, backwards),
    ]
