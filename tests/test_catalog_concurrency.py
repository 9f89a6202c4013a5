"""Schema edits of one product type run one after the other, even when staff
send them at the same moment: codes stay unique, positions distinct, and the
schema version counts every change."""

from concurrent.futures import ThreadPoolExecutor

from saleor.product.models import ProductType

from openorder_plugin.models import CustomSpecField, MadeToOrderSettings

from .catalog_helpers import FIELD_CREATE, gid

THREADS = 6


def fire(staff_api, variables_list):
    clients = [
        staff_api.__class__(staff_api.base_url, token=staff_api.token)
        for _ in variables_list
    ]
    with ThreadPoolExecutor(max_workers=len(variables_list)) as pool:
        futures = [
            pool.submit(client.query, FIELD_CREATE, variables)
            for client, variables in zip(clients, variables_list)
        ]
        return [future.result()["customSpecFieldCreate"] for future in futures]


def test_concurrent_creates_of_one_code_store_it_once(staff_api, demo_shop):
    shirt = ProductType.objects.get(slug="kaos-type")
    start = MadeToOrderSettings.objects.get(product_type=shirt).schema_version
    variables = {
        "productTypeId": gid("ProductType", shirt.pk),
        "input": {"code": "name_on_back", "label": "Name", "type": "TEXT"},
    }
    results = fire(staff_api, [variables] * THREADS)
    created = [r for r in results if not r["openOrderErrors"]]
    refused = [r for r in results if r["openOrderErrors"]]
    assert len(created) == 1
    assert all(
        r["openOrderErrors"][0]["field"] == "input.code"
        and r["openOrderErrors"][0]["code"] == "UNIQUE"
        for r in refused
    )
    assert (
        CustomSpecField.objects.filter(product_type=shirt, code="name_on_back").count()
        == 1
    )
    assert (
        MadeToOrderSettings.objects.get(product_type=shirt).schema_version == start + 1
    )


def test_concurrent_creates_get_their_own_positions(staff_api, demo_shop):
    shirt = ProductType.objects.get(slug="kaos-type")
    start = MadeToOrderSettings.objects.get(product_type=shirt).schema_version
    results = fire(
        staff_api,
        [
            {
                "productTypeId": gid("ProductType", shirt.pk),
                "input": {
                    "code": "extra_%d" % i,
                    "label": "Extra %d" % i,
                    "type": "BOOLEAN",
                },
            }
            for i in range(THREADS)
        ],
    )
    assert all(r["openOrderErrors"] == [] for r in results)
    positions = list(
        CustomSpecField.objects.filter(product_type=shirt).values_list(
            "position", flat=True
        )
    )
    assert sorted(positions) == list(range(4 + THREADS))
    assert (
        MadeToOrderSettings.objects.get(product_type=shirt).schema_version
        == start + THREADS
    )
