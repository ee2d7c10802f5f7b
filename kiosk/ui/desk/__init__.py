"""A journey's agent desk on the shell's staff layer.

``StaffLayer`` (``staff_layer``) is the shell's shared staff sign-in for any journey that
brings its own desk: badge or PIN on the attendant sign-in screen, lockout and audit
in the journey's attendant service, idle sign-out. ``DeskScreen`` (``screen``) and
``DeskPresenter`` (``presenter``) show a journey's open intervention and its verdicts;
the words of a journey's kinds and verdicts come from a terms table (``airport_terms``).
"""

from __future__ import annotations

from kiosk.ui.desk.staff_layer import StaffLayer

__all__ = ["StaffLayer"]
