import factory

from initiatives.models import Initiative
from tests.networks.factories import NetworkFactory


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Testinitiative {n}")
    slug = factory.Sequence(lambda n: f"testinitiative-{n}")
    kind = Initiative.Kind.MODEL_PROJECT
    network = factory.SubFactory(NetworkFactory)
