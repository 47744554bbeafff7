"""deploy/ (Zero to JupyterHub on Kubernetes) agrees with the code: the values pass the chart's own schema,
hub.extraConfig runs and sets up the roster's accounts, what it and the images name exists, the Dockerfile
installs extras pyproject has and builds the wheel from the files the wheel needs. No cluster is involved:
see deploy/README.md for what was and was not run."""
import csv
import importlib
import json
import os
import re
import subprocess
import sys
import tomllib
from types import SimpleNamespace

import jsonschema
import pytest
import yaml
from tornado import web
from traitlets.config import Config

from conftest import ROOT
from keyaccount import workspace
from keyaccount.hub import k8s
from keyaccount.hub.accounts import PASSWORDS
from keyaccount.hub.auth import refuse_initial_password

DEPLOY = ROOT / "deploy"
CHART = DEPLOY / "z2jh" / "chart-4.4.0"  # the chart's default values and schema, as published
ROSTER = "姓名,账号,分组\n王芳,wangfang,华东\n李雷,lilei,华北\n"


def merged(defaults: dict, override: dict) -> dict:
    """Helm's merge of values files: maps merge key by key, anything else is replaced."""
    out = dict(defaults)
    for key, value in override.items():
        both = isinstance(value, dict) and isinstance(defaults.get(key), dict)
        out[key] = merged(defaults[key], value) if both else value
    return out


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text(encoding="utf-8"))


def test_the_values_pass_the_charts_schema(values):
    schema = json.loads((CHART / "values.schema.json").read_text())
    chart = yaml.safe_load((CHART / "values.yaml").read_text())
    roster = {"hub": {"extraFiles": {"roster": {"stringData": ROSTER}}}}  # helm --set-file, as the guide says
    jsonschema.validate(merged(merged(chart, values), roster), schema)
    with pytest.raises(jsonschema.ValidationError):  # the schema does catch a misspelt key
        jsonschema.validate(merged(merged(chart, values), {"hub": {"extraconfig": {}}}), schema)


def test_hub_extra_config_sets_up_the_rosters_accounts(values, tmp_path):
    mounts = {m["name"]: m["mountPath"] for m in values["hub"]["extraVolumeMounts"]}
    roster_path = values["hub"]["extraFiles"]["roster"]["mountPath"]
    source = values["hub"]["extraConfig"]["keyaccount"]
    assert f'course="{mounts["course"]}"' in source and f'roster="{roster_path}"' in source
    course, roster = tmp_path / "course", tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    c = Config()
    code = compile(source.replace(mounts["course"], str(course)).replace(roster_path, str(roster)), "extraConfig", "exec")
    exec(code, {"c": c})  # as Z2JH's jupyterhub_config.py runs each hub.extraConfig entry

    assert c.Authenticator.allowed_users == {"wangfang", "lilei"} and c.Authenticator.admin_users == {"trainer"}
    module, _, name = c.JupyterHub.authenticator_class.rpartition(".")
    assert getattr(importlib.import_module(module), name).__name__ == "WorkshopAuthenticator"
    assert (course / "hub").stat().st_mode & 0o777 == 0o700
    passwords = course / "hub" / PASSWORDS
    assert passwords.stat().st_mode & 0o777 == 0o600
    with passwords.open(encoding="utf-8-sig") as handle:
        assert {row["账号"] for row in csv.DictReader(handle)} == {"trainer", "wangfang", "lilei"}
    assert c.KubeSpawner.notebook_dir.startswith(values["singleuser"]["storage"]["homeMountPath"] + "/")
    assert c.KubeSpawner.default_url == f"/lab/tree/{workspace.INDEX}"
    assert c.KubeSpawner.pre_spawn_hook is refuse_initial_password


@pytest.mark.parametrize("initial", [True, False])
def test_no_jupyterlab_before_the_initial_password_is_changed(initial):
    spawner = SimpleNamespace(user=SimpleNamespace(name="wangfang"),
                              authenticator=SimpleNamespace(still_initial=lambda account: initial))
    if initial:
        with pytest.raises(web.HTTPError) as refused:
            refuse_initial_password(spawner)
        assert refused.value.status_code == 403 and "修改初始密码" in refused.value.log_message
    else:
        refuse_initial_password(spawner)


def test_the_learners_pod_command_makes_the_workspace_then_starts_the_lab(values, tmp_path):
    cmd = values["singleuser"]["cmd"]
    assert cmd[:3] == ["python", "-m", "keyaccount.hub.k8s"]
    env = {**os.environ, "HOME": str(tmp_path)}
    probe = [sys.executable, "-c", "import os; print('lab starts in', os.getcwd())"]
    ran = subprocess.run([sys.executable, "-m", "keyaccount.hub.k8s", *probe], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert "lab starts in" in ran.stdout
    assert (tmp_path / workspace.FOLDER_NAME / workspace.INDEX).is_file()


def test_the_dockerfile_installs_the_kit_as_the_values_run_it(values):
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(re.findall(r'\[(\w+)\]"', dockerfile))
    assert extras == {"hub"} and extras <= set(pyproject["project"]["optional-dependencies"])
    stages = set(re.findall(r"^FROM \S+ AS (\w+)$", dockerfile, re.MULTILINE))
    assert {"singleuser", "hub"} <= stages
    assert f"k8s-hub:{CHART.name.removeprefix('chart-')} AS hub" in dockerfile, "the hub image matches the chart"
    assert f"CMD {json.dumps(values['singleuser']['cmd'])}" in dockerfile
    image = values["singleuser"]["image"]["name"].rsplit("/", 1)[1]
    assert f"{image}:" in dockerfile and values["hub"]["image"]["name"].rsplit("/", 1)[1] in dockerfile


def test_the_docker_build_context_keeps_what_the_wheel_needs():
    """Everything the wheel is built from passes the .dockerignore; the course source does not."""
    kept = {line[1:].rstrip("/") for line in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
            if line.startswith("!")}
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    needed = {"pyproject.toml", "constraints.txt", "README.md", *build["wheel"]["only-include"],
              *(path.split("/")[0] for path in build["wheel"]["shared-data"])}
    assert not [path for path in needed if not any(path == k or path.startswith(k + "/") for k in kept)]
    assert "solutions" not in kept
