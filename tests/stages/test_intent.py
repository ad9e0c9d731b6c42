"""intent.py: which units the file says are copies kept on purpose, as a pass reads them."""
from __future__ import annotations

from radar.stages.analyse import _bind, analyse_bytes
from radar.stages.reading import FileWork

PIPELINE = '''
class Pipeline:
    # Copied from diffusers.pipelines.base.Pipeline.encode_prompt
    def encode_prompt(self, prompt):
        tokens = self.tokenizer(prompt)
        return self.encoder(tokens)

    @torch.no_grad()
    # Copied from diffusers.pipelines.base.Pipeline.decode
    def decode(self, latents):
        return self.vae.decode(latents)

    def __call__(self, prompt):
        # copied from the docs, this comment marks nothing
        return self.decode(self.encode_prompt(prompt))


# Copied from diffusers.pipelines.base.Helper
class Helper:
    def run(self):
        return 1
'''


def copied(source: str, language: str = "python", path: str = "pkg/pipe.py") -> dict[str, bool]:
    """Each unit's mark, the file read as a pass reads it."""
    work = FileWork("x", path, "/nonexistent", language, None)
    return {shape.name: shape.copied for shape in _bind(work, analyse_bytes(source.encode(), language)).shapes
            if shape.kind != "block"}


def test_a_copied_from_comment_above_a_unit_or_among_its_decorators_marks_it_a_copy_kept_on_purpose():
    marks = copied(PIPELINE)
    assert marks["encode_prompt"] and marks["decode"]
    assert not marks["__call__"] and not marks["Pipeline"]  # a comment inside, and most of the class is its own
    assert marks["Helper"] and marks["run"]  # a class copied whole copies its methods
    assert not marks["pipe.py"]


def test_a_class_made_mostly_of_copied_methods_is_a_copy_and_a_file_without_the_words_has_none():
    mostly = PIPELINE.replace("""    def __call__(self, prompt):
        # copied from the docs, this comment marks nothing
        return self.decode(self.encode_prompt(prompt))
""", "")
    assert copied(mostly)["Pipeline"]
    assert not any(copied(PIPELINE.replace("Copied from", "Taken from")).values())


def test_a_duplicate_detector_told_to_leave_a_copy_be_marks_it_kept_on_purpose():
    """grype's eight VEX and EOL processors, `package processors // nolint:dupl`: the team saw the
    copies and kept them. At a file's head the mark is every unit's; above a unit, that unit's."""
    processor = ("package processors // nolint:dupl\n\nimport \"io\"\n\n"
                 "type eolProcessor struct{}\n\nfunc (p eolProcessor) Process(r io.Reader) error {\n\treturn nil\n}\n")
    assert all(copied(processor, "go", "processors/eol.go").values())
    lint = "package x\n\n//nolint:dupl // kept apart on purpose\nfunc A() int {\n\treturn 1\n}\n\nfunc B() int {\n\treturn 2\n}\n"
    marks = copied(lint, "go", "x/x.go")
    assert marks["A"] and not marks["B"]
    plain = processor.replace("// nolint:dupl", "// nolint:errcheck")
    assert not any(copied(plain, "go", "processors/eol.go").values())
    pylint = "# pylint: disable=duplicate-code\ndef run(x):\n    return x.go()\n"
    assert copied(pylint, "python", "pkg/run.py")["run"]


FILE_IO = """package org.apache.paimon.azure;

/**
 * Hadoop {@link FileIO}.
 *
 * <p>Important: copy this class from HadoopFileIO here to avoid class loader conflicts.
 */
public abstract class HadoopCompliantFileIO implements FileIO {
    public long size() { return 1; }
}

/** Copies the bytes from the stream, which says nothing of where this class comes from. */
class Streams {
    void copy() { }
}
"""


def test_a_copy_said_so_in_the_doc_comment_above_is_a_copy_kept_on_purpose():
    """paimon: each filesystem's `HadoopCompliantFileIO`, "copy this class from HadoopFileIO here
    to avoid class loader conflicts" in its Javadoc: its inner `HadoopSeekableInputStream` x 8 had
    been proposed first. A doc saying a method copies bytes marks nothing."""
    marks = copied(FILE_IO, "java", "azure/HadoopCompliantFileIO.java")
    assert marks["HadoopCompliantFileIO"] and marks["size"]
    assert not marks["Streams"] and not marks["copy"]


GENERATED_MODEL = """package io.nop.ai.agent.model._gen;

import io.nop.core.lang.json.IJsonHandler;

// tell cpd to start ignoring code - CPD-OFF
/**
 * generate from /nop/schema/ai/agent.xdef
 */
public abstract class _TeamModel extends AbstractModel {
    public void freeze(boolean cascade) { if (frozen()) return; super.freeze(cascade); }
}
"""


def test_a_duplicate_detector_silenced_in_the_comments_above_a_unit_marks_it_kept_on_purpose():
    """nop-entropy: its 1,304 generated `_gen/_*Model.java` open with `// tell cpd to start
    ignoring code - CPD-OFF` right above the class's Javadoc; read as that doc's first line, the
    mark had been missed and their `freeze` x 28 was its first proposal."""
    marks = copied(GENERATED_MODEL, "java", "model/_gen/_TeamModel.java")
    assert marks["_TeamModel"] and marks["freeze"]
    assert not any(copied(GENERATED_MODEL.replace("CPD-OFF", "ready"), "java", "model/_gen/_TeamModel.java").values())
