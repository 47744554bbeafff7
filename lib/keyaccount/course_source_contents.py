"""JupyterLab's contents manager for the course source (``make lab``): lessons open unmodified, files stay as committed.

JupyterLab writes the kernel's ``language_info`` into a notebook the moment its kernel starts, so an
output-free lesson committed with only ``{"name": "python"}`` was marked modified on opening. The
course source is not rewritten on disk (``keyaccount start`` does that for a learner's copy):
instead a notebook is served with this kernel's ``language_info`` (jupyter_settings.prepare), and
a saved one is written back with the committed ``COMMITTED_LANGUAGE_INFO``, so a maintainer's diff
shows only what they changed.
"""
from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager

from keyaccount.jupyter_settings import COMMITTED_LANGUAGE_INFO, prepare


class CourseSourceContents(AsyncLargeFileManager):
    """The stock contents manager, serving and saving notebooks as described above."""

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model["type"] == "notebook" and content:
            prepare(model["content"])
        return model

    async def save(self, model, path=""):
        if model.get("type") == "notebook" and model.get("content"):
            metadata = model["content"].setdefault("metadata", {})
            if metadata.get("language_info", {}).get("name") == COMMITTED_LANGUAGE_INFO["name"]:
                metadata["language_info"] = dict(COMMITTED_LANGUAGE_INFO)
        return await super().save(model, path)
