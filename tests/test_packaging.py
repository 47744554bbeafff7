"""pyproject.toml is the one dependency list; environment.yml and constraints.txt agree with it."""
import re
import tomllib

import yaml
from packaging.requirements import Requirement


def pyproject(root):
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_environment_yml_lists_the_same_dependencies(root):
    project = pyproject(root)
    wanted = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    pip_lists = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    listed = {line for line in pip_lists[0] if not line.startswith("-e")}
    assert listed == wanted
    assert "python=3.11" in env["dependencies"]


def test_every_dependency_is_pinned_in_constraints(root):
    pins = {}
    for line in (root / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            req = Requirement(line)
            pins[req.name.lower().replace("_", "-")] = req
    project = pyproject(root)
    for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
        req = Requirement(dep)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in constraints.txt"
        version = re.sub(r"^==", "", str(pins[name].specifier))
        assert req.specifier.contains(version, prereleases=True), f"{name} pin {version} outside {req.specifier}"


def test_package_imports_and_has_no_runtime_folders_tracked(root):
    import subprocess
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True).stdout.split()
    bad = [p for p in tracked if p.startswith(("course_runtime/", ".venv/")) or p.endswith(".db")
           or ".ipynb_checkpoints" in p]
    assert bad == []
