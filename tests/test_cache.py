"""Incremental runs (issue 9): an unchanged re-run does no cleaning and rewrites nothing, and
anything that could change a result (the input, a rule file, the config) misses the cache.

Work is counted, not timed: each outcome says whether its result came from the cache, and
the summary line reports the count (the wall-time ratio is in bench/throughput.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from cleaner import Config
from cleaner.batch import CleanOptions, clean_file, run_batch
from cleaner.cache import ResultCache, default_cache_dir
from cleaner.cli import main
from cleaner.files import plan_jobs

from .conftest import SEEDS

N = 15


def make_inputs(folder: Path) -> list[Path]:
    """N distinct articles: the seeds, each with a few numbered variants."""
    folder.mkdir()
    paths = []
    for i in range(N):
        seed = sorted(SEEDS.glob("*.txt"))[i % 5].read_text(encoding="utf-8")
        path = folder / f"a{i:02d}.txt"
        path.write_text(f"Variant {i} of a seed  article.\n\n{seed}", encoding="utf-8")
        paths.append(path)
    return paths


def clean(*args: str) -> str:
    result = CliRunner().invoke(main, ["clean", *args])
    assert result.exit_code == 0, result.stderr
    return result.stderr


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_unchanged_rerun_cleans_nothing_and_rewrites_nothing(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    first = clean(str(tmp_path / "in"), "-o", str(out), "--sidecar", "--jobs", "2")
    assert f"cleaned {N} file(s)" in first
    assert "from cache" not in first
    before = snapshot(out)
    second = clean(str(tmp_path / "in"), "-o", str(out), "--sidecar", "--jobs", "2")
    assert f"({N} from cache)" in second
    # Same summary apart from the cache note: counts come back from the cache too.
    assert second.replace(f" ({N} from cache)", "") == first
    assert snapshot(out) == before  # same bytes, and not even rewritten (same mtimes)


def test_outcomes_count_the_work_done(tmp_path: Path) -> None:
    """The ratio the issue asks for, as work: N pipeline runs, then none."""
    make_inputs(tmp_path / "in")
    config = Config()
    jobs = plan_jobs([tmp_path / "in"], tmp_path / "out", in_place=False)
    options = CleanOptions(cache=ResultCache.open(config))
    first = list(run_batch(clean_file, jobs, 1, config, options))
    second = list(run_batch(clean_file, jobs, 1, config, options))
    assert [o.cached for o in first] == [False] * N
    assert [o.cached for o in second] == [True] * N
    assert [(o.changed, o.edits_by_rule, o.findings) for o in second] == [
        (o.changed, o.edits_by_rule, o.findings) for o in first
    ]


def test_a_changed_input_is_the_only_one_cleaned_again(tmp_path: Path) -> None:
    paths = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    clean(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    paths[3].write_text("A new  story.\n", encoding="utf-8")
    err = clean(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert f"({N - 1} from cache)" in err
    assert (out / paths[3].name).read_text(encoding="utf-8") == "A new story.\n"


def test_a_config_change_misses(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    clean(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    straight = (out / "a00.txt").read_text(encoding="utf-8")
    err = clean(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", "--ignore", "NM107")
    assert "from cache" not in err
    assert (out / "a00.txt").read_text(encoding="utf-8").startswith("Variant 0 of a seed  article")
    assert straight.startswith("Variant 0 of a seed article")
    err = clean(str(tmp_path / "in"), "-o", str(out), "--jobs", "1")
    assert f"({N} from cache)" in err  # the first config's results are still there


def test_a_rule_file_change_misses(tmp_path: Path) -> None:
    """Any byte of any file under extend-rules is part of the key (relative entries are
    found from the config file's folder too)."""
    rules = tmp_path / "house-rules"
    (rules / "names").mkdir(parents=True)
    rule = rules / "names" / "people.yaml"
    rule.write_text("rules: []\n", encoding="utf-8")
    absolute = Config(extend_rules=(str(rules),))
    relative = Config(extend_rules=("house-rules",), source=str(tmp_path / "cleaner.toml"))
    before = [ResultCache.open(c).key(b"text") for c in (absolute, relative)]
    assert before == [ResultCache.open(c).key(b"text") for c in (absolute, relative)]
    rule.write_text("rules: [] # edited\n", encoding="utf-8")
    after = [ResultCache.open(c).key(b"text") for c in (absolute, relative)]
    assert after[0] != before[0]
    assert after[1] != before[1]
    (rules / "names" / "more.yaml").write_text("rules: []\n", encoding="utf-8")
    assert ResultCache.open(absolute).key(b"text") != after[0]
    assert ResultCache.open(Config()).key(b"text") != after[0]


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, _private_cache: Path) -> None:
    make_inputs(tmp_path / "in")
    for _ in range(2):
        err = clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache", "-j", "1")
        assert "from cache" not in err
    assert default_cache_dir() == _private_cache
    assert not any(_private_cache.iterdir())
    assert os.environ["CLEANER_NO_CACHE"] == "1"  # so stages' own caches are off too


def test_deleted_outputs_and_sidecars_come_back_from_the_cache(tmp_path: Path) -> None:
    make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    clean(str(tmp_path / "in"), "-o", str(out), "--sidecar", "-j", "1")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "a01.txt").unlink()
    (out / "a02.json").unlink()
    (out / "a03.txt").write_text("tampered\n", encoding="utf-8")
    err = clean(str(tmp_path / "in"), "-o", str(out), "--sidecar", "-j", "1")
    assert f"({N} from cache)" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_corrupt_cache_is_a_miss_not_a_failure(tmp_path: Path, _private_cache: Path) -> None:
    make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    clean(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    expected = {p.name: p.read_bytes() for p in out.iterdir()}
    entries = sorted(_private_cache.rglob("*.z"))
    assert len(entries) == N
    entries[0].write_bytes(b"not json")
    head = entries[1].read_bytes().partition(b"\n")[0]
    entries[1].write_bytes(head + b"\nnot zlib")  # summary fine, stored result corrupt
    json.loads(head)
    for p in out.iterdir():
        p.unlink()  # so the stored results are needed
    err = clean(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert f"({N - 2} from cache)" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == expected


def test_single_file_to_stdout_uses_the_cache(tmp_path: Path) -> None:
    src = tmp_path / "one.txt"
    src.write_text("One  story.\r\n", encoding="utf-8")
    runs = [CliRunner().invoke(main, ["clean", str(src)]) for _ in range(2)]
    assert [r.stdout for r in runs] == ["One story.\n", "One story.\n"]


def test_memo_on_disk_builds_once_per_key_across_processes(
    tmp_path: Path, _private_cache: Path
) -> None:
    """Set-up (rule loading) memoised on disk: a second process gets the stored value, an
    edited rule file builds afresh. A separate interpreter stands in for the next worker."""
    import subprocess
    import sys

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text("rules: []\n", encoding="utf-8")
    log = tmp_path / "builds.log"
    script = (
        "import sys, pathlib\n"
        "from cleaner.cache import folders_digest, memo_on_disk\n"
        "rules, log = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
        "def build():\n"
        "    with log.open('a') as fh: fh.write('built\\n')\n"
        "    return {'files': sorted(p.name for p in rules.iterdir())}\n"
        "print(memo_on_disk('rulebook', [folders_digest([rules])], build))\n"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, str(rules), str(log)],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    assert run() == "{'files': ['a.yaml']}"
    assert run() == "{'files': ['a.yaml']}"
    assert log.read_text().count("built") == 1
    (rules / "b.yaml").write_text("rules: []\n", encoding="utf-8")
    assert run() == "{'files': ['a.yaml', 'b.yaml']}"
    assert log.read_text().count("built") == 2
    stored = sorted(_private_cache.glob("compiled-v*/rulebook-*.plain"))
    assert len(stored) == 2
    for entry in stored:
        entry.write_bytes(b"damaged")
    assert run() == "{'files': ['a.yaml', 'b.yaml']}"  # a damaged entry is rebuilt
    assert log.read_text().count("built") == 3


def test_sidecars_after_a_run_without_them_are_complete(tmp_path: Path) -> None:
    """Entries from a run without --sidecar hold no edit log; asking for sidecars later
    cleans those files again rather than writing sidecars from nothing."""
    from cleaner import CleanResult, restore

    paths = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    clean(str(tmp_path / "in"), "-o", str(out), "-j", "1")
    err = clean(str(tmp_path / "in"), "-o", str(out), "-j", "1", "--sidecar")
    assert "from cache" not in err
    for src in paths:
        sidecar = json.loads(out.joinpath(src.name).with_suffix(".json").read_text("utf-8"))
        cleaned = out.joinpath(src.name).read_text(encoding="utf-8")
        assert restore(CleanResult.from_dict({**sidecar, "text": cleaned})) == src.read_text(
            encoding="utf-8"
        )
    err = clean(str(tmp_path / "in"), "-o", str(out), "-j", "1", "--sidecar")
    assert f"({N} from cache)" in err


def test_an_edited_rule_file_reaches_the_next_process(tmp_path: Path) -> None:
    """The parsed rule book is memoised on disk; the next process (a new ``cleaner clean``)
    must still see an edited rule, and a broken one must still be reported, not cached."""
    import subprocess
    import sys

    from .test_rule_files import GOOD_SUB

    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "house.yaml").write_text(GOOD_SUB, encoding="utf-8")
    (tmp_path / "cleaner.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("There is no security insurance here.\n", encoding="utf-8")
    cli = [sys.executable, "-c", "from cleaner.cli import main; main()", "clean", str(article)]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cli, "--grammar", "none"], capture_output=True, text=True)

    assert run().stdout == "There is no security guarantees here.\n"
    assert run().stdout == "There is no security guarantees here.\n"
    (rules / "house.yaml").write_text(
        GOOD_SUB.replace("replace: security guarantees", "replace: security assurances"),
        encoding="utf-8",
    )
    assert run().stdout == "There is no security assurances here.\n"
    (rules / "house.yaml").write_text("rules: [", encoding="utf-8")
    broken = run()
    assert broken.returncode == 2
    assert "house.yaml" in broken.stderr
    assert run().returncode == 2  # still reported: a failed load is not memoised


def test_the_cache_stays_under_its_size_limit(_private_cache: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Writing past ``--cache-max-mb`` evicts entries as it goes: the cache never grows
    past the limit by more than one check interval (1/32 of it)."""
    from cleaner.cache.store import kind_dir, shard_dir, usage, write_entry

    monkeypatch.setenv("CLEANER_CACHE_MAX_MB", "2")
    folder = kind_dir("results-v1")
    assert folder is not None
    blob = os.urandom(50_000)
    for i in range(200):  # 10 MB
        key = f"{i % 256:02x}{i:062x}"
        shard = shard_dir(folder, key)
        assert shard is not None and write_entry(shard / f"{key}.z", blob)
        total = sum(u.bytes for u in usage(_private_cache))
        assert total <= 2 * 1024 * 1024 * 33 / 32 + len(blob)
    assert total >= 1024 * 1024  # evicted to 80%, not emptied
    assert (folder / "c7" / f"c7{199:062x}.z").exists()  # the last one written stays


def test_eviction_takes_the_least_recently_used(_private_cache: Path) -> None:
    """Reading an entry makes it recent: an old entry read lately outlives ones unread."""
    import time

    from cleaner.cache.store import evict, kind_dir, read_entry, shard_dir, write_entry

    folder = kind_dir("results-v1")
    assert folder is not None
    now = time.time()
    paths = []
    for i in range(10):
        key = f"{i:02x}{i:062x}"
        shard = shard_dir(folder, key)
        assert shard is not None
        paths.append(shard / f"{key}.z")
        assert write_entry(paths[-1], b"x" * 1000)
        os.utime(paths[-1], (now - 10_000 + i, now - 10_000 + i))  # paths[0] the oldest
    assert read_entry(paths[0]) == b"x" * 1000
    assert evict(_private_cache, 6000) == (6, 6000)  # down to 80% of 6000 bytes
    assert [p.exists() for p in paths] == [True] + [False] * 6 + [True] * 3


def test_cache_info_and_clear(tmp_path: Path, _private_cache: Path) -> None:
    make_inputs(tmp_path / "in")
    clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    (_private_cache / "notes.txt").write_text("not cleaner's\n", encoding="utf-8")
    info = CliRunner().invoke(main, ["cache", "info"])
    assert info.exit_code == 0, info.output
    assert f"folder: {_private_cache}" in info.output
    assert "private to you, in use" in info.output
    assert f"results-v1           {N} entries" in info.output
    cleared = CliRunner().invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0
    assert f"cleared {_private_cache}: " in cleared.output
    assert [p.name for p in _private_cache.iterdir()] == ["notes.txt"]
    err = clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    assert "from cache" not in err


def test_cache_info_says_when_the_cache_is_not_used(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cleaner.cache import forget_checks

    root = tmp_path / "open"
    root.mkdir(mode=0o777)
    root.chmod(0o777)
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(root))
    forget_checks()
    info = CliRunner().invoke(main, ["cache", "info"])
    assert info.exit_code == 2
    assert f"status: not used: {root} is writable by other users" in info.output


def test_given_names_are_read_from_the_store_until_a_list_changes(
    tmp_path: Path, _private_cache: Path
) -> None:
    """The metadata stage's given names (66,000, read when a byline asks) come from the
    set-up store in a second process, equal to reading the lists; a name added to a
    newsroom's own list is read afresh, not answered from the store."""
    import subprocess
    import sys

    extra = tmp_path / "newsroom"
    (extra / "metadata").mkdir(parents=True)
    names = extra / "metadata" / "given-names.txt"
    names.write_text("# our own\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from cleaner.config import Config\n"
        "from cleaner.metadata.lexicon import _entries, load_lexicon\n"
        "from cleaner.resources import rule_folders\n"
        "folders = rule_folders(Config(extend_rules=(sys.argv[1],)))\n"
        "given = load_lexicon(folders).given_names\n"
        "print('zyxwen' in given, 'faith' in given)\n"
        "read = frozenset(e.lower() for e in _entries(folders, 'given-names.txt'))\n"
        "assert given._words == read\n"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, str(extra)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run() == "False True"
    (stored,) = _private_cache.glob("compiled-v*/metadata-words-*.plain")
    written = stored.stat().st_mtime_ns
    assert run() == "False True"
    assert stored.stat().st_mtime_ns == written  # read, not built and written again
    names.write_text("Zyxwen\n", encoding="utf-8")
    assert run() == "True True"
    assert len(list(_private_cache.glob("compiled-v*/metadata-words-*.plain"))) == 2


def test_sizing_the_cache_leaves_the_global_random_state_alone(_private_cache: Path) -> None:
    """A program that seeds ``random`` gets the same sequence whether or not the cache
    sized itself in between (it samples shard folders with its own generator)."""
    import random

    from cleaner.cache.store import estimate_size, kind_dir, shard_dir, write_entry

    folder = kind_dir("results-v1")
    assert folder is not None
    for i in range(40):
        key = f"{i:02x}{i:062x}"
        shard = shard_dir(folder, key)
        assert shard is not None and write_entry(shard / f"{key}.z", b"x" * 100)
    random.seed(7)
    expected = [random.random() for _ in range(3)]
    random.seed(7)
    assert estimate_size(_private_cache, samples=4) > 0
    assert [random.random() for _ in range(3)] == expected
