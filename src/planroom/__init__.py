"""Planroom: floor-plan ordering and production."""

__version__ = "0.1.0"
