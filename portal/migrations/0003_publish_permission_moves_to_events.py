# The permission to publish events belongs to the Event model now (events.publish_event);
# events/migrations/0003 hands every grant over.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0002_editorial_roles'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='responsibility',
            options={'ordering': ['user__username'], 'verbose_name': 'Zuständigkeit', 'verbose_name_plural': 'Zuständigkeiten'},
        ),
    ]
