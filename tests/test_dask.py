"""The Dask path (issue 9): the same pipeline on a real ``distributed`` cluster, local here.

A LocalCluster with one in-process worker (threads, dashboard off) keeps the test light; it
talks tcp on 127.0.0.1, so the scheduler, task graph and serialisation are the real ones a
cluster uses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import CleanResult, Config, clean_text, restore
from cleaner.cli import main
from cleaner.dask import clean_files, clean_texts, summarise

from .conftest import SEEDS

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            host="127.0.0.1",
            protocol="tcp",
            scheduler_port=0,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_folder_cleaned_on_the_cluster_matches_the_cli(client: object, tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / "in" / "sub" / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    records = clean_files([tmp_path / "in"], tmp_path / "dask-out", partition_size=2).compute()
    CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "cli-out")])
    assert len(records) == 6
    for seed in sorted(SEEDS.glob("*.txt")):
        ours = (tmp_path / "dask-out" / "sub" / seed.name).read_bytes()
        assert ours == (tmp_path / "cli-out" / "sub" / seed.name).read_bytes()
    totals = summarise(records)
    assert totals["files"] == 5
    assert totals["errors"] == [f"{tmp_path / 'in' / 'empty.txt'}: empty file"]
    assert totals["edits_by_rule"]  # the seeds need normalising


def test_records_carry_the_text_when_there_is_no_output(client: object) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    records = clean_files([SEEDS]).compute()
    assert [r["source"] for r in records] == [str(p) for p in seeds]
    for r, seed in zip(records, seeds, strict=True):
        assert r["text"] == clean_text(seed.read_text(encoding="utf-8")).text
        assert r["output"] is None


def test_a_bag_of_texts_gives_restorable_results(client: object) -> None:
    import dask.bag as db

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    results = clean_texts(db.from_sequence(texts, npartitions=2)).compute()
    for raw, data in zip(texts, results, strict=True):
        result = CleanResult.from_dict(data)
        assert result.text == clean_text(raw).text
        assert restore(result) == raw


def test_worker_processes_give_this_process_s_results() -> None:
    """A worker process (what a cluster runs): the config and the records cross a process
    boundary as pickles, and the worker builds its own pipeline. Grammar off: the Harper
    path is the same code in a worker, and two linters would double this test's time."""
    import os
    import sys

    import dask.bag as db

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=True,
            host="127.0.0.1",
            scheduler_port=0,
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as remote,
    ):
        bag = clean_texts(db.from_sequence(texts, npartitions=2), Config(grammar="none"))
        results = remote.gather(remote.compute(bag))
        pids = remote.run(os.getpid)
        ran = remote.run(lambda: "cleaner.pipeline" in sys.modules)
    assert len(pids) == 1 and os.getpid() not in pids.values()
    assert list(ran.values()) == [True]  # the worker, not this process, cleaned
    for raw, data in zip(texts, results, strict=True):
        assert data == clean_text(raw, Config(grammar="none")).to_dict()
