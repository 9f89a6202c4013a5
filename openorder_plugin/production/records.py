"""What every change of a production job writes: the job's new version, its
event, and the line in the order's history that staff read in the host's
dashboard."""

from ..host import get_host
from ..models import ProductionJobEvent


def actor(user):
    """The staff user to record, or None for the system or an anonymous caller."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def line_name(job):
    line = job.order_line
    name = line.product_name
    if line.variant_name and line.variant_name != line.product_name:
        name = "%s (%s)" % (name, line.variant_name)
    return "%s × %s" % (name, job.quantity)


def order_history(job, user, message, **parameters):
    """Write the change into the order's history in the host's dashboard."""
    parameters["production_job"] = job.pk
    get_host().add_order_note(job.order_id, message, actor(user), parameters)


def record(job, user, type, from_stage="", to_stage="", note="", **parameters):
    return ProductionJobEvent.objects.create(
        job=job,
        type=type,
        from_stage=from_stage,
        to_stage=to_stage,
        user=actor(user),
        note=note or "",
        parameters=parameters,
    )


def bump(job, *fields):
    job.version += 1
    job.save(update_fields=["version", "updated_at", *fields])
