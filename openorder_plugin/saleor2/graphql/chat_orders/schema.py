import uuid

import graphene
from graphql_jwt.exceptions import PermissionDenied
from saleor.core.permissions import OrderPermissions
from saleor.graphql.decorators import permission_required

from ....chat_orders.selectors import chat_order_by_token, staff_chat_orders
from ..core import (
    FilterConnectionField,
    check_cursors,
    is_production_staff,
    node_or_none,
)
from .filters import MadeToOrderDraftFilterInput
from .mutations import (
    MadeToOrderDraftCancel,
    MadeToOrderDraftConfirm,
    MadeToOrderDraftCreate,
)
from .types import MadeToOrderDraft


class ChatOrderQueries(graphene.ObjectType):
    made_to_order_drafts = FilterConnectionField(
        MadeToOrderDraft,
        filter=MadeToOrderDraftFilterInput(description="Filtering options."),
        description="Chat orders, newest first. Needs MANAGE_ORDERS.",
    )
    made_to_order_draft = graphene.Field(
        MadeToOrderDraft,
        token=graphene.Argument(
            graphene.UUID, description="The buyer link's token: the buyer's view."
        ),
        id=graphene.Argument(graphene.ID, description="For staff (MANAGE_ORDERS)."),
        description="One chat order: by the buyer link's token, or by ID for staff.",
    )

    @permission_required(OrderPermissions.MANAGE_ORDERS)
    def resolve_made_to_order_drafts(self, _info, **kwargs):
        check_cursors(kwargs)
        return staff_chat_orders()

    def resolve_made_to_order_draft(self, info, token=None, id=None):
        if id is not None:
            if not is_production_staff(info):
                raise PermissionDenied()
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
