"""The plugin's own settings, the same on every host. Each adapter's settings
module starts from its Saleor's settings and applies these (`apply`)."""

import os

# The openorder_plugin package.
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

# Periodic tasks run by `celery ... worker --beat` (or a separate beat).
BEAT_SCHEDULE = {
    # Production: flag jobs past their promised date (and alert staff once).
    "openorder-mark-overdue-production-jobs": {
        "task": "openorder_plugin.tasks.mark_overdue_production_jobs",
        "schedule": 60 * 60,
    },
    # Deferred payment: balances become due, buyers are reminded once, staff
    # are told once of an overdue balance.
    "openorder-payment-reminders": {
        "task": "openorder_plugin.tasks.run_payment_reminders",
        "schedule": 15 * 60,
    },
    # The payment window: orders whose deposit is unpaid (or that staff did
    # not confirm) when their deadline passes are cancelled.
    "openorder-lapse-unpaid-orders": {
        "task": "openorder_plugin.tasks.lapse_unpaid_orders",
        "schedule": 60.0,
    },
    # Pre-order batches close at their closing time, exactly once.
    "openorder-close-due-pre-order-batches": {
        "task": "openorder_plugin.tasks.close_due_pre_order_batches",
        "schedule": 60.0,
    },
    # The weekly backlog digest to staff (when the plugin setting is on):
    # checked hourly, sent once a week from Monday morning.
    "openorder-backlog-digest": {
        "task": "openorder_plugin.tasks.send_backlog_digest",
        "schedule": 60 * 60,
    },
    # The notification outbox sweep: what a lost task or killed worker left
    # unsent.
    "openorder-send-unsent-notifications": {
        "task": "openorder_plugin.tasks.send_unsent_notifications",
        "schedule": 60.0,
    },
}


def apply(namespace, host_path):
    """Set the plugin's settings in a settings module's `namespace`
    (globals()), on top of its host's. `host_path` names the adapter's Host."""
    env = os.environ.get
    # The core reaches the shop through this adapter (openorder_plugin.host).
    namespace["OPENORDER_HOST"] = host_path
    # The shop's language when a buyer's is not one the plugin speaks (en, id).
    namespace["LANGUAGE_CODE"] = env("LANGUAGE_CODE", "id")
    namespace["TIME_ZONE"] = env("TIME_ZONE", "Asia/Jakarta")
    # The buyer's language from Accept-Language, limited to en and id
    # (Django's place for it: before CommonMiddleware).
    middleware = list(namespace["MIDDLEWARE"])
    common = middleware.index("django.middleware.common.CommonMiddleware")
    middleware.insert(common, "openorder_plugin.middleware.BuyerLanguageMiddleware")
    namespace["MIDDLEWARE"] = middleware
    # Buyer uploads (design files) live outside MEDIA_ROOT so nothing serves
    # them publicly; the plugin streams them to the buyer and staff only.
    namespace["OPENORDER_PRIVATE_STORAGE_ROOT"] = env(
        "OPENORDER_PRIVATE_STORAGE_ROOT",
        os.path.join(os.getcwd(), ".data", "private-uploads"),
    )
    namespace["MEDIA_ROOT"] = env(
        "MEDIA_ROOT", os.path.join(os.getcwd(), ".data", "media")
    )
    # The built production board, served at /dashboard-extension/: the one an
    # installed package carries (setup.py), else a checkout's own build.
    packaged_board = os.path.join(PACKAGE_DIR, "board")
    if not os.path.isfile(os.path.join(packaged_board, "index.html")):
        packaged_board = os.path.join(
            os.path.dirname(PACKAGE_DIR), "dashboard_extension", "dist"
        )
    namespace["OPENORDER_DASHBOARD_DIST"] = env(
        "OPENORDER_DASHBOARD_DIST", packaged_board
    )
    namespace["CELERY_BEAT_SCHEDULE"] = dict(
        namespace.get("CELERY_BEAT_SCHEDULE") or {}, **BEAT_SCHEDULE
    )
    # Days a buyer has to pay a balance once it is due (ready, delivered).
    namespace["OPENORDER_BALANCE_PAYMENT_DAYS"] = int(
        env("OPENORDER_BALANCE_PAYMENT_DAYS", "3")
    )
    # Jobs of one order reaching the same stage within this many seconds are
    # told to the buyer in one e-mail.
    namespace["OPENORDER_STAGE_EMAIL_BATCH_SECONDS"] = int(
        env("OPENORDER_STAGE_EMAIL_BATCH_SECONDS", "180")
    )
