"""The production board's GraphQL documents on the host the suite runs on:
each one meant for it is valid against the schema it serves, and the board
signs in and refreshes its token with its own documents (Saleor 2.10:
tokenRefresh(token:); Saleor 3.23: a refresh token from tokenCreate, as
Saleor's own dashboard keeps it)."""

import pytest
from django.utils.module_loading import import_string

from openorder_plugin.demo import shop

from ..dashboard_helpers import board_documents, invalid_documents
from ..hosts import ON_SALEOR3, HOST_PACKAGE

HOST = "saleor3" if ON_SALEOR3 else "saleor2"
ME = "{ me { email isStaff } }"


@pytest.fixture(scope="module")
def documents():
    return board_documents(HOST)


def test_every_document_the_board_sends_to_this_host_is_valid_against_its_schema(
    documents,
):
    schema = import_string(HOST_PACKAGE + ".graphql.api.schema")
    assert {"PRODUCTION_JOBS", "ORDER_JOBS", "TOKEN_CREATE_FIELDS"} <= set(documents)
    # Each host signs in with its own pair of documents, and only with those.
    sign_in = {"TOKEN_CREATE_SALEOR3", "TOKEN_REFRESH_SALEOR3"}
    sign_in_2 = {"TOKEN_CREATE", "TOKEN_REFRESH"}
    assert (sign_in if ON_SALEOR3 else sign_in_2) <= set(documents)
    assert not (sign_in_2 if ON_SALEOR3 else sign_in) & set(documents)
    assert invalid_documents(schema, documents) == {}


def sign_in(api, documents, password=shop.STAFF_PASSWORD):
    """What the board's sign-in does: ask the schema which tokenCreate it
    has, then sign in with the document for it."""
    fields = api.query(documents["TOKEN_CREATE_FIELDS"])["__type"]["fields"]
    saleor3 = "refreshToken" in {field["name"] for field in fields}
    assert saleor3 == ON_SALEOR3
    name = "TOKEN_CREATE_SALEOR3" if saleor3 else "TOKEN_CREATE"
    variables = {"email": shop.STAFF_EMAIL, "password": password}
    return api.query(documents[name], variables)["tokenCreate"]


def refresh(api, documents, signed_in):
    """What the board's refresh sends: the refresh token on Saleor 3, the
    token itself on Saleor 2.10."""
    if ON_SALEOR3:
        return api.query(
            documents["TOKEN_REFRESH_SALEOR3"],
            {"refreshToken": signed_in["refreshToken"]},
        )["tokenRefresh"]
    return api.query(documents["TOKEN_REFRESH"], {"token": signed_in["token"]})[
        "tokenRefresh"
    ]


def test_the_board_signs_in_and_refreshes_with_its_own_documents(
    api, demo_shop, documents
):
    signed_in = sign_in(api, documents)
    assert signed_in["token"]
    assert signed_in["user"] == {"email": shop.STAFF_EMAIL, "isStaff": True}
    assert bool(signed_in.get("refreshToken")) == ON_SALEOR3

    fresh = refresh(api, documents, signed_in)
    assert fresh["token"]
    client = type(api)(api.base_url, token=fresh["token"])
    assert client.query(ME)["me"] == {"email": shop.STAFF_EMAIL, "isStaff": True}


def test_a_refused_refresh_gives_no_token(api, demo_shop, documents):
    # The board signs out when a refresh brings no token.
    if ON_SALEOR3:
        body = api.execute(
            documents["TOKEN_REFRESH_SALEOR3"], {"refreshToken": "not-a-token"}
        )
    else:
        body = api.execute(documents["TOKEN_REFRESH"], {"token": "not-a-token"})
    refused = (body.get("data") or {}).get("tokenRefresh") or {}
    assert not refused.get("token")
    assert body.get("errors") or refused.get("errors")


def test_a_wrong_password_gives_no_token(api, demo_shop, documents):
    signed_in = sign_in(api, documents, password="not-the-password")
    assert signed_in["token"] is None
