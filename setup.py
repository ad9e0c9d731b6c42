"""The optional C extensions, built when a compiler and Python's headers are there, skipped with
a warning otherwise; the radar then runs their Python code, with the same results:
- radar._native (radar/_native.c, _native_shape.c): shaping a file's tokens, finding candidate pairs;
- radar._walk (radar/_walk.c): the parse stage's tree walk, compiled with the tree-sitter runtime
  vendored in radar/vendor/tree_sitter (the version pinned in pyproject.toml; its README).
Everything else about the package is in pyproject.toml."""
import os

from setuptools import Extension, setup

TREE_SITTER = "radar/vendor/tree_sitter"
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), TREE_SITTER, "VERSION")) as file:
    VERSION = file.read().strip()  # radar._walk walks only trees of this py-tree-sitter (parse.py)
# Symbols stay inside each extension: py-tree-sitter has its own copy of the vendored runtime,
# and _native's two files share plain names (push, sort_unique).
HIDDEN = [] if os.name == "nt" else ["-std=c11", "-fvisibility=hidden"]

setup(ext_modules=[
    Extension("radar._native", ["radar/_native.c", "radar/_native_shape.c"], optional=True,
              extra_compile_args=HIDDEN),
    Extension("radar._walk", ["radar/_walk.c", "radar/_walk_tables.c", f"{TREE_SITTER}/src/lib.c"], optional=True,
              include_dirs=[f"{TREE_SITTER}/include", f"{TREE_SITTER}/src"],
              define_macros=[("_POSIX_C_SOURCE", "200112L"), ("_DEFAULT_SOURCE", None),
                             ("TREE_SITTER_HIDE_SYMBOLS", None), ("TREE_SITTER_VERSION", f'"{VERSION}"')],
              extra_compile_args=HIDDEN),
])
