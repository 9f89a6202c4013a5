"""Spec-field patterns are regular expressions written by staff and run on
buyer input. They are compiled with RE2, whose matching time is linear in the
input, so no pattern (e.g. `(a+)+$`) and no input can make it run away;
syntax RE2 cannot run in linear time (backreferences, lookarounds) is refused
when the pattern is saved.

The plugin's one pattern compiler: the catalog checks merchants' patterns
with `compile_pattern`, checkout matches buyers' values with `pattern_matches`
(openorder_plugin.specs.values); each pattern is compiled once per process."""

from functools import lru_cache

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # errors are reported to the caller, not to stderr


class InvalidPattern(ValueError):
    pass


@lru_cache(maxsize=512)
def compile_pattern(pattern):
    """The compiled pattern; InvalidPattern when RE2 cannot compile it."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as error:
        message = error.args[0] if error.args else str(error)
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        raise InvalidPattern(message) from None


def pattern_matches(pattern, value):
    """Whether the whole of `value` matches `pattern`, as checkout checks a
    buyer's value (specs.values)."""
    return compile_pattern(pattern).fullmatch(value) is not None
