"""Deferred payment: deposits, balances, the payment schedule and its gates."""
