"""``keyaccount``: run a workshop's exercises from one command (no server needed).

    keyaccount release funnel_forecast              # 生成并登记练习，打包发给学员
    keyaccount collect funnel_forecast 收件.zip      # 收作业：文件夹或压缩包
    keyaccount grade funnel_forecast --workers 4    # 并行自动批改并生成反馈
    keyaccount report                               # 成绩、各题难度、需要帮助的学员、提交问题
    keyaccount export --out 成绩                     # CSV 和 Excel
    keyaccount check 我的练习.ipynb                  # 学员自查：每道题的格式和提示（不判对错）
    keyaccount check 我的练习.ipynb --grade          # 有答案表时（仓库里自学）在本机评分
"""
import argparse
import shutil
import sys
from pathlib import Path

from keyaccount.course import collect, grade, keys, report, selfcheck
from keyaccount.course.layout import Course
from keyaccount.course.nbgrader_defaults import CELL_TIMEOUT
from keyaccount.course.paths import course_root


def _release(course: Course, args) -> int:
    grade.ensure_released(course, args.assignment)
    out = course.runtime / "release"
    out.mkdir(parents=True, exist_ok=True)
    archive = shutil.make_archive(str(out / args.assignment), "zip", course.release, args.assignment)
    print(f"已登记练习 {args.assignment}。发给学员的压缩包：{archive}")
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


def _check(course: Course, args) -> int:
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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="keyaccount", description="大客户销售训练营：练习的发放、收取、批改和报告。")
    p.add_argument("--course", type=Path, help="课程文件夹（默认：当前文件夹或其上级中含 nbgrader_config.py 的）")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("release", help="生成并登记练习，打包发给学员")
    s.add_argument("assignment")
    s.set_defaults(run=_release)
    s = sub.add_parser("collect", help="从文件夹或 zip 收取作业")
    s.add_argument("assignment")
    s.add_argument("incoming", help="收到的文件夹或 .zip")
    s.set_defaults(run=_collect)
    s = sub.add_parser("grade", help="并行自动批改并生成反馈")
    s.add_argument("assignment")
    s.add_argument("--workers", type=int, default=None, help="同时批改的学员数（默认：CPU 核数）")
    s.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="单个单元格最长运行秒数")
    s.add_argument("--student", action="append", help="只批改这位学员（可重复）")
    s.set_defaults(run=_grade)
    for name, func, text in (("report", _report, "在终端显示成绩报告"), ("export", _export, "导出 CSV 和 Excel")):
        s = sub.add_parser(name, help=text)
        s.add_argument("assignment", nargs="*", help="只看这些练习（默认：全部）")
        s.set_defaults(run=func)
        if name == "export":
            s.add_argument("--out", help="导出到这个文件夹（默认 course_runtime/export）")
        else:
            s.add_argument("--html", action="store_true", help="同时生成带图表的班级报告（笔记本和 HTML）")
    s = sub.add_parser("check", help="学员自查：运行练习，检查每道题答案的格式（不判对错）")
    s.add_argument("notebook")
    s.add_argument("--timeout", type=int, default=CELL_TIMEOUT)
    s.add_argument("--grade", action="store_true", help="有课程答案表时（自学者的仓库、培训师），同时在本机评分")
    s.set_defaults(run=_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    course = Course.at(args.course or course_root())
    try:
        return args.run(course, args)
    except FileNotFoundError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
