"""The buyer link of a chat order: a page the plugin serves, in the chat
order's language (or the one the buyer picks), showing the order as it
stands (specs, price, deposit, when it can be ready, how to pay) and letting
the buyer confirm it. It reads and writes only through the chat-order core."""

from decimal import Decimal, InvalidOperation

from django.contrib.sites.models import Site
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from . import config, l10n
from .chat_orders import services
from .chat_orders.selectors import (
    chat_order_by_token,
    chat_order_view,
    payment_instructions,
)
from .errors import OpenOrderError, OpenOrderErrorCode as Code
from .host import get_host
from .models.chat_orders import ChatOrderStatus
from .models.payments import DueTrigger
from .payments import proofs
from .payments.schedule import outstanding
from .payments.status import summary

# The form value and query flag of a transfer receipt sent from the page.
SENT_PROOF = "proof"

# The switch to the page's other language, named in that language.
OTHER_LANGUAGE = {
    "id": {"code": "en", "name": "English"},
    "en": {"code": "id", "name": "Bahasa Indonesia"},
}


def _balance_terms(view):
    if not view.balance or not view.balance.amount:
        return ""
    amount = l10n.format_money(view.balance.amount, view.balance.currency)
    if view.balance_due == DueTrigger.ON_DELIVERY:
        return gettext("Balance %(amount)s, paid on delivery.") % {"amount": amount}
    if view.balance_due == DueTrigger.DAYS_AFTER_ORDER:
        return ngettext(
            "Balance %(amount)s, due %(days)d day after the order.",
            "Balance %(amount)s, due %(days)d days after the order.",
            view.balance_due_days or 0,
        ) % {"amount": amount, "days": view.balance_due_days or 0}
    return gettext("Balance %(amount)s, due when the order is ready.") % {
        "amount": amount
    }


def _deposit_deadline(view):
    """Before confirming: how long the buyer then has to pay the deposit
    (the plugin's payment window), when there is a deposit and a window."""
    if (
        view.status != ChatOrderStatus.DRAFT
        or not view.deposit
        or not view.deposit.amount
    ):
        return ""
    hours = config.setting_hours(config.DEPOSIT_WINDOW)
    if not hours:
        return ""
    return gettext(
        "After you confirm, pay the deposit within %(hours)s hours, or the order "
        "is cancelled."
    ) % {"hours": l10n.format_number(hours)}


def _status_text(view):
    return {
        ChatOrderStatus.DRAFT: gettext(
            "Please check your order. Nothing is made or charged until you confirm it."
        ),
        ChatOrderStatus.CONFIRMED: gettext(
            "Confirmed. Thank you: the shop has your order."
        ),
        ChatOrderStatus.CANCELLED: gettext(
            "The shop cancelled this order; ask them in the chat."
        ),
    }[view.status]


def _lines(view):
    money = l10n.format_money
    return [
        {
            "name": line.order_line.product_name,
            # A product's only variant is often named after it.
            "variant": ""
            if line.order_line.variant_name == line.order_line.product_name
            else line.order_line.variant_name,
            "quantity": line.order_line.quantity,
            "unit_price": money(line.unit_price.amount, line.unit_price.currency),
            "total_price": money(line.total_price.amount, line.total_price.currency),
            "specs": [
                {
                    "label": item["label"],
                    "value": ", ".join(item["value"])
                    if isinstance(item["value"], list)
                    else item["value"],
                    "price": money(item["priceModifier"], line.unit_price.currency)
                    if Decimal(item["priceModifier"])
                    else "",
                }
                for item in line.specs
            ],
            "promised_date": l10n.format_date(line.promised_date)
            if line.promised_date
            else "",
        }
        for line in view.lines
    ]


def _expected_total(request):
    try:
        return Decimal(request.POST.get("expected_total", ""))
    except (InvalidOperation, ValueError):
        return None


def chat_order_page(request, token):
    chat_order = chat_order_by_token(token)
    if chat_order is None:
        raise Http404("No such order.")
    language = l10n.supported_language(request.GET.get("lang")) or l10n.language_of(
        chat_order.language_code
    )
    errors = []
    with l10n.override(language):
        if request.method == "POST":
            try:
                sent = _act(request, chat_order, token)
            except OpenOrderError as error:
                errors = [problem.message for problem in error.problems]
            else:
                # Post/redirect/get: a reload does not post again.
                return redirect(_page_url(token, language, sent), permanent=False)
            chat_order = chat_order_by_token(token)
        context = _context(chat_order, errors, language)
        context["sent"] = request.GET.get("sent") == SENT_PROOF
    response = render(
        request,
        "openorder/chat_order.html",
        context,
        status=409 if errors else 200,
    )
    # The page holds the buyer's details behind a secret link.
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _page_url(token, language, sent):
    url = "%s?lang=%s" % (reverse("openorder-chat-order", args=[token]), language)
    return url + ("&sent=%s" % SENT_PROOF if sent else "")


def _act(request, chat_order, token):
    """What the buyer's form asks: confirm the order, or (once it is an
    order) send a transfer receipt. Returns whether a receipt was sent."""
    if request.POST.get("action") != SENT_PROOF:
        services.confirm(token, expected_total=_expected_total(request))
        return False
    order = chat_order.order
    if chat_order.status != ChatOrderStatus.CONFIRMED or order is None:
        raise OpenOrderError.single(
            "token", Code.INVALID_TRANSITION, gettext("Confirm the order first.")
        )
    receipt = request.FILES.get("receipt")
    if receipt is None:
        raise OpenOrderError.single(
            "file",
            Code.REQUIRED,
            gettext("Choose the photo or PDF of your transfer receipt."),
        )
    proofs.upload_proof(
        get_host().order_token(order),
        receipt,
        reference=request.POST.get("reference", ""),
    )
    return True


def _context(chat_order, errors, language):
    view = chat_order_view(chat_order)
    money = l10n.format_money
    total = view.total
    order = chat_order.order
    problems = [problem.message for problem in view.problems]
    return {
        "language": language,
        "other_language": OTHER_LANGUAGE[language],
        "shop": Site.objects.get_current().name,
        "status": view.status,
        "status_text": _status_text(view),
        "customer_name": chat_order.customer_name,
        "note": chat_order.note,
        "lines": _lines(view),
        "total": money(total.amount, total.currency) if total else "",
        "total_value": str(total.amount) if total else "",
        "deposit": money(view.deposit.amount, view.deposit.currency)
        if view.deposit and view.deposit.amount
        else "",
        "balance_terms": _balance_terms(view),
        "deposit_deadline": _deposit_deadline(view),
        "promised_date": l10n.format_date(view.promised_date)
        if view.promised_date
        else "",
        "problems": problems,
        "errors": errors,
        "can_confirm": view.status == ChatOrderStatus.DRAFT and not problems,
        "order_number": get_host().order_number(order) if order else "",
        "payment_summary": summary(view.schedule) if view.schedule else "",
        # Once placed, the buyer can send a transfer receipt for what is owed.
        "can_send_proof": bool(
            view.schedule is not None
            and not view.schedule.cancellation_rule
            and not view.schedule.lapsed_at
            and outstanding(view.schedule) > 0
        ),
        "payment_instructions": payment_instructions(chat_order),
        "t": _texts(),
    }


def _texts():
    return {
        "title": gettext("Your order"),
        "quantity": gettext("Quantity"),
        "total": gettext("Total"),
        "deposit": gettext("Deposit to pay first"),
        "ready": gettext("Ready by about"),
        "confirm": gettext("Confirm my order"),
        "confirm_help": gettext("By confirming you order these items at this price."),
        "deposit_help": gettext("The shop starts making it once the deposit is paid."),
        "order_number": gettext("Order number"),
        "how_to_pay": gettext("How to pay"),
        "ask_in_chat": gettext("Ask the shop in the chat how to pay."),
        "cannot_confirm": gettext("This order cannot be confirmed as it is:"),
        "send_proof": gettext("Paid by transfer? Send the receipt"),
        "receipt": gettext("Photo or PDF of the transfer receipt"),
        "reference": gettext("Sender's name or transfer reference (optional)"),
        "send": gettext("Send the receipt"),
        "proof_help": gettext(
            "The shop checks its account; nothing counts as paid until they accept it."
        ),
        "sent": gettext("Receipt sent. The shop will check it and tell you."),
    }
