"""The optional C extension (radar/_native.c): built when a compiler and Python's headers are
there, skipped with a warning otherwise; the radar then shapes in Python, with the same results.
Everything else about the package is in pyproject.toml."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("radar._native", ["radar/_native.c"], optional=True)])
