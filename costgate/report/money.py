"""Kept for code written before money formatting moved to costgate/money.py (the gate's messages
need it too, and the gate may not import report/). Import from costgate.money."""

from __future__ import annotations

from costgate.money import money, percent, quantity, unit_price

__all__ = ["money", "percent", "quantity", "unit_price"]
