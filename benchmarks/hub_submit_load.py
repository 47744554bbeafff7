"""Benchmark: N learners submit to the workshop hub's grading service within one minute.

    .venv/bin/python benchmarks/hub_submit_load.py [--learners 100] [--spread 60] [--stock 5]

A real hub on loopback (embedded PostgreSQL gradebook, the ``submit`` service); each simulated
learner logs in through the REST API, has the released exercise saved in their workspace (cycling
right / half right / as released, the tests' cohort) and submits at an even pace over ``--spread``
seconds. Checked: every submission graded, in the gradebook, its feedback in the workspace —
nothing lost. Printed: p50 / p95 / max time from submit to feedback, and the stock path for the
same submissions — ``nbgrader autograde`` + ``generate_feedback`` run for one learner at a time as
each submission arrives (JupyterHub's nbgrader has no grading on submit), per submission on an idle
queue, over ``--stock`` learners — with the ratio. Learners' JupyterLabs are not started (the service
reads the workspace from disk). Run as root, each learner has a system user of their own, as on a real
hub (``keyaccount hub`` never runs learners as root); otherwise they share the hub's user (--no-isolation).
Everything started is stopped at the end, the embedded PostgreSQL too.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

CLONE_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CLONE_ROOT / "tests"))
from course_fixture import benign_cohort  # noqa: E402  (the tests' cohort builder: one home)
from hub_fixture import running_hub  # noqa: E402  (the tests' hub on loopback, stopped afterwards)

from grade_speed import build  # noqa: E402  (a stock-layout course with submissions)
from keyaccount.course import grade  # noqa: E402
from keyaccount.course.nbgrader_run import run_nbgrader  # noqa: E402
from keyaccount.hub.grading_service import FEEDBACK, learner_home  # noqa: E402
from keyaccount.hub.spawner import system_user  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def stock_per_submission(assignment: str, learners: int, tmp: Path) -> float:
    """Seconds per submission for stock nbgrader run once per arriving submission."""
    course = build(tmp / "stock", assignment, learners)
    times = []
    for student in course.students(assignment):
        start = time.perf_counter()
        run_nbgrader(["autograde", assignment, "--create", f"--student={student}", *course.nbgrader_args()],
                     cwd=course.root)
        run_nbgrader(["generate_feedback", assignment, "--force", f"--student={student}", *course.nbgrader_args()],
                     cwd=course.root)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--learners", type=int, default=100)
    p.add_argument("--spread", type=float, default=60, help="seconds over which the submissions arrive")
    p.add_argument("--assignment", default="funnel_forecast")
    p.add_argument("--stock", type=int, default=5, help="learners graded the stock way for the ratio (0: skip)")
    args = p.parse_args()
    assignment = args.assignment
    load_before = os.getloadavg()

    def release(course):
        grade.ensure_released(course, assignment)

    isolate = os.geteuid() == 0
    with tempfile.TemporaryDirectory(prefix="keyaccount-hubload-") as tmp:
        with running_hub(Path(tmp), learners=args.learners, before_start=release, isolate=isolate,
                         submit_limit=1) as hub:  # stops everything it started, the embedded PostgreSQL too
            wall, lost, recorded, delivered, times = load(hub, args, assignment)
        stock = stock_per_submission(assignment, args.stock, Path(tmp)) if args.stock else None
    load_after = os.getloadavg()

    print(f"学员 {args.learners} 人，在 {args.spread:g} 秒内提交 {assignment}；CPU {os.cpu_count()} 核；"
          f"{'每人一个系统账户' if isolate else '学员共用一个系统账户'}")
    print(f"机器负载 load average（1/5/15 分钟）：开始 {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}，"
          f"结束 {load_after[0]:.1f}/{load_after[1]:.1f}/{load_after[2]:.1f}")
    print(f"已批改 {len(times)}/{args.learners}，成绩库里 {recorded}，反馈放进学习文件夹 {delivered}；"
          f"丢失或出错：{'、'.join(lost) or '无'}")
    if times:
        print(f"提交 → 反馈：p50 {percentile(times, .5):.2f} s，p95 {percentile(times, .95):.2f} s，"
              f"最长 {max(times):.2f} s；全部完成用时 {wall:.1f} s")
    if stock and times:
        print(f"stock nbgrader（每份提交单独 autograde + generate_feedback，空闲时）：{stock:.2f} s/份（{args.stock} 份中位数）")
        print(f"比值 stock 每份 / 本服务 p50：{stock / percentile(times, .5):.2f}×；"
              f"stock 排队处理 {args.learners} 份约需 {stock * args.learners:.0f} s，本服务 {wall:.0f} s")
    if lost or recorded != args.learners or delivered != args.learners:
        sys.exit(1)


def load(hub, args, assignment: str):
    """Every learner's saved notebook in their workspace, then the submissions at an even pace; what came back."""
    course = hub.course
    kinds = list(benign_cohort(course.source / assignment, course.release / assignment).values())
    tokens = {}
    for i, account in enumerate(hub.accounts):
        tokens[account] = hub.client.token(account, hub.passwords[account])[1]["token"]
        if hub.setup.isolated:
            system_user(account)  # what the spawner does before a learner's first JupyterLab
        home = learner_home(hub.setup.hub_dir, account, hub.setup.isolated)
        folder = home.home / home.folder / "exercises" / assignment
        folder.mkdir(parents=True)
        for name, nb in kinds[i % len(kinds)].items():
            nbformat.write(nb, folder / name)
        if home.owner:
            for path in (home.home / home.folder, *(home.home / home.folder).rglob("*")):
                os.chown(path, *home.owner)

    results: dict[str, tuple[float, dict]] = {}
    start = time.perf_counter()

    def learner(i: int, account: str) -> None:
        time.sleep(max(0.0, start + i * args.spread / args.learners - time.perf_counter()))
        sent = time.perf_counter()
        status, body = hub.client.api("POST", f"/services/submit/api/submit/{assignment}?wait=900",
                                      token=tokens[account])
        results[account] = (time.perf_counter() - sent, body if status == 200 else {"status": status, "body": body})

    threads = [threading.Thread(target=learner, args=(i, a)) for i, a in enumerate(hub.accounts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start

    lost = [a for a in hub.accounts if results.get(a, (0, {}))[1].get("status") != "graded"]
    with Gradebook(course.db_url) as gb:
        recorded = sum(1 for a in hub.accounts
                       if any(s.student_id == a for s in gb.find_assignment(assignment).submissions))
    homes = [learner_home(hub.setup.hub_dir, a, hub.setup.isolated) for a in hub.accounts]
    delivered = sum((h.home / h.folder / FEEDBACK / assignment / "第1次提交").is_dir() for h in homes)
    times = [results[a][0] for a in hub.accounts if a not in lost]
    return wall, lost, recorded, delivered, times


if __name__ == "__main__":
    main()
