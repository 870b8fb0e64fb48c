"""File storage (a local folder or S3), stable signed links and the download endpoint."""

from planroom.files.links import FileLinks
from planroom.files.storage import LocalStorage, Storage, make_storage

__all__ = ["FileLinks", "LocalStorage", "Storage", "make_storage"]
