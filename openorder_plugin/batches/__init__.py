"""Pre-order batches (PO): rules (pure), selectors (reads) and services
(writes) of selling in rounds that close with a minimum."""
