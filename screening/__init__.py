"""Returnee Screening: standardized screening of returnees for signs of human trafficking."""

__version__ = "0.1.0"
