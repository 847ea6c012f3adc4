# „Meinten Sie …?“ (portal.search.suggestion) compares a typed word with the titles of the
# searchable records by pg_trgm's word similarity (`title %> word`); a trigram GIN index on
# each title keeps that within milliseconds at 100,000 rows. The indexes belong to the apps'
# tables but serve only the portal's search, so they are created here, by name.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TITLES = [
    ("networks", "Network", "name"),
    ("networks", "Municipality", "name"),
    ("initiatives", "Initiative", "title"),
    ("events", "Event", "title"),
    ("news", "NewsItem", "title"),
    ("contacts", "Contact", "name"),
]


def _index_name(model, field):
    return f"{model._meta.db_table}_{field}_trgm"[:63]


def create(apps, schema_editor):
    quote = schema_editor.quote_name
    for app_label, model_name, field in TITLES:
        model = apps.get_model(app_label, model_name)
        column = model._meta.get_field(field).column
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(_index_name(model, field))} "
            f"ON {quote(model._meta.db_table)} USING gin ({quote(column)} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    for app_label, model_name, field in TITLES:
        model = apps.get_model(app_label, model_name)
        name = schema_editor.quote_name(_index_name(model, field))
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_version_list_for_editors"),
        ("networks", "0009_alter_municipality_population_source_and_more"),
        ("initiatives", "0008_alter_initiative_website"),
        ("events", "0009_alter_event_online_url_alter_event_registration_url"),
        ("news", "0003_record_times"),
        ("contacts", "0007_alter_contact_website_alter_organisation_website"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
