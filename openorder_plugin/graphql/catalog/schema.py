import graphene


class CatalogQueries(graphene.ObjectType):
    pass


class CatalogMutations(graphene.ObjectType):
    pass
