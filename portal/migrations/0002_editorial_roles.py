"""The editorial roles as groups with their permissions. Which records a member may touch is
decided per person (portal.Responsibility) by portal.permissions; this only says what each
role may do with a kind of record."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CITY_EDITORS = "Redaktion Kommune"
NETWORK_OFFICES = "Geschäftsstelle"
ADMINISTRATORS = "Administration"

# Content that editors place on the pages of their records and, for city editors, on their
# city's CMS pages.
PLUGINS = [
    "djangocms_text.text",
    "networks.upcomingeventspluginmodel",
    "networks.networkmemberspluginmodel",
    "contacts.contactcardpluginmodel",
    "initiatives.initiativeteaserpluginmodel",
]


def perms(model, *actions):
    app_label, model_name = model.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


PLUGIN_PERMISSIONS = [
    perm for plugin in PLUGINS for perm in perms(plugin, "view", "add", "change", "delete")
]

ROLES = {
    CITY_EDITORS: [
        *perms("networks.municipality", "view", "change"),
        *perms("networks.network", "view"),
        *perms("networks.membership", "view"),
        *perms("networks.event", "view", "add", "change", "delete"),
        *perms("networks.topic", "view"),
        *perms("initiatives.initiative", "view", "add", "change"),
        *perms("contacts.contact", "view", "add", "change"),
        *perms("contacts.organisation", "view"),
        # The CMS pages granted to the person (page permissions), nothing else.
        *perms("cms.page", "view", "add", "change", "publish"),
        *perms("djangocms_versioning.version", "view", "add", "change"),
        *PLUGIN_PERMISSIONS,
    ],
    NETWORK_OFFICES: [
        *perms("networks.network", "view", "change"),
        *perms("networks.networkitem", "view", "add", "change", "delete"),
        *perms("networks.membership", "view", "add", "change", "delete"),
        *perms("networks.municipality", "view"),
        *perms("networks.event", "view", "add", "change", "delete"),
        "portal.publish_event",
        *perms("networks.topic", "view"),
        *perms("initiatives.initiative", "view", "add", "change", "delete"),
        *perms("contacts.contact", "view", "add", "change", "delete"),
        *perms("contacts.partnership", "view", "add", "change", "delete"),
        *perms("contacts.organisation", "view", "add", "change"),
        *PLUGIN_PERMISSIONS,
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, dotted_names in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )

    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())
    GlobalPagePermission = apps.get_model("cms", "GlobalPagePermission")
    GlobalPagePermission.objects.get_or_create(
        group=administrators,
        defaults={
            "can_change": True,
            "can_add": True,
            "can_delete": True,
            "can_publish": True,
            "can_change_advanced_settings": True,
            "can_change_permissions": True,
            "can_move_page": True,
            "can_recover_page": True,
        },
    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[CITY_EDITORS, NETWORK_OFFICES, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_responsibility"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cms", "0045_pageurl_site_unique_path"),
        ("djangocms_text", "0004_remove_old_ckeditor_table"),
        ("djangocms_versioning", "0018_fix_typo"),
        ("networks", "0004_plugins"),
        ("contacts", "0004_plugins"),
        ("initiatives", "0003_plugins"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
