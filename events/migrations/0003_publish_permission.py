# Written by hand: whoever held portal.publish_event (groups and single persons) holds
# events.publish_event now; the old permission is gone.

from django.db import migrations

NAME = "Darf Veranstaltungen veröffentlichen"


def _move(apps, schema_editor, old, new):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old_permission = (
        Permission.objects.using(db)
        .filter(
            content_type__app_label=old[0], content_type__model=old[1], codename="publish_event"
        )
        .first()
    )
    if old_permission is None:
        return  # a new database: the permission is created with the model
    content_type, _created = ContentType.objects.using(db).get_or_create(
        app_label=new[0], model=new[1]
    )
    new_permission, _created = Permission.objects.using(db).get_or_create(
        content_type=content_type, codename="publish_event", defaults={"name": NAME}
    )
    for group in old_permission.group_set.all():
        group.permissions.add(new_permission)
    for user in old_permission.user_set.all():
        user.user_permissions.add(new_permission)
    old_permission.delete()


def forwards(apps, schema_editor):
    _move(apps, schema_editor, ("portal", "responsibility"), ("events", "event"))


def backwards(apps, schema_editor):
    _move(apps, schema_editor, ("events", "event"), ("portal", "responsibility"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_tables_content_types_history"),
        ("portal", "0003_publish_permission_moves_to_events"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
