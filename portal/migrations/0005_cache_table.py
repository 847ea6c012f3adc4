# The shared cache's table (settings.CACHES) in the portal's own PostgreSQL, so that every
# `migrate` leaves a working cache; with CACHE_URL (Redis) the command creates nothing.

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_structure_mode_for_editors")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
