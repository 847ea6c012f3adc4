# The shared cache's table (settings.CACHES without CACHE_URL) in the portal's own PostgreSQL,
# so that every `migrate` leaves a working cache whatever the settings of the process that
# migrates (tests run with an in-memory cache and start servers with this one).

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "portal_cache"


def create_cache_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f'DROP TABLE IF EXISTS "{TABLE}"')


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_structure_mode_for_editors")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
