"""The demo shop, the same on every host: its products, people and made-to-order
definitions. Each adapter's demo builds it in its Saleor."""
