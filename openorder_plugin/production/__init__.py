"""Production: a job per made-to-order order line, moved through its stages by
staff, with the buyer told of each change."""
