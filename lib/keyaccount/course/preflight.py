"""Check and, where the learner's intent is clear, repair a submitted notebook before grading.

Every finding is a Chinese sentence for the report and the learner's feedback. A notebook that
cannot be repaired is left out of grading (it scores 0) and the sentence says what to fix.
"""
import json
import uuid
import warnings
from collections import Counter

import nbformat

GBK_NOTE = "文件是 GBK 编码保存的（中文 Windows 常见），已转成 UTF-8 后批改。"


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
        with warnings.catch_warnings():  # duplicated cell ids (copied cells) are fixed below
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
    except json.JSONDecodeError as error:
        return None, notes + [f"{name} 不是有效的笔记本文件（第 {error.lineno} 行格式错误），无法批改："
                              "请在 Jupyter 里打开原练习，把答案填进去，保存后重新提交。"]
    except Exception as error:  # nbformat's own schema and version errors
        return None, notes + [f"{name} 无法作为笔记本读取（{type(error).__name__}），无法批改："
                              "请在 Jupyter 里保存后重新提交。"]
    seen = set()
    for cell in nb.cells:
        if cell.get("id") in seen:
            cell["id"] = uuid.uuid4().hex[:8]
        seen.add(cell.get("id"))
    return nb, notes


def repair(nb: nbformat.NotebookNode, release: nbformat.NotebookNode, source: nbformat.NotebookNode,
           name: str) -> list[str]:
    """Fix ``nb`` in place against the released notebook; the notes say what was done.

    ``source`` is the instructor version: a locked cell equal to it (with hidden tests) is not "edited".
    """
    notes = _dedupe_grade_ids(nb, name)
    wanted = {_meta(c)["grade_id"] for c in release.cells if _meta(c).get("grade_id")}
    present = {_meta(c).get("grade_id") for c in nb.cells}
    if wanted - present:
        notes += _restore_metadata(nb, release, name, wanted - present)
    notes += _edited_locked_cells(nb, (release, source), name)
    return notes


def _dedupe_grade_ids(nb, name: str) -> list[str]:
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
    return [f"{name} 里有复制出来的重复单元格（{'、'.join(sorted(duplicated))}），已按最后一份批改；"
            "以后请不要复制答题或测试单元格。"]


def _restore_metadata(nb, release, name: str, missing: set) -> list[str]:
    """Copy the release's nbgrader metadata by position when cell types and locked text match."""
    aligned = len(nb.cells) == len(release.cells) and all(
        a.cell_type == b.cell_type and (not _meta(b).get("locked") or a.source.strip() == b.source.strip()
                                        or _meta(b).get("grade"))
        for a, b in zip(nb.cells, release.cells))
    if not aligned:
        return [f"{name} 里缺少这些批改单元格：{'、'.join(sorted(missing))}（可能被删除，或被别的编辑器"
                "去掉了批改标记），而且单元格和原练习对不上，这些题只能记 0 分：请重新下载练习，"
                "把答案填进对应的单元格后重新提交。"]
    for cell, original in zip(nb.cells, release.cells):
        if "nbgrader" in original.metadata:
            cell.metadata["nbgrader"] = original.metadata["nbgrader"]
    return [f"{name} 的批改标记丢失了（可能被别的编辑器保存过），单元格的位置和内容与原练习一致，"
            "已按位置对上并照常批改。"]


def _edited_locked_cells(nb, originals_from, name: str) -> list[str]:
    """Locked cells (questions, tests) whose text the learner changed; nbgrader restores them."""
    originals: dict[str, set] = {}
    for original in originals_from:
        for c in original.cells:
            if _meta(c).get("locked"):
                originals.setdefault(_meta(c)["grade_id"], set()).add(c.source.strip())
    edited = [_meta(c)["grade_id"] for c in nb.cells
              if _meta(c).get("grade_id") in originals and c.source.strip() not in originals[_meta(c)["grade_id"]]]
    if not edited:
        return []
    return [f"{name} 里这些不该改的单元格被改动过：{'、'.join(edited)}，已恢复原样后批改。"]
