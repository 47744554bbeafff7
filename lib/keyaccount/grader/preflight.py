"""Check a submitted notebook and, where the learner's intent is clear, repair it before grading.

Locked cells (questions, setup, tests) come back from the RELEASE version (never the instructor
source: no hidden test reaches the learner's process), deleted ones are put back in place, and every
graded cell carries the release's nbgrader metadata, so a correct answer keeps its points and nothing
the learner changed in a cell's metadata counts. Each finding is a Chinese sentence for the report and
the learner's feedback; a notebook that cannot be read is left out of grading (it scores 0).
"""
import copy
import json
import re
import uuid
import warnings
from collections import Counter

import nbformat
from nbgrader.utils import compute_checksum, is_grade, is_locked, is_solution

from keyaccount.course.formspec import heading_of

GBK_NOTE = "文件是 GBK 编码保存的（中文 Windows 常见），已转成 UTF-8 后批改。"
CELL_ID = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def read_text(raw: bytes) -> tuple[str, list[str]]:
    """The notebook text, decoded as UTF-8 or else GBK (GB18030)."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace"), [GBK_NOTE]


def parse(raw: bytes, name: str) -> tuple[nbformat.NotebookNode | None, list[str]]:
    """The notebook in ``raw``, or None and why it cannot be read."""
    text, notes = read_text(raw)
    try:
        json.loads(text)
        with warnings.catch_warnings():  # duplicated or odd cell ids (copied cells) are fixed below
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
        cells = list(nb.cells)
    except json.JSONDecodeError as error:
        return None, notes + [f"{name} 不是有效的笔记本文件（第 {error.lineno} 行格式错误），无法批改："
                              "请在 Jupyter 里打开原练习，把答案填进去，保存后重新提交。"]
    except Exception as error:  # nbformat's own schema and version errors
        return None, notes + [f"{name} 无法作为笔记本读取（{type(error).__name__}），无法批改："
                              "请在 Jupyter 里保存后重新提交。"]
    _fresh_ids(cells)
    return nb, notes


def _fresh_ids(cells) -> None:
    """Every cell gets a unique, well-formed id (copied cells share one; an editor may write odd ones)."""
    seen = set()
    for cell in cells:
        if not isinstance(cell.get("id"), str) or not CELL_ID.match(cell["id"]) or cell["id"] in seen:
            cell["id"] = uuid.uuid4().hex[:8]
        seen.add(cell["id"])


def restore(nb: nbformat.NotebookNode, release: nbformat.NotebookNode, name: str) -> list[str]:
    """Fix ``nb`` in place against the released notebook; the notes say what was done."""
    labels = _labels(release)
    notes = _dedupe_grade_ids(nb, name, labels)
    released = {_meta(c)["grade_id"]: c for c in release.cells if _meta(c).get("grade_id")}
    if set(released) - {_meta(c).get("grade_id") for c in nb.cells}:
        notes += _restore_metadata(nb, release, name)
    notes += _overwrite_graded_cells(nb, released, name, labels)
    notes += _put_back_deleted(nb, release, name, labels)
    nb.metadata = copy.deepcopy(release.metadata)
    _fresh_ids(nb.cells)
    return notes


def _labels(release: nbformat.NotebookNode) -> dict[str, str]:
    """grade_id → how a learner recognises the cell: its question's heading and what kind of cell it is
    (the ids themselves, like ``swot_test``, mean nothing to a learner)."""
    labels, question, counts = {}, None, Counter()
    for cell in release.cells:
        heading = heading_of(cell)
        if heading:
            question = heading
        gid = _meta(cell).get("grade_id")
        if not gid:
            continue
        kind = ("答题单元格" if is_solution(cell) else "检查单元格" if is_grade(cell)
                else "题目说明" if cell.cell_type == "markdown" else "准备代码单元格")
        place = f"“{question}”的" if question else ""
        counts[place + kind] += 1
        labels[gid] = place + kind
    numbered = Counter()
    for gid, label in labels.items():  # two cells of one kind under one heading: number them
        if counts[label] > 1:
            numbered[label] += 1
            labels[gid] = f"{label}（{numbered[label]}）"
    return labels


def _named(gids, labels: dict[str, str]) -> str:
    return "、".join(labels.get(gid, "一个单元格") for gid in gids)


def _dedupe_grade_ids(nb, name: str, labels: dict[str, str]) -> list[str]:
    """Keep the last copy of a duplicated graded cell; earlier answer copies stay as plain cells."""
    counts = Counter(_meta(c).get("grade_id") for c in nb.cells if _meta(c).get("grade_id"))
    duplicated = {gid for gid, n in counts.items() if n > 1}
    if not duplicated:
        return []
    seen = Counter()
    kept = []
    for cell in nb.cells:
        gid = _meta(cell).get("grade_id")
        if gid in duplicated:
            seen[gid] += 1
            if seen[gid] < counts[gid]:
                if _meta(cell).get("locked"):
                    continue  # a copied test or question cell: the original stays
                del cell.metadata["nbgrader"]
        kept.append(cell)
    nb.cells = kept
    return [f"{name} 里有复制出来的重复单元格（{_named(sorted(duplicated), labels)}），已按最后一份批改；"
            "以后请不要复制答题或测试单元格。"]


def _restore_metadata(nb, release, name: str) -> list[str]:
    """Copy the release's nbgrader metadata by position when cell types and locked text match."""
    aligned = len(nb.cells) == len(release.cells) and all(
        a.cell_type == b.cell_type and (not _meta(b).get("locked") or a.source.strip() == b.source.strip()
                                        or _meta(b).get("grade"))
        for a, b in zip(nb.cells, release.cells))
    if not aligned:
        return []
    for cell, original in zip(nb.cells, release.cells):
        if "nbgrader" in original.metadata:
            cell.metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
    return [f"{name} 的批改标记丢失了（可能被别的编辑器保存过），单元格的位置和内容与原练习一致，"
            "已按位置对上并照常批改。"]


def _overwrite_graded_cells(nb, released: dict, name: str, labels: dict[str, str]) -> list[str]:
    """Locked cells become the release's again; answer cells keep their text under the release's metadata.

    Graded cells carry the release's metadata; every other cell loses its metadata (tags, a learner's own
    nbgrader marks).
    """
    edited = []
    for index, cell in enumerate(nb.cells):
        original = released.get(_meta(cell).get("grade_id"))
        cell.metadata = copy.deepcopy(original.metadata) if original else {}
        if original is None:
            continue
        if is_locked(original) or (is_grade(original) and not is_solution(original)):
            if compute_checksum(cell) != compute_checksum(original):
                edited.append(_meta(original)["grade_id"])
            nb.cells[index] = _copy(original)
        elif cell.cell_type != original.cell_type:
            nb.cells[index] = _copy(original, source=cell.source)
    if not edited:
        return []
    return [f"{name} 里这些不该改的单元格被改动过：{_named(edited, labels)}，已恢复原样后批改。"]


def _put_back_deleted(nb, release, name: str, labels: dict[str, str]) -> list[str]:
    """Insert deleted locked and graded cells where the release has them (after their predecessor).

    A deleted answer cell is not put back: the answer may live in another cell, and a blank template
    would overwrite it.
    """
    present = {_meta(c).get("grade_id") for c in nb.cells}
    restored, position = [], 0
    for original in release.cells:
        gid = _meta(original).get("grade_id")
        if gid is None:
            continue
        if gid in present:
            position = 1 + next(i for i, c in enumerate(nb.cells) if _meta(c).get("grade_id") == gid)
        elif is_locked(original) or is_grade(original):
            nb.cells.insert(position, _copy(original))
            present.add(gid)
            position += 1
            restored.append(gid)
    if not restored:
        return []
    return [f"{name} 里这些单元格被删除了：{_named(restored, labels)}，已按原练习放回后批改。"]


def _copy(original, source: str | None = None):
    """A fresh cell like ``original`` (type, id, metadata), with ``source`` if given."""
    make = {"code": nbformat.v4.new_code_cell, "markdown": nbformat.v4.new_markdown_cell,
            "raw": nbformat.v4.new_raw_cell}[original.cell_type]
    cell = make(original.source if source is None else source, metadata=copy.deepcopy(original.metadata))
    cell.id = original.get("id", cell.id)
    return cell
