"""Feedback a learner can read: an error in a test cell shows its message, not the test code.

A traceback quotes the lines around the failing call, hidden tests included; this keeps only
the exception's name and message (the Chinese explanation the kit's checks raise).
"""
import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from keyaccount import webfont


class ShortenTestErrors(Preprocessor):
    """Replace the traceback of an error in a grade (test) cell by its last line."""

    enabled = Bool(True)  # registered by name in nbgrader's config, so on by default

    def preprocess_cell(self, cell, resources, index):
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [f"{output.get('ename', '错误')}: {output.get('evalue', '')}"]
        return cell, resources


OUTPUT_LIMIT = 5000  # characters of one output kept in feedback
CUT_NOTE = "\n…（输出太长，反馈里只保留开头 {limit} 个字符）"


def oversized(output) -> bool:
    """Whether a cell output is longer than feedback keeps."""
    return sum(len(text) for text in _texts(output).values()) > OUTPUT_LIMIT


def _texts(output) -> dict:
    if output.get("output_type") == "stream":
        return {"text": output.get("text", "")}
    return {k: v for k, v in output.get("data", {}).items() if isinstance(v, str) and k.startswith("text/")}


class LimitOutputSize(Preprocessor):
    """Cut any text output longer than OUTPUT_LIMIT characters, so feedback pages stay small."""

    enabled = Bool(True)

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if not oversized(output):
                continue
            for key, text in _texts(output).items():
                cut = text[:OUTPUT_LIMIT] + CUT_NOTE.format(limit=OUTPUT_LIMIT)
                if output.get("output_type") == "stream":
                    output["text"] = cut
                else:
                    output["data"][key] = cut
        return cell, resources


class EmbedWebFont(Preprocessor):
    """Put the Chinese glyphs of this page into it (keyaccount.webfont), for a screen without a CJK font."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        css = webfont.standalone_css(nbformat.writes(nb))
        resources.setdefault("inlining", {}).setdefault("css", []).append(css)
        return nb, resources
