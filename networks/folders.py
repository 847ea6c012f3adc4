"""Folders of the media library (django-filer): „Kommunen/<Name>“ for each municipality and
„Netzwerke/<Name>“ for each network someone answers for, each read, used and changed by
exactly those people. Their folder permissions follow their Responsibility and role, kept in
step by the signals `connect()` hooks up. The shared folder „Gemeinsam“ and the
administrators' access to every folder are granted to groups once, by
media/migrations/0002_roles.py."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete
from filer.cache import clear_folder_permission_cache
from filer.models import Folder, FolderPermission

from networks.models import Municipality, Network
from portal.models import Responsibility
from portal.permissions import Scope

MUNICIPALITIES = "Kommunen"
NETWORKS = "Netzwerke"

_GRANTED = {
    "type": FolderPermission.CHILDREN,
    "can_read": FolderPermission.ALLOW,
    "can_edit": FolderPermission.ALLOW,
    "can_add_children": FolderPermission.ALLOW,
}


def folder_for(record):
    """The folder of a municipality or a network, created when first needed."""
    parent_name = MUNICIPALITIES if isinstance(record, Municipality) else NETWORKS
    parent, _created = Folder.objects.get_or_create(parent=None, name=parent_name)
    folder, _created = Folder.objects.get_or_create(parent=parent, name=str(record.name))
    return folder


def _managed():
    """The permissions of single people on the folders of municipalities and networks: those
    this module keeps in step."""
    return FolderPermission.objects.filter(
        user__isnull=False,
        folder__parent__parent__isnull=True,
        folder__parent__name__in=[MUNICIPALITIES, NETWORKS],
    )


def sync_folder_permissions(*, user):
    """Give a person the folders of the municipalities and networks they answer for, and take
    the others away. Administrators reach every folder through their group."""
    # A fresh object: the scope is cached on the user object, and it has just changed.
    user = get_user_model().objects.filter(pk=user.pk).first()
    if user is None:
        return
    scope = Scope.of(user)
    folders = set()
    if not scope.unrestricted:
        records = [
            *Municipality.objects.filter(pk__in=scope.municipalities),
            *Network.objects.filter(pk__in=scope.networks),
        ]
        folders = {folder_for(record) for record in records}
    _managed().filter(user=user).exclude(folder__in=folders).delete()
    for folder in folders:
        FolderPermission.objects.update_or_create(user=user, folder=folder, defaults=_GRANTED)
    # Filer caches everyone's folder permissions under one key.
    clear_folder_permission_cache(user)


_CHANGED = {"post_add", "post_remove", "post_clear"}


def _responsibility_changed(sender, instance, action, **kwargs):
    if action in _CHANGED:
        sync_folder_permissions(user=instance.user)


def _responsibility_deleted(sender, instance, **kwargs):
    sync_folder_permissions(user=instance.user)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in _CHANGED:
        return
    User = get_user_model()
    if not reverse:
        users = [instance]
    elif pk_set is not None:
        users = User.objects.filter(pk__in=pk_set)
    else:
        # A group was emptied: only those who hold folders can lose any.
        users = User.objects.filter(pk__in=_managed().values("user"))
    for user in users:
        sync_folder_permissions(user=user)


def connect():
    """Keep folder permissions in step with responsibilities and roles (AppConfig.ready)."""
    for field in (Responsibility.municipalities, Responsibility.networks):
        m2m_changed.connect(
            _responsibility_changed,
            sender=field.through,
            dispatch_uid=f"networks.folders.{field.field.name}",
        )
    post_delete.connect(
        _responsibility_deleted, sender=Responsibility, dispatch_uid="networks.folders.deleted"
    )
    m2m_changed.connect(
        _groups_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="networks.folders.groups",
    )
