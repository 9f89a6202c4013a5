"""Property-based tests over every plugin mutation's input: random strings,
huge strings, wrong types, unicode, nested garbage. The answer is always a
typed error or a success, never a server error, and an error leaves the
database as it was."""

import hashlib
import uuid

import pytest
from django.db import connection
from graphene import Node
from hypothesis import HealthCheck, given, settings, strategies as st
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
)

from .schema_walk import placeholder, plugin_operations, type_string

OPERATIONS = sorted(plugin_operations().items())
MUTATIONS = [(name, field) for (kind, name), field in OPERATIONS if kind == "mutation"]
QUERIES = [(name, field) for (kind, name), field in OPERATIONS if kind == "query"]

# What a client may legitimately be told: GraphQL's own errors (a value of the
# wrong type for the schema) and permission refusals. Any other exception
# reaching the client is a bug.
EXPECTED_EXCEPTIONS = {"GraphQLError", "PermissionDenied"}

# Tables whose contents an erroneous request must not change.
WATCHED_PREFIXES = (
    "openorder_",
    "checkout_",
    "order_",
    "payment_",
    "product_",
    "warehouse_",
)


def database_fingerprint():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [t for (t,) in cursor.fetchall() if t.startswith(WATCHED_PREFIXES)]
        digest = hashlib.sha256()
        for table in tables:
            cursor.execute(
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"%s\" t"
                % table
            )
            digest.update(table.encode() + cursor.fetchone()[0].encode())
    return digest.hexdigest()


garbage_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.text(
        min_size=5000,
        max_size=20000,
        alphabet=st.characters(blacklist_categories=("Cs",)),
    ),
    st.just("\x00"),
    st.just("<img src=x onerror=alert(1)>"),
    st.just("9" * 60),
)
garbage = st.recursive(
    garbage_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=10), inner, max_size=4),
    ),
    max_leaves=8,
)


def value_for(gql_type, ids):
    """A strategy that mostly follows the type and sometimes ignores it."""
    if isinstance(gql_type, GraphQLNonNull):
        return value_for(gql_type.of_type, ids)
    if isinstance(gql_type, GraphQLList):
        return st.one_of(
            st.lists(value_for(gql_type.of_type, ids), max_size=3), garbage
        )
    if isinstance(gql_type, GraphQLInputObjectType):
        return st.one_of(
            st.fixed_dictionaries(
                {},
                optional={
                    name: value_for(f.type, ids) for name, f in gql_type.fields.items()
                },
            ),
            garbage,
        )
    if isinstance(gql_type, GraphQLEnumType):
        return st.one_of(
            st.sampled_from([v.name for v in gql_type.values]), st.text(max_size=10)
        )
    name = gql_type.name
    typed = {
        "ID": st.one_of(st.sampled_from(ids), st.text(max_size=30)),
        "UUID": st.one_of(st.just(str(uuid.uuid4())), st.text(max_size=36)),
        "Int": st.integers(min_value=-(2**33), max_value=2**33),
        "Date": st.one_of(st.dates().map(str), st.text(max_size=12)),
        "PositiveDecimal": st.one_of(
            st.decimals(allow_nan=False, allow_infinity=False).map(str),
            st.text(max_size=12),
        ),
        "Decimal": st.one_of(
            st.decimals(allow_nan=False, allow_infinity=False).map(str),
            st.text(max_size=12),
        ),
        "Upload": st.just("0"),
    }.get(name, st.text(max_size=200))
    return st.one_of(typed, garbage)


def malformed_ids():
    return [
        "",
        " ",
        "not base64!",
        "bm90LWFuLWlk",  # base64 of "not-an-id": no type
        Node.to_global_id("Order", "abc"),
        Node.to_global_id("Order", -1),
        Node.to_global_id("Order", 10**30),
        Node.to_global_id("Checkout", "not-a-uuid"),
        Node.to_global_id("", 1),
        Node.to_global_id("Order", 10**9),  # well-formed, names nothing
    ]


def real_ids(api, demo_shop):
    """An ID of every type the plugin accepts, real and in use: product
    types, products, variants, spec fields, a checkout and its line, an
    order, its line and production job, and a staff user."""
    from saleor.checkout.models import Checkout

    from openorder_plugin.models import CustomSpecField, ProductionJob

    from .production_helpers import SPECS, place_order
    from .specs_helpers import add_custom, empty_checkout
    from .storefront import variant_id

    place_order(api, demo_shop, [("kaos-custom", 1)])
    checkout = empty_checkout(api)
    products = demo_shop["products"]
    added = add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(products["kaos-custom"]),
                "quantity": 1,
                "specs": SPECS["kaos-custom"],
            }
        ],
    )
    assert added["openOrderErrors"] == []
    job = ProductionJob.objects.select_related("order_line").first()
    line = Checkout.objects.get(token=checkout["token"]).lines.first()
    ids = [
        Node.to_global_id("ProductType", pt.pk)
        for pt in {p.product_type for p in products.values()}
    ]
    ids += [Node.to_global_id("Product", p.pk) for p in products.values()]
    ids += [
        Node.to_global_id("ProductVariant", p.variants.first().pk)
        for p in products.values()
    ]
    ids += [
        Node.to_global_id("CustomSpecField", f.pk)
        for f in CustomSpecField.objects.all()[:5]
    ]
    ids += [
        checkout["id"],
        Node.to_global_id("CheckoutLine", line.pk),
        Node.to_global_id("Order", job.order_id),
        Node.to_global_id("OrderLine", job.order_line_id),
        Node.to_global_id("ProductionJob", job.pk),
        Node.to_global_id("User", demo_shop["staff"].pk),
    ]
    return ids + malformed_ids()


def unexpected(body):
    """The errors in a response that no client should ever see: an exception
    other than GraphQL's own or a permission refusal, or our INTERNAL_ERROR."""
    found = [
        e
        for e in body.get("errors") or []
        if (e.get("extensions") or {}).get("exception", {}).get("code")
        not in EXPECTED_EXCEPTIONS
    ]
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict):
            found += [
                e
                for e in payload.get("typedErrors") or []
                if e.get("code") == "INTERNAL_ERROR"
            ]
    return found


def payload_selection(field):
    """What to select of an operation's answer: the typed errors of a
    mutation, only __typename of anything else."""
    from graphql.type import GraphQLList, GraphQLNonNull, GraphQLObjectType

    result_type = field.type
    while isinstance(result_type, (GraphQLNonNull, GraphQLList)):
        result_type = result_type.of_type
    if not isinstance(result_type, GraphQLObjectType):
        return ""
    if "openOrderErrors" in result_type.fields:
        return "{ __typename typedErrors: openOrderErrors { field code message } }"
    return "{ __typename }"


def check_operation(client, demo_shop, kind, name, field, ids):
    args = dict(field.args)
    declared = ", ".join("$%s: %s" % (n, type_string(a.type)) for n, a in args.items())
    passed = ", ".join("%s: $%s" % (n, n) for n in args)
    document = "%s%s { %s%s %s }" % (
        kind,
        "(%s)" % declared if declared else "",
        name,
        "(%s)" % passed if passed else "",
        payload_selection(field),
    )
    strategy = st.fixed_dictionaries(
        {n: value_for(a.type, ids) for n, a in args.items()}
    )

    def check_once(variables):
        before = database_fingerprint()
        response = client.post(document, variables)
        assert response.status_code in (200, 400), (variables, response.text[:2000])
        body = response.json()
        assert unexpected(body) == [], (variables, body)
        data = (body.get("data") or {}).get(name) or {}
        failed = body.get("errors") or (
            isinstance(data, dict) and data.get("typedErrors")
        )
        if kind == "mutation" and failed:
            assert database_fingerprint() == before, (variables, body)

    # Well-formed requests naming each real object: these reach deep into
    # the services (random inputs rarely get past the first check).
    for id_value in ids:
        check_once({n: plausible(a.type, id_value) for n, a in args.items()})

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(variables=strategy)
    def check(variables):
        check_once(variables)

    check()


def plausible(gql_type, id_value):
    """A value of the type that a client could mean: every ID is `id_value`,
    numbers are 1 (a job's first version), required input fields are given."""
    if isinstance(gql_type, GraphQLNonNull):
        return plausible(gql_type.of_type, id_value)
    if isinstance(gql_type, GraphQLList):
        return [plausible(gql_type.of_type, id_value)]
    if isinstance(gql_type, GraphQLInputObjectType):
        return {
            name: plausible(field.type, id_value)
            for name, field in gql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    if gql_type.name == "ID":
        return id_value
    return placeholder(gql_type)


@pytest.mark.parametrize("name,field", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_mutation_inputs_never_break_the_server(api, staff_api, demo_shop, name, field):
    check_operation(
        staff_api, demo_shop, "mutation", name, field, real_ids(api, demo_shop)
    )


@pytest.mark.parametrize("name,field", QUERIES, ids=[q[0] for q in QUERIES])
def test_query_inputs_never_break_the_server(api, staff_api, demo_shop, name, field):
    check_operation(
        staff_api, demo_shop, "query", name, field, real_ids(api, demo_shop)
    )
