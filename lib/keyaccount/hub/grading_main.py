"""The grading service's process, run by the hub: ``python -m keyaccount.hub.grading_main HUB_DIR``.

JupyterHub stops if a managed service does not answer within about ten seconds, and importing the
grading engine (nbgrader, the sandbox) takes longer than that on a busy machine. So the port opens first,
with a small application that answers "正在准备"; the grading service (``grading_service``) is imported in
a thread meanwhile and takes over the same port once it is ready. Before the port opens, only tornado and
the kit's package itself (its font set-up) are imported.
"""
import asyncio
import importlib
import json
import logging
import os
import signal
import sys
from pathlib import Path
from urllib.parse import urlparse

from tornado import web
from tornado.httpserver import HTTPServer

MESSAGE = "批改服务正在准备，几秒后就好。"
PAGE = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">'
        f'<title>提交作业</title></head><body style="margin:2em">{MESSAGE}页面会自动刷新。</body></html>')
STARTING = "starting.html"  # PAGE with the web font for its Chinese, written by the hub (grading_service.register)
log = logging.getLogger("keyaccount.submit")


class Starting(web.RequestHandler):
    """Every request until the grading service is ready: a page that reloads itself, or JSON for scripts."""

    def get(self, path):
        if "/api/" in self.request.path:
            return self.busy()
        self.set_header("Cache-Control", "no-store")
        self.finish(self.settings["page"])  # 200: JupyterHub counts an answer below 500 as the service being up

    def post(self, path):
        self.busy()

    def busy(self):
        self.set_status(503)
        self.set_header("Retry-After", "3")
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"status": "starting", "message": MESSAGE}, ensure_ascii=False))


async def main(hub_dir: Path) -> None:
    logging.basicConfig(level=logging.INFO, format="[%(levelname)s %(asctime)s submit] %(message)s")
    task = asyncio.current_task()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)  # how the hub stops its services
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:0"))
    page = hub_dir / STARTING
    server = HTTPServer(web.Application([(r"(.*)", Starting)], page=page.read_text("utf-8") if page.is_file() else PAGE))
    server.listen(url.port, url.hostname)
    log.info("grading service for %s on %s: preparing", hub_dir, url.geturl())
    try:
        service = await asyncio.to_thread(importlib.import_module, "keyaccount.hub.grading_service")
        application = service.app(hub_dir, bool(os.environ.get("KEYACCOUNT_HUB_ISOLATED")))
        server.request_callback = application  # new requests reach the grading service from here on
        log.info("grading service ready")
        grading = application.settings["grading"]
        try:
            await grading.loop()
        finally:
            grading.close()
    except asyncio.CancelledError:
        pass


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
