"""The catalog side of open order: which product types are made to order, how
they are produced and paid for, and which specifications a buyer must give.

`services` changes them (each change atomic, validated first), `selectors`
reads them, `definitions` holds the validation of a definition and `patterns`
the safe regular expressions. No GraphQL here."""
