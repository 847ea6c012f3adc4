from datetime import timedelta

import pytest
from django.utils import timezone

from tests.helpers import refused
from tests.networks.factories import MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_duplicate_ags_is_refused():
    MunicipalityFactory(ags="12999001")
    refused(lambda: MunicipalityFactory(ags="12999001"))


@pytest.mark.parametrize("ags", ["1205100", "120510001", "12A51000", "        "])
def test_malformed_ags_is_refused_by_the_database(ags):
    # .objects.create skips form validation: the CHECK constraint must refuse it.
    refused(lambda: MunicipalityFactory(ags=ags))


def test_network_ended_before_founded_is_refused():
    refused(
        lambda: NetworkFactory(
            founded=timezone.localdate(), ended=timezone.localdate() - timedelta(days=1)
        )
    )


def test_network_funding_end_before_start_is_refused():
    refused(lambda: NetworkFactory(funding_start_year=2011, funding_end_year=2009))


def test_duplicate_slug_is_refused():
    NetworkFactory(slug="doppelt")
    refused(lambda: NetworkFactory(slug="doppelt"))


def test_model_validation_explains_bad_ags_in_german():
    from django.core.exceptions import ValidationError

    municipality = MunicipalityFactory.build(ags="123")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "acht Ziffern" in str(error.value)


def test_population_source_must_be_a_web_address():
    from django.core.exceptions import ValidationError

    municipality = MunicipalityFactory.build(population_source="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        municipality.full_clean()
    assert "population_source" in error.value.message_dict
