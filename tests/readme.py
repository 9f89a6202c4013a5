"""The README's walkthroughs as a test sends them: every operation and its
variables read from README.md between a walkthrough's markers, in order."""

import json
import os
import re

README = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md"
)
BLOCK = re.compile(r"```(graphql|json)\n(.*?)```", re.S)
# What a README variable says where a value comes from an earlier answer.
FROM_EARLIER = "…"


def walkthrough(marker="walkthrough"):
    """[(operation name, document, variables)] between `<!-- marker:start -->`
    and `<!-- marker:end -->`, in the README's order."""
    with open(README, encoding="utf-8") as handle:
        text = handle.read()
    start = text.index("<!-- %s:start -->" % marker)
    end = text.index("<!-- %s:end -->" % marker)
    blocks = BLOCK.findall(text[start:end])
    steps = []
    for (kind, document), (var_kind, variables) in zip(blocks[::2], blocks[1::2]):
        assert (kind, var_kind) == ("graphql", "json"), (
            "each operation is followed by its variables"
        )
        name = re.search(r"^(?:query|mutation) (\w+)", document, re.M).group(1)
        steps.append((name, document, json.loads(variables)))
    return steps


def errors_of(payload):
    """Every error list in an operation's answer: Saleor 2.10's `…Errors`
    and Saleor 3's `errors`."""
    found = []
    for value in payload.values():
        if isinstance(value, dict):
            found += [
                error
                for key, errors in value.items()
                if (key == "errors" or key.endswith("Errors")) and errors
                for error in errors
            ]
    return found
