"""Errors the domain raises. Each names the input it is about (`field`, a
snake_case path such as `lines.0.variant_id` or `lines.0.specs.print_text`),
a code, and a message a person can act on. The API layer turns them into its
typed errors, with the path in the API's own words (`lines.0.variantId`);
nothing is stored when one is raised."""


class OpenOrderErrorCode:
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    UNKNOWN_FIELD = "UNKNOWN_FIELD"
    INVALID_TYPE = "INVALID_TYPE"
    INVALID_PATTERN = "INVALID_PATTERN"
    PATTERN_MISMATCH = "PATTERN_MISMATCH"
    TOO_SHORT = "TOO_SHORT"
    TOO_LONG = "TOO_LONG"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    INVALID_RANGE = "INVALID_RANGE"
    INVALID_CHOICE = "INVALID_CHOICE"
    INVALID_DATE = "INVALID_DATE"
    NEGATIVE_PRICE = "NEGATIVE_PRICE"
    HIDDEN_FIELD = "HIDDEN_FIELD"
    INVALID_CONDITION = "INVALID_CONDITION"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED"
    NOT_MADE_TO_ORDER = "NOT_MADE_TO_ORDER"
    CAPACITY_FULL = "CAPACITY_FULL"
    CONFLICT = "CONFLICT"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOTE_REQUIRED = "NOTE_REQUIRED"
    JOB_ON_HOLD = "JOB_ON_HOLD"
    JOB_CANCELLED = "JOB_CANCELLED"
    DEPOSIT_NOT_PAID = "DEPOSIT_NOT_PAID"
    BALANCE_NOT_PAID = "BALANCE_NOT_PAID"
    PRODUCTION_NOT_READY = "PRODUCTION_NOT_READY"
    OVERPAYMENT = "OVERPAYMENT"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    NO_PAYMENT = "NO_PAYMENT"
    # Pre-order batches: the product sells only in a batch and none is
    # taking orders; the batch has closed; the job waits for its batch.
    BATCH_NOT_OPEN = "BATCH_NOT_OPEN"
    BATCH_CLOSED = "BATCH_CLOSED"
    BATCH_NOT_CLOSED = "BATCH_NOT_CLOSED"
    # Transfer proofs: nothing is owed on the installment; the order has as
    # many proofs waiting for staff as it may.
    ALREADY_PAID = "ALREADY_PAID"
    # Design approval: the job waits for the buyer to approve its proof.
    PROOF_NOT_APPROVED = "PROOF_NOT_APPROVED"
    TOO_MANY_PENDING = "TOO_MANY_PENDING"
    # A spec given as `value` where its field takes `values`, or the reverse.
    VALUE_KIND_MISMATCH = "VALUE_KIND_MISMATCH"
    # A bug of ours, logged; the caller's request changed nothing.
    INTERNAL_ERROR = "INTERNAL_ERROR"

    @classmethod
    def values(cls):
        return [v for k, v in vars(cls).items() if k.isupper()]


class Problem:
    __slots__ = ("field", "code", "message")

    def __init__(self, field, code, message):
        self.field = field
        self.code = code
        self.message = message

    def __repr__(self):
        return "Problem(%r, %r, %r)" % (self.field, self.code, self.message)


class OpenOrderError(Exception):
    """One or more problems with an input; raising it changes nothing."""

    def __init__(self, problems):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__(
            "; ".join("%s: %s" % (p.field, p.message) for p in self.problems)
        )

    @classmethod
    def single(cls, field, code, message):
        return cls([Problem(field, code, message)])


class Problems:
    """Collects problems so a caller can report all of them at once."""

    def __init__(self):
        self.items = []

    def add(self, field, code, message):
        self.items.append(Problem(field, code, message))

    def extend(self, error, prefix=""):
        for problem in error.problems:
            field = problem.field
            if prefix:
                field = prefix + ("." + field if field else "")
            self.items.append(Problem(field, problem.code, problem.message))

    def __bool__(self):
        return bool(self.items)

    def raise_if_any(self):
        if self.items:
            raise OpenOrderError(self.items)
