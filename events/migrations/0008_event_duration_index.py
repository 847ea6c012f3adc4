# The longest event's duration for "not over yet" as an index range scan, and the list's order
# index covering what public() asks (index-only scans for deep pages). Rewritten by hand: it
# replaces event_order with the same key and two included columns.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_record_times'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='event',
            index=models.Index(models.F('ends_at') - models.F('start'), name='event_duration'),
        ),
        migrations.RemoveIndex(
            model_name='event',
            name='event_order',
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(
                fields=['start', 'title', 'id'],
                include=['status', 'publish_at'],
                name='event_order',
            ),
        ),
    ]
