"""Design files and specs are the buyer's: checked by content, stored
privately, readable by that buyer (checkout or order token) and staff only."""

import io
import uuid

import pytest
from PIL import Image

from openorder_plugin.models import CustomSpecField, SpecUpload

from .specs_helpers import (
    MTO_CHECKOUT,
    MTO_ORDER,
    TSHIRT_SPECS,
    add_custom,
    empty_checkout,
)
from .storefront import pay_and_complete, set_shipping_address, variant_id

UPLOAD = """
mutation($checkoutToken: UUID!, $file: Upload!) {
  specFileUpload(checkoutToken: $checkoutToken, file: $file) {
    upload { id name contentType size url }
    openOrderErrors { field code message }
  }
}
"""


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (27, 42, 74)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(api, checkout, name, content, content_type="application/octet-stream"):
    return api.upload(
        UPLOAD,
        {"checkoutToken": checkout["token"], "file": None},
        "file",
        name,
        content,
        content_type,
    )["specFileUpload"]


def with_design(upload_id):
    return TSHIRT_SPECS + [{"code": "design_file", "value": upload_id}]


@pytest.fixture
def tshirt(demo_shop):
    return variant_id(demo_shop["products"]["kaos-custom"])


def test_design_file_from_upload_to_order(api, staff_api, customer_api, tshirt):
    checkout = empty_checkout(api)
    content = png_bytes()
    # The name says PDF; the content says PNG, and the content wins.
    data = upload(api, checkout, "desain.pdf", content)
    assert data["openOrderErrors"] == []
    file = data["upload"]
    assert file["contentType"] == "image/png"
    assert file["size"] == len(content)
    assert file["name"] == "desain.pdf"

    added = add_custom(
        api,
        checkout,
        [{"variantId": tshirt, "quantity": 1, "specs": with_design(file["id"])}],
    )
    assert added["openOrderErrors"] == []

    url = api.base_url + file["url"]
    assert api.session.get(url, params={"token": checkout["token"]}).content == content
    other = empty_checkout(api, email="lain@openorder.test")
    for params in ({"token": other["token"]}, {"token": str(uuid.uuid4())}, {}):
        assert api.session.get(url, params=params).status_code == 404
    # A customer's JWT is no key; staff's is.
    headers = lambda client: {"Authorization": "JWT %s" % client.token}  # noqa: E731
    assert api.session.get(url, headers=headers(customer_api)).status_code == 404
    response = api.session.get(url, headers=headers(staff_api))
    assert response.status_code == 200 and response.content == content
    assert response.headers["X-Content-Type-Options"] == "nosniff"

    order = pay_and_complete(api, set_shipping_address(api, checkout))["order"]
    assert api.session.get(url, params={"token": order["token"]}).content == content
    frozen = api.query(MTO_ORDER, {"token": order["token"]})["madeToOrderOrder"]
    specs = {s["code"]: s["value"] for s in frozen["lines"][0]["specs"]}
    assert specs["design_file"] == file["id"]


def test_files_are_checked_by_content_and_size(api, tshirt):
    checkout = empty_checkout(api)
    fake = upload(
        api, checkout, "desain.png", b"<svg onload=alert(1)></svg>", "image/png"
    )
    assert [(e["field"], e["code"]) for e in fake["openOrderErrors"]] == [
        ("file", "FILE_TYPE_NOT_ALLOWED")
    ]
    assert fake["upload"] is None
    assert not SpecUpload.objects.exists()

    huge = upload(api, checkout, "besar.png", png_bytes() + b"\0" * (10 * 1024 * 1024))
    assert [e["code"] for e in huge["openOrderErrors"]] == ["FILE_TOO_LARGE"]
    assert not SpecUpload.objects.exists()

    nowhere = api.upload(
        UPLOAD,
        {"checkoutToken": str(uuid.uuid4()), "file": None},
        "file",
        "a.png",
        png_bytes(),
        "image/png",
    )["specFileUpload"]
    assert [(e["field"], e["code"]) for e in nowhere["openOrderErrors"]] == [
        ("checkoutToken", "NOT_FOUND")
    ]

    # The field's own limits apply when the upload is used as its value.
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, format="GIF")
    gif_id = upload(api, checkout, "a.gif", gif.getvalue())["upload"]["id"]
    data = add_custom(
        api,
        checkout,
        [{"variantId": tshirt, "quantity": 1, "specs": with_design(gif_id)}],
    )
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [
        ("lines.0.specs.design_file", "FILE_TYPE_NOT_ALLOWED")
    ]
    CustomSpecField.objects.filter(code="design_file").update(max_file_size=10)
    png_id = upload(api, checkout, "a.png", png_bytes())["upload"]["id"]
    data = add_custom(
        api,
        checkout,
        [{"variantId": tshirt, "quantity": 1, "specs": with_design(png_id)}],
    )
    assert [e["code"] for e in data["openOrderErrors"]] == ["FILE_TOO_LARGE"]


def test_another_buyers_upload_cannot_be_used(api, tshirt):
    mine = empty_checkout(api)
    theirs = empty_checkout(api, email="lain@openorder.test")
    their_file = upload(api, theirs, "a.png", png_bytes())["upload"]["id"]
    data = add_custom(
        api,
        mine,
        [{"variantId": tshirt, "quantity": 1, "specs": with_design(their_file)}],
    )
    assert [(e["field"], e["code"]) for e in data["openOrderErrors"]] == [
        ("lines.0.specs.design_file", "NOT_FOUND")
    ]


def test_specs_are_read_only_with_the_buyers_token(
    api, customer_api, staff_api, tshirt
):
    checkout = empty_checkout(api)
    add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}]
    )
    assert (
        api.query(MTO_CHECKOUT, {"token": str(uuid.uuid4())})["madeToOrderCheckout"]
        is None
    )
    order = pay_and_complete(api, set_shipping_address(api, checkout))["order"]

    assert (
        api.query(MTO_ORDER, {"token": str(uuid.uuid4())})["madeToOrderOrder"] is None
    )
    assert api.query(MTO_ORDER, {"token": order["token"]})["madeToOrderOrder"]["lines"]
    # By order ID: staff with order.manage_orders only.
    for client in (api, customer_api):
        body = client.execute(MTO_ORDER, {"orderId": order["id"]})
        assert body["data"]["madeToOrderOrder"] is None
        assert "permission" in body["errors"][0]["message"]
    by_id = staff_api.query(MTO_ORDER, {"orderId": order["id"]})["madeToOrderOrder"]
    assert by_id["token"] == order["token"]
