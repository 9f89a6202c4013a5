"""Buyers' specs: validation of values, their place on checkout lines, the
snapshot frozen onto order lines, and uploaded files."""
