import graphene


class OpenOrderQueries(graphene.ObjectType):
    pass


class OpenOrderMutations(graphene.ObjectType):
    pass
