"""Who sees the e-mail notices: network offices read them, administrators may do everything
with them (send them again, delete them). City editors do not see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NETWORK_OFFICES = "Geschäftsstelle"
ADMINISTRATORS = "Administration"

ROLES = {
    NETWORK_OFFICES: ["view_notice"],
    ADMINISTRATORS: ["view_notice", "add_notice", "change_notice", "delete_notice"],
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="notices", codename__in=codenames)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    app_config = apps.get_app_config("notices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0001_initial"),
        ("portal", "0002_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
