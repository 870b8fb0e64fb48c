"""What each field of the company, user, webhook and style schemas means (see `field_docs`)."""

from __future__ import annotations

from typing import Any

from planroom.api.field_text import CREATED, DELIVERED, ORDER_ID

COMPANY_ID = "9a3e5b1c-2f4d-4e8a-b6c7-0d1e2f3a4b5c"
USER_ID = "c1f2e3d4-5b6a-4789-8a0b-1c2d3e4f5a6b"
OFFICE_ID = "4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d"
HOOK = "https://example.com/planroom-hook"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
TRIGGERS = ["moved_to_pending", "moved_to_ready"]

COMPANY_FIELDS: dict[str, str | tuple[str, Any]] = {
    # company
    "CompanyInfo.id": ("Your company's id.", COMPANY_ID),
    "CompanyInfo.name": ("The company's name.", "Northside Photography"),
    "CompanyInfo.email": ("The company's contact email, if set.", "office@northside.example"),
    "CompanyInfo.country": ("The company's country.", "United States"),
    "CompanyInfo.customer_type": ("`business` for every company made here.", "business"),
    "CompanyInfo.measurement_system": (
        "`imperial` (feet, sq ft) or `metric` (metres, m²): the unit of areas on orders.",
        "imperial",
    ),
    "CompanyInfo.language": ("The company's language, ISO 639-1.", "en"),
    "CompanyInfo.created_at": ("When the company was created.", CREATED),
    "CompanyInfo.profile": "Name and email again, for clients that read them there.",
    "CompanyInfo.sandbox": ("Sandbox companies may call `/sandbox/...`.", False),
    "CompanyProfile.name": ("The company's name.", "Northside Photography"),
    "CompanyProfile.email": ("The company's contact email, if set.", "office@northside.example"),
    "CompanyPackage.package_type": ("Package of orders that name none.", "plus"),
    "CompanyPackage.add_ons": ("Add-ons of orders that name none.", ["gla"]),
    "CompanyPackage.available_package_types": (
        "Every package: `base`, `plus`, `plus_3d`.",
        ["base", "plus", "plus_3d"],
    ),
    "CompanyPackage.available_add_ons": (
        "Every add-on.",
        ["gla", "3d_cad_files", "3d_video", "6h_turnaround"],
    ),
    "LogoOut.logo_url": ("Link to the stored logo; `null` when there is none.", None),
    "MergeRequestCreate.email": (
        "A Manager's email in the company to merge into.",
        "manager@partner.example",
    ),
    "MergeRequestOut.id": ("The merge request's id.", "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"),
    "MergeRequestOut.status": ("`pending` or `accepted`.", "pending"),
    "MergeRequestOut.target_company_name": ("The company merged into.", "Partner Realty"),
    "MergeRequestOut.created_at": ("When it was asked.", CREATED),
    "MergeRequestOut.direction": (
        "`outgoing` (your company asked) or `incoming` (yours is asked).",
        "outgoing",
    ),
    "MergeRequestOut.requester_company_name": ("The company that asked.", "Northside"),
    "MergeRequestOut.accepted_at": ("When it was accepted; `null` before.", None),
    "MergeRequestList.incoming": "Requests to merge another company into yours.",
    "MergeRequestList.outgoing": "Requests your company made.",
    "Message.message": ("What was done, in a sentence.", "Draft order deleted"),
    # offices and users
    "OfficeCreate.name": ("The office's name (1 to 200 characters).", "Downtown"),
    "OfficeCreate.address": ("Its address, free text.", "100 Main Street, Minneapolis"),
    "OfficeOut.id": ("The office's id.", OFFICE_ID),
    "OfficeOut.name": ("The office's name.", "Downtown"),
    "OfficeOut.address": ("Its address; `null` when none.", "100 Main Street, Minneapolis"),
    "OfficeOut.created_at": ("When it was created.", CREATED),
    "OfficeOut.users_count": ("Users in the office.", 3),
    "*.role": (
        "The user's role: `Manager` (administers the company), `User` or `Collaborator`.",
        "User",
    ),
    "*.office_id": ("The user's office (`GET /offices`); `null` for none.", OFFICE_ID),
    "UserCreate.email": ("The new user's email; unique in Planroom.", "ann@example.com"),
    "UserCreate.password": (
        "8 to 256 characters. Without it the user gets an invitation email with a "
        "set-password link.",
        "a-long-password",
    ),
    "*.name": ("Given name.", "Ann"),
    "*.surname": ("Family name.", "Example"),
    "UserCreated.email": ("The user's email.", "ann@example.com"),
    "UserCreated.id": ("The user's id.", USER_ID),
    "UserCreated.message": ("What happened.", "User created successfully"),
    "UserOut.id": ("The user's id.", USER_ID),
    "UserOut.email": ("The user's email.", "ann@example.com"),
    "UserOut.email_confirmed": (
        "`false` until an invited user has set a password.",
        True,
    ),
    "UserOut.created_at": ("When the user was created.", CREATED),
    "ChangePassword.email": ("The user's email.", "ann@example.com"),
    "ChangePassword.old_password": ("The current password.", "a-long-password"),
    "ChangePassword.new_password": ("The new one, 8 to 256 characters.", "an-even-longer-one"),
    "ResetPassword.email": (
        "The user's email; a one-use reset link valid 24 h is sent there.",
        "ann@example.com",
    ),
    # webhooks
    "*.webhook_urls": (
        "HTTPS URLs called on each status change (at most 20); replaces the stored list.",
        [HOOK],
    ),
    "*.webhook_triggers": (
        "The status changes announced: `moved_to_draft`, `moved_to_pending`, "
        "`moved_to_ready`, `moved_to_fixing`, `moved_to_failed`.",
        TRIGGERS,
    ),
    "WebhookSettings.signing_secret": ("Standard Webhooks secret.", SECRET),
    "WebhookSettings.previous_secret_expires_at": ("Epoch seconds, or `null`.", None),
    "WebhookTestCall.url": ("The registered URL called.", HOOK),
    "WebhookTestCall.status_code": ("The URL's HTTP status, if it answered.", 200),
    "WebhookTestCall.error": ("Why it did not count as delivered, else `null`.", None),
    "WebhookTestCall.duration_ms": ("How long the call took, in milliseconds.", 84),
    "WebhookTestOut.trigger": ("The event imitated.", "moved_to_ready"),
    "WebhookTestOut.payload": (
        "The body sent: a status change of the sample order, shaped like every real one.",
        {
            "id": "00000000-0000-4000-8000-000000000000",
            "current_status": "Ready",
            "previous_status": "Pending",
            "model_id": "00000000-0000-4000-8000-000000000001",
            "product_type": "products_2d",
            "delivery_type": "new",
        },
    ),
    "WebhookTestOut.listeners": (
        "Open `planroom webhooks listen` streams that were given the sample too.",
        1,
    ),
    "SecretRotated.signing_secret": ("The new secret; signs every call from now.", SECRET),
    "SecretRotated.previous_secret_expires_at": (
        "Until then the old secret signs beside the new one (24 h).",
        CREATED + 86400,
    ),
    "DisabledUrl.url": ("The URL no longer called.", "https://old.example.com/hook"),
    "DisabledUrl.disabled_at": ("When it was disabled.", DELIVERED),
    "DisabledUrl.reason": ("Why.", "answered 410 Gone"),
    "DeliveryOut.id": ("The delivery's id (`.../deliveries/{id}/retry`).", ORDER_ID),
    "DeliveryOut.event_id": ("The `webhook-id` header.", "msg_2b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e"),
    "DeliveryOut.order_id": ("The order the event is about.", ORDER_ID),
    "DeliveryOut.trigger": ("The trigger that caused it.", "moved_to_ready"),
    "DeliveryOut.url": ("The URL called.", HOOK),
    "DeliveryOut.payload": (
        "The JSON body sent (see the webhooks section).",
        {
            "id": ORDER_ID,
            "current_status": "Ready",
            "previous_status": "Pending",
            "model_id": "1487d389-f3f9-44f3-9a36-a0c581df0c06",
            "product_type": "products_2d",
            "delivery_type": "new",
        },
    ),
    "DeliveryOut.state": (
        "`pending` (will be tried), `delivered` (a 2xx arrived), `failed` (gave up, 410 or a "
        "refused address) or `skipped` (the URL was unregistered before sending).",
        "delivered",
    ),
    "DeliveryOut.attempts": "Every attempt so far, oldest first.",
    "DeliveryOut.max_attempts": ("Attempts made before giving up.", 3),
    "DeliveryOut.next_attempt_at": ("When the next attempt is due; `null` when none.", None),
    "DeliveryOut.last_status_code": ("HTTP status of the last attempt; `null` if none.", 200),
    "DeliveryOut.last_error": ("Why the last attempt failed; `null` if it did not.", None),
    "DeliveryOut.delivered_at": ("When a 2xx arrived; `null` before.", DELIVERED),
    "DeliveryOut.created_at": ("When the event happened.", DELIVERED - 1.5),
    "AttemptOut.number": ("1 for the first attempt.", 1),
    "AttemptOut.attempted_at": ("When it was made.", DELIVERED),
    "AttemptOut.status_code": ("The HTTP status answered; `null` when none arrived.", 200),
    "AttemptOut.error": ("Why it failed (timeout, refused, non-2xx); `null` on success.", None),
    "AttemptOut.duration_ms": ("Milliseconds until the answer (at most 15,000).", 84),
    "AttemptOut.response_body": ("The first 1 KB of the answer.", "ok"),
    "ReplayRequest.since": (
        "Re-send failed deliveries created at or after this time (ISO 8601).",
        "2026-05-20T00:00:00Z",
    ),
    "ReplayRequest.status": ("Only `failed` deliveries are replayed.", "failed"),
    "ReplayOut.retried": ("Deliveries queued again.", 4),
    "ReplayOut.not_retried": ("Deliveries left alone (URL no longer registered).", 1),
    # style templates
    "StyleTemplateCreate.name": ("The template's name (1 to 200 characters).", "Brand 2026"),
    "StyleTemplateUpdate.name": ("A new name; omit to keep it.", "Brand 2026"),
    "StyleTemplateCreate.options": "Style options; missing ones take their defaults.",
    "StyleTemplateUpdate.options": "The new options, replacing the stored ones; omit to keep.",
    "StyleTemplateOut.id": ("The template's id: a UUID, or a built-in's name.", "classic"),
    "StyleTemplateOut.name": ("The template's name.", "Classic"),
    "StyleTemplateOut.builtin": ("Built-in templates are read-only.", True),
    "StyleTemplateOut.options": "Every option, defaults filled in.",
    "StyleTemplateOut.created_at": ("When it was created; `null` for built-ins.", None),
    "StyleOptions.colors": "Colours of each element.",
    "StyleOptions.font": ("Font family of every label.", "DejaVu Sans"),
    "StyleOptions.font_scale": ("Multiplies every text size, 0.5 to 2.", 1.0),
    "StyleOptions.units": ("`imperial` (ft-in), `metric` (m) or `both`.", "imperial"),
    "StyleOptions.language": ("Language of labels: en, fi, de, fr, es or sv.", "en"),
    "StyleOptions.show_room_names": ("Print room names.", True),
    "StyleOptions.show_room_dimensions": ("Print each room's width by length.", True),
    "StyleOptions.show_room_areas": ("Print each room's area.", True),
    "StyleOptions.area_figure": (
        "The total printed: `gia` (gross internal), `gla` (gross living, ANSI Z765) or "
        "`total` (everything scanned).",
        "gia",
    ),
    "StyleOptions.show_total_area": ("Print the total area.", True),
    "StyleOptions.show_furniture": ("Draw furniture.", False),
    "StyleOptions.show_compass": ("Draw a north arrow.", True),
    "StyleOptions.show_scale_bar": ("Draw a scale bar.", True),
    "StyleOptions.logo": "Where the company logo goes; `null` for no logo.",
    "StyleOptions.title": ("A title over the plan; `null` for the address.", None),
    "StyleOptions.disclaimer": ("Small print under the plan.", "Measurements are approximate"),
    "StyleOptions.door_swing_angle": ("Door swing arcs in degrees, 15 to 180.", 90.0),
    "LogoOptions.position": ("Corner of the logo.", "top-right"),
    "LogoOptions.max_width_mm": ("The logo's largest width on paper, millimetres.", 40.0),
    "StyleColors.background": ("Page colour, CSS hex.", "#ffffff"),
    "StyleColors.walls": ("Wall colour, CSS hex.", "#1a1a1a"),
    "StyleColors.room_fill": (
        "Fill per space type, CSS hex; `default` applies to types not listed.",
        {"default": "#f4f1ea", "kitchen": "#fbe6c8"},
    ),
    "StyleColors.excluded_area": ("Fill of areas excluded from GLA, CSS hex.", "#eeeeee"),
    "StyleColors.text": ("Label colour, CSS hex.", "#1a1a1a"),
    "StyleColors.dimensions": ("Dimension line colour, CSS hex.", "#444444"),
    "StyleColors.openings": ("Door and window colour, CSS hex.", "#1a1a1a"),
    "StyleColors.fixtures": ("Fixture colour, CSS hex.", "#777777"),
    # lists and errors
    "*.pagination": "Where this page is in the list.",
    "*.items": "The page's rows, newest first.",
    "Pagination.has_more": ("`true` when more rows follow this page.", True),
    "Pagination.limit": ("The page size asked for (1 to 100, default 20).", 20),
    "Pagination.next_offset": ("The `offset` of the next page; `null` on the last.", 20),
    "Pagination.previous_offset": ("The `offset` of the page before; `null` on the first.", None),
    "ValidationError.validation_error": "The fields that failed, by where they were sent.",
}

# the operations' path, query and header parameters, by name
PARAMETERS: dict[str, tuple[str, Any]] = {
    "order_id": ("The order's id.", ORDER_ID),
    "limit": ("Items per page, 1 to 100 (default 20).", 20),
    "offset": ("Rows to skip: the `next_offset` of the page before (default 0).", 0),
    "email_or_id": ("The user's email or id.", "ann@example.com"),
    "template_id": ("The style template's id: a UUID, or a built-in's name.", "classic"),
    "delivery_id": ("The delivery's id (`GET /companies/webhook/deliveries`).", ORDER_ID),
    "request_id": ("The merge request's id.", "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b"),
    "change_request_id": ("The change request's id.", "7d7f3c55-1b1f-4f4e-9c2b-5b8f0f6c1d21"),
    "state": ("Only deliveries in this state.", "failed"),
    "status": ("Only orders in these statuses; repeatable.", ["Pending", "Ready"]),
    "external_id": ("Only orders with this `external_id`.", "EXT10005"),
    "owner_email": ("Only orders owned by this user.", "ann@example.com"),
    "office_id": ("Only orders of this office's users.", OFFICE_ID),
    "created_after": ("Only orders created at or after this epoch second.", CREATED),
    "created_before": ("Only orders created before this epoch second.", DELIVERED),
    "triggers": ("Only these triggers; repeatable. Every one when omitted.", ["moved_to_ready"]),
    "if-none-match": ("The `ETag` of your copy: 304 if it is still current.", '"3f1a9c"'),
}
