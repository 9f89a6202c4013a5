"""What happens when an order with made-to-order lines is placed, whichever
way it came (a checkout, a chat order the buyer confirmed): its specs are
frozen, its jobs made, its lines join their batches and its payment schedule
opens. Every step is idempotent, so a host that tells the plugin twice (or a
chat order that placed it itself) changes nothing more."""

from django.db import transaction

from .batches import services as batches
from .payments import schedule as payment_schedule
from .production import services as production
from .specs import orders as spec_orders


@transaction.atomic
def order_placed(order):
    # One query keeps ready-stock orders free of everything below.
    if not spec_orders.has_made_to_order_lines(order):
        return False
    spec_orders.freeze_onto_order(order)
    production.create_jobs_for_order(order)
    batches.join_order(order)
    payment_schedule.open_schedule(order)
    return True
