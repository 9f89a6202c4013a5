"""Reading the made-to-order settings and spec fields, in few queries.

Other parts (checkout specs, production, payments) read the catalog through
these functions. A product type without a settings row is ready stock: its
settings are the unsaved defaults."""

from ..host import get_host
from ..models import CustomSpecField, MadeToOrderSettings


def default_settings(product_type):
    """The settings of a type nobody configured: ready stock (not saved)."""
    return MadeToOrderSettings(product_type=product_type)


def get_settings(product_type_id):
    """The made-to-order settings of a product type (the unsaved ready-stock
    defaults when it has none). One query."""
    settings = MadeToOrderSettings.objects.filter(
        product_type_id=product_type_id
    ).first()
    if settings is None:
        settings = MadeToOrderSettings(product_type_id=product_type_id)
    return settings


def settings_for_product_types(product_type_ids):
    """{product type id: settings} for many types in one query."""
    ids = set(product_type_ids)
    found = {
        settings.product_type_id: settings
        for settings in MadeToOrderSettings.objects.filter(product_type_id__in=ids)
    }
    return {pk: found.get(pk) or MadeToOrderSettings(product_type_id=pk) for pk in ids}


def fields_for_product_type(product_type_id):
    """The spec fields of a product type, in order. One query."""
    return list(CustomSpecField.objects.filter(product_type_id=product_type_id))


def fields_for_product_types(product_type_ids):
    """{product type id: [fields in order]} for many types in one query."""
    ids = set(product_type_ids)
    fields = {pk: [] for pk in ids}
    for field in CustomSpecField.objects.filter(product_type_id__in=ids):
        fields[field.product_type_id].append(field)
    return fields


class MadeToOrderView:
    """What a storefront or staff reads about one product type (and product):
    its settings and the spec fields that apply. For a ready-stock product the
    storefront gets no fields: there is nothing to specify."""

    def __init__(self, product_type, settings, fields, product=None):
        self.product_type = product_type
        self.settings = settings
        self.fields = fields
        self.product = product


def made_to_order_for_product(products, product_id=None, slug=None):
    """The view of one product from `products` (a Product queryset, already
    limited to what the asker may see) by id or slug; None when not found.
    Three queries: product with type, settings, fields."""
    lookup = {"pk": product_id} if product_id is not None else {"slug": slug}
    product = products.select_related("product_type").filter(**lookup).first()
    if product is None:
        return None
    product_type = product.product_type
    settings = get_settings(product_type.pk)
    settings.product_type = product_type
    fields = (
        fields_for_product_type(product_type.pk) if settings.is_made_to_order else []
    )
    return MadeToOrderView(product_type, settings, fields, product=product)


def product_types_with_settings():
    """Every product type, with its settings and fields prefetched, for the
    staff listing (a paginated queryset: three queries per page)."""
    return (
        get_host()
        .product_types()
        .select_related("made_to_order")
        .prefetch_related("custom_spec_fields")
    )


def view_for_product_type(product_type):
    """The staff view of a product type from `product_types_with_settings()`
    (or any product type, at the cost of two queries)."""
    try:
        settings = product_type.made_to_order
    except MadeToOrderSettings.DoesNotExist:
        settings = default_settings(product_type)
    fields = list(product_type.custom_spec_fields.all())
    return MadeToOrderView(product_type, settings, fields)


def products_visible_to(user, channel=None):
    return get_host().products_visible_to(user, channel)
