"""What both hosts' PaymentProof types resolve alike (graphene only): a
transfer proof's fields in the API's words."""

from django.urls import reverse
from prices import Money


class PaymentProofResolvers:
    @staticmethod
    def resolve_installment(root, _info):
        return root.installment_kind

    @staticmethod
    def resolve_amount(root, _info):
        return Money(root.amount, root.currency)

    @staticmethod
    def resolve_file_name(root, _info):
        return root.original_name

    @staticmethod
    def resolve_url(root, _info):
        return reverse(
            "openorder-payment-proof-file", kwargs={"proof_id": str(root.pk)}
        )

    @staticmethod
    def resolve_rejection_reason(root, _info):
        return root.rejection_reason or None
