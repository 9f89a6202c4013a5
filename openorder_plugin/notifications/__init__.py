"""E-mails the plugin sends: one outbox for every kind (production, payment),
and one answer to "which staff are told"."""
