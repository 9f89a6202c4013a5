"""Bulk data for the benchmark: Saleor orders with made-to-order lines, and
for each line the plugin's rows a real checkout would have made (frozen
specs, production job with its events, capacity reservation), plus each
order's money as its Saleor records it and the plugin's payment schedule.

One implementation for both hosts: the plan of orders and the plugin's own
tables are the same on Saleor 2.10 and 3.23; only Saleor's own rows differ
(orders, order lines, payments, the ready-stock products), and those are
written by a host's data class: `Saleor2Data` here, `bench.load_saleor3.
Saleor3Data` on Saleor 3.23 (channels, transaction items).

Rows are made with bulk_create in batches, so 10,000 orders load in well
under a minute. The demo catalog (`django-admin openorder_demo`) must be
loaded first: the product types' made-to-order settings and spec fields come
from it, and specs are cleaned and priced by the plugin's own functions.

The loader also adds what the checkout benchmark needs: four more ready-stock
products (a 5-line ready-stock checkout needs 5 variants) and plenty of stock.

    python -m bench.load --orders 10000 --jobs-per-order 2 [--host saleor3]
"""

import argparse
import datetime
import random
import time
import uuid
from decimal import Decimal
from typing import NamedTuple

BATCH = 2000
# Orders of these customers have exactly 1 and 3 lines: the benchmark pages
# through them to check that query counts do not grow with lines per order.
ONE_LINE_EMAIL = "bench-one-line@bench.test"
THREE_LINES_EMAIL = "bench-three-lines@bench.test"
READY_STOCK_SLUGS = [
    "tas-kanvas",
    "bench-topi",
    "bench-botol",
    "bench-gantungan",
    "bench-stiker",
]
STOCK = 10**8

# Spec input per demo product type (as a storefront sends it), a few variants
# each so the board shows different values.
SPECS = {
    "kaos-type": [
        [
            {"code": "size", "value": s},
            {"code": "color", "value": c},
            {"code": "print_text", "value": t},
        ]
        for s, c, t in [
            ("M", "#1b2a4a", "HALO"),
            ("XL", "#ffffff", "TIM FUTSAL"),
            ("L", "#aa0000", ""),
        ]
    ],
    "kue-ulang-tahun-type": [
        [
            {"code": "size", "value": s},
            {"code": "flavour", "value": f},
            {"code": "message", "value": m},
            {"code": "date_wanted", "value": None},
        ]
        for s, f, m in [
            ("18cm", "pandan", "Selamat ulang tahun"),
            ("22cm", "coklat", "HBD"),
        ]
    ],
    "rangkaian-bunga-type": [
        [{"code": "flowers", "values": v}, {"code": "card_message", "value": m}]
        for v, m in [
            (["mawar", "lili"], "Semoga lekas sembuh"),
            (["anggrek"], "Selamat"),
        ]
    ],
}


class BenchLine(NamedTuple):
    """One generated order line, before it is saved."""

    slug: str
    product_type: object
    variant: object
    mto: object
    items: list
    modifier: object
    quantity: int
    unit: object
    stage: int
    entry: dict  # the checkout line's openorder entry (specs.lines)


class BenchOrder(NamedTuple):
    """One generated order, before it is saved: what each host's rows and the
    plugin's rows are made from."""

    customer: object
    address: object
    age: float  # days
    lines: list  # [BenchLine]
    subtotal: object
    total: object
    fulfilled: bool
    split: object  # payments.deposits.Split
    captured: object  # what was paid: nothing, the deposit, or everything


def _log(message):
    print("[bench.load] %s" % message, flush=True)


def _bulk(model, rows):
    """bulk_create in batches; returns the rows with their primary keys."""
    created = []
    for start in range(0, len(rows), BATCH):
        created.extend(model.objects.bulk_create(rows[start : start + BATCH]))
    return created


class Saleor2Data:
    """Saleor 2.10's own rows: products priced on the product, orders with a
    Payment of the dummy gateway."""

    def currency(self):
        from django.conf import settings

        return settings.DEFAULT_CURRENCY

    def ensure_ready_stock(self):
        """Five ready-stock variants with stock enough for any run."""
        from saleor.product.models import Product, ProductVariant
        from saleor.product.utils.variant_prices import (
            update_product_minimal_variant_price,
        )
        from saleor.warehouse.models import Warehouse

        base = Product.objects.get(slug="tas-kanvas")
        warehouse = Warehouse.objects.get(slug="gudang-bandung")
        for index, slug in enumerate(READY_STOCK_SLUGS):
            product = Product.objects.filter(slug=slug).first()
            if product is None:
                product = Product.objects.create(
                    slug=slug,
                    name="Bench %s (ready stock)" % slug,
                    product_type=base.product_type,
                    category=base.category,
                    price_amount=ready_stock_price(index),
                    currency=self.currency(),
                    is_published=True,
                    description=slug,
                )
                ProductVariant.objects.create(
                    product=product,
                    sku="BENCH-%s" % slug.upper(),
                    name=product.name,
                    track_inventory=True,
                )
                update_product_minimal_variant_price(product)
            stock_variants(product, warehouse)

    def unit_prices(self, variants):
        """{variant pk: catalogue unit price}."""
        return {v.pk: v.product.price.amount for v in variants}

    def shipping(self):
        """(the demo's shipping method, its price)."""
        from saleor.shipping.models import ShippingMethod

        method = ShippingMethod.objects.get(name="Kurir reguler")
        return method, method.price.amount

    def new_user(self, **fields):
        from saleor.account.models import User

        return User(**fields)

    def order_rows(self, plan, shipping, now):
        from saleor.order.models import Order

        method, price = shipping
        return [
            Order(
                created=now - datetime.timedelta(days=o.age),
                status=self.order_status(o),
                user=o.customer,
                user_email=o.customer.email,
                billing_address=o.address,
                shipping_address=o.address,
                currency=self.currency(),
                shipping_method=method,
                shipping_method_name=method.name,
                shipping_price_net_amount=price,
                shipping_price_gross_amount=price,
                token=str(uuid.uuid4()),
                checkout_token=str(uuid.uuid4()),
                total_net_amount=o.total,
                total_gross_amount=o.total,
            )
            for o in plan
        ]

    @staticmethod
    def order_status(planned):
        from saleor.order import OrderStatus

        return OrderStatus.FULFILLED if planned.fulfilled else OrderStatus.UNFULFILLED

    def order_line_rows(self, order, planned):
        from saleor.order.models import OrderLine

        return [
            OrderLine(
                order=order,
                variant=row.variant,
                product_name=row.variant.product.name,
                variant_name=row.variant.name,
                product_sku=row.variant.sku,
                is_shipping_required=True,
                quantity=row.quantity,
                quantity_fulfilled=row.quantity if planned.fulfilled else 0,
                currency=self.currency(),
                unit_price_net_amount=row.unit,
                unit_price_gross_amount=row.unit,
            )
            for row in planned.lines
        ]

    def add_payments(self, orders, plan):
        """Each order's Payment of the dummy gateway, with what was captured."""
        from saleor.payment import ChargeStatus
        from saleor.payment.models import Payment

        rows = []
        for order, planned in zip(orders, plan):
            captured = planned.captured
            rows.append(
                Payment(
                    gateway="mirumee.payments.dummy",
                    order=order,
                    total=order.total_gross_amount,
                    captured_amount=captured,
                    currency=order.currency,
                    charge_status=(
                        ChargeStatus.FULLY_CHARGED
                        if captured >= order.total_gross_amount
                        else ChargeStatus.PARTIALLY_CHARGED
                        if captured
                        else ChargeStatus.NOT_CHARGED
                    ),
                    billing_email=order.user_email,
                    billing_first_name="Pembeli",
                    billing_country_code="ID",
                )
            )
        _bulk(Payment, rows)
        return "%d payments" % len(rows)


def stock_variants(product, warehouse):
    """Every variant of a ready-stock product in stock (Saleor's Stock is the
    same on both hosts)."""
    from saleor.warehouse.models import Stock

    for variant in product.variants.all():
        Stock.objects.update_or_create(
            warehouse=warehouse,
            product_variant=variant,
            defaults={"quantity": STOCK},
        )


def ready_stock_price(index):
    return Decimal(20000 + 5000 * index)


def _schemas():
    """{product type slug: (product type, variant, settings, fields)} of the
    demo's made-to-order types."""
    from saleor.product.models import ProductVariant

    from openorder_plugin.specs.lines import schemas_for_product_types

    variants = {
        v.product.product_type.slug: v
        for v in ProductVariant.objects.select_related("product__product_type").filter(
            product__product_type__slug__in=list(SPECS)
        )
    }
    schemas = schemas_for_product_types(
        [v.product.product_type_id for v in variants.values()]
    )
    result = {}
    for slug, variant in variants.items():
        schema = schemas.get(variant.product.product_type_id)
        if schema is not None:
            result[slug] = (
                variant.product.product_type,
                variant,
                schema.settings,
                schema.fields,
            )
    if not result:
        raise SystemExit(
            "No made-to-order product types: load the demo (openorder_demo) first."
        )
    return result


def _frozen_specs(schema, spec_input, today, currency):
    """The frozen snapshot a checkout would write, made by the plugin's own
    cleaning and pricing: ([items], unit price modifier, the checkout line's
    entry)."""
    from openorder_plugin.pricing import price_specs
    from openorder_plugin.specs.lines import Schema, build_line_data

    _type, _variant, mto, fields = schema
    spec_input = [dict(spec) for spec in spec_input]
    for spec in spec_input:
        if spec.get("value", "") is None:
            spec["value"] = (today + datetime.timedelta(days=30)).isoformat()
    entry = build_line_data(
        Schema(mto, fields),
        spec_input,
        today=today,
        uploads={},
        prefix="specs",
        currency=currency,
    )
    items, modifier = price_specs(fields, entry["specs"], currency)
    return items, modifier, entry


def _customers(data, count):
    from saleor.account.models import Address, User

    emails = ["bench-buyer-%03d@bench.test" % i for i in range(count)] + [
        ONE_LINE_EMAIL,
        THREE_LINES_EMAIL,
    ]
    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    new = [
        data.new_user(
            email=e, first_name="Pembeli", last_name=e.split("@")[0], is_active=True
        )
        for e in emails
        if e not in existing
    ]
    for user in new:
        user.set_unusable_password()
    _bulk(User, new)
    users = {u.email: u for u in User.objects.filter(email__in=emails)}
    addresses = _bulk(
        Address,
        [
            Address(
                first_name="Pembeli",
                last_name=str(i),
                street_address_1="Jl. Merdeka %d" % i,
                city="BANDUNG",
                postal_code="40111",
                country="ID",
                country_area="Jawa Barat",
                phone="+6281298765432",
            )
            for i in range(len(emails))
        ],
    )
    return [(users[e], a) for e, a in zip(emails, addresses)]


def plan_orders(data, orders, jobs_per_order, rng, today, shipping_price):
    """The orders to load, oldest first (older orders are further along in
    production); the last ones are the bench customers' 1- and 3-line
    orders. Nothing is saved."""
    from openorder_plugin.payments.deposits import OrderLineTerms, split_order

    currency = data.currency()
    types = _schemas()
    type_slugs = sorted(types)
    specs = {
        slug: [_frozen_specs(types[slug], s, today, currency) for s in SPECS[slug]]
        for slug in type_slugs
    }
    prices = data.unit_prices([types[slug][1] for slug in type_slugs])
    customers = _customers(data, 200)
    regular, one_line, three_lines = customers[:-2], customers[-2], customers[-1]
    special = max(10, min(100, orders // 20))

    drafts = []  # (customer, address, age, [BenchLine])
    for i in range(orders):
        age = (orders - i) * 365.0 / orders
        if i >= orders - 2 * special:
            customer, address = one_line if (i - orders) % 2 == 0 else three_lines
            count = 1 if customer is one_line[0] else 3
        else:
            customer, address = regular[i % len(regular)]
            count = jobs_per_order
        lines = []
        for _ in range(count):
            slug = rng.choice(type_slugs)
            product_type, variant, mto, _fields = types[slug]
            items, modifier, entry = rng.choice(specs[slug])
            quantity = rng.randint(1, 5)
            stage_count = len(mto.stages)
            stage = stage_count - 1 if age > 30 else rng.randrange(stage_count)
            lines.append(
                BenchLine(
                    slug,
                    product_type,
                    variant,
                    mto,
                    items,
                    modifier,
                    quantity,
                    prices[variant.pk] + modifier,
                    stage,
                    entry,
                )
            )
        drafts.append((customer, address, age, lines))

    plan = []
    for customer, address, age, lines in drafts:
        subtotal = sum(ln.unit * ln.quantity for ln in lines)
        total = subtotal + shipping_price
        fulfilled = age > 30 and all(ln.stage == len(ln.mto.stages) - 1 for ln in lines)
        split = split_order(
            [
                OrderLineTerms(ln.mto, ln.unit * ln.quantity, ln.quantity)
                for ln in lines
            ],
            total,
            currency,
        )
        # Production past the first stage needs the deposit: those orders
        # paid it; finished orders paid everything.
        started_production = any(ln.stage > 0 for ln in lines)
        captured = (
            total
            if fulfilled
            else (
                split.deposit
                if started_production or rng.random() < 0.5
                else Decimal(0)
            )
        )
        plan.append(
            BenchOrder(
                customer,
                address,
                age,
                lines,
                subtotal,
                total,
                fulfilled,
                split,
                captured,
            )
        )
    return plan


def add_plugin_rows(orders, order_lines, plan, now):
    """The plugin's own rows for the saved orders, as its checkout hooks make
    them: frozen specs, jobs with their events, capacity reservations, payment
    schedules with their installments. The same on every host."""
    from django.utils import timezone

    from openorder_plugin import models as oo
    from openorder_plugin.models.payments import (
        DueTrigger,
        InstallmentKind,
        InstallmentStatus,
    )
    from openorder_plugin.models.production import JobEventType, JobStatus

    today = timezone.localdate()
    spec_rows, job_rows, reservation_rows, schedules = [], [], [], []
    lines = iter(order_lines)
    for order, planned in zip(orders, plan):
        order_day = timezone.localtime(order_created(order)).date()
        for row in planned.lines:
            line = next(lines)
            mto, stage = row.mto, row.stage
            promised = order_day + datetime.timedelta(days=mto.lead_time_days + 2)
            spec_rows.append(
                oo.OrderLineSpec(
                    order_line=line,
                    product_type=row.product_type,
                    schema_version=mto.schema_version,
                    specs=row.items,
                    unit_price_modifier=row.modifier,
                    promised_date=promised,
                )
            )
            stages = [{"code": s["code"], "label": s["label"]} for s in mto.stages]
            job_rows.append(
                oo.ProductionJob(
                    order=order,
                    order_line=line,
                    product_type=row.product_type,
                    quantity=row.quantity,
                    stages=stages,
                    current_stage=stages[stage]["code"],
                    status=JobStatus.ACTIVE,
                    promised_date=promised,
                    version=stage + 1,
                    is_overdue=promised < today and stage < len(stages) - 1,
                )
            )
            reservation_rows.append(
                oo.CapacityReservation(
                    product_type=row.product_type,
                    order_line=line,
                    order=order,
                    day=order_day,
                    quantity=row.quantity,
                )
            )
        schedules.append(
            oo.PaymentSchedule(
                order=order, currency=order.currency, total=planned.total
            )
        )

    _bulk(oo.OrderLineSpec, spec_rows)
    jobs = _bulk(oo.ProductionJob, job_rows)
    _bulk(oo.CapacityReservation, reservation_rows)
    schedules = _bulk(oo.PaymentSchedule, schedules)
    _log(
        "%d jobs, specs, reservations; %d payment schedules"
        % (len(jobs), len(schedules))
    )

    installment_rows = []
    for schedule, order, planned in zip(schedules, orders, plan):
        split, left = planned.split, planned.captured
        order_day = timezone.localtime(order_created(order)).date()
        if split.deposit > 0:
            paid = min(left, split.deposit)
            left -= paid
            installment_rows.append(
                oo.Installment(
                    schedule=schedule,
                    kind=InstallmentKind.DEPOSIT,
                    amount=split.deposit,
                    paid_amount=paid,
                    due_trigger=DueTrigger.AT_CHECKOUT,
                    due_date=order_day,
                    status=InstallmentStatus.PAID
                    if paid >= split.deposit
                    else InstallmentStatus.DUE,
                    paid_at=now if paid >= split.deposit else None,
                    became_due_at=now,
                )
            )
        if split.balance > 0:
            paid = min(left, split.balance)
            installment_rows.append(
                oo.Installment(
                    schedule=schedule,
                    kind=InstallmentKind.BALANCE,
                    amount=split.balance,
                    paid_amount=paid,
                    due_trigger=split.balance_due,
                    due_days=split.balance_due_days,
                    status=InstallmentStatus.PAID
                    if paid >= split.balance
                    else InstallmentStatus.PENDING,
                    paid_at=now if paid >= split.balance else None,
                )
            )
    _bulk(oo.Installment, installment_rows)

    # Each job's history: created at the first stage, then one stage change
    # per stage reached.
    events = []
    for job in jobs:
        codes = job.stage_codes
        reached = codes.index(job.current_stage)
        events.append(
            oo.ProductionJobEvent(job=job, type=JobEventType.CREATED, to_stage=codes[0])
        )
        for position in range(1, reached + 1):
            events.append(
                oo.ProductionJobEvent(
                    job=job,
                    type=JobEventType.STAGE_CHANGED,
                    from_stage=codes[position - 1],
                    to_stage=codes[position],
                )
            )
    _bulk(oo.ProductionJobEvent, events)
    _log("%d installments, %d job events" % (len(installment_rows), len(events)))
    return jobs


def order_created(order):
    """When an order was placed (2.10's `created`, 3.23's `created_at`)."""
    return getattr(order, "created_at", None) or order.created


def load(orders=10000, jobs_per_order=2, seed=8, data=None):
    """Load `orders` orders through `data` (a host's data class; Saleor 2.10's
    by default)."""
    from django.db import connection, transaction
    from django.utils import timezone
    from saleor.order.models import Order, OrderLine

    data = data or Saleor2Data()
    started = time.monotonic()
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    data.ensure_ready_stock()
    shipping = data.shipping()

    with transaction.atomic():
        plan = plan_orders(data, orders, jobs_per_order, rng, today, shipping[1])
        saved_orders = _bulk(Order, data.order_rows(plan, shipping, now))
        _log("%d orders" % len(saved_orders))
        order_lines = _bulk(
            OrderLine,
            [
                line
                for order, planned in zip(saved_orders, plan)
                for line in data.order_line_rows(order, planned)
            ],
        )
        _log("%d order lines" % len(order_lines))
        jobs = add_plugin_rows(saved_orders, order_lines, plan, now)
        _log(data.add_payments(saved_orders, plan))

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _log(
        "loaded %d orders, %d jobs in %.1f s"
        % (len(saved_orders), len(jobs), time.monotonic() - started)
    )
    return {
        "orders": len(saved_orders),
        "jobs": len(jobs),
        "seconds": time.monotonic() - started,
    }


def host_data(name):
    if name == "saleor3":
        from .load_saleor3 import Saleor3Data

        return Saleor3Data()
    return Saleor2Data()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--jobs-per-order", type=int, default=2)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--host", choices=("saleor2", "saleor3"), default="saleor2")
    args = parser.parse_args(argv)
    import django

    django.setup()
    load(args.orders, args.jobs_per_order, args.seed, host_data(args.host))


if __name__ == "__main__":
    main()
