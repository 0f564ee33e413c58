"""The content: tip, question and reference models, reading data files."""
