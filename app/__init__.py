"""WarrantyDesk 保修工作台: after-delivery warranty work for construction companies."""

from importlib import metadata

try:
    __version__ = metadata.version("warrantydesk")
except metadata.PackageNotFoundError:  # running from a source tree or a bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "WarrantyDesk"
ORG_NAME = "WarrantyDesk"
