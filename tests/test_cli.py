"""The command line: exit codes and messages a script can rely on."""
import pytest

from radar.cli import Exit, main


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and "radar" in capsys.readouterr().out


def test_explain_and_export_without_a_snapshot_say_how_to_get_one(tmp_path, capsys):
    assert main(["explain", "C-123456", "--out", str(tmp_path)]) == Exit.USAGE
    assert "radar scan" in capsys.readouterr().err
    assert main(["export", "--format", "sarif", "--out", str(tmp_path)]) == Exit.USAGE


def test_a_missing_repository_is_bad_usage(tmp_path, capsys):
    assert main(["scan", "--repo", str(tmp_path / "nope"), "--rules", str(tmp_path),
                 "--out", str(tmp_path / "out"), "--quiet"]) == Exit.USAGE
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_bad_rules_file_names_file_line_and_key(tmp_path, capsys):
    (tmp_path / "radar.yaml").write_text("gate:\n  min_similarity: high\n")
    assert main(["scan", "--repo", str(tmp_path), "--rules", str(tmp_path), "--out", str(tmp_path / "o")]) == Exit.USAGE
    error = capsys.readouterr().err
    assert "radar.yaml:2" in error and "gate.min_similarity" in error


def test_watch_rejects_a_bad_interval(tmp_path, capsys):
    assert main(["watch", "--repo", str(tmp_path), "--rules", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--every", "soon"]) == Exit.USAGE
    assert "--every" in capsys.readouterr().err


def test_bad_jobs_is_bad_usage(tmp_path):
    assert main(["scan", "--repo", str(tmp_path), "--rules", str(tmp_path), "--out", str(tmp_path / "o"),
                 "--jobs", "-1"]) == Exit.USAGE
