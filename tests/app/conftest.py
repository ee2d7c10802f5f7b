"""Fixtures of the lane tests (defined in app_fixtures, shared by several files)."""

from app_fixtures import rig_config

__all__ = ["rig_config"]
