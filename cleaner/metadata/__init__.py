"""Metadata from article text: title, author, date, source and dateline, each with its
provenance (line, rule) and a confidence.

``cleaner.metadata.extract.extract`` does the work on a text; the pipeline stage
``cleaner.stages.metadata`` puts the result into ``CleanResult.metadata``. Modules: ``lines``
(the text as lines and their features), ``dates``, ``names`` (bylines), ``title`` (the
headline), ``lexicon`` (the word lists in ``rules/metadata/``), ``values`` (the boilerplate
rules' lift check).
"""
