"""Chat orders, the writes: staff take the order down as a host draft with
its specs (checked as at checkout), the buyer confirms it on the buyer link,
which places it as a real order, or staff cancel the draft."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from prices import Money

from .. import capacity, placement
from ..api.ids import as_uuid
from ..batches import rules as batch_rules
from ..errors import OpenOrderError, OpenOrderErrorCode as Code, Problems
from ..host import get_host
from ..l10n import format_money, language_of, supported_language
from ..models import ChatOrder, ChatOrderLine
from ..models.chat_orders import ChatOrderStatus, ChatSource
from ..notifications import outbox
from ..notifications.recipients import staff_recipients
from ..specs import lines as spec_lines
from . import rules
from .rules import Basket

CONFIRMED_BY_BUYER = "chat_order_confirmed"  # to staff

MAX_LINES = 20
MAX_NAME = 255
MAX_NOTE = 1000


def _check_customer(problems, customer):
    """The buyer's name, WhatsApp number and e-mail, cleaned."""
    name = (customer.get("name") or "").strip()
    if len(name) > MAX_NAME:
        problems.add(
            "customer.name",
            Code.TOO_LONG,
            gettext("At most %(max)d characters.") % {"max": MAX_NAME},
        )
    phone = ""
    try:
        phone = rules.whatsapp_number(customer.get("phone"))
    except OpenOrderError as error:
        problems.extend(error)
    email = (customer.get("email") or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.add(
                "customer.email", Code.INVALID, gettext("Not an e-mail address.")
            )
    return {"customer_name": name, "customer_phone": phone, "customer_email": email}


def _check_line(problems, index, line, schemas, selling, pricing, country, today, now):
    """One line staff took down: (variant, quantity, entry, demand, unit
    price), or None with its problems added."""
    prefix = "lines.%d" % index
    variant, quantity = line["variant"], line["quantity"]
    host = get_host()
    schema = schemas.get(variant.product.product_type_id)
    if schema is None:
        problems.add(
            prefix + ".variant_id",
            Code.NOT_MADE_TO_ORDER,
            gettext(
                "%(product)s is not made to order; sell it from stock with Saleor's "
                "own draft orders."
            )
            % {"product": variant.product.name},
        )
        return None
    if not host.variant_is_sold(variant, pricing):
        problems.add(
            prefix + ".variant_id",
            Code.INVALID,
            gettext("This product is not published."),
        )
        return None
    if not 1 <= quantity <= host.max_line_quantity():
        problems.add(
            prefix + ".quantity", Code.OUT_OF_RANGE, spec_lines.quantity_range_message()
        )
        return None
    count = len(problems.items)
    batch = spec_lines.batch_problem(
        problems, prefix + ".variant_id", selling[variant.product.pk], now
    )
    if len(problems.items) > count:
        return None
    base = host.variant_unit_price(variant, pricing, country)
    try:
        entry = spec_lines.build_line_data(
            schema,
            line.get("specs") or [],
            today=today,
            uploads={},
            prefix=prefix + ".specs",
            currency=base.currency,
        )
    except OpenOrderError as error:
        problems.extend(error)
        return None
    demand = capacity.LineDemand(
        key=index,
        settings=schema.settings,
        quantity=quantity,
        deadline=spec_lines.deadline(schema, entry["specs"]),
        path=prefix,
        earliest_start=batch_rules.earliest_start(batch),
    )
    modifier = Money(Decimal(entry["unitPriceModifier"]), base.currency)
    return variant, quantity, entry, demand, base + modifier


def _check_capacity(problems, demands, today):
    """Each line must be promisable (and by the date wanted, if given);
    nothing is held until the buyer confirms."""
    promised = capacity.estimate(demands, today=today)
    for demand in demands:
        day = promised.get(demand.key)
        if day is None:
            problems.add(
                demand.path + ".quantity",
                Code.CAPACITY_FULL,
                gettext("There is no production capacity for this quantity."),
            )
        else:
            capacity.deadline_problem(problems, demand.path, demand.deadline, day)


@transaction.atomic
def create_draft(
    *,
    lines,
    customer,
    pricing,
    country=None,
    source=ChatSource.WHATSAPP,
    note="",
    language_code="id",
    user=None,
    today=None,
):
    """A chat order: a host draft order with one line per made-to-order line
    staff took down ([{"variant", "quantity", "specs"}]), priced with its
    specs where `pricing` says. All or nothing; raises OpenOrderError."""
    today = today or timezone.localdate()
    now = timezone.now()
    problems = Problems()
    people = _check_customer(problems, customer or {})
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        problems.add(
            "note",
            Code.TOO_LONG,
            gettext("At most %(max)d characters.") % {"max": MAX_NOTE},
        )
    language = supported_language(language_code)
    if language is None:
        problems.add(
            "language_code",
            Code.INVALID,
            gettext("The buyer's page speaks Indonesian (id) or English (en)."),
        )
    if not lines:
        problems.add("lines", Code.REQUIRED, gettext("Add at least one line."))
    elif len(lines) > MAX_LINES:
        problems.add(
            "lines",
            Code.OUT_OF_RANGE,
            gettext("A chat order holds at most %(max)d lines.") % {"max": MAX_LINES},
        )
        lines = []
    schemas = spec_lines.schemas_for_product_types(
        line["variant"].product.product_type_id for line in lines
    )
    selling = spec_lines.selling_of_variants([line["variant"] for line in lines], now)
    checked = [
        _check_line(
            problems, index, line, schemas, selling, pricing, country, today, now
        )
        for index, line in enumerate(lines)
    ]
    checked = [c for c in checked if c is not None]
    if not problems.items:
        _check_capacity(problems, [c[3] for c in checked], today)
    problems.raise_if_any()

    host = get_host()
    order, order_lines = host.create_draft_order(
        lines=[
            (variant, quantity, unit) for variant, quantity, _e, _d, unit in checked
        ],
        pricing=pricing,
        email=people["customer_email"],
        language_code=language,
        user=user,
    )
    chat_order = ChatOrder.objects.create(
        order=order,
        source=source,
        note=note,
        language_code=language,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **people,
    )
    ChatOrderLine.objects.bulk_create(
        ChatOrderLine(chat_order=chat_order, order_line=order_line, entry=entry)
        for order_line, (_v, _q, entry, _d, _u) in zip(order_lines, checked)
    )
    host.add_order_note(
        order,
        gettext("Chat order: waiting for the buyer to confirm on the buyer link."),
        user=user,
    )
    return chat_order


def _locked_by_token(token):
    token = as_uuid(token)
    chat_order = (
        ChatOrder.objects.select_for_update().filter(token=token).first()
        if token
        else None
    )
    if chat_order is None:
        raise OpenOrderError.single(
            "token", Code.NOT_FOUND, gettext("No such order to confirm.")
        )
    return chat_order


def cancelled_error():
    return OpenOrderError.single(
        "token",
        Code.INVALID_TRANSITION,
        gettext("The shop cancelled this order; ask them in the chat."),
    )


def order_lines_with_entries(chat_order):
    """The draft's lines (variant and product selected) and {order line pk:
    entry} of those staff took down with specs."""
    # In the host's own line order (Saleor 3's line keys are UUIDs).
    lines = list(chat_order.order.lines.select_related("variant__product"))
    entries = dict(chat_order.lines.values_list("order_line_id", "entry"))
    return lines, entries


@transaction.atomic
def confirm(token, *, expected_total=None, user=None):
    """The buyer confirms on the buyer link: the draft is checked as a
    checkout is at completion, its capacity is held and it is placed as a
    real order with its jobs and payment schedule. Confirming again changes
    nothing. `expected_total` is the total the buyer saw: if the draft
    changed since, nothing is placed (CONFLICT)."""
    chat_order = _locked_by_token(token)
    if chat_order.status == ChatOrderStatus.CONFIRMED:
        return chat_order
    if chat_order.status == ChatOrderStatus.CANCELLED or chat_order.order is None:
        raise cancelled_error()
    host = get_host()
    order = chat_order.order
    if order.status != host.draft_order_status:
        # Staff placed the draft themselves (Saleor's own draftOrderComplete):
        # the order's hook already did what placing does.
        return _mark_confirmed(chat_order)
    # The total the buyer saw: checked before anything is held or the host is
    # told (its order-created hooks may reach other systems), and again once
    # the host has priced the order as placed (Saleor 3 prices a draft
    # lazily), when a mismatch rolls all of it back.
    _check_total(expected_total, order)
    lines, entries = order_lines_with_entries(chat_order)
    checks = spec_lines.check_checkout_lines(
        Basket(chat_order.pk, order.currency),
        lines,
        entry_of=lambda line: entries.get(line.pk),
    )
    if checks:
        capacity.hold_for_checkout(chat_order.pk, spec_lines.demands(checks))
    order = host.place_draft_order(order, checkout_token=str(chat_order.pk), user=user)
    _check_total(expected_total, order)
    placement.order_placed(order)
    _queue_confirmed(chat_order, order)
    return _mark_confirmed(chat_order)


def _queue_confirmed(chat_order, order):
    """Staff are told the buyer confirmed: the order is theirs to make."""
    host = get_host()
    language = language_of(settings.LANGUAGE_CODE)  # the shop's
    for recipient in staff_recipients():
        outbox.queue(
            "chat-order:%s:confirmed:%s" % (chat_order.pk, recipient),
            CONFIRMED_BY_BUYER,
            recipient,
            {
                "order_number": host.order_number(order),
                "customer_name": chat_order.customer_name,
                "customer_phone": chat_order.customer_phone,
                "total": format_money(
                    order.total_gross_amount, order.currency, language
                ),
            },
            order=order,
            language=language,
        )


def _check_total(expected_total, order):
    if expected_total is not None and expected_total != order.total_gross_amount:
        raise OpenOrderError.single(
            "expected_total",
            Code.CONFLICT,
            gettext(
                "The shop changed this order since you opened it; reload the page "
                "to see it as it is now."
            ),
        )


def _mark_confirmed(chat_order):
    chat_order.status = ChatOrderStatus.CONFIRMED
    chat_order.confirmed_at = timezone.now()
    chat_order.save(update_fields=["status", "confirmed_at"])
    return chat_order


@transaction.atomic
def cancel(chat_order_id, *, user=None):
    """Staff call off a chat order the buyer has not confirmed: its host
    draft is deleted and the buyer link says the shop cancelled it."""
    chat_order = ChatOrder.objects.select_for_update().filter(pk=chat_order_id).first()
    if chat_order is None:
        raise OpenOrderError.single(
            "id", Code.NOT_FOUND, gettext("No such chat order.")
        )
    if chat_order.status == ChatOrderStatus.CANCELLED:
        return chat_order
    host = get_host()
    if chat_order.status == ChatOrderStatus.CONFIRMED or (
        chat_order.order is not None
        and chat_order.order.status != host.draft_order_status
    ):
        raise OpenOrderError.single(
            "id",
            Code.INVALID_TRANSITION,
            gettext(
                "The buyer has confirmed this order; cancel the order itself instead."
            ),
        )
    order = chat_order.order
    chat_order.status = ChatOrderStatus.CANCELLED
    chat_order.cancelled_at = timezone.now()
    chat_order.order = None
    chat_order.save(update_fields=["status", "cancelled_at", "order"])
    if order is not None:
        host.delete_draft_order(order)
    return chat_order
