"""Who among staff hears of overdue jobs, overdue balances and lapsed orders."""

from ..config import staff_emails
from ..host import get_host


def staff_recipients():
    """The plugin's "Staff notification e-mail" when set, else the shop's own
    active staff notification recipients."""
    return staff_emails() or get_host().staff_notification_emails()
