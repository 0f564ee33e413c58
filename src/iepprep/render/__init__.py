"""Renderers: one module per output format, each drawing from the same core data."""
