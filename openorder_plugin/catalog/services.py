"""Changes to a product type's made-to-order settings and spec fields.

Each function is one transaction: it locks the Saleor product type row (so
concurrent edits of the same type's schema run one after the other), checks
the whole change with `type_settings` or `spec_fields`, stores it and bumps the schema version.
When it raises OpenOrderError nothing was stored."""

from django.db import IntegrityError, transaction
from django.db.models import F

from ..errors import OpenOrderError, OpenOrderErrorCode as Code
from ..host import get_host
from ..models import CustomSpecField, MadeToOrderSettings
from . import spec_fields, type_settings
from .selectors import get_settings


def _lock_product_type(product_type_id, field="product_type_id"):
    product_type = get_host().lock_product_type(product_type_id)
    if product_type is None:
        raise OpenOrderError.single(field, Code.NOT_FOUND, "No such product type.")
    return product_type


def _settings_for(product_type):
    """The type's settings row, created (ready stock) if it has none yet; the
    caller holds the product type's lock, so this cannot race."""
    settings, _ = MadeToOrderSettings.objects.get_or_create(product_type=product_type)
    return settings


def _bump_schema_version(settings):
    MadeToOrderSettings.objects.filter(pk=settings.pk).update(
        schema_version=F("schema_version") + 1
    )
    settings.refresh_from_db()


def _as_dict(instance, attrs):
    return {attr: getattr(instance, attr) for attr in attrs}


def _field_dicts(fields):
    return [_as_dict(field, spec_fields.FIELD_ATTRS) for field in fields]


# --- settings --------------------------------------------------------------


def make_product_sellable(product):
    """After a product is added: if its type is made to order, its variants
    are made sellable like the type's others."""
    if get_settings(product.product_type_id).is_made_to_order:
        make_variants_sellable(product.product_type_id)


def make_variants_sellable(product_type):
    """Made-to-order variants are never refused for lack of stock. Idempotent."""
    get_host().make_variants_sellable(product_type)


@transaction.atomic
def update_settings(product_type_id, changes, prefix="input"):
    """Apply `changes` (model attribute names; only those given change) to the
    product type's made-to-order settings. Returns the saved settings."""
    product_type = _lock_product_type(product_type_id)
    settings = _settings_for(product_type)
    was_made_to_order = settings.is_made_to_order
    values = type_settings.clean_settings(
        _as_dict(settings, type_settings.SETTINGS_ATTRS), changes, prefix
    )
    for attr, value in values.items():
        setattr(settings, attr, value)
    settings.save()
    if settings.is_made_to_order:
        make_variants_sellable(product_type)
    elif was_made_to_order:
        # Back to ready stock: sold from stock again, as the host does by default.
        get_host().sell_variants_from_stock(product_type)
    return settings


# --- spec fields -----------------------------------------------------------


def _locked_field(field_id, field="id"):
    """The field and its settings, with its product type locked."""
    product_type_id = (
        CustomSpecField.objects.filter(pk=field_id)
        .values_list("product_type_id", flat=True)
        .first()
    )
    if product_type_id is None:
        raise OpenOrderError.single(field, Code.NOT_FOUND, "No such spec field.")
    product_type = _lock_product_type(product_type_id, field)
    spec_field = CustomSpecField.objects.filter(pk=field_id).first()
    if spec_field is None:  # deleted while we waited for the lock
        raise OpenOrderError.single(field, Code.NOT_FOUND, "No such spec field.")
    return product_type, spec_field


def _save_field(spec_field, values, prefix):
    for attr, value in values.items():
        setattr(spec_field, attr, value)
    try:
        with transaction.atomic():
            spec_field.save()
    except IntegrityError:
        # The checks above mirror the constraints; this is only a backstop.
        raise OpenOrderError.single(
            prefix + ".code", Code.UNIQUE, "This product type already has that code."
        )


@transaction.atomic
def create_field(product_type_id, data, prefix="input"):
    """A new spec field at the end of the product type's fields."""
    product_type = _lock_product_type(product_type_id)
    settings = _settings_for(product_type)
    siblings = list(CustomSpecField.objects.filter(product_type=product_type))
    values = spec_fields.clean_field(None, data, _field_dicts(siblings), prefix)
    position = max([field.position for field in siblings], default=-1) + 1
    spec_field = CustomSpecField(product_type=product_type, position=position)
    _save_field(spec_field, values, prefix)
    _bump_schema_version(settings)
    return spec_field


@transaction.atomic
def update_field(field_id, changes, prefix="input"):
    """Apply `changes` to a field. Renaming its code renames it in the
    conditions of the fields shown depending on it."""
    product_type, spec_field = _locked_field(field_id)
    settings = _settings_for(product_type)
    old_code = spec_field.code
    siblings = _field_dicts(
        CustomSpecField.objects.filter(product_type=product_type).exclude(pk=field_id)
    )
    current = _as_dict(spec_field, spec_fields.FIELD_ATTRS)
    values = spec_fields.clean_field(current, changes, siblings, prefix)
    if values == current:
        return spec_field  # nothing changes, so the schema version stays
    for sibling in siblings:
        if sibling["visible_when_field"] == old_code:
            sibling["visible_when_field"] = values["code"]
    spec_fields.check_dependents(values, siblings, prefix)
    _save_field(spec_field, values, prefix)
    if values["code"] != old_code:
        CustomSpecField.objects.filter(
            product_type=product_type, visible_when_field=old_code
        ).update(visible_when_field=values["code"])
    _bump_schema_version(settings)
    return spec_field


@transaction.atomic
def delete_field(field_id, field="id"):
    """Delete a field; refused while another field is shown depending on it."""
    product_type, spec_field = _locked_field(field_id, field)
    settings = _settings_for(product_type)
    dependents = list(
        CustomSpecField.objects.filter(
            product_type=product_type, visible_when_field=spec_field.code
        ).values_list("code", flat=True)
    )
    if dependents:
        raise OpenOrderError.single(
            field,
            Code.INVALID_CONDITION,
            "%s is shown depending on this field; change or delete %s first."
            % (", ".join(dependents), "it" if len(dependents) == 1 else "them"),
        )
    spec_field.delete()
    spec_field.id = field_id
    _bump_schema_version(settings)
    return spec_field


@transaction.atomic
def put_fields_in_order(product_type_id, codes):
    """Move the fields named by `codes` to the top, in that order (the others
    keep their order after them)."""
    fields = list(CustomSpecField.objects.filter(product_type_id=product_type_id))
    order = [field.code for field in fields]
    by_code = {field.code: field.pk for field in fields}
    moves = []
    for index, code in enumerate(codes):
        current = order.index(code)
        if current != index:
            moves.append((by_code[code], index - current))
            order.insert(index, order.pop(current))
    return reorder_fields(product_type_id, moves)


@transaction.atomic
def reorder_fields(product_type_id, moves, field="moves"):
    """Move fields, as Saleor's reorder mutations do: `moves` is a list of
    (field id, relative move), applied in order (+1 one place down, -2 two
    places up; a move past either end stops there). Positions become 0..n-1."""
    product_type = _lock_product_type(product_type_id)
    settings = _settings_for(product_type)
    fields = list(CustomSpecField.objects.filter(product_type=product_type))
    order = [spec_field.pk for spec_field in fields]
    seen = set()
    for index, (field_id, move) in enumerate(moves):
        if field_id not in order:
            raise OpenOrderError.single(
                "%s.%d.id" % (field, index),
                Code.NOT_FOUND,
                "No such spec field in this product type.",
            )
        if field_id in seen:
            raise OpenOrderError.single(
                "%s.%d.id" % (field, index), Code.INVALID, "A field is moved twice."
            )
        seen.add(field_id)
        if move is None:
            move = 1
        current = order.index(field_id)
        target = min(max(current + move, 0), len(order) - 1)
        order.remove(field_id)
        order.insert(target, field_id)
    positions = {pk: position for position, pk in enumerate(order)}
    changed = [f for f in fields if f.position != positions[f.pk]]
    for spec_field in changed:
        spec_field.position = positions[spec_field.pk]
    if changed:
        CustomSpecField.objects.bulk_update(changed, ["position"])
        _bump_schema_version(settings)
    return settings
