"""Every table, imported so the metadata (and Alembic) sees the whole schema."""

from planroom.auth.models import ApiKey
from planroom.change_requests.models import ChangeRequest
from planroom.companies.models import Company, MergeRequest
from planroom.db.base import Base
from planroom.idempotency.models import IdempotencyRecord
from planroom.mail.models import OutboxMessage
from planroom.offices.models import Office
from planroom.orders.models import (
    GoToScanLink,
    Order,
    OrderEvent,
    OrderListVersion,
    OrderProduct,
    OrderSource,
)
from planroom.production.models import FloorModelVersion, Operator, ProductionItem
from planroom.quickedit.models import QuickEdit, QuickEditLink
from planroom.style_templates.models import CompanyStyleTemplate
from planroom.users.models import User, UserToken
from planroom.webhooks.models import (
    WebhookAttempt,
    WebhookConfig,
    WebhookDelivery,
    WebhookListener,
    WebhookListenerEvent,
)

__all__ = [
    "ApiKey",
    "Base",
    "ChangeRequest",
    "Company",
    "CompanyStyleTemplate",
    "FloorModelVersion",
    "GoToScanLink",
    "IdempotencyRecord",
    "MergeRequest",
    "Office",
    "Operator",
    "Order",
    "OrderEvent",
    "OrderListVersion",
    "OrderProduct",
    "OrderSource",
    "OutboxMessage",
    "ProductionItem",
    "QuickEdit",
    "QuickEditLink",
    "User",
    "UserToken",
    "WebhookAttempt",
    "WebhookConfig",
    "WebhookDelivery",
    "WebhookListener",
    "WebhookListenerEvent",
]
