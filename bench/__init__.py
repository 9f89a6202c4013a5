"""The benchmark: the same Saleor with and without the openorder plugin, on
the same data, measured through real HTTP requests (see run.py)."""
