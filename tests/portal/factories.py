import factory
from django.contrib.auth.models import Group, User

from portal.models import Responsibility
from portal.permissions import ADMINISTRATORS, CITY_EDITORS, NETWORK_OFFICES


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person-{n}")
    is_staff = True
    # Tests log in with force_login; no password to hash.
    password = "!"


def _member_of(group_name):
    def add(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=group_name))

    return factory.PostGeneration(add)


class CityEditorFactory(UserFactory):
    """A city editor („Redaktion Kommune“); pass municipalities=[...]."""

    group = _member_of(CITY_EDITORS)

    @factory.post_generation
    def municipalities(user, create, extracted, **kwargs):
        if create:
            responsibility, _ = Responsibility.objects.get_or_create(user=user)
            responsibility.municipalities.set(extracted or [])


class NetworkOfficeFactory(UserFactory):
    """A network office („Geschäftsstelle“); pass networks=[...]."""

    group = _member_of(NETWORK_OFFICES)

    @factory.post_generation
    def networks(user, create, extracted, **kwargs):
        if create:
            responsibility, _ = Responsibility.objects.get_or_create(user=user)
            responsibility.networks.set(extracted or [])


class AdministratorFactory(UserFactory):
    group = _member_of(ADMINISTRATORS)
