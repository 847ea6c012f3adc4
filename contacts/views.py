from django.db.models import Prefetch

from contacts.filters import contact_list
from contacts.models import Contact, Organisation, Partnership
from contacts.structured_data import organisation_data
from portal.views import FilteredListView, RecordDetailView


class ContactListView(FilteredListView):
    selector = staticmethod(contact_list)


class ContactDetailView(RecordDetailView):
    queryset = (
        Contact.objects.public()
        .select_related("organisation")
        .prefetch_related("networks", "municipalities")
    )


class OrganisationDetailView(RecordDetailView):
    queryset = (
        Organisation.objects.public()
        .select_related("parent")
        .prefetch_related(
            Prefetch("partnerships", queryset=Partnership.objects.select_related("network")),
            Prefetch("contacts", queryset=Contact.objects.public(), to_attr="public_contacts"),
            "children",
        )
    )

    def get_structured_data(self):
        return organisation_data(self.object, request=self.request)
