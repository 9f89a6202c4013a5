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

from .schema_walk import plugin_operations, type_string

MUTATIONS = sorted(
    (name, field) for (kind, name), field in plugin_operations().items() if kind == "mutation"
)

# Tables whose contents an erroneous request must not change.
WATCHED_PREFIXES = ("openorder_", "checkout_", "order_", "payment_", "product_", "warehouse_")


def database_fingerprint():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [t for (t,) in cursor.fetchall() if t.startswith(WATCHED_PREFIXES)]
        digest = hashlib.sha256()
        for table in tables:
            cursor.execute('SELECT md5(coalesce(string_agg(t::text, \'|\' ORDER BY t::text), \'\')) FROM "%s" t' % table)
            digest.update(table.encode() + cursor.fetchone()[0].encode())
    return digest.hexdigest()


garbage_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2 ** 40), max_value=2 ** 40),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.text(min_size=5000, max_size=20000, alphabet=st.characters(blacklist_categories=("Cs",))),
    st.just("\x00"),
    st.just("<img src=x onerror=alert(1)>"),
    st.just("9" * 60),
)
garbage = st.recursive(
    garbage_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=8,
)


def value_for(gql_type, ids):
    """A strategy that mostly follows the type and sometimes ignores it."""
    if isinstance(gql_type, GraphQLNonNull):
        return value_for(gql_type.of_type, ids)
    if isinstance(gql_type, GraphQLList):
        return st.one_of(st.lists(value_for(gql_type.of_type, ids), max_size=3), garbage)
    if isinstance(gql_type, GraphQLInputObjectType):
        return st.one_of(
            st.fixed_dictionaries(
                {},
                optional={name: value_for(f.type, ids) for name, f in gql_type.fields.items()},
            ),
            garbage,
        )
    if isinstance(gql_type, GraphQLEnumType):
        return st.one_of(st.sampled_from([v.name for v in gql_type.values]), st.text(max_size=10))
    name = gql_type.name
    typed = {
        "ID": st.one_of(st.sampled_from(ids), st.text(max_size=30)),
        "UUID": st.one_of(st.just(str(uuid.uuid4())), st.text(max_size=36)),
        "Int": st.integers(min_value=-(2 ** 33), max_value=2 ** 33),
        "Date": st.one_of(st.dates().map(str), st.text(max_size=12)),
        "PositiveDecimal": st.one_of(st.decimals(allow_nan=False, allow_infinity=False).map(str), st.text(max_size=12)),
        "Decimal": st.one_of(st.decimals(allow_nan=False, allow_infinity=False).map(str), st.text(max_size=12)),
        "Upload": st.just("0"),
    }.get(name, st.text(max_size=200))
    return st.one_of(typed, garbage)


def real_ids(demo_shop):
    from saleor.order.models import Order

    ids = [
        Node.to_global_id("ProductType", pt.pk)
        for pt in {p.product_type for p in demo_shop["products"].values()}
    ]
    ids += [Node.to_global_id("ProductVariant", p.variants.first().pk) for p in demo_shop["products"].values()]
    ids += [Node.to_global_id("Order", o.pk) for o in Order.objects.all()[:3]]
    ids.append(Node.to_global_id("Order", 10 ** 9))
    return ids


@pytest.mark.parametrize("name,field", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_mutation_inputs_never_break_the_server(staff_api, demo_shop, name, field):
    ids = real_ids(demo_shop)
    args = dict(field.args)
    declared = ", ".join("$%s: %s" % (n, type_string(a.type)) for n, a in args.items())
    passed = ", ".join("%s: $%s" % (n, n) for n in args)
    document = "mutation(%s) { %s(%s) { __typename openOrderErrors: errors { field message } } }" % (
        declared, name, passed
    )
    strategy = st.fixed_dictionaries({n: value_for(a.type, ids) for n, a in args.items()})

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(variables=strategy)
    def check(variables):
        before = database_fingerprint()
        response = staff_api.post(document, variables)
        assert response.status_code in (200, 400), (variables, response.text[:2000])
        body = response.json()
        failed = body.get("errors") or (
            (body.get("data") or {}).get(name) or {}
        ).get("openOrderErrors")
        if failed:
            assert database_fingerprint() == before, (variables, body)

    check()
