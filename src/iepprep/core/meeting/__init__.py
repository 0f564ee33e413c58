"""Meeting day and after: live notes, the review of open questions, follow-up letters."""
