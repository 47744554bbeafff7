"""``keyaccount``: the learner's workspace and the trainer's course cycle, one command each.

    keyaccount start [文件夹]                        # 学员：建好（或更新）学习文件夹，打开 JupyterLab
    keyaccount course init 课程文件夹                 # 培训师：建一个课程（成绩库、收到的作业都在里面）
    keyaccount release funnel_forecast              # 生成并登记练习，打包发给学员
    keyaccount collect funnel_forecast 收件.zip      # 收作业：文件夹或压缩包
    keyaccount grade funnel_forecast --workers 4    # 并行自动批改并生成反馈
    keyaccount report                               # 成绩、各题难度、需要帮助的学员、提交问题
    keyaccount export --out 成绩                     # CSV 和 Excel
    keyaccount check 我的练习.ipynb                  # 学员自查：每道题的格式和提示（不判对错）
    keyaccount check 我的练习.ipynb --grade          # 有答案表时（仓库里自学）在本机评分
    keyaccount toolbox                              # 学员：在浏览器里打开销售工具箱（自己的客户数据）
    keyaccount slides 01 --case cases/client_a.yaml # 培训师：用客户的案例导出离线幻灯片
    keyaccount run 01 --case cases/client_a.yaml    # 培训师：用客户的案例运行课程，保存带结果的笔记本
    keyaccount hub --roster 名单.xlsx --submit-limit 3  # 培训师：工作坊服务器（学员用浏览器登录、提交）
    keyaccount hub limit funnel_forecast 5          # 培训师：这个练习每人最多提交 5 次
"""
import argparse
import shutil
import sys
from pathlib import Path

from keyaccount import slides, workspace
from keyaccount.course import collect, create, grade, keys, report, selfcheck
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT
from keyaccount.course.nbgrader_run import run_nbgrader
from keyaccount.course.paths import course_root
from keyaccount.lab import run_lab


def _start(args) -> int:
    update = workspace.update(args.folder or workspace.default_folder())
    print(update.summary())
    if args.update_only:
        return 0
    print("正在启动 JupyterLab（第一次要准备中文字体，约半分钟；关闭：在这个窗口按 Ctrl+C）……")
    workspace.prepare_for_lab(update.folder)
    return run_lab(update.folder, args.port, not args.no_browser,
                   env={"KEYACCOUNT_CASES": str(update.folder / "cases")}, learner=True)


def _hub(course: Course, args) -> int:
    try:
        from keyaccount.hub import launch  # JupyterHub is needed only for the workshop server
    except ImportError:
        raise FileNotFoundError("工作坊服务器需要 JupyterHub：请先运行 python -m pip install \"keyaccount[hub]\"。") from None

    if args.roster is None:
        raise ValueError("请用 --roster 给出学员名单（.csv 或 .xlsx）。")
    setup = launch.prepare(course, args.roster, args.port, args.ip, args.trainer, not args.no_isolation, args.db,
                           args.submit_limit)
    print(setup.summary())
    return launch.run(setup)


def _hub_limit(course: Course, args) -> int:
    from keyaccount.hub import submissions

    if not (course.source / args.assignment).is_dir():
        raise FileNotFoundError(f"课程 {course.root} 里没有练习 {args.assignment}。")
    submissions.set_limit(course.root / "hub", args.assignment, args.count)
    print(f"练习 {args.assignment} 每位学员最多提交 {args.count} 次（运行中的服务器立即生效）。")
    return 0


def _course_db(course: Course, args) -> int:
    from keyaccount.course import gradebook_db

    counts = gradebook_db.migrate(course.root, course.db_url, args.to)
    print(f"成绩库已搬到 {args.to}：" + "、".join(f"{name} {n} 行" for name, n in counts.items() if n))
    print(f"原来的 SQLite 文件 {course.db_path} 原样保留（可作备份）。")
    return 0


def _course_init(args) -> int:
    source = args.source or create.find_solutions()
    setup = create.init_course(args.folder, source, args.id)
    print(f"课程文件夹：{setup.course.root}")
    if setup.added:
        print(f"加入练习：{'、'.join(setup.added)}")
    if setup.kept:
        print(f"已有、未改动的练习：{'、'.join(setup.kept)}")
    print(f"之后在这个文件夹里运行 keyaccount release 练习名，或在别处加 --course {setup.course.root}")
    return 0


def _release(course: Course, args) -> int:
    """Generate into the course's own release folder, publish to its exchange, zip for e-mail or a share."""
    if not (course.source / args.assignment).is_dir():
        raise FileNotFoundError(f"课程 {course.root} 里没有练习 {args.assignment}。")
    run_nbgrader(["generate_assignment", args.assignment, "--force", *course.nbgrader_args()], course.root)
    run_nbgrader(["release_assignment", args.assignment, "--force", *course.nbgrader_args()], course.root)
    archive = shutil.make_archive(str(course.release / args.assignment), "zip", course.release, args.assignment)
    print(f"已发布练习 {args.assignment}（学员在 JupyterLab 的“作业列表”里可以领取）。发给学员的压缩包：{archive}")
    return 0


def _collect(course: Course, args) -> int:
    try:
        result = collect.collect(course, args.assignment, Path(args.incoming))
    except collect.CollectError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2
    print(f"已收取 {len(result.stored)} 位学员的作业：{'、'.join(result.stored) or '无'}")
    for note in result.versions:
        print(f"  ⚠ {note}")
    for path in result.unplaced:
        print(f"  ⚠ 无法判断是谁的作业：{path}（请按“学员名/笔记本”或“学员名_笔记本名”放好）")
    for name in result.refused:
        print(f"  ⚠ 拒收不安全的条目：{name}（路径指向收件文件夹之外）")
    return 0


def _grade(course: Course, args) -> int:
    run = grade.grade(course, args.assignment, workers=args.workers, timeout=args.timeout,
                      students=args.student or None)
    print(f"已批改 {len(run.graded)} 位，其中 {len(run.failed)} 位有笔记本无法批改（记 0 分）。反馈在 {course.feedback}")
    if run.isolation_note:
        print(run.isolation_note)
    for student, messages in sorted(run.notices.items()):
        for message in messages:
            print(f"  ⚠ {student}：{message}")
    return 0


def _report(course: Course, args) -> int:
    table = report.scores(course, args.assignment or None)
    if table.empty:
        print("还没有成绩：请先 keyaccount grade。")
        return 0
    print(table.drop(columns="说明").to_string(index=False))
    print("\n各题难度（平均得分率，低 = 难）：")
    print(report.difficulty(report.questions(course, args.assignment or None)).to_string(index=False))
    help_ = report.need_help(table)
    print(f"\n需要帮助的学员（得分率低于 60% 或未提交）：{'、'.join(sorted(set(help_['学员']))) or '无'}")
    problems = table[table["说明"].astype(bool)]
    if not problems.empty:
        print("\n提交问题：")
        for row in problems.itertuples():
            print(f"  {row.学员}（{row.练习}）：{row.说明}")
    if args.html:
        for path in report.render_class_report(course, course.runtime / "report", args.assignment or None):
            print(f"已生成 {path}")
    return 0


def _export(course: Course, args) -> int:
    for path in report.export(course, Path(args.out or course.runtime / "export"), args.assignment or None):
        print(f"已导出 {path}")
    return 0


def _check(args) -> int:
    notebook = Path(args.notebook)
    run = selfcheck.run_check(notebook, timeout=args.timeout)
    print(run.text)
    if args.grade and run.form is not None:
        source = Course.at(args.course).source if args.course else keys.course_source(notebook.parent)
        try:  # the key of the course given, or of the course the notebook is in
            key = (keys.load_answer_key(source, run.assignment) if args.course
                   else keys.find_answer_key(run.assignment, notebook.parent))
        except keys.NoAnswerKey as error:
            print(f"\n{error}")
            return 2
        print("\n".join(selfcheck.grade_lines(run, key, sorted((source / run.assignment).glob("*.ipynb")))))
    return 0 if run.ok else 1


def _toolbox(args) -> int:
    from keyaccount.toolbox import launch

    return launch.run(args.folder or workspace.default_folder(), args.port, browser=not args.no_browser)


def course_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """``--course`` before or after the command (``keyaccount --course F hub`` = ``keyaccount hub --course F``)."""
    parser.add_argument("--course", type=Path, help="课程文件夹（默认：当前文件夹或其上级中含 nbgrader_config.py 的）",
                        **({} if top else {"default": argparse.SUPPRESS}))  # after the command: only when given


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="keyaccount", description="大客户销售训练营：学员的学习文件夹，培训师的发放、收取、批改和报告。")
    course_option(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("start", help="学员：建好或更新学习文件夹，并在浏览器里打开")
    s.add_argument("folder", nargs="?", type=Path, help=f"学习文件夹（默认：主目录下的 {workspace.FOLDER_NAME}）")
    s.add_argument("--no-browser", action="store_true", help="不自动打开浏览器（复制终端里的网址）")
    s.add_argument("--port", type=int, help="端口（默认 8888，被占用时自动换一个）")
    s.add_argument("--update-only", action="store_true", help="只建好或更新文件夹，不启动 JupyterLab")
    s.set_defaults(run=_start, needs_course=False)
    s = sub.add_parser("hub", help="培训师：为全班启动工作坊服务器（学员用浏览器登录）")
    s.add_argument("--roster", type=Path, help="学员名单（.csv 或 .xlsx：姓名、账号，可选 分组、密码）")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--ip", default="0.0.0.0", help="监听地址（默认所有网卡，学员从自己的电脑访问）")
    s.add_argument("--trainer", default="trainer", help="培训师（管理员）的账号（默认 trainer）")
    s.add_argument("--no-isolation", action="store_true", help="不为学员建系统账户，学员的 JupyterLab 以你的账户运行"
                   "（不推荐；只能以普通账户，不能以 root 运行）")
    s.add_argument("--db", help="成绩库：embedded（内置 PostgreSQL，默认）或 postgresql://… 地址；"
                   "原来的 SQLite 成绩库会搬过去并原样保留（已经在 PostgreSQL 里的课程不换库）")
    s.add_argument("--submit-limit", type=int, help="每个练习每位学员最多提交几次（默认 3；"
                   "单个练习用 keyaccount hub limit 练习名 次数 另设）")
    course_option(s)
    s.set_defaults(run=_hub)
    hub_sub = s.add_subparsers(dest="hub_command")
    s = hub_sub.add_parser("limit", help="设定一个练习每位学员最多提交几次（运行中的服务器立即生效）")
    s.add_argument("assignment")
    s.add_argument("count", type=int)
    course_option(s)
    s.set_defaults(run=_hub_limit)
    s = sub.add_parser("course", help="培训师：课程文件夹")
    course_sub = s.add_subparsers(dest="course_command", required=True)
    s = course_sub.add_parser("init", help="建一个课程文件夹（或往里加入新的练习，不覆盖已有的）")
    s.add_argument("folder", type=Path)
    s.add_argument("--source", type=Path, help="练习的教师版所在文件夹（默认：课程源码里的 solutions/）")
    s.add_argument("--id", default="keyaccount", help="课程代号（默认 keyaccount）")
    s.set_defaults(run=_course_init, needs_course=False)
    s = course_sub.add_parser("db", help="把成绩库搬到 PostgreSQL（多人批改、工作坊服务器用），成绩和评语一条不少")
    s.add_argument("--to", required=True, help="embedded（内置的 PostgreSQL）或 postgresql://用户:密码@主机/库名")
    course_option(s)
    s.set_defaults(run=_course_db)
    s = sub.add_parser("release", help="生成并登记练习，打包发给学员")
    s.add_argument("assignment")
    course_option(s)
    s.set_defaults(run=_release)
    s = sub.add_parser("collect", help="从文件夹或 zip 收取作业")
    s.add_argument("assignment")
    s.add_argument("incoming", help="收到的文件夹或 .zip")
    course_option(s)
    s.set_defaults(run=_collect)
    s = sub.add_parser("grade", help="并行自动批改并生成反馈")
    s.add_argument("assignment")
    s.add_argument("--workers", type=int, default=None, help="同时批改的学员数（默认：CPU 核数）")
    s.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="单个单元格最长运行秒数")
    s.add_argument("--student", action="append", help="只批改这位学员（可重复）")
    course_option(s)
    s.set_defaults(run=_grade)
    for name, func, text in (("report", _report, "在终端显示成绩报告"), ("export", _export, "导出 CSV 和 Excel")):
        s = sub.add_parser(name, help=text)
        s.add_argument("assignment", nargs="*", help="只看这些练习（默认：全部）")
        course_option(s)
        s.set_defaults(run=func)
        if name == "export":
            s.add_argument("--out", help="导出到这个文件夹（默认 course_runtime/export）")
        else:
            s.add_argument("--html", action="store_true", help="同时生成带图表的班级报告（笔记本和 HTML）")
    s = sub.add_parser("slides", help="培训师：把课程导出成离线幻灯片，可以换成客户的案例（--case）")
    slides.add_arguments(s)
    s.set_defaults(run=slides.run, needs_course=False)
    s = sub.add_parser("run", help="培训师：用某个案例运行课程，保存带结果的笔记本（终端里没有内核警告）")
    slides.add_arguments(s, out="已运行的课程", what="运行好的笔记本")
    s.set_defaults(run=slides.run_lessons, needs_course=False)
    s = sub.add_parser("check", help="学员自查：运行练习，检查每道题答案的格式（不判对错）")
    s.add_argument("notebook")
    s.add_argument("--timeout", type=int, default=CELL_TIMEOUT)
    s.add_argument("--grade", action="store_true", help="有课程答案表时（自学者的仓库、培训师），同时在本机评分")
    course_option(s)
    s.set_defaults(run=_check, needs_course=False)
    s = sub.add_parser("toolbox", help="学员：在浏览器里打开销售工具箱（项目管道、机会评分卡、客户关系图、客户分群）")
    s.add_argument("folder", nargs="?", type=Path, help=f"学习文件夹（默认：主目录下的 {workspace.FOLDER_NAME}）")
    s.add_argument("--no-browser", action="store_true", help="不自动打开浏览器，只显示地址")
    s.add_argument("--port", type=int, help="端口（默认：从 8866 起第一个空闲的）")
    s.set_defaults(run=_toolbox, needs_course=False)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if not getattr(args, "needs_course", True):
            return args.run(args)
        return args.run(Course.at(course_root(args.course) if args.course else course_root()), args)
    except (FileNotFoundError, ValueError) as error:  # InputError (bad roster, bad case) is a ValueError
        print(f"错误：{error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
