from graphene.utils.str_converters import to_camel_case


def api_path(field):
    """A domain path (`lines.0.variant_id`) in the API's words
    (`lines.0.variantId`), camel-cased as Saleor does its error fields. The
    segment after `specs` is a spec's code, the merchant's own word: kept."""
    if not field:
        return field
    parts = str(field).split(".")
    return ".".join(
        part if index and parts[index - 1] == "specs" else to_camel_case(part)
        for index, part in enumerate(parts)
    )
