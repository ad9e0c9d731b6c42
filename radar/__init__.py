"""Abstraction Radar: finds repeated shapes across subsystems and gates them (AHA)."""

__version__ = "0.1.0"
