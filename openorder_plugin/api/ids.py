import binascii
import uuid

import graphene
from django.utils.translation import gettext

from ..errors import OpenOrderError as DomainError, OpenOrderErrorCode as Codes

MAX_PK = 2**63 - 1


def as_uuid(value):
    """A token as a UUID, or None when it is not one (a buyer's credential
    that is malformed names nothing)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def pk_from_global_id(global_id, type_name, field, pk_type=int):
    """The database key inside a relay global ID of `type_name`.

    Every plugin operation reads IDs through here, so a bad one is always a
    typed error on `field`: empty or malformed (not base64, no type, a key of
    the wrong form) is INVALID; another type's ID is NOT_FOUND, as no
    `type_name` has it. `pk_type` is int, or uuid.UUID for Saleor's checkouts
    (whose ID carries the token)."""
    if not isinstance(global_id, str) or not global_id.strip():
        raise DomainError.single(field, Codes.INVALID, gettext("An ID is required."))
    try:
        found_type, pk = graphene.Node.from_global_id(global_id)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        found_type, pk = None, None
    if not found_type or not pk:
        raise DomainError.single(
            field,
            Codes.INVALID,
            gettext("This is not a valid ID: %(id)s") % {"id": global_id[:80]},
        )
    if found_type != type_name:
        raise DomainError.single(
            field,
            Codes.NOT_FOUND,
            gettext("This is a %(found)s ID; a %(expected)s ID is needed.")
            % {"found": found_type[:40], "expected": type_name},
        )
    try:
        key = pk_type(pk)
        if pk_type is int and not 0 < key <= MAX_PK:
            raise ValueError(pk)
    except (TypeError, ValueError, AttributeError):
        raise DomainError.single(
            field,
            Codes.INVALID,
            gettext("This is not a valid ID: %(id)s") % {"id": global_id[:80]},
        )
    return key


def node_or_error(global_id, type_name, queryset, field, pk_type=int, missing=None):
    """The row a global ID names among `queryset`, or a typed NOT_FOUND
    (`missing` says what was not found)."""
    node = queryset.filter(
        pk=pk_from_global_id(global_id, type_name, field, pk_type)
    ).first()
    if node is None:
        raise DomainError.single(
            field,
            Codes.NOT_FOUND,
            missing or gettext("Nothing with this ID: %(id)s") % {"id": global_id[:80]},
        )
    return node


def node_or_none(global_id, type_name, queryset, pk_type=int):
    """For queries: the row, or None when the ID is bad or names nothing (as
    Saleor's own queries answer)."""
    try:
        key = pk_from_global_id(global_id, type_name, "id", pk_type)
    except DomainError:
        return None
    return queryset.filter(pk=key).first()
