"""Contains all the data models used in inputs/outputs"""

from .advance import Advance
from .advance_to import AdvanceTo
from .attempt_out import AttemptOut
from .cad_files_assets import CadFilesAssets
from .change_password import ChangePassword
from .change_request_create import ChangeRequestCreate
from .change_request_out import ChangeRequestOut
from .change_request_out_status import ChangeRequestOutStatus
from .clock_advance import ClockAdvance
from .clock_out import ClockOut
from .company_info import CompanyInfo
from .company_info_measurement_system import CompanyInfoMeasurementSystem
from .company_package import CompanyPackage
from .company_profile import CompanyProfile
from .create_redraw_files_body import CreateRedrawFilesBody
from .delivery_assets import DeliveryAssets
from .delivery_out import DeliveryOut
from .delivery_out_payload import DeliveryOutPayload
from .delivery_out_state import DeliveryOutState
from .disabled_url import DisabledUrl
from .draft_create import DraftCreate
from .draft_create_add_ons_type_0_item import DraftCreateAddOnsType0Item
from .draft_create_package_type_type_0 import DraftCreatePackageTypeType0
from .draft_create_property_type_type_0 import DraftCreatePropertyTypeType0
from .draft_update import DraftUpdate
from .draft_update_add_ons_type_0_item import DraftUpdateAddOnsType0Item
from .draft_update_package_type_type_0 import DraftUpdatePackageTypeType0
from .draft_update_property_type_type_0 import DraftUpdatePropertyTypeType0
from .error import Error
from .field_problem import FieldProblem
from .floorplans_3d_assets import Floorplans3DAssets
from .gla_package_assets import GlaPackageAssets
from .go_to_scan_create import GoToScanCreate
from .go_to_scan_create_add_ons_type_0_item import GoToScanCreateAddOnsType0Item
from .go_to_scan_create_conversion_type import GoToScanCreateConversionType
from .go_to_scan_create_package_type_type_0 import GoToScanCreatePackageTypeType0
from .go_to_scan_create_priority import GoToScanCreatePriority
from .go_to_scan_create_property_type_type_0 import GoToScanCreatePropertyTypeType0
from .go_to_scan_extend import GoToScanExtend
from .go_to_scan_info import GoToScanInfo
from .go_to_scan_info_status import GoToScanInfoStatus
from .go_to_scan_recipient import GoToScanRecipient
from .home_report_assets import HomeReportAssets
from .list_deliveries_state_type_0 import ListDeliveriesStateType0
from .listen_webhooks_triggers_type_0_item import ListenWebhooksTriggersType0Item
from .listing_floorplans_assets import ListingFloorplansAssets
from .logo_options import LogoOptions
from .logo_options_position import LogoOptionsPosition
from .logo_out import LogoOut
from .merge_request_create import MergeRequestCreate
from .merge_request_list import MergeRequestList
from .merge_request_out import MergeRequestOut
from .merge_request_out_direction_type_0 import MergeRequestOutDirectionType0
from .message import Message
from .office_create import OfficeCreate
from .office_out import OfficeOut
from .order_address import OrderAddress
from .order_info import OrderInfo
from .order_info_order_preferences import OrderInfoOrderPreferences
from .order_info_status import OrderInfoStatus
from .order_info_total_scanned_area_unit import OrderInfoTotalScannedAreaUnit
from .order_out import OrderOut
from .order_preferences import OrderPreferences
from .order_row import OrderRow
from .over_limit import OverLimit
from .over_limit_product_type import OverLimitProductType
from .page_change_request_out import PageChangeRequestOut
from .page_delivery_out import PageDeliveryOut
from .page_office_out import PageOfficeOut
from .page_order_row import PageOrderRow
from .page_style_template_out import PageStyleTemplateOut
from .page_user_out import PageUserOut
from .pagination import Pagination
from .post_purchase import PostPurchase
from .post_purchase_add_ons_item import PostPurchaseAddOnsItem
from .post_purchase_package_type_type_0 import PostPurchasePackageTypeType0
from .product_info import ProductInfo
from .product_info_add_ons_item import ProductInfoAddOnsItem
from .product_info_package_type import ProductInfoPackageType
from .product_info_purchasable_add_ons_item import ProductInfoPurchasableAddOnsItem
from .product_info_purchasable_package_types_item import ProductInfoPurchasablePackageTypesItem
from .property_data_assets import PropertyDataAssets
from .put_logo_files_body import PutLogoFilesBody
from .quick_edit_link_in import QuickEditLinkIn
from .quick_edit_link_out import QuickEditLinkOut
from .re_deliver import ReDeliver
from .re_deliver_style_type_0 import ReDeliverStyleType0
from .recipient import Recipient
from .redraw_create import RedrawCreate
from .redraw_create_add_ons_type_0_item import RedrawCreateAddOnsType0Item
from .redraw_create_package_type_type_0 import RedrawCreatePackageTypeType0
from .redraw_create_property_type_type_0 import RedrawCreatePropertyTypeType0
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .reset_password import ResetPassword
from .response_deletetemplate import ResponseDeletetemplate
from .response_floormodelschema import ResponseFloormodelschema
from .scan_sample import ScanSample
from .secret_rotated import SecretRotated
from .snapshot_assets import SnapshotAssets
from .source_out import SourceOut
from .source_out_state import SourceOutState
from .status_changed import StatusChanged
from .status_changed_current_status import StatusChangedCurrentStatus
from .status_changed_delivery_type_type_0 import StatusChangedDeliveryTypeType0
from .status_changed_previous_status_type_0 import StatusChangedPreviousStatusType0
from .status_changed_product_type_type_0 import StatusChangedProductTypeType0
from .style_2d import Style2D
from .style_3d import Style3D
from .style_3d_furniture_set_type_0 import Style3DFurnitureSetType0
from .style_colors import StyleColors
from .style_colors_room_fill import StyleColorsRoomFill
from .style_options import StyleOptions
from .style_options_area_figure import StyleOptionsAreaFigure
from .style_options_language import StyleOptionsLanguage
from .style_options_units import StyleOptionsUnits
from .style_template_create import StyleTemplateCreate
from .style_template_out import StyleTemplateOut
from .style_template_ref import StyleTemplateRef
from .style_template_update import StyleTemplateUpdate
from .tour_assets import TourAssets
from .upload_scan_files_body import UploadScanFilesBody
from .upload_scan_json_body import UploadScanJsonBody
from .user_create import UserCreate
from .user_create_role import UserCreateRole
from .user_created import UserCreated
from .user_created_role import UserCreatedRole
from .user_out import UserOut
from .user_out_role import UserOutRole
from .user_update import UserUpdate
from .user_update_role_type_0 import UserUpdateRoleType0
from .validation_error import ValidationError
from .validation_groups import ValidationGroups
from .video_3d_assets import Video3DAssets
from .video_preferences import VideoPreferences
from .video_preferences_layout import VideoPreferencesLayout
from .video_preferences_speed import VideoPreferencesSpeed
from .webhook_pair import WebhookPair
from .webhook_settings import WebhookSettings
from .webhook_test_call import WebhookTestCall
from .webhook_test_call_outcome import WebhookTestCallOutcome
from .webhook_test_out import WebhookTestOut
from .webhook_test_out_payload import WebhookTestOutPayload
from .webhook_test_out_trigger import WebhookTestOutTrigger
from .webhook_test_request import WebhookTestRequest
from .webhook_test_request_trigger import WebhookTestRequestTrigger
from .webhook_update import WebhookUpdate
from .webhook_update_webhook_triggers_type_0_item import WebhookUpdateWebhookTriggersType0Item

__all__ = (
    "Advance",
    "AdvanceTo",
    "AttemptOut",
    "CadFilesAssets",
    "ChangePassword",
    "ChangeRequestCreate",
    "ChangeRequestOut",
    "ChangeRequestOutStatus",
    "ClockAdvance",
    "ClockOut",
    "CompanyInfo",
    "CompanyInfoMeasurementSystem",
    "CompanyPackage",
    "CompanyProfile",
    "CreateRedrawFilesBody",
    "DeliveryAssets",
    "DeliveryOut",
    "DeliveryOutPayload",
    "DeliveryOutState",
    "DisabledUrl",
    "DraftCreate",
    "DraftCreateAddOnsType0Item",
    "DraftCreatePackageTypeType0",
    "DraftCreatePropertyTypeType0",
    "DraftUpdate",
    "DraftUpdateAddOnsType0Item",
    "DraftUpdatePackageTypeType0",
    "DraftUpdatePropertyTypeType0",
    "Error",
    "FieldProblem",
    "Floorplans3DAssets",
    "GlaPackageAssets",
    "GoToScanCreate",
    "GoToScanCreateAddOnsType0Item",
    "GoToScanCreateConversionType",
    "GoToScanCreatePackageTypeType0",
    "GoToScanCreatePriority",
    "GoToScanCreatePropertyTypeType0",
    "GoToScanExtend",
    "GoToScanInfo",
    "GoToScanInfoStatus",
    "GoToScanRecipient",
    "HomeReportAssets",
    "ListDeliveriesStateType0",
    "ListenWebhooksTriggersType0Item",
    "ListingFloorplansAssets",
    "LogoOptions",
    "LogoOptionsPosition",
    "LogoOut",
    "MergeRequestCreate",
    "MergeRequestList",
    "MergeRequestOut",
    "MergeRequestOutDirectionType0",
    "Message",
    "OfficeCreate",
    "OfficeOut",
    "OrderAddress",
    "OrderInfo",
    "OrderInfoOrderPreferences",
    "OrderInfoStatus",
    "OrderInfoTotalScannedAreaUnit",
    "OrderOut",
    "OrderPreferences",
    "OrderRow",
    "OverLimit",
    "OverLimitProductType",
    "PageChangeRequestOut",
    "PageDeliveryOut",
    "PageOfficeOut",
    "PageOrderRow",
    "PageStyleTemplateOut",
    "PageUserOut",
    "Pagination",
    "PostPurchase",
    "PostPurchaseAddOnsItem",
    "PostPurchasePackageTypeType0",
    "ProductInfo",
    "ProductInfoAddOnsItem",
    "ProductInfoPackageType",
    "ProductInfoPurchasableAddOnsItem",
    "ProductInfoPurchasablePackageTypesItem",
    "PropertyDataAssets",
    "PutLogoFilesBody",
    "QuickEditLinkIn",
    "QuickEditLinkOut",
    "Recipient",
    "ReDeliver",
    "ReDeliverStyleType0",
    "RedrawCreate",
    "RedrawCreateAddOnsType0Item",
    "RedrawCreatePackageTypeType0",
    "RedrawCreatePropertyTypeType0",
    "ReplayOut",
    "ReplayRequest",
    "ResetPassword",
    "ResponseDeletetemplate",
    "ResponseFloormodelschema",
    "ScanSample",
    "SecretRotated",
    "SnapshotAssets",
    "SourceOut",
    "SourceOutState",
    "StatusChanged",
    "StatusChangedCurrentStatus",
    "StatusChangedDeliveryTypeType0",
    "StatusChangedPreviousStatusType0",
    "StatusChangedProductTypeType0",
    "Style2D",
    "Style3D",
    "Style3DFurnitureSetType0",
    "StyleColors",
    "StyleColorsRoomFill",
    "StyleOptions",
    "StyleOptionsAreaFigure",
    "StyleOptionsLanguage",
    "StyleOptionsUnits",
    "StyleTemplateCreate",
    "StyleTemplateOut",
    "StyleTemplateRef",
    "StyleTemplateUpdate",
    "TourAssets",
    "UploadScanFilesBody",
    "UploadScanJsonBody",
    "UserCreate",
    "UserCreated",
    "UserCreatedRole",
    "UserCreateRole",
    "UserOut",
    "UserOutRole",
    "UserUpdate",
    "UserUpdateRoleType0",
    "ValidationError",
    "ValidationGroups",
    "Video3DAssets",
    "VideoPreferences",
    "VideoPreferencesLayout",
    "VideoPreferencesSpeed",
    "WebhookPair",
    "WebhookSettings",
    "WebhookTestCall",
    "WebhookTestCallOutcome",
    "WebhookTestOut",
    "WebhookTestOutPayload",
    "WebhookTestOutTrigger",
    "WebhookTestRequest",
    "WebhookTestRequestTrigger",
    "WebhookUpdate",
    "WebhookUpdateWebhookTriggersType0Item",
)
