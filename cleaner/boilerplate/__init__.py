"""Boilerplate stripping support: per-unit features, metadata values, YAML front matter."""
