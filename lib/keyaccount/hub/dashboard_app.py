"""The trainer's live dashboard (the web application of the ``dashboard`` service), for the trainer only.

Per assignment: who has submitted (from the roster), the score distribution, the hardest questions, the
most common wrong answers and who needs help, with the class report's plots; the page polls a small JSON
state and reloads when a grade arrives. CSV/Excel export as ``keyaccount export``. Manual grading opens
formgrader in the trainer's own server, in a tab of its own (JupyterHub ≥ 4.1 forbids it in an iframe).
Who may enter: see ``dashboard``. Everything from a learner (names, answers, notices) is escaped by Jinja.
"""
import argparse
import asyncio
import functools
import json
import os
import secrets
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import jinja2
from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import web
from tornado.httpserver import HTTPServer

from keyaccount.hub.dashboard import NAME

REFRESH_SECONDS = 10  # how often an open page asks whether anything changed
FRESH_SECONDS = 3  # facts computed less than this ago are served again
TEMPLATE = Path(__file__).with_name("dashboard.html")
EXPORTS = {"csv": ("成绩.csv", "text/csv; charset=utf-8"),
           "xlsx": ("成绩.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


class Board:
    """The course's facts per assignment, computed in one worker thread and kept for a few seconds.

    The heavy libraries (pandas, matplotlib, nbgrader, the font tools) are imported in the worker once the
    port is open: the hub stops if a managed service does not answer within about ten seconds."""

    def __init__(self, course_root: Path, hub_dir: Path):
        self.hub_dir = hub_dir
        self.worker = ThreadPoolExecutor(1)
        self.worker.submit(self._load, course_root)
        self.facts: dict[str, tuple[float, dict]] = {}
        self.pictures: dict[str, dict[str, str]] = {}  # version → figures

    def _load(self, course_root: Path) -> None:
        from keyaccount import webfont
        from keyaccount.course import report
        from keyaccount.course.layout import Course
        from keyaccount.hub import dashboard_data
        self.data, self.report, self.webfont = dashboard_data, report, webfont
        self.course = Course.at(course_root)

    async def run(self, func, *args):
        return await asyncio.get_running_loop().run_in_executor(self.worker, func, *args)

    def assignments(self) -> list[str]:
        return self.data.assignments(self.course)

    def latest(self, names: list[str]) -> str:
        """The assignment with the newest submission (the one the class is working on)."""
        def newest(name):
            folders = self.course.submitted.glob(f"*/{name}") if self.course.submitted.is_dir() else []
            return max((p.stat().st_mtime for p in folders), default=0)
        return max(names, key=newest)

    def state(self, assignment: str) -> dict:
        when, facts = self.facts.get(assignment, (0, None))
        if facts is None or time.monotonic() - when > FRESH_SECONDS:
            facts = self.data.snapshot(self.course, self.data.roster(self.hub_dir), assignment)
            facts["updated"] = datetime.now().strftime("%H:%M:%S")
            self.facts[assignment] = (time.monotonic(), facts)
        return facts

    def page(self, template: jinja2.Template, common: str, **values) -> str:
        """The page for ``values["facts"]`` with its figures and the web font for its own characters."""
        facts = values["facts"]
        if facts and facts["version"] not in self.pictures:
            self.pictures = dict(list({facts["version"]: self.data.figures(facts), **self.pictures}.items())[:20])
        page = template.render(pictures=self.pictures[facts["version"]] if facts else {},
                               course=self.course.root.name, **values)
        return self.webfont.embed(page, common=common)

    def export(self, kind: str) -> bytes:
        with tempfile.TemporaryDirectory(prefix="keyaccount-export-") as tmp:
            paths = self.report.export(self.course, Path(tmp))  # the same files as `keyaccount export`
            return next(p for p in paths if p.name == EXPORTS[kind][0]).read_bytes()


class Handler(HubOAuthenticated, web.RequestHandler):
    @property
    def board(self) -> Board:
        return self.settings["board"]

    def set_default_headers(self):
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Referrer-Policy", "no-referrer")

    async def chosen(self) -> tuple[str | None, list[str]]:
        names = await self.board.run(self.board.assignments)
        wanted = self.get_argument("a", None)
        if wanted is not None and wanted not in names:
            raise web.HTTPError(404, f"没有练习 {wanted}")
        return wanted or (await self.board.run(self.board.latest, names) if names else None), names


class PageHandler(Handler):
    @web.authenticated
    async def get(self):
        assignment, names = await self.chosen()
        facts = await self.board.run(self.board.state, assignment) if assignment else None
        nonce = secrets.token_urlsafe(16)
        hub = os.environ.get("JUPYTERHUB_BASE_URL", "/")
        prefix = self.settings["prefix"]
        page = await self.board.run(functools.partial(
            self.board.page, self.settings["template"], self.settings["static_text"],  # its glyphs: cut once
            facts=facts, names=names, assignment=assignment, nonce=nonce, refresh=REFRESH_SECONDS, quote=quote,
            state_url=url_path_join(prefix, "api/state") + (f"?a={quote(assignment)}" if assignment else ""),
            formgrader=url_path_join(hub, "user", self.current_user["name"], "formgrader"),
            hub_home=url_path_join(hub, "hub/home"),
            xsrf=self.xsrf_token.decode()))  # JupyterHub checks it on the page's fetch (not on page views)
        self.set_header("Content-Security-Policy", policy(nonce))
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(page)


class StateHandler(Handler):
    """The facts (no figures) as JSON; the page reloads when ``version`` changes."""

    @web.authenticated
    async def get(self):
        assignment, names = await self.chosen()
        facts = await self.board.run(self.board.state, assignment) if assignment else {"version": "empty"}
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({**facts, "assignments": names}, ensure_ascii=False))


class ExportHandler(Handler):
    @web.authenticated
    async def get(self, kind: str):
        data = await self.board.run(self.board.export, kind)
        filename, mime = EXPORTS[kind]
        self.set_header("Content-Type", mime)
        self.set_header("Content-Disposition", f"attachment; filename=export.{kind}; filename*=UTF-8''{quote(filename)}")
        self.finish(data)


def policy(nonce: str) -> str:
    """Only the page's own nonce'd script, figures and fonts as data: URLs, requests back to the dashboard."""
    return ("default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
            f"script-src 'nonce-{nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


def app(course_root: Path, hub_dir: Path) -> web.Application:
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{NAME}/")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    source = TEMPLATE.read_text(encoding="utf-8")
    return web.Application([
        (prefix, PageHandler),
        (url_path_join(prefix, "api/state"), StateHandler),
        (url_path_join(prefix, r"export/(csv|xlsx)"), ExportHandler),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
    ], board=Board(course_root, hub_dir), template=environment.from_string(source), static_text=source,
        prefix=prefix, cookie_secret=secrets.token_bytes(32))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="培训师看板（JupyterHub 服务）")
    parser.add_argument("--course", required=True)
    parser.add_argument("--hub-dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)

    async def serve():
        HTTPServer(app(Path(args.course), Path(args.hub_dir))).listen(args.port, "127.0.0.1")
        await asyncio.Event().wait()  # until the hub stops the service

    asyncio.run(serve())


if __name__ == "__main__":
    main()
