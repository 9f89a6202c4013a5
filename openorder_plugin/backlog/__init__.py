"""The open-order backlog: what is accepted and not yet delivered."""
