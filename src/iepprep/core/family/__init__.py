"""The family's answers: the profile model every plan is tailored to."""
