"""Finding the plugin's operations in the extended schema, and building
requests for any of them from their argument types."""

import uuid

from graphene import Node
from graphql.type import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)


def plugin_operations():
    """{("query"|"mutation", field name): GraphQLField} for every root field
    the plugin adds or changes relative to Saleor's own schema."""
    from saleor.graphql.api import schema as saleor_schema

    from openorder_plugin.saleor2.graphql.api import schema

    found = {}
    for kind, type_name in (("query", "Query"), ("mutation", "Mutation")):
        ours = schema.get_type(type_name).fields
        theirs = saleor_schema.get_type(type_name).fields
        for name, field in ours.items():
            if name not in theirs or set(field.args) != set(theirs[name].args):
                found[(kind, name)] = field
    return found


def type_string(gql_type):
    if isinstance(gql_type, GraphQLNonNull):
        return type_string(gql_type.of_type) + "!"
    if isinstance(gql_type, GraphQLList):
        return "[%s]" % type_string(gql_type.of_type)
    return gql_type.name


def placeholder(gql_type):
    """A well-formed value of a type; IDs name nothing that exists."""
    if isinstance(gql_type, GraphQLNonNull):
        return placeholder(gql_type.of_type)
    if isinstance(gql_type, GraphQLList):
        return [placeholder(gql_type.of_type)]
    if isinstance(gql_type, GraphQLInputObjectType):
        return {
            name: placeholder(field.type)
            for name, field in gql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    if isinstance(gql_type, GraphQLEnumType):
        return gql_type.values[0].name
    if isinstance(gql_type, GraphQLScalarType):
        return {
            "ID": Node.to_global_id("Order", 999999),
            "String": "x",
            "Int": 1,
            "Float": 1.0,
            "Boolean": False,
            "UUID": str(uuid.uuid4()),
            "Date": "2030-01-01",
            "DateTime": "2030-01-01T00:00:00+00:00",
            "Decimal": "1",
            "PositiveDecimal": "1",
            "Upload": "0",  # the name of a multipart part (absent here)
        }.get(gql_type.name, "x")
    raise TypeError(gql_type)


def request_for(kind, name, field, values=None):
    """A document and variables calling one root field with its required
    arguments (or `values` for them)."""
    values = values or {}
    args = {
        arg_name: arg
        for arg_name, arg in field.args.items()
        if isinstance(arg.type, GraphQLNonNull) or arg_name in values
    }
    declared = ", ".join("$%s: %s" % (n, type_string(a.type)) for n, a in args.items())
    passed = ", ".join("%s: $%s" % (n, n) for n in args)
    document = "%s%s { %s%s { __typename } }" % (
        kind,
        "(%s)" % declared if declared else "",
        name,
        "(%s)" % passed if passed else "",
    )
    variables = {n: values.get(n, placeholder(a.type)) for n, a in args.items()}
    return document, variables
