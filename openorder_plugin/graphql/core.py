"""What every plugin mutation shares: the typed error and Saleor's mutation
conventions (`errors` plus a typed `openOrderErrors` list)."""
import graphene
from saleor.graphql.core.mutations import BaseMutation, validation_error_to_error_type
from saleor.graphql.core.types.common import Error

from ..errors import OpenOrderError as DomainError, OpenOrderErrorCode as Codes

OpenOrderErrorCode = graphene.Enum(
    "OpenOrderErrorCode", [(code, code) for code in Codes.values()]
)


class OpenOrderError(Error):
    code = OpenOrderErrorCode(description="The error code.", required=True)

    class Meta:
        description = "An error in the input of an open-order mutation."


class OpenOrderMutation(BaseMutation):
    """Saleor's BaseMutation, plus the domain's errors as typed errors.

    Domain errors carry the field path as the API names it, so it is reported
    as is; Django ValidationErrors (from Saleor's helpers, e.g. an unknown ID)
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
        try:
            return super().mutate(root, info, **data)
        except DomainError as error:
            return cls.handle_domain_error(error)

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
            (Error(field=p.field, message=p.message), p.code, None)
            for p in error.problems
        ]
        return cls.handle_typed_errors(errors)
