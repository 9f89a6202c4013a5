"""What both hosts' DesignProof types share (graphene only): a round of
design approval in the API's words. Each host adds its date-time fields in
its own scalar."""

import graphene
from django.urls import reverse

from .production_enums import DesignProofStatusEnum


class DesignProofFields:
    id = graphene.ID(
        required=True,
        description="The proof's ID: the buyer answers with it.",
    )
    version = graphene.Int(required=True, description="The round: 1, 2, …")
    stage = graphene.String(required=True, description="The stage it is for.")
    stage_label = graphene.String(required=True)
    status = DesignProofStatusEnum(required=True)
    product_name = graphene.String(required=True, description="The item it shows.")
    note = graphene.String(required=True, description="Staff's note to the buyer.")
    comment = graphene.String(
        description="What the buyer asked to change (CHANGES_REQUESTED)."
    )
    file_name = graphene.String(required=True)
    content_type = graphene.String(required=True, description="Found from its content.")
    size = graphene.Int(required=True, description="Size in bytes.")
    url = graphene.String(
        required=True,
        description=(
            "Where to see it: the buyer adds `?token=` with the order's token; "
            "staff send their JWT."
        ),
    )

    @staticmethod
    def resolve_id(root, _info):
        return graphene.Node.to_global_id("DesignProof", root.pk)

    @staticmethod
    def resolve_stage_label(root, _info):
        return root.job.stage_label(root.stage)

    @staticmethod
    def resolve_product_name(root, _info):
        return root.job.order_line.product_name

    @staticmethod
    def resolve_note(root, _info):
        return root.staff_note

    @staticmethod
    def resolve_comment(root, _info):
        return root.buyer_comment or None

    @staticmethod
    def resolve_file_name(root, _info):
        return root.original_name

    @staticmethod
    def resolve_url(root, _info):
        return reverse("openorder-design-proof-file", kwargs={"proof_id": str(root.pk)})
