"""Shared helpers for the depression study."""
