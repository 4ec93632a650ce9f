"""Growing the gazetteer from data: ``cleaner gazetteer import`` reads Wikidata's JSON entity
format and writes ``entity`` rule files, so a newsroom extends the names it knows the same way
the shipped files under ``rules/entities/wikidata/`` were made (see their ``SOURCES.md``).

``wikidata`` reads entities (labels and aliases per language, a few claims); ``emit`` is the
one place that decides how an imported entity is written as YAML.
"""
