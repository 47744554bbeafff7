"""Shared test helpers: the repository root, the answer keys beside solutions/, headless plotting."""
from pathlib import Path

import matplotlib
import pytest

import yaml

from keyaccount.cases import case_path, with_reference
from keyaccount.course.keys import load_answer_key, load_key_module

matplotlib.use("Agg")  # this process only: kernels started by tests keep Jupyter's inline backend

ROOT = Path(__file__).resolve().parents[1]


def answer_key(assignment: str) -> dict:
    """The instructor's key of ``assignment`` (solutions/<assignment>/answer_key.py)."""
    return load_answer_key(ROOT / "solutions", assignment)


def key_references() -> dict:
    """{exercise case: the reference fields its answer key holds (left out of the shipped case)}."""
    refs = {}
    for folder in sorted((ROOT / "solutions").iterdir()):
        if folder.is_dir():
            for name, reference in getattr(load_key_module(ROOT / "solutions", folder.name), "REFERENCE", {}).items():
                refs[name] = with_reference(refs.get(name, {}), reference)
    return refs


def write_reference_cases(folder: Path) -> Path:
    """The exercise cases as the instructor knows them (shipped facts + key's reference), as files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, reference in key_references().items():
        data = with_reference(yaml.safe_load(case_path(name).read_text(encoding="utf-8")), reference)
        (folder / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture
def root() -> Path:
    return ROOT
