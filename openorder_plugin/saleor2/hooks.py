"""What the adapter's two Saleor plugins share."""

import functools


def active_only(inactive_value):
    """Saleor's manager calls inactive plugins too: an inactive plugin hands
    back `previous_value` (or `inactive_value` when the hook has none)."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapped(self, *args, **kwargs):
            if not self.active:
                return kwargs.get("previous_value", inactive_value)
            return fn(self, *args, **kwargs)

        return wrapped

    return decorate
