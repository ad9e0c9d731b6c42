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


def _works(paths: list[str], tmp_path) -> list[FileWork]:
    return [FileWork("a", path, str(tmp_path / path), "javascript", "b" * 40) for path in paths]


def test_javascript_compiled_beside_its_typescript_is_skipped_as_generated(tmp_path):
    """YetaWF-Modules commits each module's `.js` beside the `.ts` it compiles from: tsc's helper
    `extendStatics`, in every one, had been its first proposal. Its one hand-written script stays."""
    paths = [f"Mod{n}/Addons/Main{n}.{suffix}" for n in range(12) for suffix in ("ts", "js")] + ["Mod0/Scripts/own.js"]
    ids = content_ids(_works(paths, tmp_path))
    assert [why for (_, why), path in zip(ids, paths) if path.endswith(".js")] == ["generated"] * 12 + [None]
    assert all(why is None for (_, why), path in zip(ids, paths) if path.endswith(".ts"))


def test_a_few_scripts_beside_typescript_of_their_name_are_read(tmp_path):
    """koku-ui's two `testEnv.js` are other code than the `testEnv.ts` beside them, among its 33
    scripts; and a `.d.ts` is no script's source."""
    paths = [f"apps/a{n}/test/testEnv.{suffix}" for n in range(2) for suffix in ("ts", "js")]
    paths += [f"apps/a0/src/page{n}.js" for n in range(31)] + [f"types/lib{n}.{suffix}" for n in range(12)
                                                                for suffix in ("d.ts", "js")]
    assert all(why is None for (_, why), path in zip(content_ids(_works(paths, tmp_path)), paths) if path.endswith(".js"))
