"""Submit → graded in seconds: the hub's ``submit`` service (JupyterHub managed service, HubOAuth).

A logged-in learner opens ``/services/submit/``: released exercises their workspace lacks are copied in
(never over a file of theirs), and the page lists their released assignments with submissions used
of the trainer's limit, the last score and the feedback, and a 提交 button. Submitting reads the
learner's SAVED notebooks from their workspace (``learner_files``: no symlink, no special file, no
path out of it), copies them to the course's ``submitted/<account>/<assignment>/`` with a timestamp
and queues them. One grading loop takes every queued submission of an assignment at once and runs
the grading engine on them (``keyaccount.course.grade.grade``: its sandbox, its worker pool, the
PostgreSQL gradebook, its feedback), then copies each learner's feedback into a new folder
``反馈/<assignment>/第N次提交`` of their workspace. Queued rows are kept in ``submissions.sqlite``
and graded after a restart, so no submission is lost. ``api/…`` answers the same in JSON for scripts.

Run by the hub through ``grading_main`` (its port opens before this module is imported; ``register`` adds it
to the config).
"""
import asyncio
import logging
import os
import pwd
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from nbgrader.api import Gradebook, MissingEntry
from tornado import web
from tornado.ioloop import IOLoop

from keyaccount import webfont, workspace
from keyaccount.course import grade
from keyaccount.course.layout import Course
from keyaccount.hub import grading_main, submissions, submit_page
from keyaccount.hub.lab_menu import lab_args
from keyaccount.hub.learner_files import LearnerHome, RefusedFile
from keyaccount.hub.released import released_files
from keyaccount.hub.spawner import USER_PREFIX
from keyaccount.hub.submissions import FAILED, GRADED, QUEUED, Store

NAME = "submit"
FEEDBACK = "反馈"
WAIT = 30  # seconds a submit request waits for its grade before answering "正在批改"
BATCH = 64  # most submissions of one assignment graded in one engine run
log = logging.getLogger("keyaccount.submit")


def register(c, hub_dir: Path, settings: dict, isolated: bool) -> None:
    """Add the grading service to the JupyterHub config ``c``: every learner may use it."""
    c.JupyterHub.services.append({
        "name": NAME, "url": f"http://127.0.0.1:{settings['submit_port']}", "display": True,
        "command": [sys.executable, "-m", "keyaccount.hub.grading_main", str(hub_dir)],
        "environment": {"KEYACCOUNT_HUB_ISOLATED": "1" if isolated else ""}, "oauth_no_confirm": True})
    roles = list(c.JupyterHub.get("load_roles", []))
    user = next((r for r in roles if r["name"] == "user"), None)
    if user is None:
        user = {"name": "user", "scopes": ["self"]}
        roles.append(user)
    user["scopes"] = [*user.get("scopes", []), f"access:services!service={NAME}"]
    c.JupyterHub.load_roles = roles
    c.WorkshopSpawner.release = str(Course.at(Path(hub_dir).parent).release)  # released exercises → workspaces
    write_starting_page(hub_dir)
    c.Spawner.args = [*c.Spawner.args, *lab_args(f"/services/{NAME}/")]  # the 提交作业 menu in JupyterLab


def write_starting_page(hub_dir: Path) -> None:
    """grading_main's '正在准备' page with the web font for its Chinese (it answers before fontTools is loaded)."""
    (Path(hub_dir) / grading_main.STARTING).write_text(webfont.embed(grading_main.PAGE), encoding="utf-8")


def learner_home(hub_dir: Path, account: str, isolated: bool) -> LearnerHome:
    """Where the spawner put the learner's workspace (see WorkshopSpawner.home)."""
    if isolated:
        entry = pwd.getpwnam(USER_PREFIX + account)
        return LearnerHome(Path(entry.pw_dir), workspace.FOLDER_NAME, (entry.pw_uid, entry.pw_gid))
    return LearnerHome(Path(hub_dir) / "workspaces" / account, workspace.FOLDER_NAME)


class Grading:
    """The intake, the queue and the one grading loop of a hub's course."""

    def __init__(self, hub_dir: Path, isolated: bool):
        self.hub_dir = Path(hub_dir)
        self.course = Course.at(self.hub_dir.parent)
        self.isolated = isolated
        self.store = Store(self.hub_dir)
        self.wakeup = asyncio.Event()
        self.done: dict[int, asyncio.Event] = {}
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="grading")
        self.box = None  # the engine's sandbox, kept open between runs: a submission waits for no warm-up

    def assignments(self) -> dict[str, list[str]]:
        """Released assignments (the course's release/, as ``keyaccount release`` makes it) → notebooks."""
        if not self.course.release.is_dir():
            return {}
        return {d.name: self.course.notebook_names(d.name) for d in sorted(self.course.release.iterdir())
                if d.is_dir() and any(d.glob("*.ipynb")) and (self.course.source / d.name).is_dir()}

    def view(self, account: str, assignment: str, notebooks: list[str]) -> submit_page.AssignmentView:
        rows = self.store.of(account, assignment)
        pending = next((s.id for s in rows if s.status == QUEUED), None)
        ahead = sum(s.id < pending for s in self.store.pending()) if pending else 0
        return submit_page.AssignmentView(assignment, notebooks, submissions.limit(self.hub_dir, assignment), rows, ahead)

    def submit(self, account: str, assignment: str) -> submissions.Submission:
        """Take in the learner's saved notebooks and queue them; RefusedFile (Chinese) when not."""
        notebooks = self.assignments().get(assignment)
        if notebooks is None:
            raise RefusedFile(f"没有发布名为“{assignment}”的练习。")
        view = self.view(account, assignment, notebooks)
        if view.pending:
            raise RefusedFile(f"{assignment} 的上一次提交还在批改：请等它的结果出来再提交。")
        if view.closed:
            raise RefusedFile(f"{assignment} 的 {view.limit} 次提交机会已用完，不能再提交（需要的话请找培训师）。")
        try:
            home = learner_home(self.hub_dir, account, self.isolated)
        except KeyError:
            home = None
        if home is None or not (home.home / home.folder).is_dir():
            raise RefusedFile("你的学习文件夹还没有建好：请先回到首页启动你的服务器（JupyterLab），再提交。")
        if {f"exercises/{assignment}/{nb}" for nb in notebooks} & set(self.deliver(account)):
            raise RefusedFile(f"{assignment} 是刚发布的练习，刚刚放进了你的学习文件夹 exercises/{assignment}/："
                              "请在 JupyterLab 里打开它（文件列表没有的话点一下刷新），做完保存后再提交。")
        files = {nb: home.read(f"exercises/{assignment}/{nb}") for nb in notebooks}
        folder = self.course.submitted / account / assignment
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for nb, data in files.items():
            (folder / nb).write_bytes(data)
        (folder / grade.TIMESTAMP).write_text(datetime.now(timezone.utc).isoformat(" "), encoding="utf-8")
        row = self.store.add(account, assignment)  # the event loop runs one request at a time: no race
        self.done[row.id] = asyncio.Event()
        self.wakeup.set()
        return row

    def deliver(self, account: str) -> list[str]:
        """Copy into the learner's workspace the released files it lacks (an exercise released while their
        JupyterLab runs; the spawner copies releases only when it starts); the paths written."""
        try:
            home = learner_home(self.hub_dir, account, self.isolated)
        except KeyError:
            return []
        if not (home.home / home.folder).is_dir():
            return []
        files = {path: source.read_bytes() for path, source in released_files(self.course.release).items()}
        try:
            return home.add_missing(files)
        except (OSError, RefusedFile) as error:  # e.g. the learner made exercises/ a link: nothing is written
            log.warning("released files not copied for %s: %s", account, error)
            return []

    async def wait(self, submission_id: int, seconds: float) -> submissions.Submission:
        event = self.done.get(submission_id)
        if event is not None:
            try:
                await asyncio.wait_for(event.wait(), seconds)
            except asyncio.TimeoutError:
                pass
        return self.store.get(submission_id)

    async def loop(self) -> None:
        """Grade whatever is queued, one assignment's batch at a time, for as long as the service runs."""
        await IOLoop.current().run_in_executor(self.thread, self._open_box)
        while True:
            pending = self.store.pending()
            if not pending:
                self.wakeup.clear()
                await self.wakeup.wait()
                continue
            assignment = pending[0].assignment
            batch = [s for s in pending if s.assignment == assignment][:BATCH]
            await IOLoop.current().run_in_executor(self.thread, self._grade, assignment, batch)
            for s in batch:
                if s.id in self.done:
                    self.done.pop(s.id).set()

    def _open_box(self) -> None:
        """Start the engine's sandbox, or start it anew when its warm process has ended."""
        if self.box is None or not self.box.alive():
            self.close()
            self.box = grade.sandbox(self.course).__enter__()

    def close(self) -> None:
        if self.box is not None:
            self.box.__exit__(None, None, None)
            self.box = None

    def _grade(self, assignment: str, batch: list[submissions.Submission]) -> None:
        try:
            self._open_box()
            run = grade.grade(self.course, assignment, students=[s.account for s in batch], progress=False,
                              box=self.box)
        except Exception:  # the engine itself failed (not a learner's notebook): nothing is counted
            log.exception("grading %s failed", assignment)
            for s in batch:
                self.store.finish(s.id, FAILED, message="批改出错，这次不计入次数：请告诉培训师。")
            return
        with Gradebook(self.course.db_url) as gb:
            for s in batch:
                if s.account not in run.graded:
                    self.store.finish(s.id, FAILED, message="批改出错，这次不计入次数：请告诉培训师。")
                    continue
                score, most = _automatic_score(gb, assignment, s.account)
                self.store.finish(s.id, GRADED, score, most, self._deliver(s))

    def _deliver(self, s: submissions.Submission) -> str | None:
        """Copy the feedback pages into a new folder of the learner's workspace; its path there."""
        pages = {p.name: p.read_bytes() for p in sorted((self.course.feedback / s.account / s.assignment).glob("*.html"))}
        try:
            home = learner_home(self.hub_dir, s.account, self.isolated)
            return home.write_new(f"{FEEDBACK}/{s.assignment}/第{s.number}次提交", pages)
        except (KeyError, OSError, RefusedFile) as error:  # the score stands; the page shows the feedback
            log.warning("feedback for %s not written into the workspace: %s", s.account, error)
            return None


def _automatic_score(gb: Gradebook, assignment: str, account: str) -> tuple[float, float]:
    """The automatically graded (code) points and their maximum, as recorded in the gradebook."""
    try:
        sub = gb.find_submission(assignment, account)
    except MissingEntry:
        return 0.0, 0.0
    return round(sub.code_score, 2), round(sub.max_code_score, 2)


class Handler(HubOAuthenticated, web.RequestHandler):
    @property
    def grading(self) -> Grading:
        return self.settings["grading"]

    def set_default_headers(self):
        self.set_header("Content-Security-Policy", submit_page.POLICY)
        self.set_header("X-Content-Type-Options", "nosniff")

    def page(self, message=None, status=200) -> None:
        account = self.current_user["name"]
        added = sorted({"/".join(p.split("/")[:2]) for p in self.grading.deliver(account)})
        if added and message is None:
            message = ("ok", f"新发布的练习已经放进你的学习文件夹：{'、'.join(added)}（JupyterLab 的文件列表里没有的话，点一下刷新）。")
        views = [self.grading.view(account, a, nbs) for a, nbs in self.grading.assignments().items()]
        lab = url_path_join(self.settings["base_url"], "user", account, "lab")
        self.set_status(status)
        self.finish(submit_page.render(account, views, message, lab, self.xsrf_form_html(),
                                       refresh=any(v.pending for v in views), prefix=self.settings["prefix"]))


class PageHandler(Handler):
    @web.authenticated
    def get(self):
        self.page()


class SubmitHandler(Handler):
    """The 提交 button: take in, wait for the grade a little, show the page with the result."""

    @web.authenticated
    async def post(self, assignment):
        try:
            row = self.grading.submit(self.current_user["name"], assignment)
        except RefusedFile as refused:
            return self.page(("bad", str(refused)), 400)
        row = await self.grading.wait(row.id, WAIT)
        self.page(_outcome(row))


class ApiSubmitHandler(Handler):
    """``POST api/submit/<assignment>?wait=S``: the submission as JSON (for scripts and tests)."""

    @web.authenticated
    async def post(self, assignment):
        try:
            row = self.grading.submit(self.current_user["name"], assignment)
        except RefusedFile as refused:
            self.set_status(400)
            return self.finish({"status": "refused", "message": str(refused)})
        row = await self.grading.wait(row.id, float(self.get_argument("wait", str(WAIT))))
        self.finish({**row.as_json(), "message": _outcome(row)[1]})


class ApiListHandler(Handler):
    @web.authenticated
    def get(self):
        account = self.current_user["name"]
        self.grading.deliver(account)
        self.finish({a: {"notebooks": nbs, "limit": v.limit, "used": v.used,
                         "submissions": [s.as_json() for s in v.submissions]}
                     for a, nbs in self.grading.assignments().items()
                     for v in [self.grading.view(account, a, nbs)]})


class FeedbackHandler(Handler):
    """The learner's own latest feedback page of an assignment's notebook."""

    @web.authenticated
    def get(self, assignment, stem):
        notebooks = self.grading.assignments().get(assignment, [])
        if f"{stem}.ipynb" not in notebooks:
            raise web.HTTPError(404)
        path = self.grading.course.feedback / self.current_user["name"] / assignment / f"{stem}.html"
        if not path.is_file():
            raise web.HTTPError(404)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Security-Policy", "default-src 'none'; img-src data:; font-src data:; "
                                                   "style-src 'unsafe-inline'")
        self.finish(path.read_bytes())


def _outcome(row: submissions.Submission) -> tuple[str, str]:
    if row.status == GRADED:
        return "ok", (f"第 {row.number} 次提交已批改：得分 {row.score:g} / {row.max_score:g}。"
                      + (f"反馈已放进你的学习文件夹：{row.feedback}" if row.feedback else ""))
    if row.status == FAILED:
        return "bad", row.message or "批改出错。"
    return "wait", f"第 {row.number} 次提交已收到，正在排队批改，页面会自动刷新。"


def app(hub_dir: Path, isolated: bool) -> web.Application:
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{NAME}/")
    name = r"([A-Za-z0-9_.\-]+)"
    return web.Application([
        (prefix, PageHandler),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        (url_path_join(prefix, f"submit/{name}"), SubmitHandler),
        (url_path_join(prefix, f"api/submit/{name}"), ApiSubmitHandler),
        (url_path_join(prefix, "api/assignments"), ApiListHandler),
        (url_path_join(prefix, f"feedback/{name}/{name}\\.html"), FeedbackHandler),
    ], grading=Grading(hub_dir, isolated), cookie_secret=os.urandom(32),  # xsrf: HubOAuth refuses a cookie
        # without its token on a POST (the form carries it), a script's API token needs none
        base_url=os.environ.get("JUPYTERHUB_BASE_URL", "/"), prefix=prefix)
