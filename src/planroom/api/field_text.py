"""What each field of the order schemas means, for the OpenAPI document (see `field_docs`).

`(description, example)`, or a description alone where the example is composed from the schema
the field refers to. Times are Unix epoch seconds as floats; ids are UUID strings.
"""

from __future__ import annotations

from typing import Any

ORDER_ID = "312babc6-e742-4d54-ac49-e0f7b16ec15a"
MODEL_ID = "1487d389-f3f9-44f3-9a36-a0c581df0c06"
CREATED = 1716238626.904049
DELIVERED = 1716242226.118201
FILE = "https://planroom.example/files/eyJrIjoib3JkZXJzLzMxMmJhYmM2In0.Xq3v"

ORDER_FIELDS: dict[str, str | tuple[str, Any]] = {
    # the address and options of a new order (draft, GoToScan, redraw and draft updates)
    "*.street": (
        "Street and house number. Required when creating; when updating, omit it to keep it.",
        "121 North Washington Avenue",
    ),
    "*.city": ("City or town.", "Minneapolis"),
    "RedrawCreate.source": (
        "The plan to redraw: an https URL of a PNG, JPEG or PDF, or a list of them.",
        "https://example.com/plans/121-north-washington.pdf",
    ),
    "*.country": ("Country, as a name or ISO code; printed as given.", "United States"),
    "*.suite": ("Apartment, suite or unit, if any.", "Cubi suite"),
    "*.state": ("State, province or region.", "Minnesota"),
    "*.postalCode": ("Postal or ZIP code (camelCase, as the original API spells it).", "55411"),
    "*.latitude": ("WGS 84 latitude in decimal degrees, -90 to 90.", 44.986947),
    "*.longitude": ("WGS 84 longitude in decimal degrees, -180 to 180.", -93.275918),
    "*.external_id": (
        "Your own reference for the order (at most 200 characters); filter `GET /orders` by it.",
        "EXT10005",
    ),
    "*.package_type": (
        "`base` (2D floor plans and property data), `plus` (adds Home Report, Snapshot and "
        "tour) or `plus_3d` (adds 3D floor plans). Omitted: the company's default package.",
        "plus",
    ),
    "*.add_ons": (
        "Extra products: `gla` (GLA package), `3d_cad_files` (CAD), `3d_video` (3D video), "
        "`6h_turnaround` (jumps the production queue). Omitted: the company's default add-ons.",
        ["gla"],
    ),
    "*.order_preferences": "How the 2D and 3D products should look.",
    "*.property_type": (
        "`detached` (a house), `attached` (townhouse, semi-detached) or `apartment`; decides "
        "which areas the GLA figures count.",
        "detached",
    ),
    "*.north_deg": (
        "Where north is on the scan, in degrees clockwise from the scan's up direction "
        "(0 to 360); draws the compass.",
        0.0,
    ),
    "*.info": (
        "Free text for the drafters (stored and returned as `info.add_info`).",
        "Gate code 1234; the garage is not part of the order.",
    ),
    "*.owner_email": (
        "Email of the company user who owns the order; must be a user of your company.",
        "manager@example.com",
    ),
    "GoToScanCreate.recipient": "Who gets the GoToScan link: an email or a phone is required.",
    "*.priority": (
        "Turnaround: `regular` (48 h), `fast` (24 h), `ultrafast` (6 h), `ultrafast-12` (12 h) "
        "or `ultrafast-16` (16 h).",
        "regular",
    ),
    "*.conversion_type": (
        "`t3` draws fixed furniture (kitchen, bathroom), `t3-l1` draws walls and openings only.",
        "t3",
    ),
    "GoToScanCreate.send_email": ("Email the link to the recipient (default true).", True),
    "*.link_validity_days": (
        "Days the GoToScan link works, 1 to 28 (default 7); an extension counts from creation.",
        7,
    ),
    "Recipient.email": ("The recipient's email; the link is sent there.", "owner@example.com"),
    "Recipient.phone": ("The recipient's phone number, international format.", "+16125550123"),
    "Recipient.name": ("The recipient's name, used in the email's greeting.", "Ann Owner"),
    "GoToScanRecipient.email": ("The recipient's email, if given.", "owner@example.com"),
    "GoToScanRecipient.phone": ("The recipient's phone number, if given.", "+16125550123"),
    "GoToScanRecipient.name": ("The recipient's name, if given.", "Ann Owner"),
    "GoToScanInfo.link": (
        "The page where the recipient uploads the scan: `{PUBLIC_URL}/scan/{token}`.",
        "https://planroom.example/scan/gts_6Jm1xKq0Qe",
    ),
    "GoToScanInfo.expires_at": ("When the link stops working.", 1716843426.904049),
    "GoToScanInfo.status": (
        "`sent`, `opened` (the page was visited), `uploaded` (a scan arrived) or `expired`.",
        "sent",
    ),
    "GoToScanInfo.recipient": "Who the link was sent to.",
    # preferences
    "OrderPreferences.style_2d": "The floor plans' style.",
    "OrderPreferences.style_3d": "The 3D products' style.",
    "Style2D.style_template_id": (
        "Id of a style template (`GET /style-templates`), built-in or your own.",
        "classic",
    ),
    "Style2D.add_info": ("Free text about the 2D style for the drafters.", "Show the deck."),
    "Style3D.video": "How the 3D video is made.",
    "Style3D.furniture_set": (
        "Furniture in the 3D products: `none`, `fixed` (kitchen and bathroom) or `full`.",
        "fixed",
    ),
    "Style3D.include_basement": ("Show the basement level in the 3D products.", True),
    "Style3D.add_info": ("Free text about the 3D style for the drafters.", "Warm lighting."),
    "VideoPreferences.speed": ("Camera speed: `slow`, `normal` or `fast`.", "normal"),
    "VideoPreferences.layout": (
        "Frame shape: `landscape` (16:9), `portrait` (9:16) or `square`.",
        "landscape",
    ),
    "GoToScanExtend.link_validity_days": (
        "New validity in days counted from the link's creation, 1 to 28.",
        14,
    ),
    # the order
    "OrderOut.id": ("The order's id.", ORDER_ID),
    "OrderRow.id": ("The order's id.", ORDER_ID),
    "OrderOut.info": "Status, product and production details.",
    "OrderRow.info": "Status, product and production details.",
    "OrderOut.address": "The property's address.",
    "OrderRow.address": "The property's address.",
    "OrderInfo.created_by": (
        "Email of the user who owns the order; `null` once that user was deleted.",
        "manager@example.com",
    ),
    "OrderInfo.location": (
        "Street, suite and city in one line, for lists.",
        "121 North Washington Avenue Cubi suite Minneapolis",
    ),
    "OrderInfo.order_type": (
        "`Tier3-LiDAR` for scan orders, `redraw` for redraw orders, `null` before anything was "
        "uploaded.",
        "Tier3-LiDAR",
    ),
    "OrderInfo.first_delivered_at": ("When the order first became `Ready`; `null` before.", None),
    "OrderInfo.created_at": ("When the order was created.", CREATED),
    "OrderInfo.is_scan_order": ("`true` for scan orders, `false` for redraw orders.", True),
    "OrderInfo.total_scanned_area": (
        "Everything scanned, exterior walls and porches included, in "
        "`total_scanned_area_unit`; 0 before a scan is read.",
        1842.5,
    ),
    "OrderInfo.total_scanned_area_unit": (
        "`sqft` (square feet) for imperial companies, `m2` (square metres) for metric ones.",
        "sqft",
    ),
    "OrderInfo.go2scan": "The GoToScan link of a GoToScan order; `null` for other orders.",
    "OrderInfo.external_id": ("Your own reference, as you sent it.", "EXT10005"),
    "OrderInfo.add_info": ("The free text sent as `info`; empty when none.", ""),
    "OrderInfo.style_template": "The style template in use; `null` for the company default.",
    "OrderInfo.model_id": (
        "The order's floor model (the document every deliverable is drawn from); stable "
        "across fixes.",
        MODEL_ID,
    ),
    "OrderInfo.product": "What the order includes and what it may still add.",
    "OrderInfo.order_preferences": (
        "The `order_preferences` sent when creating or updating, as stored.",
        {"style_2d": {"style_template_id": "classic"}},
    ),
    "OrderInfo.property_type": (
        "`detached`, `attached`, `apartment` or `null` when not given.",
        "detached",
    ),
    "OrderInfo.north_deg": ("Compass direction sent with the order, degrees; or `null`.", None),
    "OrderAddress.city": ("City or town.", "Minneapolis"),
    "OrderAddress.country": ("Country, as sent.", "United States"),
    "OrderAddress.full_address": (
        "The address in one line, built from the parts.",
        "121 North Washington Avenue, Minneapolis, Minnesota 55411, United States",
    ),
    "OrderAddress.latitude": ("WGS 84 latitude, decimal degrees; `null` when not sent.", 44.986947),
    "OrderAddress.longitude": ("WGS 84 longitude, decimal degrees; `null` when not sent.", -93.3),
    "OrderAddress.number": (
        "The house number when the street starts with one, else empty.",
        "121",
    ),
    "OrderAddress.postalCode": ("Postal or ZIP code; empty when not sent.", "55411"),
    "OrderAddress.state": ("State, province or region; empty when not sent.", "Minnesota"),
    "OrderAddress.street": ("Street and house number.", "121 North Washington Avenue"),
    "OrderAddress.suite": ("Apartment, suite or unit; empty when not sent.", "Cubi suite"),
    "ProductInfo.add_ons": ("The order's add-ons.", ["gla"]),
    "ProductInfo.over_limits": (
        "Size surcharges: one entry per product range whose scanned area is above 5,000 sq ft.",
        [],
    ),
    "ProductInfo.purchasable_add_ons": (
        "Add-ons `post-purchase` may still add.",
        ["3d_cad_files", "3d_video", "6h_turnaround"],
    ),
    "ProductInfo.purchasable_package_types": (
        "Packages above the current one, which `post-purchase` may still buy.",
        ["plus_3d"],
    ),
    "OverLimit.product_type": ("`products_2d` or `products_3d`.", "products_2d"),
    "OverLimit.extra_units": (
        "Started 5,000 sq ft (465 m²) steps of scanned area above the first 5,000 sq ft.",
        1,
    ),
    "StyleTemplateRef.id": ("The template's id.", "classic"),
    "StyleTemplateRef.name": ("The template's name.", "Classic"),
    "SourceOut.url": ("The URL the plan was fetched from; `null` for an uploaded file.", FILE),
    "SourceOut.filename": ("The stored file's name.", "plan-upstairs.pdf"),
    "SourceOut.state": (
        "`pending` (not fetched yet), `stored` or `failed` (see `error`).",
        "stored",
    ),
    "SourceOut.error": ("Why fetching failed; `null` otherwise.", None),
    # delivery assets: every product's files
    "DeliveryAssets.listing_floorplans": "2D floor plans (every package); `null` if not ordered.",
    "DeliveryAssets.gla_package": "The GLA package (`gla` add-on); `null` if not ordered.",
    "DeliveryAssets.home_report": "The Home Report (`plus` and up); `null` if not ordered.",
    "DeliveryAssets.snapshot": "The Snapshot report (`plus` and up); `null` if not ordered.",
    "DeliveryAssets.floorplans_3d": "3D floor plans (`plus_3d`); `null` if not ordered.",
    "DeliveryAssets.video_3d": "The 3D video (`3d_video` add-on); `null` if not ordered.",
    "DeliveryAssets.cad_files": "CAD drawings (`3d_cad_files` add-on); `null` if not ordered.",
    "DeliveryAssets.property_data": "The property data document (every package).",
    "DeliveryAssets.tour": "The tour page (`plus` and up); `null` if not ordered.",
    "OrderOut.delivery_assets": "Every product's file links; lists stay empty until delivered.",
    "OrderOut.redraw_sources": "The plans a redraw order was given; `null` for scan orders.",
    # order actions
    "PostPurchase.package_type": (
        "A package from `purchasable_package_types`, or `null` to keep the package.",
        "plus_3d",
    ),
    "PostPurchase.add_ons": ("Add-ons from `purchasable_add_ons`.", ["3d_video"]),
    "ReDeliver.style_template_id": ("The style template to render with.", "blueprint"),
    "ReDeliver.style": ("Style options on top of the template.", {"show_furniture": True}),
    "ReDeliver.add_info": ("Free text stored with the re-delivery.", "Brand colours for 2026."),
    "ChangeRequestCreate.message": (
        "What to correct, in words the drafter can act on (1 to 10,000 characters).",
        "The bathroom door opens into the hall, not into the bedroom.",
    ),
    "ChangeRequestCreate.attachments": (
        "Links to pictures or marked-up plans (at most 20).",
        ["https://example.com/markup.png"],
    ),
    "ChangeRequestOut.id": ("The change request's id.", "7d7f3c55-1b1f-4f4e-9c2b-5b8f0f6c1d21"),
    "ChangeRequestOut.order_id": ("The order it corrects.", ORDER_ID),
    "ChangeRequestOut.status": (
        "`Open`, `InProgress` (a drafter is on it), `Done` (fixed and delivered) or `Rejected`.",
        "Open",
    ),
    "ChangeRequestOut.message": (
        "What to correct, as sent.",
        "The bathroom door opens into the hall, not into the bedroom.",
    ),
    "ChangeRequestOut.attachments": ("Links sent with it.", ["https://example.com/markup.png"]),
    "ChangeRequestOut.created_by": ("Who asked (the key's company or a user's email).", None),
    "ChangeRequestOut.created_at": ("When it was made.", DELIVERED),
    "ChangeRequestOut.resolved_at": ("When it was done or rejected; `null` while open.", None),
    "ChangeRequestOut.resolution_note": ("The drafter's note on closing it; or `null`.", None),
    "QuickEditLinkOut.url": (
        "Open this in a browser to edit room names and areas; works until `expires_at`.",
        f"https://planroom.example/orders/{ORDER_ID}/edit?t=qe_5Zk0",
    ),
    "QuickEditLinkOut.expires_at": ("When the link stops working.", CREATED + 3600),
    "QuickEditLinkOut.mode": ("`customer` for links made through this API.", "customer"),
    "QuickEditLinkOut.editor": (
        "Who the edits are recorded as: `company` or the user's email.",
        "company",
    ),
    "QuickEditLinkIn.user": ("Email or id of the company user who edits.", "ann@example.com"),
    "QuickEditLinkIn.expires_in": ("Seconds the link works, 60 to 604,800.", 3600),
    # sandbox
    "Advance.to": ("`Ready` (deliver every product) or `Failed` (reject).", "Ready"),
    "Advance.reason": ("Why it failed (`Failed` only).", "The scan misses the upper floor."),
    "Advance.sample": ("The built-in sample scan a Draft order is delivered with.", "apartment"),
    "ScanSample.sample": (
        "`apartment`, `house_garage_porch` or `two_storey_basement`.",
        "two_storey_basement",
    ),
    "ClockAdvance.seconds": ("Seconds to move the company's clock forward.", 3600),
    "ClockOut.now": ("The company's clock now.", CREATED + 3600),
    "ClockOut.offset_seconds": ("How far it is ahead of real time.", 3600.0),
}
