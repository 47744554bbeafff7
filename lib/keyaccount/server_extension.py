"""A Jupyter server extension: this environment's ``bin/`` on the server's PATH, and a quiet server log.

Enabled for every Jupyter server of the environment the kit is installed into (the wheel installs
``etc/jupyter/jupyter_server_config.d/keyaccount.json``), so nbgrader's formgrader finds ``alembic``
however the server was started: ``make lab``, ``keyaccount start``, a plain ``jupyter lab`` or a hub.

It also holds the kernel manager the kit's server launches use (``QuietServerKernelManager``:
jupyter_settings.SERVER_KERNEL_MANAGER).

Two warnings of the stock stack are about nothing the kit or a learner can change, and are dropped:
- ``ServerApp.token config is deprecated``: notebook_shim reads every trait of the server, the old one
  too; the token itself is given as ``IdentityProvider.token``. Ignored from this extension's link on,
  which comes after every extension is imported (voila's import asks to show traitlets' warnings) and
  before notebook_shim is linked.
- ``The websocket_ping_timeout (90000) cannot be longer than the websocket_ping_interval (30000)``:
  tornado ≥ 6.5 reads jupyter_server's keep-alive settings (milliseconds) as its own (seconds).
  jupyter_server's own pings, which keep the connection alive, are unchanged; setting the timeout to
  the interval would silence tornado but make jupyter_server close a live connection on a late ping.
"""
import logging
import warnings

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager

from keyaccount.course.nbgrader_run import use_this_environment
from keyaccount.quiet_kernels import NoInterruptAtShutdown


def _not_tornados_ping_misreading(record: logging.LogRecord) -> bool:
    return "cannot be longer than the websocket_ping_interval" not in record.getMessage()


class QuietServerKernelManager(NoInterruptAtShutdown, ServerKernelManager):
    """JupyterLab's kernel manager: a kernel shut down while idle is not interrupted first (quiet_kernels)."""

    def busy(self) -> bool:
        return self.execution_state == "busy"


def _jupyter_server_extension_points():
    return [{"module": "keyaccount.server_extension"}]


def _link_jupyter_server_extension(server_app):
    warnings.filterwarnings("ignore", message="ServerApp.token config is deprecated", category=DeprecationWarning)


def _load_jupyter_server_extension(server_app):
    use_this_environment()
    logging.getLogger("tornado.general").addFilter(_not_tornados_ping_misreading)
