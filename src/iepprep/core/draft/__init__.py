"""Checking the school's draft IEP, and comparing it with last year's, on this computer."""
