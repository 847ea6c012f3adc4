"""Who may edit what.

Three roles, as Django groups created by a data migration: city editors („Redaktion Kommune“)
answer for municipalities, network offices („Geschäftsstelle“) for networks, administrators
(„Administration“, and superusers) for everything. The groups' model permissions say what a
role may do with a kind of record; the rule per model below says which records that applies to.
The admin's lists, its object permissions and the choices in its forms all ask this module.
Each app declares the rules of its models when it starts (AppConfig.ready, `register_rule`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

CITY_EDITORS = "Redaktion Kommune"
NETWORK_OFFICES = "Geschäftsstelle"
ADMINISTRATORS = "Administration"

NOTHING = Q(pk__in=[])
# Not Q(): an empty Q vanishes when combined with |.
EVERYTHING = Q(pk__isnull=False)


@dataclass(frozen=True)
class Scope:
    """The municipalities and networks one person answers for, as primary keys."""

    unrestricted: bool = False
    municipalities: frozenset = frozenset()
    networks: frozenset = frozenset()

    @classmethod
    def of(cls, user):
        """The scope of a user, computed once per user object (that is, per request)."""
        if not hasattr(user, "_portal_scope"):
            user._portal_scope = cls._compute(user)
        return user._portal_scope

    @classmethod
    def _compute(cls, user):
        if not user.is_active or not user.is_authenticated:
            return cls()
        if user.is_superuser:
            return cls(unrestricted=True)
        groups = set(user.groups.values_list("name", flat=True))
        if ADMINISTRATORS in groups:
            return cls(unrestricted=True)
        responsibility = getattr(user, "responsibility", None)
        if responsibility is None:
            return cls()
        municipalities = networks = frozenset()
        if CITY_EDITORS in groups:
            municipalities = frozenset(responsibility.municipalities.values_list("pk", flat=True))
        if NETWORK_OFFICES in groups:
            networks = frozenset(responsibility.networks.values_list("pk", flat=True))
        return cls(municipalities=municipalities, networks=networks)


@dataclass(frozen=True)
class Rule:
    """Which records of a model belong to a scope.

    `by_municipality` and `by_network` are lookups from a record to the municipalities and
    networks it belongs to: a city editor may edit the records of their municipalities, a
    network office those of its networks (as far as the role's permissions go). Some records
    may be seen, and picked in forms, beyond that: `seen_by_municipality` names a lookup
    through which city editors see records read-only, `seen_by_offices` lets network offices
    see all records, `seen_by_all` lets everyone on the staff see all records.
    """

    by_municipality: str | None = None
    by_network: str | None = None
    seen_by_municipality: str | None = None
    seen_by_offices: bool = False
    seen_by_all: bool = False
    # Further conditions of a model's own, e.g. a workflow: (user, obj) -> bool.
    may_change: Callable | None = None
    may_delete: Callable | None = None
    # (user, record before, record after) -> bool: whether a revert may make that change.
    may_revert: Callable | None = None
    # What a form says when someone picks a record of this model outside their scope.
    not_yours: str = _(
        "Diese Auswahl steht Ihnen nicht zur Verfügung. Bitte wählen Sie aus den angebotenen "
        "Einträgen."
    )

    def editable(self, scope):
        condition = NOTHING
        if self.by_municipality and scope.municipalities:
            condition |= Q(**{f"{self.by_municipality}__in": scope.municipalities})
        if self.by_network and scope.networks:
            condition |= Q(**{f"{self.by_network}__in": scope.networks})
        return condition

    def visible(self, scope):
        if self.seen_by_all or (self.seen_by_offices and scope.networks):
            return EVERYTHING
        condition = self.editable(scope)
        if self.seen_by_municipality and scope.municipalities:
            condition |= Q(**{f"{self.seen_by_municipality}__in": scope.municipalities})
        return condition

    def anchor(self, scope):
        """The form field that ties a record to the person's scope, if exactly one does: it
        must be filled, or the record would slip out of reach after saving."""
        if scope.municipalities and not scope.networks:
            lookup = self.by_municipality
        elif scope.networks and not scope.municipalities:
            lookup = self.by_network
        else:
            return None
        if lookup and "__" not in lookup and lookup != "pk":
            return lookup
        return None


RULES = {}


def register_rule(label, rule):
    """Declare which records of the model `label` ("app_label.ModelName") belong to a scope."""
    RULES[label] = rule


def rule_for(model):
    return RULES.get(model._meta.concrete_model._meta.label)


def _scoped(queryset, user, condition):
    scope = Scope.of(user)
    if scope.unrestricted:
        return queryset
    rule = rule_for(queryset.model)
    if rule is None:
        return queryset.none()
    # A subquery rather than a join: joins through many-to-many fields would repeat rows.
    matching = queryset.model._default_manager.filter(condition(rule, scope)).values("pk")
    return queryset.filter(pk__in=matching)


def editable(queryset, user):
    """The records of `queryset` within the user's scope."""
    return _scoped(queryset, user, Rule.editable)


def visible(queryset, user):
    """The records of `queryset` the user may see in the admin and pick in forms."""
    return _scoped(queryset, user, Rule.visible)


def in_scope(user, obj):
    return editable(type(obj)._default_manager.filter(pk=obj.pk), user).exists()


def has_model_perm(user, action, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def can_change(user, obj):
    """The one answer to „may this person change this record?“, for the admin and for the
    record's content in the CMS."""
    if not has_model_perm(user, "change", type(obj)) or not in_scope(user, obj):
        return False
    rule = rule_for(type(obj))
    return rule is None or rule.may_change is None or rule.may_change(user, obj)


def may_revert(user, before, after):
    """Whether reverting may turn `before` (None: a deleted record) into `after`, beyond
    may the person change it."""
    rule = rule_for(type(after))
    return rule is None or rule.may_revert is None or rule.may_revert(user, before, after)


def can_delete(user, obj):
    if not has_model_perm(user, "delete", type(obj)) or not in_scope(user, obj):
        return False
    rule = rule_for(type(obj))
    return rule is None or rule.may_delete is None or rule.may_delete(user, obj)


def grant_page_subtree(user, page):
    """Let a city editor edit and publish a CMS page and all pages below it (django-cms page
    permissions; with CMS_PERMISSION on, editors without such a grant edit no page)."""
    from cms.models.permissionmodels import ACCESS_PAGE_AND_DESCENDANTS, PagePermission

    permission, _created = PagePermission.objects.update_or_create(
        user=user,
        page=page,
        defaults={
            "grant_on": ACCESS_PAGE_AND_DESCENDANTS,
            "can_add": True,
            "can_change": True,
            "can_publish": True,
            "can_delete": False,
            "can_move_page": False,
            "can_change_advanced_settings": False,
            "can_change_permissions": False,
        },
    )
    return permission


def refusal(user, model):
    """Why a record is out of reach, in words for the person who asked."""
    scope = Scope.of(user)
    kind = {"kind": model._meta.verbose_name}
    if scope.municipalities and not scope.networks:
        return (
            _(
                "Sie können nur Einträge Ihrer Kommunen bearbeiten; dieser Eintrag (%(kind)s) "
                "gehört nicht dazu. Es wurde nichts geändert."
            )
            % kind
        )
    if scope.networks and not scope.municipalities:
        return (
            _(
                "Sie können nur Einträge der Netzwerke bearbeiten, die Ihre Geschäftsstelle "
                "betreut; dieser Eintrag (%(kind)s) gehört nicht dazu. Es wurde nichts geändert."
            )
            % kind
        )
    return (
        _(
            "Dieser Eintrag (%(kind)s) liegt außerhalb Ihrer Zuständigkeit. "
            "Es wurde nichts geändert."
        )
        % kind
    )
