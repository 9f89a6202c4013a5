"""The plugin's data, one module per part of the product."""

from .batches import PreOrderBatch, PreOrderBatchLine
from .chat_orders import ChatOrder, ChatOrderLine
from .catalog import CustomSpecField, MadeToOrderSettings
from .checkout import CapacityReservation, OrderLineSpec, SpecUpload
from .payments import Installment, PaymentProof, PaymentRecord, PaymentSchedule
from .production import (
    DesignProof,
    Notification,
    ProductionJob,
    ProductionJobEvent,
)

__all__ = [
    "CapacityReservation",
    "ChatOrder",
    "ChatOrderLine",
    "CustomSpecField",
    "DesignProof",
    "Installment",
    "MadeToOrderSettings",
    "Notification",
    "OrderLineSpec",
    "PaymentProof",
    "PaymentRecord",
    "PaymentSchedule",
    "PreOrderBatch",
    "PreOrderBatchLine",
    "ProductionJob",
    "ProductionJobEvent",
    "SpecUpload",
]
