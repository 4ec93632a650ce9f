"""The review loop: decisions an editor takes in the report, applied to a batch and learnt as
rule-file data (``cleaner review apply|learn``)."""
