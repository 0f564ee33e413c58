"""Searching the tips: the tip index (built once, cached) and ranked results."""
