"""The ontheemden app's models; import them from here."""

from .gemeente import ParticuliereOpvang, Streefgetal
from .locatie import AUDIT_BASES, Bezetting, GooLocatie

__all__ = ["AUDIT_BASES", "Bezetting", "GooLocatie", "ParticuliereOpvang", "Streefgetal"]
