"""`django-admin openorder_demo`: the demo shop of the host openorder runs in
(each host adapter has its own demo; Host.demo_command names its command)."""

from django.utils.module_loading import import_string

from ...host import get_host

Command = import_string(get_host().demo_command)
