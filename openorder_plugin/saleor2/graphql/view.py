"""Saleor's GraphQL view, serving the extended schema.

One difference: graphql-core 2 lets a variable of the wrong kind (a list
where an Int belongs) raise a Python TypeError while it coerces the
variables, before any resolver runs, and Saleor reports that exception's text
to the client. Here it is a GraphQL error saying which variable is wrong, as
graphql-core reports every other invalid variable."""

from graphql import GraphQLError
from graphql.execution import ExecutionResult
from saleor.graphql.views import GraphQLView


class OpenOrderGraphQLView(GraphQLView):
    def execute_graphql_request(self, request, data):
        result = super().execute_graphql_request(request, data)
        if result is None or not getattr(result, "invalid", False) or not result.errors:
            return result
        errors = [
            error
            if isinstance(error, GraphQLError)
            else GraphQLError(
                "A variable has a value of the wrong type for this operation; "
                "check each variable against its declared type."
            )
            for error in result.errors
        ]
        return ExecutionResult(errors=errors, invalid=True)
