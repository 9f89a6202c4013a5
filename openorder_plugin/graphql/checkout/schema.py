import graphene


class CheckoutQueries(graphene.ObjectType):
    pass


class CheckoutMutations(graphene.ObjectType):
    pass
