from django.apps import AppConfig


class OpenOrderConfig(AppConfig):
    name = "openorder_plugin"
    label = "openorder"
    verbose_name = "Open order"
