"""The catalog side of open order: which product types are made to order, how
they are produced and paid for, and which specifications a buyer must give.

`services` changes them (each change atomic, validated first), `selectors`
reads them; `type_settings` and `spec_fields` validate a definition (from
the checks in `cleaning`) and `patterns` holds the safe regular expressions. No GraphQL here."""
