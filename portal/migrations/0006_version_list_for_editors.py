# The editorial roles see the versions of the CMS pages they may change (the version list and
# the compare view of djangocms-versioning, whose proxy model has permissions of its own).
# Which pages: portal.draft_access refuses every page a person may not change. Only "view":
# publishing, discarding and reverting stay governed by the page permissions of django-cms.

from django.db import migrations

ROLES = ["Redaktion Kommune", "Geschäftsstelle", "Administration"]


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.using(db).get_or_create(
        app_label="djangocms_versioning", model="pagecontentversion"
    )
    permission, _created = Permission.objects.using(db).get_or_create(
        content_type=content_type,
        codename="view_pagecontentversion",
        defaults={"name": "Can view page content version"},
    )
    for group in Group.objects.using(db).filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="djangocms_versioning", codename="view_pagecontentversion"
    ).first()
    if permission is not None:
        for group in Group.objects.filter(name__in=ROLES):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_cache_table"),
        ("djangocms_versioning", "0018_fix_typo"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
