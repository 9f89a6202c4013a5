"""Where payment holds production and shipping back. Production calls these
before a stage change and before fulfillment; each raises OpenOrderError when
the plugin's configuration says the money must come first."""


def check_stage_change(job, to_stage):
    """Refuse moving `job` past CONFIRMED while its order's deposit is unpaid
    (plugin setting "Deposit before production")."""
    # Filled in by the deferred-payment work (issue 6).
    return None


def check_fulfillment(order):
    """Refuse fulfilling made-to-order lines while the balance is unpaid,
    unless it is due on delivery (plugin setting "Balance before fulfillment")."""
    # Filled in by the deferred-payment work (issue 6).
    return None
