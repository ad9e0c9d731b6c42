"""reading.py: which files a pass reads, and the content ids it files them under."""
from radar.stages.reading import FileWork, content_ids


def test_a_file_named_as_a_generators_output_is_skipped_and_the_files_after_it_keep_their_own_content(tmp_path):
    """A generated name must not shift the content ids of the files listed after it (orleans'
    `Resources.Designer.cs` had bound `MessagePackCodec.cs`'s shapes to `IsExternalInit.cs`)."""
    (tmp_path / "outside.py").write_text("def f():\n    return 1\n")
    works = [FileWork("a", "Resources.Designer.cs", str(tmp_path / "Resources.Designer.cs"), "csharp", "b" * 40),
             FileWork("a", "IsExternalInit.cs", str(tmp_path / "IsExternalInit.cs"), "csharp", "c" * 40),
             FileWork("a", "outside.py", str(tmp_path / "outside.py"), "python", None)]
    ids = content_ids(works)
    assert ids[:2] == [(None, "generated"), ("c" * 40, None)]
    assert len(ids) == 3 and ids[2][0] is not None and ids[2][1] is None


def test_a_declaration_file_is_skipped_by_its_name_before_any_read(tmp_path):
    """TypeScript's `.d.ts` files are types, no code: named, not read (none exists here)."""
    works = [FileWork("a", "types/index.d.ts", str(tmp_path / "absent.d.ts"), "typescript", None),
             FileWork("a", "src/index.ts", str(tmp_path / "absent.ts"), "typescript", None)]
    assert content_ids(works) == [(None, "declarations"), (None, "unreadable")]
