"""What every plugin mutation shares: the typed error and Saleor's mutation
conventions (`errors` plus a typed `openOrderErrors` list)."""

import logging

import graphene
from django.db import transaction
from django.utils.translation import gettext
from graphene_django.settings import graphene_settings
from graphql.error import GraphQLError
from graphql_jwt.exceptions import JSONWebTokenError
from saleor.core.permissions import OrderPermissions
from saleor.graphql.core.connection import from_global_cursor
from saleor.graphql.core.fields import BaseConnectionField, FilterInputConnectionField
from saleor.graphql.core.mutations import BaseMutation, validation_error_to_error_type
from saleor.graphql.core.types.common import Error

from ...api.ids import node_or_error, node_or_none, pk_from_global_id
from ...api.pages import check_page_size
from ...api.paths import api_path
from ...errors import OpenOrderError as DomainError, OpenOrderErrorCode as Codes

# The one boundary for IDs and paths, shared by both hosts' GraphQL layers.
__all__ = ["api_path", "node_or_error", "node_or_none", "pk_from_global_id"]

logger = logging.getLogger(__name__)

OpenOrderErrorCode = graphene.Enum(
    "OpenOrderErrorCode", [(code, code) for code in Codes.values()]
)


class OpenOrderError(Error):
    code = OpenOrderErrorCode(description="The error code.", required=True)

    class Meta:
        description = "An error in the input of an open-order mutation."

    @staticmethod
    def resolve_field(root, _info):
        # Mutation errors and the problems that queries report alike.
        return api_path(root.field)


class OpenOrderMutation(BaseMutation):
    """Saleor's BaseMutation, plus the domain's errors as typed errors.

    Domain errors carry a snake_case field path, given in the API's words
    (api_path); Django ValidationErrors (from Saleor's helpers, e.g. an unknown ID)
    keep Saleor's own handling."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", OpenOrderError)
        options.setdefault("error_type_field", "open_order_errors")
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def mutate(cls, root, info, **data):
        # One transaction per mutation: an error, expected or not, leaves the
        # database as it was.
        try:
            with transaction.atomic():
                return super().mutate(root, info, **data)
        except DomainError as error:
            return cls.handle_domain_error(error)
        except (GraphQLError, JSONWebTokenError):
            raise  # GraphQL's own errors and permission refusals, as Saleor reports them
        except Exception:  # a bug of ours: logged in full, never shown to the caller
            logger.exception("%s failed unexpectedly", cls.__name__)
            return cls.handle_domain_error(
                DomainError.single(
                    None,
                    Codes.INTERNAL_ERROR,
                    gettext(
                        "Something went wrong on our side and nothing was changed; please try again."
                    ),
                )
            )

    @classmethod
    def handle_errors(cls, error, **extra):
        # Saleor's helpers (e.g. an ID that resolves to nothing) raise Django
        # ValidationErrors with Saleor's lowercase codes; report them in ours.
        known = set(Codes.values())
        errors = []
        for err, code, params in validation_error_to_error_type(error):
            code = getattr(code, "value", code)
            code = str(code).upper() if code else Codes.INVALID
            errors.append((err, code if code in known else Codes.INVALID, params))
        return cls.handle_typed_errors(errors, **extra)

    @classmethod
    def handle_domain_error(cls, error):
        errors = [
            (Error(field=api_path(p.field), message=p.message), p.code, None)
            for p in error.problems
        ]
        return cls.handle_typed_errors(errors)


def check_cursors(kwargs):
    """Refuse a malformed `after`/`before` cursor with a GraphQL error, before
    Saleor's pagination decodes it (it would raise a Python error)."""
    for name in ("after", "before"):
        cursor = kwargs.get(name)
        if cursor is None:
            continue
        try:
            values = from_global_cursor(cursor)
            if not isinstance(values, list):
                raise ValueError(values)
        except Exception:  # anything but a cursor this API handed out
            raise GraphQLError(
                gettext("`%(name)s` is not a cursor this API gave out.")
                % {"name": name}
            )


class PageSizeLimit:
    """Check `first`/`last` before Saleor 2.10 asserts its limit. (Its plain
    connection field has no limit at all; it gets Saleor's default.)"""

    def get_resolver(self, parent_resolver):
        resolver = super().get_resolver(parent_resolver)
        limit = getattr(self, "max_limit", None) or (
            graphene_settings.RELAY_CONNECTION_MAX_LIMIT
        )

        def resolve_page(root, info, **kwargs):
            check_page_size(kwargs, limit)
            return resolver(root, info, **kwargs)

        return resolve_page


class ConnectionField(PageSizeLimit, BaseConnectionField):
    """Saleor's connection field, with page sizes refused as GraphQL errors."""


class FilterConnectionField(PageSizeLimit, FilterInputConnectionField):
    """Saleor's filtered connection field, with page sizes refused as GraphQL
    errors."""


class OrderLineNames:
    """Resolvers of the product and variant names of an object that belongs
    to an order line (a frozen spec snapshot, a production job)."""

    @staticmethod
    def resolve_product_name(root, _info):
        return root.order_line.product_name

    @staticmethod
    def resolve_variant_name(root, _info):
        return root.order_line.variant_name


def is_production_staff(info):
    """Whether the caller (a user or an app) may see staff's side of
    production: jobs, events and batches."""
    user = info.context.user
    app = getattr(info.context, "app", None)
    perms = [OrderPermissions.MANAGE_ORDERS]
    return user.has_perms(perms) or bool(app and app.has_perms(perms))
