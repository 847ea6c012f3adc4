"""What the editorial roles may do with images and documents: city editors and network offices
upload, pick and change files in the media library (which folders, filer's folder permissions
decide: their own ones, kept in step by networks/folders.py, and the shared folder
„Gemeinsam“ created here), place the image and download plugins, and attach documents to
events and initiatives. Administrators may do everything, in every folder."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CITY_EDITORS = "Redaktion Kommune"
NETWORK_OFFICES = "Geschäftsstelle"
ADMINISTRATORS = "Administration"
SHARED_FOLDER = "Gemeinsam"

# filer.FolderPermission's choices.
ALL_FOLDERS, THIS_AND_CHILDREN = 0, 2
ALLOW = 1

APPS = ["filer", "media", "events", "initiatives"]


def perms(model, *actions):
    app_label, model_name = model.split(".")
    return [f"{app_label}.{action}_{model_name}" for action in actions]


CHANGE = ("view", "add", "change", "delete")
EDITORS = [
    # Filer's upload asks for add_file, its folders for change_folder, its file picker for
    # can_use_directory_listing.
    *perms("filer.file", *CHANGE),
    *perms("filer.folder", *CHANGE),
    "filer.can_use_directory_listing",
    *perms("media.image", *CHANGE),
    *perms("media.imagepluginmodel", *CHANGE),
    *perms("media.downloadpluginmodel", *CHANGE),
    *perms("events.eventattachment", *CHANGE),
    *perms("initiatives.initiativeattachment", *CHANGE),
]
ROLES = {CITY_EDITORS: EDITORS, NETWORK_OFFICES: EDITORS}


def _permissions(apps, dotted_names):
    Permission = apps.get_model("auth", "Permission")
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups need them now.
    for label in APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groups = {}
    for name, dotted_names in ROLES.items():
        groups[name], _created = Group.objects.get_or_create(name=name)
        groups[name].permissions.add(*_permissions(apps, dotted_names))
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["filer", "media"]),
        *_permissions(apps, EDITORS),
    )

    Folder = apps.get_model("filer", "Folder")
    FolderPermission = apps.get_model("filer", "FolderPermission")
    shared, _created = Folder.objects.get_or_create(parent=None, name=SHARED_FOLDER)
    for group in groups.values():
        # Everyone reads and adds; changing a file stays with the person who uploaded it.
        FolderPermission.objects.update_or_create(
            folder=shared,
            group=group,
            defaults={"type": THIS_AND_CHILDREN, "can_read": ALLOW, "can_add_children": ALLOW},
        )
    FolderPermission.objects.update_or_create(
        folder=None,
        group=administrators,
        defaults={
            "type": ALL_FOLDERS,
            "can_read": ALLOW,
            "can_edit": ALLOW,
            "can_add_children": ALLOW,
        },
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    FolderPermission = apps.get_model("filer", "FolderPermission")
    for name, dotted_names in ROLES.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(apps, dotted_names))
    FolderPermission.objects.filter(
        group__name__in=[CITY_EDITORS, NETWORK_OFFICES], folder__name=SHARED_FOLDER
    ).delete()
    FolderPermission.objects.filter(group__name=ADMINISTRATORS, folder=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("filer", "0018_alter_file_options"),
        ("portal", "0002_editorial_roles"),
        ("events", "0004_eventattachment_event_created_by_and_more"),
        ("initiatives", "0005_initiativeattachment_initiative_editorial_note"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
