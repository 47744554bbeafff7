"""A Jupyter server extension that puts this environment's ``bin/`` on the server's PATH.

Enabled for every Jupyter server of the environment the kit is installed into (the wheel installs
``etc/jupyter/jupyter_server_config.d/keyaccount.json``), so nbgrader's formgrader finds ``alembic``
however the server was started: ``make lab``, ``keyaccount start``, a plain ``jupyter lab`` or a hub.
"""
from keyaccount.course.nbgrader_run import use_this_environment


def _jupyter_server_extension_points():
    return [{"module": "keyaccount.server_extension"}]


def _load_jupyter_server_extension(server_app):
    use_this_environment()
