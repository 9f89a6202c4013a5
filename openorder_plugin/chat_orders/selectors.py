"""Chat orders, the reads: staff's list, and one chat order as the buyer link
and the board show it (its lines and specs, price, deposit, balance terms and
promised dates, worked out live while it is a draft)."""

from decimal import Decimal
from typing import List, NamedTuple, Optional

from django.db.models import Q
from prices import Money

from .. import capacity, config
from ..api.ids import as_uuid
from ..errors import OpenOrderError
from ..host import get_host
from ..models import ChatOrder, ChatOrderLine, OrderLineSpec
from ..models.chat_orders import ChatOrderStatus
from ..models.payments import InstallmentKind
from ..payments.deposits import split_order
from ..payments.schedule import order_line_terms, schedule_for_order
from ..pricing import price_specs
from ..specs import lines as spec_lines
from .rules import Basket


class ChatLineView(NamedTuple):
    order_line: object  # the host's order line
    specs: list  # [{"code", "label", "type", "value", "priceModifier"}]
    unit_price: Money
    total_price: Money
    promised_date: object


class ChatOrderView(NamedTuple):
    chat_order: ChatOrder
    status: str
    lines: List[ChatLineView]
    total: Optional[Money]
    deposit: Optional[Money]
    balance: Optional[Money]
    balance_due: Optional[str]  # a DueTrigger
    balance_due_days: Optional[int]
    promised_date: object  # the latest line's
    # Why the buyer cannot confirm as it stands (a price that changed, full
    # capacity); [] when they can.
    problems: list
    schedule: object  # the placed order's PaymentSchedule, else None


def staff_chat_orders():
    return ChatOrder.objects.select_related("order")


def with_status(queryset, statuses):
    """Chat orders in any of `statuses`; a draft staff deleted in the host's
    dashboard counts as CANCELLED."""
    wanted = Q(pk__in=[])
    for status in statuses or []:
        if status == ChatOrderStatus.CANCELLED:
            wanted |= Q(status=status) | Q(
                status=ChatOrderStatus.DRAFT, order__isnull=True
            )
        elif status == ChatOrderStatus.DRAFT:
            wanted |= Q(status=status, order__isnull=False)
        else:
            wanted |= Q(status=status)
    return queryset.filter(wanted) if statuses else queryset


def chat_order_by_token(token):
    token = as_uuid(token)
    if token is None:
        return None
    return ChatOrder.objects.select_related("order").filter(token=token).first()


def status_of(chat_order):
    # Staff may delete the draft in the host's own dashboard.
    if chat_order.status == ChatOrderStatus.DRAFT and chat_order.order_id is None:
        return ChatOrderStatus.CANCELLED
    return chat_order.status


def payment_instructions(chat_order):
    """How to pay, as the shop set it (the plugin's setting), or ""."""
    order_id = chat_order.order_id
    return (config.plugin_setting(config.PAYMENT_INSTRUCTIONS, order_id) or "").strip()


def _draft_lines(chat_order, order):
    """The draft's lines with their specs and live promised dates, and the
    problems that keep the buyer from confirming."""
    from_order = list(order.lines.select_related("variant__product"))
    entries = dict(
        ChatOrderLine.objects.filter(chat_order=chat_order).values_list(
            "order_line_id", "entry"
        )
    )
    problems = []
    checks = []
    try:
        checks = spec_lines.check_checkout_lines(
            Basket(chat_order.pk, order.currency),
            from_order,
            entry_of=lambda line: entries.get(line.pk),
        )
    except OpenOrderError as error:
        problems = error.problems
    promised = {}
    if checks:
        promised = capacity.estimate(
            spec_lines.demands(checks), exclude_checkout=chat_order.pk
        )
    items = {check.line.pk: check.items for check in checks}
    schemas = spec_lines.schemas_for_product_types(
        line.variant.product.product_type_id for line in from_order if line.variant
    )
    views = []
    for line in from_order:
        specs = items.get(line.pk)
        if specs is None and line.pk in entries and line.variant is not None:
            schema = schemas.get(line.variant.product.product_type_id)
            specs = _shown_specs(schema, entries[line.pk], order.currency)
        views.append(_line_view(line, specs or [], promised.get(line.pk), order))
    return views, problems


def _shown_specs(schema, entry, currency):
    # The specs as staff took them down, even when they no longer pass.
    if schema is None:
        return []
    try:
        return price_specs(schema.fields, entry["specs"], currency)[0]
    except Exception:  # a field whose kind changed: shown as nothing priced
        return []


def _line_view(line, specs, promised_date, order):
    unit = Money(line.unit_price_gross_amount, order.currency)
    return ChatLineView(line, specs, unit, unit * line.quantity, promised_date)


def _placed_lines(order):
    frozen = {
        spec.order_line_id: spec
        for spec in OrderLineSpec.objects.filter(order_line__order_id=order.pk)
    }
    views = []
    for line in order.lines.all():
        spec = frozen.get(line.pk)
        views.append(
            _line_view(
                line,
                spec.specs if spec else [],
                spec.promised_date if spec else None,
                order,
            )
        )
    return views


def chat_order_view(chat_order):
    status = status_of(chat_order)
    order = chat_order.order
    empty = ChatOrderView(
        chat_order, status, [], None, None, None, None, None, None, [], None
    )
    if order is None:
        return empty
    currency = order.currency
    total = Money(order.total_gross_amount, currency)
    host = get_host()
    placed = order.status != host.draft_order_status
    schedule = schedule_for_order(order) if placed else None
    if placed:
        lines, problems = _placed_lines(order), []
    else:
        lines, problems = _draft_lines(chat_order, order)
    split = split_order(order_line_terms(order), order.total_gross_amount, currency)
    deposit = balance = None
    balance_due = balance_due_days = None
    if schedule is not None:
        parts = {i.kind: i for i in schedule.installments.all()}
        deposit = Money(
            parts[InstallmentKind.DEPOSIT].amount
            if InstallmentKind.DEPOSIT in parts
            else Decimal(0),
            currency,
        )
        balance = total - deposit
    elif split is not None:
        deposit = Money(split.deposit, currency)
        balance = Money(split.balance, currency)
    if split is not None:
        balance_due, balance_due_days = split.balance_due, split.balance_due_days
    dates = [line.promised_date for line in lines if line.promised_date]
    return ChatOrderView(
        chat_order,
        status,
        lines,
        total,
        deposit,
        balance,
        balance_due,
        balance_due_days,
        max(dates) if dates else None,
        problems,
        schedule,
    )
