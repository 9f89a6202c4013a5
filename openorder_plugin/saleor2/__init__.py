"""The Saleor 2.10 adapter: the only package that imports `saleor`.

It holds the plugin hooks, the deferred-payment gateway, the GraphQL layer in
Saleor's own style, the host interface's implementation (host.py), settings,
URL conf and the demo. The rest of openorder_plugin is the host-neutral core."""
