"""Hostile cases for the files a user hands iepprep and the files it writes for them
(issue 18): special files, odd encodings, YAML surprises, and --output targets that
are devices, links, read-only or of an unknown kind."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import TODAY
from iepprep.core.common.dates import parse_date
from iepprep.core.planning.answers import parse_answers
from iepprep.core.storage.exports import write_output_file
from iepprep.errors import InputError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------ special files (16, 17)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused_not_read(run, device) -> None:
    for args in (["plan", "--answers", device], ["--tips", device, "tips", "list"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "not a regular file" in result.stderr


@pytest.mark.timeout(20)
def test_a_fifo_with_no_writer_is_refused_at_once(run, tmp_path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    result = run("plan", "--answers", str(fifo))
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert run("--tips", str(fifo), "tips", "list").exit_code == 2


def test_answers_from_standard_input(run) -> None:
    result = run("plan", "--answers", "-", "--no-save", input="child_name: Maya\n")
    assert result.exit_code == 0 and "plan for Maya" in result.stdout


def test_size_limit_reads_no_more_than_the_limit(run, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("iepprep.core.content.datafiles.MAX_FILE_BYTES", 100)
    exact, over = tmp_path / "exact.yaml", tmp_path / "over.yaml"
    exact.write_text("#" * 99 + "\n", encoding="utf-8")
    over.write_text("#" * 100 + "\n", encoding="utf-8")
    assert run("plan", "--answers", str(exact), "--no-save").exit_code == 0
    result = run("plan", "--answers", str(over), "--no-save")
    assert result.exit_code == 2 and "too large" in result.stderr


# --------------------------------------------------------- encodings and YAML (18, 31, 32, 40)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_answers_from_windows_notepad(run, tmp_path, encoding) -> None:
    path = tmp_path / "answers.yaml"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_text(bom + "child_name: Zoë\ngrade: middle\n", encoding=encoding)
    result = run("plan", "--answers", str(path), "--no-save")
    assert result.exit_code == 0, result.stderr
    assert "plan for Zoë" in result.stdout


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "9999-12-31"])
def test_impossible_unquoted_dates_name_the_key(run, write_yaml, date) -> None:
    result = run("plan", "--answers", str(write_yaml("a.yaml", f"meeting_date: {date}\n")))
    assert result.exit_code == 2
    assert "meeting_date" in result.stderr and "Something went wrong" not in result.stderr


def test_yaml_yes_and_no_stay_words_where_words_are_meant() -> None:
    profile = parse_answers("child_name: No\nlanguage: no\nschool: on\n", name="a.yaml")
    assert profile.child_name == "No"
    assert profile.language == "no"  # Norwegian
    assert profile.school == "on"
    assert parse_answers("first_meeting: yes\n", name="a.yaml").first_meeting is True


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.yaml", "child_name: Maya\ngrade: high\nchild_name: Leo\n"),
        ("a.json", '{"child_name": "Maya", "child_name": "Leo"}'),
    ],
)
def test_a_key_given_twice_is_reported(run, tmp_path, name, text) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("plan", "--answers", str(path), "--no-save")
    assert result.exit_code == 2
    assert "child_name" in result.stderr and "twice" in result.stderr


# ----------------------------------------------------------- dates in range (19)


@pytest.mark.parametrize("typed", ["12/31/9999", "1/5/2099", "3/1/2020"])
def test_the_prompt_refuses_dates_no_one_means(typed) -> None:
    with pytest.raises(ValueError, match="check the year"):
        parse_date(typed, today=TODAY)


def test_answers_file_dates_in_range(run, write_yaml) -> None:
    near = write_yaml("near.yaml", {"meeting_date": "2027-03-01"})
    assert run("plan", "--answers", str(near), "--no-save").exit_code == 0
    for far in ("2031-01-01", "2024-06-01"):
        result = run("plan", "--answers", str(write_yaml("far.yaml", {"meeting_date": far})))
        assert result.exit_code == 2 and "check the year" in result.stderr


# ------------------------------------------------------- an answers file to start from (33)


def test_an_answers_file_iepprep_writes_reads_back(run, tmp_path) -> None:
    target = tmp_path / "answers.yaml"
    assert run("plan", "--example", "--format", "answers", "-o", str(target)).exit_code == 0
    result = run("plan", "--answers", str(target), "--no-save")
    assert result.exit_code == 0, result.stderr
    example = run("plan", "--example").stdout
    assert result.stdout.splitlines()[0] == example.splitlines()[0]


def test_the_hint_for_a_wrong_answers_file_offers_that_command(run, write_yaml) -> None:
    result = run("plan", "--answers", str(write_yaml("a.yaml", "- a list\n")))
    assert result.exit_code == 2
    assert "iepprep plan --example --format answers" in result.stderr


# ----------------------------------------------------------- --output targets (14, 28, 37)


def test_dash_means_standard_output(run, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("plan", "--example", "-o", "-")
    assert result.exit_code == 0 and "IEP meeting plan" in result.stdout
    assert not (tmp_path / "-").exists()


def test_devices_are_written_to_not_replaced(run, tmp_path) -> None:
    assert run("plan", "--example", "-o", "/dev/null").exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    if Path("/dev/full").exists():
        result = run("plan", "--example", "-o", "/dev/full")
        assert result.exit_code == 1 and "disk is full" in result.stderr
        assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


@pytest.mark.timeout(20)
def test_a_fifo_output_is_written_to(run, tmp_path) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert run("plan", "--example", "-o", str(fifo)).exit_code == 0
    reader.join()
    assert b"IEP meeting plan" in got[0] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_stdout_reaches_standard_output(run) -> None:
    result = run("plan", "--example", "-f", "markdown", "-o", "/dev/stdout")
    assert result.exit_code == 0 and "# IEP meeting plan" in result.stdout


def test_an_existing_file_keeps_its_mode_links_and_hard_links(tmp_path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    write_output_file(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and mode(target) == 0o644
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_output_file(link, "through the link")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "through the link"
    other_name = tmp_path / "hard.md"
    os.link(target, other_name)
    write_output_file(target, "both names")
    assert other_name.read_text(encoding="utf-8") == "both names"
    fresh = tmp_path / "new.md"
    write_output_file(fresh, "x")
    assert mode(fresh) == 0o600


def test_a_read_only_target_needs_force(run, tmp_path) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    result = run("plan", "--example", "-o", str(target))
    assert result.exit_code == 2 and "read-only" in result.stderr and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    assert run("plan", "--example", "-o", str(target), "--force").exit_code == 0
    assert "IEP meeting plan" in target.read_text(encoding="utf-8") and mode(target) == 0o444
    with pytest.raises(InputError):
        write_output_file(target, "again")


def test_a_temporary_file_left_beside_an_output_is_cleaned(tmp_path) -> None:
    stale = tmp_path / ".k.pdf.abcd1234.tmp"
    stale.write_bytes(b"%PDF half")
    os.utime(stale, (0, 0))
    write_output_file(tmp_path / "k.pdf", b"%PDF whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.pdf"]


def test_an_unknown_extension_is_refused(run, tmp_path) -> None:
    result = run("plan", "--example", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and ".docx" in result.stderr
    assert not (tmp_path / "x.docx").exists()
    assert run("plan", "--example", "-o", str(tmp_path / "x.docx"), "-f", "text").exit_code == 0


def test_an_output_in_a_missing_folder_says_so(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist") as raised:  # the user's input
        write_output_file(tmp_path / "no" / "such" / "plan.txt", "x")
    assert raised.value.exit_code == 2


def test_a_calendar_for_another_family_never_shares_uids(run, write_yaml, tmp_path) -> None:
    def uids(name: str, *extra: str) -> set[str]:
        answers = write_yaml(f"{name}.yaml", {"meeting_date": "2026-12-10"})
        out = tmp_path / f"{name}.ics"
        assert run("plan", "--answers", str(answers), "-o", str(out), *extra).exit_code == 0
        text = out.read_text(encoding="utf-8")
        return {line for line in text.splitlines() if line.startswith("UID:")}

    first, second = uids("a"), uids("b", "--no-save")
    assert first and second and not first & second  # no names, still different families
    again = tmp_path / "again.ics"
    assert run("plan", "--from", "1", "-o", str(again)).exit_code == 0
    kept = {line for line in again.read_text(encoding="utf-8").splitlines() if "UID:" in line}
    assert kept == first  # the same saved plan keeps its UIDs


# ------------------------------------------------------------- arguments (22, 41)


def test_non_utf8_bytes_in_a_note_are_kept(run, write_yaml) -> None:
    assert run("plan", "--answers", str(write_yaml("a.yaml", {}))).exit_code == 0
    assert run("notes", "add", os.fsdecode(b"caf\xe9 con leche")).exit_code == 0
    notes = json.loads(run("notes", "list", "-f", "json").stdout)
    assert notes[-1]["text"] == "café con leche"


def test_a_note_may_start_with_a_dash(run, write_yaml) -> None:
    assert run("plan", "--answers", str(write_yaml("a.yaml", {}))).exit_code == 0
    assert run("notes", "add", "-5", "min", "break").exit_code == 0
    assert json.loads(run("notes", "list", "-f", "json").stdout)[-1]["text"] == "-5 min break"


def test_the_same_tips_file_twice_is_read_once(run, write_yaml) -> None:
    tips = write_yaml(
        "t.yaml",
        {"tips": [{"id": "my-own-tip", "title": "Mine", "phase": "before",
                   "topics": ["preparation"], "body": "Bring water.",
                   "why": "Meetings run long.", "source": {"kind": "article", "where": "my own notes"}}]},
    )  # fmt: skip
    result = run("--tips", str(tips), "--tips", str(tips), "tips", "show", "my-own-tip")
    assert result.exit_code == 0, result.stderr


def test_dev_stdout_that_this_user_may_only_write_to(run, monkeypatch) -> None:
    real_access = os.access

    def write_only(path: Any, mode: int, **kwargs: Any) -> bool:
        if str(path) == "/dev/stdout" and mode & os.R_OK:
            return False  # a pipe made by another user, as `sudo -u parent iepprep ... | less`
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", write_only)
    result = run("plan", "--example", "-f", "markdown", "-o", "/dev/stdout")
    assert result.exit_code == 0 and "# IEP meeting plan" in result.stdout


def test_dash_is_standard_output_for_every_command(run) -> None:
    result = run("deadlines", "--consent", "2026-11-02", "--state", "CA", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() and "Wrote" not in result.stderr
