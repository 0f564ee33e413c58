"""Deadlines the school or the state must meet, counted the way the law counts them."""
