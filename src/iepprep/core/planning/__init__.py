"""Making a plan: answers files, the questionnaire, the planner and the plan it makes."""
