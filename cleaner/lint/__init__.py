"""Lint mode: ``cleaner check`` and ``cleaner fix`` on top of ``clean_text``.

Nothing here knows any rule. Every ``Edit`` and ``Finding`` that ``clean_text`` returns becomes a
``Violation`` (violations.py); suppressions (suppress.py) drop some; formats.py renders them;
run.py is the per-file work the batch runner calls. New stages and rules show up in check
output with no change here.
"""
