"""Validation of a product type's made-to-order settings: mode, lead time,
capacity, working days, stages, deposit policy and the stages buyers are
told about. `clean_settings` checks the result of a change as a whole."""

from decimal import Decimal

from ..choices import BalanceDue, DepositType, Mode
from ..errors import OpenOrderErrorCode as Code, Problems
from .cleaning import (
    MAX_CODE_LENGTH,
    MAX_DAYS,
    MAX_LABEL_LENGTH,
    MAX_LEAD_TIME_DAYS,
    MAX_INT,
    MAX_STAGES,
    STAGE_CODE_RE,
    clean_int,
    clean_price,
    clean_text,
    decimal_or_none,
    decimal_places,
    is_int,
    one_of,
    path,
    unknown_attrs,
)

SETTINGS_ATTRS = (
    "mode",
    "lead_time_days",
    "daily_capacity",
    "working_days",
    "stages",
    "deposit_type",
    "deposit_value",
    "balance_due",
    "balance_due_days",
    "free_cancellation_stage",
    "approval_stage",
    "notify_stages",
)


def clean_stages(problems, field, stages):
    if not isinstance(stages, (list, tuple)):
        problems.add(field, Code.INVALID, "Must be a list of stages.")
        return None
    if not stages:
        problems.add(field, Code.REQUIRED, "At least one production stage is needed.")
        return None
    if len(stages) > MAX_STAGES:
        problems.add(field, Code.INVALID, "At most %d stages." % MAX_STAGES)
        return None
    cleaned, seen = [], set()
    for index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            problems.add(
                path(field, index), Code.INVALID, "A stage has a code and a label."
            )
            continue
        code = clean_text(
            problems,
            path(field, index, "code"),
            stage.get("code"),
            MAX_CODE_LENGTH,
            True,
        )
        if code and not STAGE_CODE_RE.match(code):
            problems.add(
                path(field, index, "code"),
                Code.INVALID,
                "A stage code is upper-case letters, digits and _ (e.g. IN_PRODUCTION).",
            )
            code = None
        if code and code in seen:
            problems.add(
                path(field, index, "code"),
                Code.UNIQUE,
                "Stage %s is listed twice." % code,
            )
            code = None
        label = clean_text(
            problems,
            path(field, index, "label"),
            stage.get("label"),
            MAX_LABEL_LENGTH,
            True,
        )
        if code:
            seen.add(code)
        cleaned.append({"code": code, "label": label})
    return cleaned


def clean_notify_stages(problems, field, chosen, codes, given):
    """The stages at which the buyer is e-mailed, in stage order; None keeps
    the default (every stage after the first). Codes of stages that were
    removed drop out; naming an unknown stage is an error."""
    if chosen is None:
        return None
    if not isinstance(chosen, (list, tuple)) or not all(
        isinstance(c, str) for c in chosen
    ):
        problems.add(field, Code.INVALID, "Must be a list of stage codes.")
        return None
    unknown = [code for code in chosen if code not in codes]
    if given and unknown:
        problems.add(
            field,
            Code.INVALID,
            "Not among the stages (%s): %s." % (", ".join(codes), ", ".join(unknown)),
        )
    return [code for code in codes if code in chosen]


def _stage_among(problems, at, attr, api_name, stage, stages, codes, changes):
    """A setting that names one of the stages (or none: "")."""
    if stage and stages is not None and stage not in codes:
        if attr in changes:
            problems.add(
                at(attr),
                Code.INVALID,
                "Must be one of the stages: %s." % ", ".join(codes),
            )
        else:
            problems.add(
                at("stages"),
                Code.INVALID,
                "The %s %s is not among the stages; change %s too."
                % (api_name, stage, api_name),
            )
    return stage


def clean_settings(current, changes, prefix="input"):
    """The settings to store: `current` (all SETTINGS_ATTRS) with `changes`
    applied, checked as a whole."""
    problems = Problems()
    unknown_attrs(problems, prefix, changes, SETTINGS_ATTRS)
    new = dict(current)
    new.update({k: v for k, v in changes.items() if k in SETTINGS_ATTRS})

    def at(attr):
        return path(prefix, attr)

    new["mode"] = one_of(problems, at("mode"), new["mode"], Mode.CHOICES)
    new["lead_time_days"] = clean_int(
        problems, at("lead_time_days"), new["lead_time_days"], 0, MAX_LEAD_TIME_DAYS
    )
    new["daily_capacity"] = clean_int(
        problems, at("daily_capacity"), new["daily_capacity"], 1, MAX_INT, nullable=True
    )

    days = new["working_days"]
    if not isinstance(days, (list, tuple)):
        problems.add(at("working_days"), Code.INVALID, "Must be a list of weekdays.")
    elif not days:
        problems.add(
            at("working_days"), Code.REQUIRED, "At least one working day is needed."
        )
    else:
        for index, day in enumerate(days):
            clean_int(problems, path(at("working_days"), index), day, 1, 7)
        if all(is_int(day) and 1 <= day <= 7 for day in days):
            new["working_days"] = sorted(set(days))

    stages = clean_stages(problems, at("stages"), new["stages"])
    codes = [stage["code"] for stage in stages or []]

    for attr, api_name in (
        ("free_cancellation_stage", "freeCancellationStage"),
        ("approval_stage", "approvalStage"),
    ):
        new[attr] = _stage_among(
            problems, at, attr, api_name, new[attr] or "", stages, codes, changes
        )
    new["notify_stages"] = clean_notify_stages(
        problems,
        at("notify_stages"),
        new["notify_stages"],
        codes,
        "notify_stages" in changes,
    )

    deposit_type = one_of(
        problems, at("deposit_type"), new["deposit_type"], DepositType.CHOICES
    )
    value = new["deposit_value"]
    if deposit_type in (DepositType.NONE, DepositType.FULL):
        given = decimal_or_none(changes.get("deposit_value"))
        if given:
            problems.add(
                at("deposit_value"),
                Code.INVALID,
                "A %s deposit takes no value." % deposit_type,
            )
        new["deposit_value"] = Decimal("0")
    elif deposit_type == DepositType.PERCENT:
        percent = decimal_or_none(value)
        if percent is None:
            problems.add(at("deposit_value"), Code.INVALID, "Must be a percentage.")
        elif not 0 <= percent <= 100:
            problems.add(
                at("deposit_value"), Code.OUT_OF_RANGE, "Must be between 0 and 100."
            )
        elif decimal_places(percent) > 3:
            problems.add(at("deposit_value"), Code.INVALID, "At most 3 decimal places.")
        else:
            new["deposit_value"] = percent
    elif deposit_type == DepositType.FIXED:
        new["deposit_value"] = clean_price(problems, at("deposit_value"), value)
    new["deposit_type"] = deposit_type

    balance_due = one_of(
        problems, at("balance_due"), new["balance_due"], BalanceDue.CHOICES
    )
    if balance_due == BalanceDue.DAYS_AFTER_ORDER:
        new["balance_due_days"] = clean_int(
            problems, at("balance_due_days"), new["balance_due_days"], 1, MAX_DAYS
        )
    else:
        if changes.get("balance_due_days") is not None:
            problems.add(
                at("balance_due_days"),
                Code.INVALID,
                "Days apply only when the balance is due DAYS_AFTER_ORDER.",
            )
        new["balance_due_days"] = None
    new["balance_due"] = balance_due

    problems.raise_if_any()
    return new
