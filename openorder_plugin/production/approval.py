"""Design approval (ACC desain): at the stage its product type names, a job
waits for the buyer to approve a proof (a mock-up photo or PDF) before it
may pass that stage.

Staff send a proof; the buyer, holding the order's token, approves it or
asks for changes with a comment; staff send a new round; and so on. Every
round is kept. A new round replaces one the buyer has not answered yet. On
approval the specs the buyer approved are recorded with the round: they
were frozen onto the order line when the order was placed, and are what the
shop produces."""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import OpenOrderError, OpenOrderErrorCode as Codes
from ..files import checked_kind, store_checked
from ..host import get_host
from ..l10n import language_of
from ..models import DesignProof, OrderLineSpec, ProductionJob
from ..models.production import DesignProofStatus, JobEventType, JobStatus
from ..notifications import outbox
from ..notifications.recipients import staff_recipients
from .records import line_name, order_history, record

MAX_NOTE = 1000
MAX_COMMENT = 2000

PROOF_READY = "design_proof_ready"  # to the buyer
PROOF_ANSWERED = "design_proof_answered"  # to staff


def approval_stage(job):
    """The code of the job's stage that needs the buyer's approval, or None."""
    return next((s["code"] for s in job.stages if s.get("approval")), None)


def latest_round(job_id, stage):
    return (
        DesignProof.objects.filter(job_id=job_id, stage=stage)
        .exclude(status=DesignProofStatus.SUPERSEDED)
        .order_by("-version")
        .first()
    )


def check_stage_change(job, to_stage):
    """Past the approval stage only with the buyer's approval of its latest
    proof."""
    stage = approval_stage(job)
    codes = job.stage_codes
    if stage is None or to_stage not in codes:
        return
    if codes.index(to_stage) <= codes.index(stage):
        return
    latest = latest_round(job.pk, stage)
    if latest is not None and latest.status == DesignProofStatus.APPROVED:
        return
    waiting = (
        "its proof (round %s) waits for the buyer's answer" % latest.version
        if latest is not None and latest.status == DesignProofStatus.PENDING
        else "the buyer asked for changes: send a new proof"
        if latest is not None
        else "send the buyer a proof first"
    )
    raise OpenOrderError.single(
        "to_stage",
        Codes.PROOF_NOT_APPROVED,
        "The buyer has not approved the design for %s yet: %s."
        % (job.stage_label(stage), waiting),
    )


def send_proof(job_id, uploaded_file, *, user, note=""):
    """Staff send the buyer a proof for the job's approval stage: a new round
    (version n + 1); a round still unanswered is replaced by it."""
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise OpenOrderError.single(
            "note",
            Codes.TOO_LONG,
            _("At most %(limit)s characters.") % {"limit": MAX_NOTE},
        )
    kind = checked_kind(uploaded_file, "file")
    with transaction.atomic():
        job = (
            ProductionJob.objects.select_for_update(of=("self",))
            .select_related("order", "order_line")
            .filter(pk=job_id)
            .first()
        )
        if job is None:
            raise OpenOrderError.single("job_id", Codes.NOT_FOUND, "No such job.")
        stage = approval_stage(job)
        if stage is None:
            raise OpenOrderError.single(
                "job_id",
                Codes.INVALID,
                "This job's product type has no stage the buyer approves; set "
                "approvalStage on the product type for new orders.",
            )
        if job.status == JobStatus.CANCELLED:
            raise OpenOrderError.single(
                "job_id", Codes.JOB_CANCELLED, "The job is cancelled."
            )
        codes = job.stage_codes
        if codes.index(job.current_stage) > codes.index(stage):
            raise OpenOrderError.single(
                "job_id",
                Codes.INVALID_TRANSITION,
                "The job is past %s; move it back (rework) to send a new proof."
                % job.stage_label(stage),
            )
        rounds = DesignProof.objects.filter(job=job, stage=stage)
        rounds.filter(status=DesignProofStatus.PENDING).update(
            status=DesignProofStatus.SUPERSEDED
        )
        version = (rounds.aggregate(last=Max("version"))["last"] or 0) + 1
        proof = DesignProof(
            job=job,
            stage=stage,
            version=version,
            staff_note=note,
            sent_by=user if user is not None and user.is_authenticated else None,
        )
        store_checked(proof, uploaded_file, kind)
        proof.save()
        record(
            job,
            user,
            JobEventType.PROOF_SENT,
            note=note,
            proof=str(proof.pk),
            version=version,
        )
        order_history(
            job,
            user,
            "Design proof round %s sent to the buyer for %s."
            % (version, line_name(job)),
        )
        _queue_ready(job, proof)
        return proof


def _answerable(token, proof_id):
    """The buyer's proof, locked with its job, if `token` is its order's."""
    order = get_host().order_by_token(token)
    proof = None
    if order is not None:
        proof = (
            DesignProof.objects.select_for_update(of=("self",))
            .select_related("job__order", "job__order_line")
            .filter(pk=proof_id, job__order_id=order.pk)
            .first()
        )
    if proof is None:
        raise OpenOrderError.single(
            "proof_id", Codes.NOT_FOUND, _("No such design proof on this order.")
        )
    return proof


def _not_answerable(proof):
    if proof.status == DesignProofStatus.SUPERSEDED:
        message = _("The shop sent a newer proof; answer that one.")
    elif proof.status == DesignProofStatus.APPROVED:
        message = _("You approved this proof already.")
    else:
        message = _("You asked for changes; the shop will send a new proof.")
    return OpenOrderError.single("proof_id", Codes.INVALID_TRANSITION, message)


def approve(token, proof_id):
    """The buyer approves the proof: the job may pass the approval stage.
    Approving again changes nothing."""
    with transaction.atomic():
        proof = _answerable(token, proof_id)
        if proof.status == DesignProofStatus.APPROVED:
            return proof
        if proof.status != DesignProofStatus.PENDING:
            raise _not_answerable(proof)
        spec = OrderLineSpec.objects.filter(
            order_line_id=proof.job.order_line_id
        ).first()
        proof.status = DesignProofStatus.APPROVED
        proof.approved_specs = spec.specs if spec is not None else []
        proof.answered_at = timezone.now()
        proof.save(update_fields=["status", "approved_specs", "answered_at"])
        _buyer_answered(proof, JobEventType.PROOF_APPROVED)
        return proof


def request_changes(token, proof_id, comment):
    """The buyer asks for changes, saying which: staff send a new round."""
    comment = (comment or "").strip()
    if not comment:
        raise OpenOrderError.single(
            "comment", Codes.REQUIRED, _("Say what should change.")
        )
    if len(comment) > MAX_COMMENT:
        raise OpenOrderError.single(
            "comment",
            Codes.TOO_LONG,
            _("At most %(limit)s characters.") % {"limit": MAX_COMMENT},
        )
    with transaction.atomic():
        proof = _answerable(token, proof_id)
        if proof.status != DesignProofStatus.PENDING:
            raise _not_answerable(proof)
        proof.status = DesignProofStatus.CHANGES_REQUESTED
        proof.buyer_comment = comment
        proof.answered_at = timezone.now()
        proof.save(update_fields=["status", "buyer_comment", "answered_at"])
        _buyer_answered(proof, JobEventType.CHANGES_REQUESTED, comment)
        return proof


def _buyer_answered(proof, event_type, comment=""):
    job = proof.job
    record(
        job, None, event_type, note=comment, proof=str(proof.pk), version=proof.version
    )
    message = "The buyer %s design proof round %s for %s." % (
        "approved"
        if event_type == JobEventType.PROOF_APPROVED
        else "asked for changes to",
        proof.version,
        line_name(job),
    )
    if comment:
        message += " Comment: %s" % comment
    order_history(job, None, message)
    _queue_answered(proof)


def _queue_ready(job, proof):
    host = get_host()
    order = job.order
    language = language_of(order.language_code)
    outbox.queue(
        "design-proof:%s:ready" % proof.pk,
        PROOF_READY,
        order.get_customer_email(),
        {
            "order_number": host.order_number(order),
            "order_token": host.order_token(order),
            "product_name": job.order_line.product_name,
            "version": proof.version,
            "note": proof.staff_note,
        },
        order=order,
        language=language,
    )


def _queue_answered(proof):
    host = get_host()
    job = proof.job
    language = language_of(settings.LANGUAGE_CODE)  # the shop's
    for recipient in staff_recipients():
        outbox.queue(
            "design-proof:%s:%s:%s" % (proof.pk, proof.status.lower(), recipient),
            PROOF_ANSWERED,
            recipient,
            {
                "order_number": host.order_number(job.order),
                "product_name": job.order_line.product_name,
                "version": proof.version,
                "approved": proof.status == DesignProofStatus.APPROVED,
                "comment": proof.buyer_comment,
                "job_id": job.pk,
            },
            order=job.order,
            language=language,
        )
