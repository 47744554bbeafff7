"""What the trainer's dashboard shows for one assignment, from the roster, the course folders and the
gradebook: who submitted, who was graded, scores, the hardest questions, the most common wrong
answers and who needs help. Plain data (JSON-ready); the tables come from ``keyaccount.course.report``
and ``keyaccount.course.answers``, the figures from ``keyaccount.course.charts``."""
import base64
import csv
import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
from nbgrader.api import Gradebook

from keyaccount.course import answers, charts, report
from keyaccount.course.formspec import heading_of
from keyaccount.course.layout import Course
from keyaccount.hub.accounts import PASSWORDS
from keyaccount.hub.config import SETTINGS
from keyaccount.widgets import figure_png

LOW_SHARE = 0.6  # below this share of the points a learner is listed under "needs help"
HARDEST = 5
STATUS = {"missing": "未提交", "waiting": "已提交，批改中", "graded": "已批改"}


@dataclass(frozen=True)
class Member:
    account: str
    name: str
    group: str


def roster(hub_dir: Path) -> list[Member]:
    """The hub's learners (settings.json) with name and group from the trainer's accounts file."""
    hub_dir = Path(hub_dir)
    learners = json.loads((hub_dir / SETTINGS).read_text(encoding="utf-8"))["learners"]
    known = {}
    path = hub_dir / PASSWORDS
    if path.is_file():
        with path.open(encoding="utf-8-sig", newline="") as handle:  # names and groups only, never a password
            known = {row["账号"]: (row.get("姓名") or "", row.get("分组") or "") for row in csv.DictReader(handle)}
    return [Member(a, *known.get(a, (a, ""))) for a in learners]


def assignments(course: Course) -> list[str]:
    """Assignments with anything to show: registered in the gradebook or with a submission."""
    with Gradebook(course.db_url) as gb:
        names = {a.name for a in gb.assignments}
    if course.submitted.is_dir():
        names |= {p.name for learner in course.submitted.iterdir() if learner.is_dir() for p in learner.iterdir()
                  if p.is_dir() and (course.source / p.name).is_dir()}
    return sorted(names)


def _number(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def snapshot(course: Course, members: list[Member], assignment: str) -> dict:
    """The dashboard's facts about ``assignment`` (no figures); ``version`` changes whenever a fact does."""
    scores = report.scores(course, [assignment])
    per_question = report.questions(course, [assignment])
    submitted = set(course.students(assignment))
    by_account = {row["学员"]: row for row in scores.to_dict("records")}
    learners = []
    for m in members + [Member(s, s, "") for s in sorted(submitted - {m.account for m in members})]:
        row = by_account.get(m.account)
        graded = row is not None and _number(row["得分"]) is not None
        status = "graded" if graded else "waiting" if m.account in submitted else "missing"
        learners.append({"account": m.account, "name": m.name, "group": m.group, "status": status,
                         "status_text": STATUS[status],
                         "score": _number(row["得分"]) if graded else None,
                         "max_score": _number(row["满分"]) if graded else None,
                         "share": _number(row["得分率"]) if graded else None,
                         "manual": bool(row["待人工批改"]) if graded else False,
                         "notes": row["说明"] if graded else ""})
    graded = [x for x in learners if x["status"] == "graded"]
    shares = [x["share"] for x in graded if x["share"] is not None]
    hardest = report.difficulty(per_question).head(HARDEST)
    wrong = answers.common_wrong_answers(course, assignment) if submitted else pd.DataFrame()
    facts = {
        "assignment": assignment,
        "counts": {"roster": len(members), "submitted": sum(x["status"] != "missing" for x in learners),
                   "graded": len(graded), "missing": sum(x["status"] == "missing" for x in learners),
                   "manual": sum(x["manual"] for x in graded)},
        "average": round(sum(shares) / len(shares), 3) if shares else None,
        "learners": learners,
        "need_help": need_help(learners),
        "hardest": [{"question": title, "id": q, "share": s, "count": int(n)}
                    for title, q, s, n in zip(titled(hardest["题目"], question_titles(course, assignment)),
                                              hardest["题目"], hardest["平均得分率"], hardest["人数"])],
        "wrong": [{"question": q, "part": p, "answer": v, "count": int(n)}
                  for q, p, v, n in zip(wrong.get("题目", []), wrong.get("项", []), wrong.get("错误答案", []),
                                        wrong.get("人数", []))],
    }
    facts["version"] = hashlib.sha256(json.dumps(facts, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
    return facts


def question_titles(course: Course, assignment: str) -> dict[str, str]:
    """Graded cell (grade id) → the title of its question as learners read it, e.g. ``第 1 题　业绩预测（3 分）``."""
    titles = {}
    for name in course.notebook_names(assignment):
        question = None
        for cell in nbformat.read(course.source / assignment / name, as_version=4).cells:
            question = heading_of(cell) or question
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id and question:
                titles[grade_id] = question
    return titles


def titled(grade_ids, titles: dict[str, str]) -> list[str]:
    """The question titles of ``grade_ids``; a title shared by two of them gets the grade id added."""
    names = [titles.get(g, g) for g in grade_ids]
    return [f"{n}（{g}）" if names.count(n) > 1 else n for n, g in zip(names, grade_ids)]


def need_help(learners: list[dict]) -> list[dict]:
    """Graded learners below ``LOW_SHARE`` or with a grading notice, lowest first (not-submitted is its own list)."""
    found = []
    for x in learners:
        reasons = []
        if x["share"] is not None and x["share"] < LOW_SHARE:
            reasons.append(f"得分率 {x['share']:.0%}")
        if x["notes"]:
            reasons.append(x["notes"])
        if reasons:
            found.append({"account": x["account"], "name": x["name"], "group": x["group"], "share": x["share"],
                          "reasons": reasons})
    return sorted(found, key=lambda x: (x["share"] is None, x["share"] or 0))


def figures(facts: dict) -> dict[str, str]:
    """The class report's plots of ``facts`` as PNG ``data:`` URLs: distribution, hardest questions, wrong answers."""
    shares = pd.DataFrame([{"练习": facts["assignment"], "得分率": x["share"]} for x in facts["learners"]
                           if x["status"] == "graded"], columns=["练习", "得分率"])
    hardest = pd.DataFrame([{"练习": facts["assignment"], "题目": h["question"], "平均得分率": h["share"]}
                            for h in facts["hardest"]], columns=["练习", "题目", "平均得分率"])
    wrong = pd.DataFrame([{"题目": w["question"], "项": w["part"], "错误答案": w["answer"], "人数": w["count"]}
                          for w in facts["wrong"]], columns=["题目", "项", "错误答案", "人数"])
    found = {"distribution": charts.score_distribution(shares)}
    if not hardest.empty:
        found["hardest"] = charts.difficulty_chart(hardest)
    if not wrong.empty:
        found["wrong"] = charts.wrong_answers_chart(wrong)
    return {name: "data:image/png;base64," + base64.b64encode(figure_png(fig)).decode("ascii")
            for name, fig in found.items()}
