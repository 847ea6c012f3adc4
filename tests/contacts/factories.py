import factory

from contacts.models import Contact, Organisation, Partnership
from tests.networks.factories import NetworkFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testorganisation {n}")
    slug = factory.Sequence(lambda n: f"testorganisation-{n}")
    kind = Organisation.Kind.ASSOCIATION


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Testperson {n}")
    slug = factory.Sequence(lambda n: f"testperson-{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    is_public = True


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Partnership.Role.PARTNER
