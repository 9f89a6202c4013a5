"""Bulk data for the benchmark: Saleor orders with made-to-order lines, and
for each line the plugin's rows a real checkout would have made (frozen
specs, production job with its events, capacity reservation), plus each
order's Saleor payment and the plugin's payment schedule.

Rows are made with bulk_create in batches, so 10,000 orders load in well
under a minute. The demo catalog (`django-admin openorder_demo`) must be
loaded first: the product types' made-to-order settings and spec fields come
from it, and specs are cleaned and priced by the plugin's own functions.

The loader also adds what the checkout benchmark needs: four more ready-stock
products (a 5-line ready-stock checkout needs 5 variants) and plenty of stock.

    python -m bench.load --orders 10000 --jobs-per-order 2
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


def _log(message):
    print("[bench.load] %s" % message, flush=True)


def _bulk(model, rows):
    """bulk_create in batches; returns the rows with their primary keys."""
    created = []
    for start in range(0, len(rows), BATCH):
        created.extend(model.objects.bulk_create(rows[start : start + BATCH]))
    return created


def ensure_ready_stock():
    """Five ready-stock variants with stock enough for any run."""
    from django.conf import settings
    from saleor.product.models import Product, ProductVariant
    from saleor.product.utils.variant_prices import update_product_minimal_variant_price
    from saleor.warehouse.models import Stock, Warehouse

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
                price_amount=Decimal(20000 + 5000 * index),
                currency=settings.DEFAULT_CURRENCY,
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
        for variant in product.variants.all():
            Stock.objects.update_or_create(
                warehouse=warehouse,
                product_variant=variant,
                defaults={"quantity": STOCK},
            )


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


def _frozen_specs(fields, spec_input, today, currency):
    """The frozen snapshot a checkout would write, made by the plugin's own
    cleaning and pricing: ([items], unit price modifier)."""
    from openorder_plugin.pricing import price_specs
    from openorder_plugin.specs.values import clean_values

    spec_input = [dict(spec) for spec in spec_input]
    for spec in spec_input:
        if spec.get("value", "") is None:
            spec["value"] = (today + datetime.timedelta(days=30)).isoformat()
    cleaned = clean_values(fields, spec_input, today=today)
    return price_specs(fields, cleaned, currency)


def _customers(count):
    from saleor.account.models import Address, User

    emails = ["bench-buyer-%03d@bench.test" % i for i in range(count)] + [
        ONE_LINE_EMAIL,
        THREE_LINES_EMAIL,
    ]
    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    new = [
        User(email=e, first_name="Pembeli", last_name=e.split("@")[0], is_active=True)
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


def load(orders=10000, jobs_per_order=2, seed=8):
    from django.conf import settings
    from django.db import transaction
    from django.utils import timezone
    from saleor.order import OrderStatus
    from saleor.order.models import Order, OrderLine
    from saleor.payment import ChargeStatus
    from saleor.payment.models import Payment
    from saleor.shipping.models import ShippingMethod

    from openorder_plugin import models as oo
    from openorder_plugin.models.payments import (
        DueTrigger,
        InstallmentKind,
        InstallmentStatus,
    )
    from openorder_plugin.models.production import JobEventType, JobStatus
    from openorder_plugin.payments.deposits import OrderLineTerms, split_order

    started = time.monotonic()
    rng = random.Random(seed)
    currency = settings.DEFAULT_CURRENCY
    now = timezone.now()
    today = timezone.localdate()
    ensure_ready_stock()
    types = _schemas()
    type_slugs = sorted(types)
    specs = {
        slug: [_frozen_specs(types[slug][3], s, today, currency) for s in SPECS[slug]]
        for slug in type_slugs
    }
    shipping = ShippingMethod.objects.get(name="Kurir reguler")
    shipping_price = shipping.price.amount
    customers = _customers(200)
    regular, one_line, three_lines = customers[:-2], customers[-2], customers[-1]
    special = max(10, min(100, orders // 20))

    with transaction.atomic():
        # Orders, oldest first; the last ones are the bench customers' 1- and
        # 3-line orders. Older orders are further along in production.
        plan = []  # (customer, address, line count, age in days)
        for i in range(orders):
            age = (orders - i) * 365.0 / orders
            if i >= orders - 2 * special:
                customer, address = one_line if (i - orders) % 2 == 0 else three_lines
                count = 1 if customer is one_line[0] else 3
            else:
                customer, address = regular[i % len(regular)]
                count = jobs_per_order
            plan.append((customer, address, count, age))

        line_rows, order_rows = [], []
        for customer, address, count, age in plan:
            lines = []
            for _ in range(count):
                slug = rng.choice(type_slugs)
                product_type, variant, mto, _fields = types[slug]
                items, modifier = rng.choice(specs[slug])
                quantity = rng.randint(1, 5)
                unit = variant.product.price.amount + modifier
                stage_count = len(mto.stages)
                if age > 30:
                    stage = stage_count - 1
                else:
                    stage = rng.randrange(stage_count)
                lines.append(
                    BenchLine(
                        slug,
                        product_type,
                        variant,
                        mto,
                        items,
                        modifier,
                        quantity,
                        unit,
                        stage,
                    )
                )
            subtotal = sum(ln.unit * ln.quantity for ln in lines)
            total = subtotal + shipping_price
            finished = all(ln.stage == len(ln.mto.stages) - 1 for ln in lines)
            order_rows.append(
                Order(
                    created=now - datetime.timedelta(days=age),
                    status=OrderStatus.FULFILLED
                    if finished and age > 30
                    else OrderStatus.UNFULFILLED,
                    user=customer,
                    user_email=customer.email,
                    billing_address=address,
                    shipping_address=address,
                    currency=currency,
                    shipping_method=shipping,
                    shipping_method_name=shipping.name,
                    shipping_price_net_amount=shipping_price,
                    shipping_price_gross_amount=shipping_price,
                    token=str(uuid.uuid4()),
                    checkout_token=str(uuid.uuid4()),
                    total_net_amount=total,
                    total_gross_amount=total,
                )
            )
            line_rows.append(lines)
        saved_orders = _bulk(Order, order_rows)
        _log("%d orders" % len(saved_orders))

        order_lines = []
        for order, lines in zip(saved_orders, line_rows):
            for row in lines:
                variant, quantity, unit = row.variant, row.quantity, row.unit
                fulfilled = quantity if order.status == OrderStatus.FULFILLED else 0
                order_lines.append(
                    OrderLine(
                        order=order,
                        variant=variant,
                        product_name=variant.product.name,
                        variant_name=variant.name,
                        product_sku=variant.sku,
                        is_shipping_required=True,
                        quantity=quantity,
                        quantity_fulfilled=fulfilled,
                        currency=currency,
                        unit_price_net_amount=unit,
                        unit_price_gross_amount=unit,
                    )
                )
        order_lines = _bulk(OrderLine, order_lines)
        _log("%d order lines" % len(order_lines))

        spec_rows, job_rows, reservation_rows, payment_rows = [], [], [], []
        schedules, installments_for = [], []
        index = 0
        for order, lines in zip(saved_orders, line_rows):
            terms = []
            order_day = timezone.localtime(order.created).date()
            for row in lines:
                product_type, mto, stage = row.product_type, row.mto, row.stage
                items, modifier = row.items, row.modifier
                quantity, unit = row.quantity, row.unit
                line = order_lines[index]
                index += 1
                promised = order_day + datetime.timedelta(days=mto.lead_time_days + 2)
                spec_rows.append(
                    oo.OrderLineSpec(
                        order_line=line,
                        product_type=product_type,
                        schema_version=mto.schema_version,
                        specs=items,
                        unit_price_modifier=modifier,
                        promised_date=promised,
                    )
                )
                stages = [{"code": s["code"], "label": s["label"]} for s in mto.stages]
                job_rows.append(
                    oo.ProductionJob(
                        order=order,
                        order_line=line,
                        product_type=product_type,
                        quantity=quantity,
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
                        product_type=product_type,
                        order_line=line,
                        order=order,
                        day=order_day,
                        quantity=quantity,
                    )
                )
                terms.append(OrderLineTerms(mto, unit * quantity, quantity))
            split = split_order(terms, order.total_gross_amount, currency)
            # Production past the first stage needs the deposit: those orders
            # paid it; finished orders paid everything.
            started_production = any(ln.stage > 0 for ln in lines)
            finished = order.status == OrderStatus.FULFILLED
            captured = (
                order.total_gross_amount
                if finished
                else (
                    split.deposit
                    if started_production or rng.random() < 0.5
                    else Decimal(0)
                )
            )
            payment_rows.append(
                Payment(
                    gateway="mirumee.payments.dummy",
                    order=order,
                    total=order.total_gross_amount,
                    captured_amount=captured,
                    currency=currency,
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
            schedules.append(
                oo.PaymentSchedule(
                    order=order, currency=currency, total=order.total_gross_amount
                )
            )
            installments_for.append((split, captured, order_day))

        _bulk(oo.OrderLineSpec, spec_rows)
        jobs = _bulk(oo.ProductionJob, job_rows)
        _bulk(oo.CapacityReservation, reservation_rows)
        _bulk(Payment, payment_rows)
        schedules = _bulk(oo.PaymentSchedule, schedules)
        _log(
            "%d jobs, specs, reservations; %d payments and schedules"
            % (len(jobs), len(schedules))
        )

        installment_rows = []
        for schedule, (split, captured, order_day) in zip(schedules, installments_for):
            left = captured
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
                oo.ProductionJobEvent(
                    job=job, type=JobEventType.CREATED, to_stage=codes[0]
                )
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

    from django.db import connection

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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=10000)
    parser.add_argument("--jobs-per-order", type=int, default=2)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    import django

    django.setup()
    load(args.orders, args.jobs_per_order, args.seed)


if __name__ == "__main__":
    main()
