# The editorial roles use django-cms' structure mode, where free content is added to pages and
# to record pages: without this permission the toolbar offers no structure button.

from django.db import migrations

ROLES = ["Redaktion Kommune", "Geschäftsstelle", "Administration"]


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.using(db).get_or_create(
        app_label="cms", model="placeholder"
    )
    permission, _created = Permission.objects.using(db).get_or_create(
        content_type=content_type,
        codename="use_structure",
        defaults={"name": "Can use Structure mode"},
    )
    for group in Group.objects.using(db).filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="cms", codename="use_structure"
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=ROLES):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_publish_permission_moves_to_events"),
        ("cms", "0045_pageurl_site_unique_path"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
