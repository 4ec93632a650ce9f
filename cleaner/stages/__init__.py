"""Pipeline stages: small classes, each with one job, run in a fixed order by ``pipeline``."""
