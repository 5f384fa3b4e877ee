"""Data shipped with the search layer (the learned coreset)."""
