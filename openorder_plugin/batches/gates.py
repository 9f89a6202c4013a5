"""Where a batch holds production back: a job of a batch that has not closed
with its minimum reached may go as far as the stage at which staff confirm
orders, and no further."""

from ..errors import OpenOrderError, OpenOrderErrorCode as Code
from ..models.batches import BatchStatus
from ..payments.gates import gate_stage_index
from . import rules, selectors


def check_stage_change(job, to_stage):
    codes = job.stage_codes
    if to_stage not in codes or codes.index(to_stage) <= gate_stage_index(codes):
        return None
    batch = selectors.batch_of_job(job)
    if batch is None or batch.status == BatchStatus.PRODUCING:
        return None
    raise OpenOrderError.single(
        "to_stage", Code.BATCH_NOT_CLOSED, rules.not_closed_message(batch)
    )
