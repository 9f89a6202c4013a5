"""The Saleor 3.23 adapter: the plugin's hooks, the deferred-payment gateway,
the GraphQL layer in Saleor 3's style, settings and URLs. With openorder_plugin
installed in a Saleor 3.23 environment, Saleor finds both plugins through the
package's `saleor.plugins` entry points; DJANGO_SETTINGS_MODULE=
openorder_plugin.saleor3.settings adds the extended schema's URL conf."""
