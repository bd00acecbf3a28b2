"""Definitions and variable builders for the vaccine effectiveness study."""
