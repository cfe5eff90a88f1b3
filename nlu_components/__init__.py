"""Custom Rasa NLU components (GraphComponents), loaded by config.yml."""
