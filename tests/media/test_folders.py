"""The media library's folders as the staff see them in filer's admin: their own
municipality's or network's folder and „Gemeinsam“, nothing else; administrators all."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from filer.models import File, Folder

from networks.folders import folder_for
from portal.permissions import CITY_EDITORS
from tests.helpers import logged_in
from tests.media.factories import PDF
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import AdministratorFactory, CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db


def listing(client, folder=None):
    if folder is None:
        url = reverse("admin:filer-directory_listing-root")
    else:
        url = reverse("admin:filer-directory_listing", kwargs={"folder_id": folder.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.context["paginated_items"].object_list


def folders_seen(client, folder=None):
    return {str(item) for item in listing(client, folder) if isinstance(item, Folder)}


def files_seen(client, folder):
    return {item.label for item in listing(client, folder) if isinstance(item, File)}


def upload(client, folder, name="protokoll.pdf"):
    url = reverse("admin:filer-ajax_upload", kwargs={"folder_id": folder.pk})
    return client.post(url, {"file": SimpleUploadedFile(name, PDF)})


@pytest.fixture
def towns():
    own, other = MunicipalityFactory(name="Ordnerstadt"), MunicipalityFactory(name="Fremdstadt")
    network = NetworkFactory(name="Ordnernetz")
    # Someone else answers for the other town and the network: their folders exist.
    CityEditorFactory(municipalities=[other])
    NetworkOfficeFactory(networks=[network])
    return own, other, network


def test_a_city_editor_sees_and_uses_only_their_folder_and_the_shared_one(towns):
    own, other, _network = towns
    colleague = logged_in(CityEditorFactory(municipalities=[other]))
    assert upload(colleague, folder_for(other), "fremd.pdf").status_code == 200
    client = logged_in(CityEditorFactory(municipalities=[own]))

    assert folders_seen(client) == {"/Kommunen/Ordnerstadt", "/Gemeinsam"}
    assert files_seen(colleague, folder_for(other)) == {"fremd.pdf"}
    assert files_seen(client, folder_for(other)) == set()

    assert upload(client, folder_for(own)).status_code == 200
    assert upload(client, Folder.objects.get(name="Gemeinsam")).status_code == 200
    files = File.objects.count()
    refused = upload(client, folder_for(other), "eingeschmuggelt.pdf")
    assert refused.status_code == 403
    assert File.objects.count() == files


def test_a_network_office_sees_the_folder_of_its_network(towns):
    _own, _other, network = towns
    client = logged_in(NetworkOfficeFactory(networks=[network]))

    assert folders_seen(client) == {"/Netzwerke/Ordnernetz", "/Gemeinsam"}


def test_the_folder_goes_with_the_responsibility(towns):
    own, _other, _network = towns
    editor = CityEditorFactory(municipalities=[own])

    editor.responsibility.municipalities.remove(own)

    assert folders_seen(logged_in(editor)) == {"/Gemeinsam"}
    assert upload(logged_in(editor), folder_for(own)).status_code == 403


def test_the_folder_goes_with_the_role(towns):
    own, _other, _network = towns
    editor = CityEditorFactory(municipalities=[own])

    Group.objects.get(name=CITY_EDITORS).user_set.remove(editor)

    assert upload(logged_in(editor), folder_for(own)).status_code == 403


def test_administrators_see_every_folder(towns):
    _own, other, _network = towns
    colleague = logged_in(CityEditorFactory(municipalities=[other]))
    assert upload(colleague, folder_for(other), "fremd.pdf").status_code == 200
    client = logged_in(AdministratorFactory())

    seen = folders_seen(client)
    assert {"/Kommunen", "/Netzwerke", "/Gemeinsam"} <= seen
    assert "/Kommunen/Fremdstadt" in folders_seen(client, Folder.objects.get(name="Kommunen"))
    assert files_seen(client, folder_for(other)) == {"fremd.pdf"}
