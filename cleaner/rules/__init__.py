"""Rule files: YAML data in ``rules/`` (and ``extend-rules`` folders), loaded and validated here.

The engine knows rule *types*; the knowledge (names, calques, boilerplate patterns) is data.
"""
