"""Tables of the class's results from the gradebook: per learner, per question, and exports."""
from pathlib import Path

import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from keyaccount import webfont
from keyaccount.jupyter_settings import kernel_config
from keyaccount.course import notices
from keyaccount.course.layout import Course


def _assignments(gb: Gradebook, only: list[str] | None) -> list[str]:
    names = sorted(a.name for a in gb.assignments)
    return [a for a in names if not only or a in only]


def scores(course: Course, only: list[str] | None = None) -> pd.DataFrame:
    """One row per learner and assignment: score, maximum, share, open manual grading, notices."""
    rows = []
    with Gradebook(course.db_url) as gb:
        students = sorted(s.id for s in gb.students)
        for assignment in _assignments(gb, only):
            found = notices.load(course, assignment)
            for student in students:
                try:
                    sub = gb.find_submission(assignment, student)
                except MissingEntry:
                    rows.append({"学员": student, "练习": assignment, "得分": None, "满分": None,
                                 "得分率": None, "待人工批改": False, "说明": "未提交"})
                    continue
                rows.append({"学员": student, "练习": assignment, "得分": sub.score, "满分": sub.max_score,
                             "得分率": round(sub.score / sub.max_score, 3) if sub.max_score else None,
                             "待人工批改": bool(sub.needs_manual_grade),
                             "说明": " ".join(found.get(student, []))})
    return pd.DataFrame(rows, columns=["学员", "练习", "得分", "满分", "得分率", "待人工批改", "说明"])


def questions(course: Course, only: list[str] | None = None) -> pd.DataFrame:
    """One row per learner and graded cell (question): score and maximum."""
    rows = []
    with Gradebook(course.db_url) as gb:
        for assignment in _assignments(gb, only):
            for sub in gb.assignment_submissions(assignment):
                for nb in sub.notebooks:
                    for g in nb.grades:
                        rows.append({"学员": sub.student.id, "练习": assignment, "笔记本": nb.name,
                                     "题目": g.name, "得分": g.score, "满分": g.max_score,
                                     "待人工批改": bool(g.needs_manual_grade)})
    return pd.DataFrame(rows, columns=["学员", "练习", "笔记本", "题目", "得分", "满分", "待人工批改"])


def difficulty(table: pd.DataFrame) -> pd.DataFrame:
    """Per question: the class's average share of the points (low = hard); ungraded manual parts left out."""
    table = table[~table["待人工批改"].astype(bool)]
    if table.empty:
        return pd.DataFrame(columns=["练习", "题目", "平均得分率", "人数"])
    t = table.assign(得分率=table["得分"] / table["满分"].where(table["满分"] > 0))
    return (t.groupby(["练习", "题目"], sort=False)["得分率"].agg(平均得分率="mean", 人数="count")
            .round(3).reset_index().sort_values("平均得分率"))


def need_help(table: pd.DataFrame, below: float = 0.6) -> pd.DataFrame:
    """Learners whose share of the points is below ``below`` (or who did not submit)."""
    return table[(table["得分率"].isna()) | (table["得分率"] < below)].sort_values(["练习", "得分率"])


def export(course: Course, folder: Path, only: list[str] | None = None) -> list[Path]:
    """Write 成绩.csv (opens in Excel with Chinese intact) and 成绩.xlsx (scores, questions, difficulty)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    table, per_question = scores(course, only), questions(course, only)
    csv_path, xlsx_path = folder / "成绩.csv", folder / "成绩.xlsx"
    table.to_csv(csv_path, index=False, encoding="utf-8-sig")
    with pd.ExcelWriter(xlsx_path, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name="成绩", index=False)
        per_question.to_excel(writer, sheet_name="各题得分", index=False)
        difficulty(per_question).to_excel(writer, sheet_name="题目难度", index=False)
    return [csv_path, xlsx_path]


CLASS_REPORT = Path(__file__).with_name("class_report.ipynb")
REPORT_TEMPLATE = Path(__file__).with_name("report_template")  # offline: nothing from a CDN


def render_class_report(course: Course, folder: Path, only: list[str] | None = None) -> list[Path]:
    """Run the class-report notebook on ``course`` and export it to HTML (without code)."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    notebook = folder / "班级报告.ipynb"
    papermill.execute_notebook(str(CLASS_REPORT), str(notebook), cwd=str(course.root), progress_bar=False,
                               parameters={"course_dir": str(course.root), "assignments": only or []},
                               config=kernel_config())
    exporter = HTMLExporter(exclude_input=True, template_name=REPORT_TEMPLATE.name,
                            extra_template_basedirs=[str(REPORT_TEMPLATE.parent)])
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    page = folder / "班级报告.html"
    page.write_text(webfont.embed(body), encoding="utf-8")
    return [notebook, page]
