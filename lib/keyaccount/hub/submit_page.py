"""The learner's 提交作业 page of the grading service: Simplified Chinese, script-free, web font embedded.

Everything shown comes from the learner's own records and is escaped; the page's policy forbids scripts.
"""
import html
import time
from dataclasses import dataclass

from keyaccount import webfont
from keyaccount.hub.submissions import FAILED, GRADED, QUEUED, Submission

POLICY = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; form-action 'self'; " \
         "frame-ancestors 'self'"
STYLE = """body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:52em;margin:1.5em auto;
padding:0 1em;line-height:1.6;color:#222}h1{font-size:1.5em}.card{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;
margin:1em 0}.card h2{font-size:1.15em;margin:.2em 0}.muted{color:#666;font-size:.9em}.msg{padding:.5em 1em;border-radius:6px;
margin:1em 0}.ok{background:#eaf7ee;border:1px solid #2a6}.bad{background:#fdecea;border:1px solid #c33}
.wait{background:#fff8e1;border:1px solid #e0a800}.score{font-size:1.3em;font-weight:bold}button{font-family:inherit;font-size:1em;
padding:.35em 1.4em;border-radius:4px;border:1px solid #27a;background:#2a7ac0;color:#fff;cursor:pointer}
button[disabled]{background:#bbb;border-color:#aaa;cursor:not-allowed}code{background:#f3f3f3;padding:0 .2em;
word-break:break-all}ul{margin:.3em 0;padding-left:1.3em}a{white-space:nowrap}"""
TEXT = ("提交作业 你好 每个练习可以提交的次数由培训师设定 提交前请先在 JupyterLab 里保存（Ctrl+S） 已提交 次 上限 "
        "最近一次 第 次提交 得分 分 正在批改 前面还有 份 稍等 页面会自动刷新 批改出错 这次不计入次数 请告诉培训师 "
        "反馈 在新标签页打开 在 JupyterLab 里 文件夹 已用完 次提交机会 不能再提交 要提交的文件 还没有提交 书面题由培训师另行批改 "
        "返回 JupyterLab 还没有发布的练习 培训师发布练习后 这里会列出来 刷新")


@dataclass(frozen=True)
class AssignmentView:
    name: str
    notebooks: list[str]
    limit: int
    submissions: list[Submission]
    ahead: int = 0  # submissions queued before this learner's pending one

    @property
    def used(self) -> int:
        return sum(s.status in (QUEUED, GRADED) for s in self.submissions)

    @property
    def pending(self) -> bool:
        return any(s.status == QUEUED for s in self.submissions)

    @property
    def closed(self) -> bool:
        return self.used >= self.limit


def render(account: str, views: list[AssignmentView], message: tuple[str, str] | None, lab_url: str,
           xsrf_form: str, refresh: bool, prefix: str) -> str:
    """The whole page; ``message``: (kind ok/bad/wait, text) shown on top; ``prefix``: the service's URL path."""
    e = html.escape
    parts = [f"<h1>提交作业</h1><p class='muted'>你好，{e(account)}。每个练习可以提交的次数由培训师设定；"
             "提交前请先在 JupyterLab 里保存（Ctrl+S）。"
             f" <a href='{e(lab_url)}'>返回 JupyterLab</a> · <a href='{e(prefix)}'>刷新</a></p>"]
    if message:
        parts.append(f"<div class='msg {e(message[0])}' role='status'>{e(message[1])}</div>")
    if not views:
        parts.append("<p>还没有发布的练习：培训师发布练习后，这里会列出来。</p>")
    for view in views:
        parts.append(_card(view, xsrf_form, prefix))
    head = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            + (f'<meta http-equiv="refresh" content="3;url={e(prefix)}">' if refresh else "")
            + f"<title>提交作业</title><style>{STYLE}</style></head>")
    return webfont.embed(head + "<body>" + "".join(parts) + "</body></html>", common=TEXT)


def _card(view: AssignmentView, xsrf_form: str, prefix: str) -> str:
    e = html.escape
    files = "".join(f"<li><code>exercises/{e(view.name)}/{e(nb)}</code></li>" for nb in view.notebooks)
    out = [f"<div class='card' id='{e(view.name)}'><h2>{e(view.name)}</h2>",
           f"<p>已提交 <b>{view.used}</b> / {view.limit} 次</p>"]
    last = view.submissions[-1] if view.submissions else None
    if last is None:
        out.append("<p class='muted'>还没有提交。</p>")
    elif last.status == QUEUED:
        out.append(f"<p class='msg wait'>第 {last.number} 次提交正在批改"
                   + (f"（前面还有 {view.ahead} 份）" if view.ahead else "") + "，稍等，页面会自动刷新。</p>")
    elif last.status == FAILED:
        out.append(f"<p class='msg bad'>第 {last.number} 次提交：{e(last.message or '批改出错')}</p>")
    else:
        out.append(f"<p>最近一次（第 {last.number} 次提交，{_when(last.graded)}）得分："
                   f"<span class='score'>{last.score:g} / {last.max_score:g}</span> 分"
                   "<span class='muted'>（书面题由培训师另行批改）</span></p>")
        links = "".join(f"<li><a href='{e(prefix)}feedback/{e(view.name)}/{e(nb.removesuffix('.ipynb'))}.html' target='_blank' "
                        f"rel='noopener'>{e(nb.removesuffix('.ipynb'))} 的反馈</a>（在新标签页打开）</li>"
                        for nb in view.notebooks)
        out.append(f"<ul>{links}</ul>")
        if last.feedback:
            out.append(f"<p class='muted'>在 JupyterLab 里：文件夹 <code>{e(last.feedback)}</code></p>")
    if view.closed:
        out.append(f"<p class='msg bad'>{view.limit} 次提交机会已用完，不能再提交。</p>")
    disabled = " disabled" if view.closed or view.pending else ""
    out.append(f"<form method='post' action='{e(prefix)}submit/{e(view.name)}'>{xsrf_form}"
               f"<p class='muted'>要提交的文件：</p><ul>{files}</ul>"
               f"<button type='submit'{disabled}>提交</button></form></div>")
    return "".join(out)


def _when(stamp: float | None) -> str:
    return time.strftime("%H:%M:%S", time.localtime(stamp)) if stamp else ""
