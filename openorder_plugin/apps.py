from django.apps import AppConfig


class OpenOrderConfig(AppConfig):
    name = "openorder_plugin"
    label = "openorder"
    verbose_name = "Open order"

    def ready(self):
        # Connects the outbox's notification_due signal to the Celery task
        # that sends each e-mail.
        from . import tasks  # noqa: F401
