"""What every plugin mutation shares on Saleor 3.23: the typed error and
Saleor 3's mutation conventions. Errors are in `errors`, typed as
`OpenOrderError`, as every Saleor 3 mutation's are; `openOrderErrors` holds
the same list under the name the Saleor 2.10 API used, marked deprecated."""

import logging

import graphene
from django.core.exceptions import ValidationError
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext
from graphql.error import GraphQLError
from saleor.channel.models import Channel
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.core.connection import from_global_cursor
from saleor.graphql.core.mutations import BaseMutation, validation_error_to_error_type
from saleor.graphql.core.types.common import Error
from saleor.permission.enums import OrderPermissions

from ...api.pages import check_page_size
from ...api.ids import node_or_error, node_or_none, pk_from_global_id
from ...api.paths import api_path
from ...errors import OpenOrderError as DomainError, OpenOrderErrorCode as Codes

__all__ = ["api_path", "node_or_error", "node_or_none", "pk_from_global_id"]

logger = logging.getLogger(__name__)

# Saleor 3's docs group each type under a category.
DOC_CATEGORY = "Open orders"


OpenOrderErrorCode = graphene.Enum(
    "OpenOrderErrorCode", [(code, code) for code in Codes.values()]
)
OpenOrderErrorCode.doc_category = DOC_CATEGORY


class OpenOrderError(Error):
    code = OpenOrderErrorCode(description="The error code.", required=True)

    class Meta:
        description = "An error in the input of an open-order mutation."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_field(root, _info):
        # Mutation errors and the problems that queries report alike.
        return api_path(root.field)


class OpenOrderMutation(BaseMutation):
    """Saleor 3's BaseMutation, in one transaction, with the domain's errors
    as typed errors. Nothing of a failed mutation is stored, and a bug of
    ours is logged and answered as INTERNAL_ERROR, never as Python's text."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", OpenOrderError)
        options.setdefault("error_type_field", "open_order_errors")
        options.setdefault("doc_category", DOC_CATEGORY)
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def mutate(cls, root, info, **data):
        try:
            with transaction.atomic():
                return super().mutate(root, info, **data)
        except DomainError as error:
            return cls.handle_domain_error(error)
        except (GraphQLError, PermissionDenied):
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
    def handle_errors(cls, error: ValidationError, **extra):
        # Saleor's helpers raise Django ValidationErrors with Saleor's
        # lowercase codes; report them in ours.
        known = set(Codes.values())
        errors = []
        for err in validation_error_to_error_type(error, OpenOrderError):
            code = str(getattr(err.code, "value", err.code) or "").upper()
            err.code = code if code in known else Codes.INVALID
            errors.append(err)
        return cls.handle_typed_errors(errors, **extra)

    @classmethod
    def handle_domain_error(cls, error):
        errors = [
            OpenOrderError(field=p.field, message=p.message, code=p.code)
            for p in error.problems
        ]
        return cls.handle_typed_errors(errors)


def check_cursors(kwargs):
    """Refuse a malformed `after`/`before` cursor, or a page size past
    Saleor's limit, with a GraphQL error, before Saleor's pagination decodes
    the cursor or asserts the limit."""
    check_page_size(kwargs, settings.GRAPHQL_PAGINATION_LIMIT)
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


def channel_or_error(slug, field="channel"):
    """The active channel a buyer names, or a typed error (as Saleor's own
    operations refuse an unknown or inactive channel)."""
    channel = Channel.objects.filter(slug=slug or "", is_active=True).first()
    if channel is None:
        raise DomainError.single(
            field,
            Codes.NOT_FOUND,
            gettext("No active channel with the slug %(slug)s.")
            % {"slug": str(slug)[:80]},
        )
    return channel


ChannelArgument = graphene.Argument(
    graphene.String,
    required=True,
    description="Slug of the channel the buyer shops in (its currency and prices).",
)


def is_production_staff(info):
    """A staff user or an app that may see the production board."""
    perms = [OrderPermissions.MANAGE_ORDERS]
    user = info.context.user
    app = getattr(info.context, "app", None)
    return bool(user and user.has_perms(perms)) or bool(app and app.has_perms(perms))
