"""Evaluation of pipeline stages against reference data."""
