"""The lines a kit command must never print (the one list every quietness test uses)."""

NOISE = (
    "Kernel is running over TCP without encryption",  # a kernel without the kit's kernel_config
    "is not trusted",  # a lesson opened in JupyterLab without being signed
    "cannot be longer than the websocket_ping_interval",  # tornado reading jupyter_server's ms as seconds
    "DeprecationWarning",  # e.g. "ServerApp.token config is deprecated"
    "No nbgrader_config.py file found",  # nbgrader (Validate) without the kit's config
    "KeyboardInterrupt caught in kernel",  # an idle kernel interrupted on its way out (keyaccount.quiet_kernels)
)


def noise(printed: str) -> list[str]:
    """The lines of ``printed`` that hold any of the NOISE."""
    return [line for line in printed.splitlines() if any(part in line for part in NOISE)]
