"""Chinese on every page, also without a CJK system font: a served web font (Noto Sans CJK SC, OFL).

The font file comes from the ``mplfonts`` pip package (the one the figures use). fontTools cuts it
down to the *kit font*: the characters of the course text, of JupyterLab's Chinese menus and of
GB2312 (common Chinese), kept once in a user cache folder. From it:

- ``standalone_css(text)``: an ``@font-face`` with the glyphs one HTML page needs embedded as a
  ``data:`` URL, for files opened straight from disk (slides, feedback, class report);
- ``lab_options(config_dir)``: what ``jupyter lab`` needs to serve the kit font (and the full font
  for rare characters) to every page of JupyterLab, with the kit's quiet Jupyter settings.
"""
import base64
import hashlib
import html
import io
import json
import os
from collections.abc import Iterable
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import platformdirs
from fontTools import subset
from fontTools.ttLib import TTFont

from keyaccount.fonts import font_file as source_font
from keyaccount.content import content_root
from keyaccount.course import nbgrader_defaults
from keyaccount.jupyter_settings import page_config, prepare_notebooks, server_settings

FAMILY = "KeyAccount Noto Sans SC"
FIRST_WIDE = 0x2000  # below this (Latin, Greek, Cyrillic …) the page's own font stays in charge
TEXT_SUFFIXES = {".ipynb", ".md", ".py", ".yaml", ".yml", ".json", ".j2", ".html", ".txt"}
COURSE_FOLDERS = ("notebooks", "exercises", "cases")
LAB_STACKS = {  # JupyterLab's own font stacks, with the kit font first for the characters it has
    "--jp-ui-font-family": 'system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, '
                           'sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"',
    "--jp-content-font-family": 'system-ui, -apple-system, blinkmacsystemfont, "Segoe UI", helvetica, arial, '
                                'sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol"',
    "--jp-code-font-family": 'menlo, consolas, "DejaVu Sans Mono", monospace',
}
PAGE_STACKS = {  # reveal.js slides and nbgrader's (classic) feedback page
    "--r-main-font": '"Source Sans Pro", Helvetica, sans-serif',
    "--r-heading-font": '"Source Sans Pro", Helvetica, sans-serif',
}
LAB_FILES = {"kit": "keyaccount-cjk.woff2", "full": "keyaccount-cjk-full.otf"}
# Form controls do not inherit the page's font (browsers give them their own, e.g. Arial): the text of
# ipywidgets' Text, Dropdown and SelectMultiple boxes needs the kit font named for them too.
FORM_CONTROLS = "input, select, textarea, button"


def _text_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            yield path


def _lab_translations() -> list[Path]:
    try:
        pack = resources.files("jupyterlab_language_pack_zh_CN")
    except ModuleNotFoundError:
        return []
    return list(_text_files(Path(str(pack))))


def _gb2312() -> str:
    """Every character of GB2312 (the 6763 common hanzi and Chinese punctuation)."""
    pairs = (bytes([high, low]) for high in range(0xA1, 0xF8) for low in range(0xA1, 0xFF))
    return "".join(pair.decode("gb2312", errors="ignore") for pair in pairs)


def wide_characters(text: str) -> set[str]:
    """The characters of ``text`` the kit font is for (CJK, full-width forms, Chinese punctuation)."""
    return {ch for ch in html.unescape(text) if ord(ch) >= FIRST_WIDE}


@cache
def course_characters() -> frozenset[str]:
    """The one home of 'which characters': the course text, JupyterLab's Chinese menus, and GB2312."""
    root = content_root()  # the installed course (wheel) or the clone: never the working folder's
    files = [*_text_files(Path(__file__).parent), *_lab_translations()]
    files += [path for name in COURSE_FOLDERS if (root / name).is_dir() for path in _text_files(root / name)]
    text = _gb2312() + "".join(path.read_text("utf-8", errors="ignore") for path in files)
    return frozenset(wide_characters(text))


def _cut(font_file: Path, characters: set[str], flavor: str | None) -> bytes:
    options = subset.Options()
    options.hinting = False
    font = TTFont(str(font_file))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _write_once(path: Path, data: bytes) -> Path:
    """Write ``path`` atomically (parallel graders may build the same file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    part.write_bytes(data)
    os.replace(part, path)
    return path


@cache
def kit_font() -> Path:
    """The kit font (OpenType), cut once per character set and font version into the user cache."""
    characters = course_characters()
    key = hashlib.sha256("".join(sorted(characters)).encode()
                         + f"{source_font().stat().st_size}{metadata.version('fonttools')}".encode())
    path = Path(platformdirs.user_cache_dir("keyaccount")) / f"cjk-{key.hexdigest()[:16]}.otf"
    if not path.is_file():
        _write_once(path, _cut(source_font(), set(characters), None))
    return path


@cache
def _font_characters(font_file: Path) -> frozenset[str]:
    return frozenset(chr(code) for code in TTFont(str(font_file), lazy=True).getBestCmap())


def unicode_range(characters) -> str:
    """A CSS ``unicode-range`` listing exactly ``characters`` (runs joined: U+4E00-4E05)."""
    codes, runs = sorted({ord(ch) for ch in characters}), []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def _face(src: str, characters) -> str:
    return (f'@font-face {{ font-family: "{FAMILY}"; font-style: normal; font-weight: 400; '
            f"font-display: swap; src: {src}; unicode-range: {unicode_range(characters)}; }}\n")


def _stacks(stacks: dict[str, str], selector: str) -> str:
    body = "".join(f'  {name}: "{FAMILY}", {stack};\n' for name, stack in stacks.items())
    return f"{selector} {{\n{body}}}\n"


@cache
def _embedded_face(characters: frozenset[str]) -> str:
    source = kit_font() if characters <= _font_characters(kit_font()) else source_font()
    data = base64.b64encode(_cut(source, set(characters), "woff2")).decode("ascii")
    return _face(f'url("data:font/woff2;base64,{data}") format("woff2")', characters)


def standalone_css(text: str, common: str = "") -> str:
    """CSS for a standalone HTML page showing ``text``: its Chinese glyphs embedded, used by its fonts.

    ``common`` is text that many pages share (an assignment's questions on every learner's feedback):
    its glyphs are cut once and reused, only the rest of ``text`` is cut per page."""
    available = _font_characters(source_font())
    shared = frozenset(wide_characters(common) & available)
    own = frozenset(wide_characters(text) & available - shared)
    faces = "".join(_embedded_face(part) for part in (shared, own) if part)
    if not faces:
        return ""
    classic = (f'body {{ font-family: "{FAMILY}", "Helvetica Neue", Helvetica, Arial, sans-serif; }}\n'
               f'pre, code, kbd, samp {{ font-family: var(--jp-code-font-family, "{FAMILY}", monospace); }}\n'
               f"{FORM_CONTROLS} {{ font-family: inherit; }}\n")
    return faces + _stacks({**LAB_STACKS, **PAGE_STACKS}, ":root, body") + classic


def embed(page: str, common: str = "") -> str:
    """``page`` (a whole HTML document) with ``standalone_css`` for its own text in its head."""
    css = standalone_css(page, common)
    return page.replace("</head>", f"<style>\n{css}</style>\n</head>", 1) if css else page


def lab_css() -> str:
    """custom.css for JupyterLab: the kit font for its characters, the full font for any other."""
    full = _font_characters(source_font()) - {chr(c) for c in range(FIRST_WIDE)}
    return (_face(f'url("{LAB_FILES["full"]}") format("opentype")', full)  # checked last …
            + _face(f'url("{LAB_FILES["kit"]}") format("woff2")', _font_characters(kit_font()))  # … first
            + _stacks(LAB_STACKS, ":root:root")  # above the theme's :root, so vars built on these follow
            + f"{FORM_CONTROLS} {{ font-family: var(--jp-ui-font-family); }}\n")


def lab_options(config_dir: Path, lessons: Iterable[Path] = (), learner: bool = False) -> tuple[list[str], dict[str, str]]:
    """Prepare ``config_dir``, a kit-owned Jupyter config folder, for a JupyterLab launch.

    It gets ``custom/`` (custom.css and the fonts: Chinese on every page without a CJK system font),
    ``jupyter_server_config.json`` and ``labconfig/page_config.json`` (the kit's quiet settings; for a
    ``learner``, without nbgrader's trainer panels: jupyter_settings), ``nbgrader_config.py`` (the kit's
    nbgrader defaults, so Validate finds a config and its kernels are encrypted); the output-free notebooks under
    the ``lessons`` folders are prepared to open unmodified and trusted (jupyter_settings.prepare_notebooks).
    Returns the extra ``jupyter lab`` arguments and environment variables of the launch. Unchanged files
    are not rewritten.
    """
    config_dir = Path(config_dir)
    custom = config_dir / "custom"
    kit = custom / LAB_FILES["kit"]
    if not kit.is_file() or kit.stat().st_mtime < kit_font().stat().st_mtime:
        _write_once(kit, _cut(kit_font(), set(_font_characters(kit_font())), "woff2"))
    full = custom / LAB_FILES["full"]
    if not full.is_file() or full.stat().st_size != source_font().stat().st_size:
        _write_once(full, source_font().read_bytes())
    for path, text in ((custom / "custom.css", lab_css()),
                       (config_dir / "jupyter_server_config.json", json.dumps(server_settings(learner), indent=1)),
                       (config_dir / "labconfig" / "page_config.json", json.dumps(page_config(learner), indent=1)),
                       (config_dir / "nbgrader_config.py", nbgrader_defaults.CONFIG_FILE)):
        if not path.is_file() or path.read_text("utf-8") != text:
            _write_once(path, text.encode("utf-8"))
    prepare_notebooks(lessons)
    return ["--LabApp.custom_css=True"], {"JUPYTER_CONFIG_DIR": str(config_dir)}
