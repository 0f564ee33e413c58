"""Files iepprep writes: its private folders, atomic writes, saved plans and meeting journals."""
