# Written by hand: the events moved to the events app (see events/migrations/0001_initial.py).
# Their tables stay; only the networks app's state lets go of them.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0005_population_source_url"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="upcomingeventspluginmodel", name="cmsplugin_ptr"
                ),
                migrations.RemoveField(model_name="upcomingeventspluginmodel", name="municipality"),
                migrations.RemoveField(model_name="upcomingeventspluginmodel", name="network"),
                migrations.RemoveField(model_name="upcomingeventspluginmodel", name="topic"),
                migrations.DeleteModel(name="Event"),
                migrations.DeleteModel(name="UpcomingEventsPluginModel"),
            ],
            database_operations=[],
        ),
    ]
