"""Chat orders: orders staff take in a WhatsApp or Instagram chat, confirmed
by the buyer on a page the plugin serves."""
