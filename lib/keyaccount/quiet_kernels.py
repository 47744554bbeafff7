"""Kernel managers that shut an idle kernel down without interrupting it first.

jupyter_client interrupts (SIGINT) every kernel it shuts down, busy or not, and only then asks it to
shut down. When the signal lands while ipykernel is handling a message, ipykernel logs
"KeyboardInterrupt caught in kernel" on the terminal of papermill, ``make slides`` or JupyterLab,
though nothing was interrupted. An idle kernel needs no interrupt to shut down: the kit's managers
leave it out. A kernel that is busy still gets it where its state is known (JupyterLab's kernels,
server_extension.QuietServerKernelManager); a notebook run's kernel is shut down after its last cell,
and one stuck in a cell is killed after ``shutdown_wait_time`` as before.
"""
from jupyter_client.manager import AsyncKernelManager


class NoInterruptAtShutdown:
    """Mixin for a jupyter_client KernelManager: no interrupt before shutting down an idle kernel."""

    def busy(self) -> bool:
        """Whether the kernel is known to be running code (unknown here: no)."""
        return False

    async def _async_interrupt_kernel(self) -> None:
        if self.shutting_down and not self.busy():  # jupyter_client's interrupt-before-shutdown
            return
        await super()._async_interrupt_kernel()


class QuietKernelManager(NoInterruptAtShutdown, AsyncKernelManager):
    """nbclient's kernel manager (papermill, nbgrader, the self-check) without the needless interrupt."""
