"""Chat orders: staff's list and lookup, the buyer's read by the link's
token, and the chat-order mutations."""

import uuid

import graphene
from saleor.core.exceptions import PermissionDenied
from saleor.graphql.core.connection import (
    create_connection_slice,
    filter_connection_queryset,
)
from saleor.graphql.core.fields import BaseField, FilterConnectionField
from saleor.graphql.core.scalars import UUID
from saleor.permission.enums import OrderPermissions

from ....chat_orders.selectors import chat_order_by_token, staff_chat_orders
from ..core import DOC_CATEGORY, check_cursors, is_production_staff, node_or_none
from .filters import MadeToOrderDraftFilterInput
from .mutations import (
    MadeToOrderDraftCancel,
    MadeToOrderDraftConfirm,
    MadeToOrderDraftCreate,
)
from .types import MadeToOrderDraft, MadeToOrderDraftCountableConnection


class ChatOrderQueries(graphene.ObjectType):
    made_to_order_drafts = FilterConnectionField(
        MadeToOrderDraftCountableConnection,
        filter=MadeToOrderDraftFilterInput(description="Filtering options."),
        description="Chat orders, newest first.",
        permissions=[OrderPermissions.MANAGE_ORDERS],
        doc_category=DOC_CATEGORY,
    )
    made_to_order_draft = BaseField(
        MadeToOrderDraft,
        token=graphene.Argument(
            UUID, description="The buyer link's token: the buyer's view."
        ),
        id=graphene.Argument(graphene.ID, description="For staff (MANAGE_ORDERS)."),
        description="One chat order: by the buyer link's token, or by ID for staff.",
        doc_category=DOC_CATEGORY,
    )

    @staticmethod
    def resolve_made_to_order_drafts(_root, info, **kwargs):
        check_cursors(kwargs)
        qs = filter_connection_queryset(
            staff_chat_orders(), kwargs, allow_replica=info.context.allow_replica
        )
        return create_connection_slice(
            qs, info, kwargs, MadeToOrderDraftCountableConnection
        )

    @staticmethod
    def resolve_made_to_order_draft(_root, info, *, token=None, id=None):
        if id is not None:
            if not is_production_staff(info):
                raise PermissionDenied(permissions=[OrderPermissions.MANAGE_ORDERS])
            return node_or_none(
                id, "MadeToOrderDraft", staff_chat_orders(), pk_type=uuid.UUID
            )
        if token is None:
            return None
        return chat_order_by_token(token)


class ChatOrderMutations(graphene.ObjectType):
    made_to_order_draft_create = MadeToOrderDraftCreate.Field()
    made_to_order_draft_confirm = MadeToOrderDraftConfirm.Field()
    made_to_order_draft_cancel = MadeToOrderDraftCancel.Field()
