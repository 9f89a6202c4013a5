"""What both hosts' GraphQL layers share: the one boundary for global IDs and
the API's words for domain paths. graphene only, no Saleor."""
