"""Write checks answer before the work, truthfully, and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from optsmith.errors import OptsmithError
from optsmith.writable import check_dir_target, check_file_target


def test_a_file_target_may_be_new_or_existing(tmp_path: Path) -> None:
    assert check_file_target(tmp_path / "new.json", "--json") == tmp_path / "new.json"
    existing = tmp_path / "old.json"
    existing.write_text("kept\n")
    check_file_target(existing, "--json")
    assert existing.read_text() == "kept\n"  # probed, not truncated
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]  # no probe left over


@pytest.mark.parametrize(
    ("relative", "message"),
    [
        ("missing/r.json", "directory {tmp}/missing does not exist"),
        ("a_file/r.json", "{tmp}/a_file is not a directory"),
        ("a_dir", "{tmp}/a_dir is a directory, not a file"),
    ],
)
def test_bad_file_targets_say_why(tmp_path: Path, relative: str, message: str) -> None:
    (tmp_path / "a_file").write_text("x")
    (tmp_path / "a_dir").mkdir()
    with pytest.raises(OptsmithError) as caught:
        check_file_target(tmp_path / relative, "--json X")
    assert str(caught.value) == "--json X: " + message.format(tmp=tmp_path)


def test_an_unwritable_place_is_found_by_trying() -> None:
    """/proc refuses new files even to root, where os.access would say yes."""
    with pytest.raises(OptsmithError, match=r"--json: cannot write in /proc \("):
        check_file_target("/proc/optsmith.json", "--json")
    with pytest.raises(OptsmithError, match=r"--out: cannot write in /proc \("):
        check_dir_target("/proc/optsmith-out/deeper", "--out")


def test_a_directory_target_may_not_exist_yet(tmp_path: Path) -> None:
    check_dir_target(tmp_path / "a" / "b", "--out")
    check_dir_target(tmp_path, "--out")
    assert list(tmp_path.iterdir()) == []  # checked, not created
    (tmp_path / "f").write_text("x")
    with pytest.raises(OptsmithError, match="f exists and is not a directory"):
        check_dir_target(tmp_path / "f", "--out")
    with pytest.raises(OptsmithError, match="f is not a directory"):
        check_dir_target(tmp_path / "f" / "sub", "--out")
