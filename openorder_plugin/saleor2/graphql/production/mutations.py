import uuid

import graphene
from saleor.core.permissions import OrderPermissions
from saleor.graphql.core.types import Upload

from ....api.uploads import uploaded_file
from ....production import approval, services
from ....production.selectors import board_jobs
from ..core import OpenOrderMutation, pk_from_global_id
from .types import DesignProof, ProductionJob


class ProductionJobMutation(OpenOrderMutation):
    job = graphene.Field(ProductionJob, description="The job as changed.")

    class Meta:
        abstract = True

    @classmethod
    def job_pk(cls, data):
        return pk_from_global_id(data["id"], "ProductionJob", "id")

    @classmethod
    def success(cls, job):
        return cls(job=board_jobs().get(pk=job.pk))


class ProductionJobAdvance(ProductionJobMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the production job.")
        to_stage = graphene.String(
            description=(
                "The stage code to move to: a later stage skips ahead, an earlier "
                "one is rework (a note is required). Default: the next stage."
            )
        )
        note = graphene.String(description="Why; required for rework.")
        version = graphene.Int(required=True, description="The job version you read.")

    class Meta:
        description = "Moves a production job to its next (or another) stage."
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        job = services.advance_job(
            cls.job_pk(data),
            version=data["version"],
            user=info.context.user,
            to_stage=data.get("to_stage"),
            note=data.get("note") or "",
        )
        return cls.success(job)


class ProductionJobUpdateInput(graphene.InputObjectType):
    due_date = graphene.Date(
        description="A new promised date; a later one sends the buyer a delay notice."
    )
    assignee = graphene.ID(description="The staff member doing it; null unassigns.")
    note = graphene.String(description="The job's staff notes (replaces them).")


class ProductionJobUpdate(ProductionJobMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the production job.")
        input = ProductionJobUpdateInput(required=True)
        version = graphene.Int(required=True, description="The job version you read.")

    class Meta:
        description = "Changes a production job's promised date, assignee or notes."
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        changes = {}
        given = data["input"]
        if "due_date" in given:
            changes["due_date"] = given["due_date"]
        if "assignee" in given:
            assignee = given["assignee"]
            changes["assignee_id"] = (
                pk_from_global_id(assignee, "User", "input.assignee")
                if assignee
                else None
            )
        if "note" in given:
            changes["notes"] = given["note"] or ""
        job = services.update_job(
            cls.job_pk(data), version=data["version"], user=info.context.user, **changes
        )
        return cls.success(job)


class ProductionJobHold(ProductionJobMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the production job.")
        reason = graphene.String(required=True, description="Why it is held.")
        version = graphene.Int(required=True, description="The job version you read.")

    class Meta:
        description = "Puts a production job on hold; it cannot move until resumed."
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        job = services.hold_job(
            cls.job_pk(data),
            version=data["version"],
            user=info.context.user,
            reason=data["reason"],
        )
        return cls.success(job)


class ProductionJobResume(ProductionJobMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the production job.")
        version = graphene.Int(required=True, description="The job version you read.")

    class Meta:
        description = "Resumes a production job that is on hold."
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, **data):
        job = services.resume_job(
            cls.job_pk(data), version=data["version"], user=info.context.user
        )
        return cls.success(job)


class ProductionProofUpload(ProductionJobMutation):
    design_proof = graphene.Field(DesignProof, description="The new round, PENDING.")

    class Arguments:
        job_id = graphene.ID(required=True, description="ID of the production job.")
        file = Upload(
            required=True,
            description="The proof: an image or a PDF (multipart request).",
        )
        note = graphene.String(description="A note to the buyer (at most 1000).")

    class Meta:
        description = (
            "Sends the buyer a design proof for the job's approval stage (a new "
            "round; an unanswered one is replaced). The job cannot pass that stage "
            "until the buyer approves."
        )
        permissions = (OrderPermissions.MANAGE_ORDERS,)

    @classmethod
    def perform_mutation(cls, _root, info, job_id, file, note=None):
        proof = approval.send_proof(
            pk_from_global_id(job_id, "ProductionJob", "jobId"),
            uploaded_file(info, file),
            user=info.context.user,
            note=note,
        )
        return cls(design_proof=proof, job=board_jobs().get(pk=proof.job_id))


class ProductionProofAnswer(OpenOrderMutation):
    design_proof = graphene.Field(DesignProof, description="The proof, answered.")

    class Meta:
        abstract = True

    @classmethod
    def proof_pk(cls, proof_id):
        return pk_from_global_id(proof_id, "DesignProof", "proofId", uuid.UUID)


class ProductionProofApprove(ProductionProofAnswer):
    class Arguments:
        token = graphene.UUID(
            required=True, description="The order's token: the buyer's credential."
        )
        proof_id = graphene.ID(required=True, description="ID of the proof.")

    class Meta:
        description = (
            "The buyer approves a design proof: production may go on past its "
            "stage. Approving again changes nothing."
        )

    @classmethod
    def perform_mutation(cls, _root, _info, token, proof_id):
        return cls(design_proof=approval.approve(token, cls.proof_pk(proof_id)))


class ProductionProofRequestChanges(ProductionProofAnswer):
    class Arguments:
        token = graphene.UUID(
            required=True, description="The order's token: the buyer's credential."
        )
        proof_id = graphene.ID(required=True, description="ID of the proof.")
        comment = graphene.String(
            required=True, description="What should change (at most 2000 characters)."
        )

    class Meta:
        description = (
            "The buyer asks for changes to a design proof; staff send a new one."
        )

    @classmethod
    def perform_mutation(cls, _root, _info, token, proof_id, comment):
        return cls(
            design_proof=approval.request_changes(
                token, cls.proof_pk(proof_id), comment
            )
        )
