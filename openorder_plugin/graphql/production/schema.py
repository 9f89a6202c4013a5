import graphene


class ProductionQueries(graphene.ObjectType):
    pass


class ProductionMutations(graphene.ObjectType):
    pass
