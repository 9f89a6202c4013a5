"""Saleor's Celery app as every thread's, for both Saleor adapters' settings.

Celery makes an app current only in the thread that created it. The plugin's
tasks are shared tasks, found through the current app, so a request served in
another thread (Django's threaded servers, an ASGI server's worker threads)
would send them through Celery's fallback app, to amqp://localhost, where no
worker listens and where no eager run happens either: the e-mail waited for
the outbox sweep. Saleor's own tasks are bound to its app and are not
affected."""

from saleor import celery_app


def use_saleor_celery_app_in_every_thread():
    celery_app.set_default()
