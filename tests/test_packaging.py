"""The wheel `pip install .` builds holds every module and data file the radar reads: the
Quick start installs it that way, not as the editable install the tests run from."""
import fnmatch
import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_source_and_data_file_is_in_a_packaged_folder_or_declared_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = set(find_packages(str(ROOT), **config["packages"]["find"]))
    data = config["package-data"]
    missing = []
    for top in ("radar", "dashboard"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.suffix not in (".py", ".yaml", ".json") or "__pycache__" in path.parts:
                continue
            relative = path.relative_to(ROOT)
            owner = ".".join(relative.parent.parts)
            in_package = owner in packages and (path.suffix == ".py" or any(
                fnmatch.fnmatch(path.name, glob) for glob in data.get(owner, ())))
            as_data = any(package in packages and fnmatch.fnmatch(relative.as_posix(), f"{package.replace('.', '/')}/{glob}")
                          for package, globs in data.items() for glob in globs)
            if not (in_package or as_data):
                missing.append(relative.as_posix())
    assert missing == []
