"""Who among staff hears of overdue jobs, overdue balances and lapsed orders."""
from saleor.account.models import StaffNotificationRecipient

from ..config import staff_emails


def staff_recipients():
    """The plugin's "Staff notification e-mail" when set, else Saleor's active
    staff notification recipients: a staff member's own address, or an address
    without a user (Saleor allows both). Deactivated staff are left out."""
    configured = staff_emails()
    if configured:
        return configured
    emails = []
    for recipient in StaffNotificationRecipient.objects.filter(active=True).select_related("user"):
        if recipient.user is not None and not (recipient.user.is_active and recipient.user.is_staff):
            continue
        email = recipient.get_email()
        if email and email not in emails:
            emails.append(email)
    return emails
