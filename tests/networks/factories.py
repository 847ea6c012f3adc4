import factory

from networks.models import Membership, Municipality, Network, Topic


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Testnetzwerk {n}")
    slug = factory.Sequence(lambda n: f"testnetzwerk-{n}")
    kind = Network.Kind.CITY_NETWORK


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Teststadt {n}")
    official_name = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"teststadt-{n}")
    ags = factory.Sequence(lambda n: f"{99000000 + n:08d}")
    district = "Landkreis Test"
    kind = Municipality.Kind.TOWN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    role = Membership.Role.MEMBER


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Testthema {n}")
    slug = factory.Sequence(lambda n: f"testthema-{n}")
