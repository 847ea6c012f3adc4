"""What the editorial roles may do with news: city editors write drafts about their
municipalities and submit them, network offices publish and withdraw those of their networks
(which records, the scope rule decides); administrators may do everything."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHANGE = ("view", "add", "change", "delete")
MODELS = ["newsitem", "newsattachment", "latestnewspluginmodel"]
EDITORS = [f"{action}_{model}" for model in MODELS for action in CHANGE]
ROLES = {
    "Redaktion Kommune": EDITORS,
    "Geschäftsstelle": [*EDITORS, "publish_newsitem"],
    "Administration": [*EDITORS, "publish_newsitem"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    app_config = apps.get_app_config("news")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="news"))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("portal", "0002_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
