"""One place finds the rule folders (issue 15): the built-in rules, then ``extend-rules``.
Loading, cache keys and ``rules_version`` must agree on which folders and which files."""

from __future__ import annotations

from pathlib import Path

from cleaner import Config
from cleaner.lint.formats import rules_version
from cleaner.resources import builtin_data, builtin_rules, content_digest, rule_folders
from cleaner.rules.loader import iter_rule_files

from .conftest import ROOT


def test_a_checkout_uses_its_own_rules_folder() -> None:
    """Editable installs and the test suite read ``rules/`` itself, so an edit to a rule
    file takes effect without reinstalling (the wheel's copy is tested in test_wheel)."""
    assert builtin_rules() == ROOT / "rules"
    assert builtin_data("boilerplate", "stopwords-en.txt").is_file()


def test_extend_rules_resolve_from_the_config_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = Config(
        extend_rules=("house", "~/rules", "/abs/rules"), source=str(tmp_path / "desk" / "x.toml")
    )
    assert rule_folders(config) == (
        builtin_rules(),
        tmp_path / "desk" / "house",
        tmp_path / "home" / "rules",
        Path("/abs/rules"),
    )
    # Without a config file: relative to the working folder.
    assert rule_folders(Config(extend_rules=("house",)))[1] == tmp_path / "house"


def test_loader_and_digest_see_the_same_files(tmp_path: Path) -> None:
    """A folder whose own path has dot-folders is read and hashed in full; hidden names
    below it (an editor's ``.#x.yaml``, a ``.git``) are neither loaded nor hashed."""
    folder = tmp_path / ".config" / "newsroom" / "rules"
    (folder / "names").mkdir(parents=True)
    (folder / "names" / "a.yaml").write_text("rules: []\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "b.yaml").write_text("rules: [", encoding="utf-8")
    (folder / ".#a.yaml").write_text("junk", encoding="utf-8")
    assert iter_rule_files([folder]) == [folder / "names" / "a.yaml"]
    before = content_digest([folder])
    (folder / ".#a.yaml").write_text("other junk", encoding="utf-8")
    assert content_digest([folder]) == before
    (folder / "names" / "a.yaml").write_text("rules: []  # edited\n", encoding="utf-8")
    assert content_digest([folder]) != before


def test_rules_version_does_not_depend_on_where_rules_are(tmp_path: Path) -> None:
    """Two installs of the same rules agree; any edit changes it."""
    for name in ("one", "two"):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "r.yaml").write_text("rules: []\n", encoding="utf-8")
    one = rules_version(Config(extend_rules=(str(tmp_path / "one"),)))
    assert one == rules_version(Config(extend_rules=(str(tmp_path / "two"),)))
    assert one != rules_version(Config())
    (tmp_path / "two" / "x" / "r.yaml").write_text("rules: [] \n", encoding="utf-8")
    assert one != rules_version(Config(extend_rules=(str(tmp_path / "two"),)))


def test_the_digest_follows_every_edit_within_a_process(tmp_path: Path) -> None:
    # The digest is kept per process by the files' stamps (issue 17: four set-up stores
    # keyed by the rules hashed them four times); an edit must never leave it stale, even
    # one of the same size at once (a time stamp's granularity), nor one a while later.
    import os

    from cleaner.resources import content_digest

    folder = tmp_path / "rules"
    folder.mkdir()
    rule = folder / "a.yaml"
    rule.write_text("aaaa", encoding="utf-8")
    first = content_digest([folder])
    rule.write_text("bbbb", encoding="utf-8")  # same size, within the same tick
    second = content_digest([folder])
    assert second != first
    old = 1_600_000_000
    os.utime(rule, (old, old))  # an old file: its digest is kept
    kept = content_digest([folder])
    assert content_digest([folder]) == kept == second
    rule.write_text("cccc", encoding="utf-8")
    os.utime(rule, (old, old))  # same size and time stamp: the change time still moves
    assert content_digest([folder]) != kept


def test_two_configs_with_the_same_relative_extension_keep_their_own_rules(
    tmp_path: Path,
) -> None:
    """``Config`` equality ignores ``source``, so two newsrooms' configs built in code with
    the same relative ``extend-rules`` entry compare equal: each must still clean with the
    rules in its own folder, not with the first one's pipeline."""
    from cleaner import clean_text

    rule = """\
rules:
  - id: XX901
    type: substitution
    match: [security insurance]
    replace: security {word}
    fix: safe
    message: "'{{match}}' -> '{{fix}}'"
    tests:
      - {{in: "No security insurance.", out: "No security {word}."}}
"""
    configs = {}
    for desk, word in (("one", "guarantees"), ("two", "assurances")):
        (tmp_path / desk / "house").mkdir(parents=True)
        (tmp_path / desk / "house" / "r.yaml").write_text(rule.format(word=word), "utf-8")
        configs[word] = Config(
            extend_rules=("house",), grammar="none", source=str(tmp_path / desk / "x.toml")
        )
    assert configs["guarantees"] == configs["assurances"]  # why the pipeline needs the folders
    for word, config in configs.items():
        out = clean_text("There is no security insurance here.\n", config).text
        assert out == f"There is no security {word} here.\n"


def test_the_source_digest_covers_python_files_where_asked(tmp_path: Path) -> None:
    """One hash of source code for both cache keys (issue 17): the result cache's covers
    every module below the package, the grammar cache's only its own folder; compiled
    files and other data are not source."""
    from cleaner.resources import source_digest

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.py").write_text("A = 1\n", encoding="utf-8")
    (tmp_path / "sub" / "b.py").write_text("B = 1\n", encoding="utf-8")
    deep, flat = source_digest(tmp_path), source_digest(tmp_path, recursive=False)
    assert deep != flat
    (tmp_path / "sub" / "b.py").write_text("B = 2\n", encoding="utf-8")
    edited = source_digest(tmp_path)
    assert edited != deep
    assert source_digest(tmp_path, recursive=False) == flat
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "c.py").write_text("stale", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not code", encoding="utf-8")
    assert source_digest(tmp_path) == edited
    assert source_digest(tmp_path / "sub" / "..") == edited
    (tmp_path / "a.py").write_text("A = 2\n", encoding="utf-8")
    assert source_digest(tmp_path, recursive=False) != flat


def test_the_digest_is_kept_across_processes_by_the_files_stamps(
    tmp_path: Path, _private_cache: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A cold ``cleaner check`` hashed cleaner's source and the rule files in every process
    (issue 17); the set-up store now keeps each digest by the files' stamps (path, size,
    times, inode), as git's index does. Whatever it keeps, an edit must never be answered
    by an older digest, and an entry that is not a digest is never used."""
    import os
    import shutil

    from cleaner import resources

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yaml").write_text("aaaa", encoding="utf-8")
    (folder / "b.yaml").write_text("rules: []\n", encoding="utf-8")
    shutil.copytree(folder, tmp_path / "copy")  # the same files elsewhere: the same digest

    def next_process() -> str:
        monkeypatch.setattr(resources, "_DIGESTS", {})
        return content_digest([folder])

    def entries() -> list[Path]:
        return sorted(_private_cache.glob("compiled-v*/digest-*.sha256"))

    first = next_process()
    assert entries() == []  # files written just now may change unseen: nothing kept
    monkeypatch.setattr(resources, "RACY_NS", 0)  # as if they were written a while ago
    assert next_process() == first
    (entry,) = entries()
    assert entry.read_text() == first == content_digest([tmp_path / "copy"])
    entry.write_text("0" * 64)  # what the store holds is what the next process reads
    assert next_process() == "0" * 64
    entry.write_text(first)

    rule = folder / "a.yaml"
    st = rule.stat()
    rule.write_text("bbbb", encoding="utf-8")  # same size, and the old time stamps
    os.utime(rule, ns=(st.st_atime_ns, st.st_mtime_ns))
    (tmp_path / "copy" / "a.yaml").write_text("bbbb", encoding="utf-8")
    edited = next_process()
    assert edited != first
    assert edited == content_digest([tmp_path / "copy"])

    for entry in entries():
        entry.write_text("not a digest")
    assert next_process() == edited
    assert resources.source_digest(folder) != edited  # no .py files: another listing
