"""Scale past one machine on Dask: the same ``clean_text``, mapped over a ``dask.bag``.

``cleaner clean -j N`` saturates one machine. For millions of articles we do not write a
scheduler: a newsroom with a Dask cluster runs the very pipeline the CLI runs, per file or per
text, and Dask handles distribution, retries and back-pressure. Needs the ``dask`` extra
(``pip install 'cleaner[dask]'``); nothing else in cleaner imports this module.

    from dask.distributed import Client
    from cleaner.dask import clean_files

    client = Client("scheduler:8786")          # or LocalCluster() for one machine
    bag = clean_files(["/shared/feed"], output="/shared/clean")
    records = bag.compute()                    # one small dict per file, errors included

Files are read and written by the workers, so inputs and outputs must be on storage every
worker sees (a shared filesystem). For text that is already in memory or in a data lake,
``clean_texts(bag_of_str)`` returns each ``CleanResult`` as a dict.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.batch import CleanOptions, Outcome, clean_file, run_batch
from cleaner.config import Config
from cleaner.files import DEFAULT_GLOB, Job, plan_jobs, read_jobs
from cleaner.pipeline import clean_text

if TYPE_CHECKING:
    import dask.bag


def clean_files(
    paths: Iterable[str | Path],
    output: str | Path | None = None,
    config: Config | None = None,
    *,
    options: CleanOptions | None = None,
    pattern: str = DEFAULT_GLOB,
    partition_size: int = 200,
) -> dask.bag.Bag:
    """A bag with one record per input file, cleaned when computed.

    ``paths`` are files or folders (searched like ``cleaner clean`` does). With ``output``,
    each cleaned file is written there, mirroring the input folders, and records carry no
    text; without it, each record's ``text`` is the cleaned article. A bad file gives a
    record with ``error`` set; it never fails the bag. ``options`` (sidecars, ``--encoding``,
    a result cache on shared storage) are those of ``cleaner clean``; no cache by default,
    because a worker's home folder is rarely shared.
    """
    import dask.bag as db

    inputs = [Path(p) for p in paths]
    options = options or CleanOptions()
    if output is None:
        jobs = read_jobs(inputs, pattern)
    else:  # sidecars claimed too: never over a newsroom's own NAME.json
        jobs = plan_jobs(inputs, Path(output), False, pattern, sidecar=options.sidecar)
    bag = db.from_sequence(jobs, partition_size=partition_size)
    return bag.map(_clean_job, config or Config(), options)


def _clean_job(job: Job, config: Config, options: CleanOptions) -> dict[str, Any]:
    # One job, in this process: run_batch's error handling (a bad file is a record).
    return record(next(run_batch(clean_file, [job], 1, config, options)))


def record(outcome: Outcome) -> dict[str, Any]:
    """An outcome as plain data (what a Dask user aggregates or writes to a table)."""
    return {
        "source": outcome.source,
        "output": outcome.output,
        "text": outcome.stdout,
        "changed": outcome.changed,
        "edits_by_rule": dict(outcome.edits_by_rule),
        "findings": outcome.findings,
        "notice": outcome.notice,
        "error": outcome.error,
    }


def clean_texts(texts: dask.bag.Bag, config: Config | None = None) -> dask.bag.Bag:
    """Map ``clean_text`` over a bag of strings; each element becomes ``CleanResult.to_dict()``
    (``CleanResult.from_dict`` rebuilds it, and ``restore`` works on the rebuilt result)."""
    return texts.map(_clean_one_text, config or Config())


def _clean_one_text(text: str, config: Config) -> dict[str, Any]:
    return clean_text(text, config).to_dict()


def summarise(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Totals over computed records: files, changed, edits by rule, findings, errors."""
    edits: dict[str, int] = {}
    totals: dict[str, Any] = {"files": 0, "changed": 0, "findings": 0, "errors": []}
    for r in records:
        if r["error"]:
            totals["errors"].append(r["error"])
            continue
        totals["files"] += 1
        totals["changed"] += r["changed"]
        totals["findings"] += r["findings"]
        for rule, n in r["edits_by_rule"].items():
            edits[rule] = edits.get(rule, 0) + n
    totals["edits_by_rule"] = dict(sorted(edits.items()))
    return totals
