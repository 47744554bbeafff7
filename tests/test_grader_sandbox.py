"""The grading sandbox: right answers come back as plain data; each attack stays inside.

One warm sandbox serves the whole module (it imports the stack once, as in a grading run).
Attacks that need the isolation only root gets are skipped, with the reason, elsewhere.
"""
import errno
import hashlib
import os
import re
import shutil
import socket
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from IPython.utils.capture import capture_output

import keyaccount
from keyaccount.compare import compare
from keyaccount.course.keys import load_answer_key
from keyaccount.grader import confine, plain
from keyaccount.grader.sandbox import NOTES, UID_BASE, UID_SLOTS, Limits, Sandbox

ROOT = Path(__file__).resolve().parents[1]
LIMITS = Limits(cell_timeout=3, total_timeout=15, memory_mb=300, output_kb=100, file_mb=5)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="needs root: a job's own uid, mount and PID namespaces")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(LIMITS) as box:
        yield box


@pytest.fixture
def files(tmp_path) -> Path:
    folder = tmp_path / "learner"
    folder.mkdir()
    (folder / "my_accounts.csv").write_text("客户,金额\n甲,10\n", encoding="utf-8")
    return folder


def notebook(*sources: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])


def all_text(execution) -> str:
    """Everything the executed notebook shows, as one string."""
    return "\n".join(nbformat.writes(execution.notebook).split("\n"))


def assert_chinese(problems: list[str]) -> None:
    assert problems and all(CJK.search(p) for p in problems), problems


def same(a, b) -> bool:
    """Equal AND of exactly the same built-in types all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same, a, b))
    return a == b or (a != a and b != b)


# ---- plain data -----------------------------------------------------------------------
@pytest.mark.parametrize("value", [
    None, True, 0, -7, 2**80, 1.5, float("inf"), "甲乙", [1, "a", None], (1, (2, 3)), {1, 2, 3},
    frozenset({"x"}), {1: "a", (2, 3): [4]}, {"$tuple": 1}, {"k": {"a": {1.5, 2.5}}}, [],
])
def test_plain_values_round_trip_with_their_exact_types(value):
    assert same(plain.decode(plain.encode(value)), value)


def test_nan_round_trips():
    value = plain.decode(plain.encode(float("nan")))
    assert type(value) is float and value != value


@pytest.mark.parametrize("value", [
    type("Sneaky", (float,), {"__eq__": lambda s, o: True})(1.0),
    type("MyDict", (dict,), {})(), [object()], {1: [lambda: 0]}, 10**5000,
], ids=["float-subclass", "dict-subclass", "object", "function", "huge-int"])
def test_values_that_are_not_exactly_plain_are_refused(value):
    with pytest.raises(plain.NotPlain):
        plain.encode(value)


@pytest.mark.parametrize("text", [
    '{"$eval": "x"}', '{"$set": [[1]]}', '{"$dict": [[[1], 2]]}', "NaN", '{"a": 1}',
    '{"$tuple": [1], "$set": [1]}', "[" * 100000 + "]" * 100000, '"' + "x" * 2_000_000 + '"',
], ids=["unknown-tag", "unhashable-member", "unhashable-key", "nan-constant", "plain-object",
        "two-tags", "deep", "huge"])
def test_decode_refuses_anything_encode_would_not_write(text):
    with pytest.raises(plain.NotPlain):
        plain.decode(text)


# ---- right notebooks ------------------------------------------------------------------
def solution_notebook(assignment: str) -> tuple[nbformat.NotebookNode, list[str]]:
    """The instructor notebook's setup and answer cells with their solutions filled in,
    and the answer names its grade cells score."""
    source = nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    names, cells = [], []
    for cell in source.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("grade"):
            names += re.findall(r'score\(EXERCISE, "(\w+)"', cell.source)
        elif "check(" not in cell.source:
            cells.append(re.sub(r"^\s*### (BEGIN|END) SOLUTION\s*$", "", cell.source, flags=re.M))
    return notebook(*cells), names


def run_here(nb: nbformat.NotebookNode, names: list[str]) -> dict:
    """The same cells executed in this process, as the reference."""
    namespace: dict = {}
    with capture_output():
        for cell in nb.cells:
            exec(compile(cell.source, "<cell>", "exec"), namespace)
    return {name: namespace[name] for name in names}


@pytest.mark.parametrize("assignment", sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir()))
def test_a_right_notebook_gives_back_its_answers_as_equal_plain_values(sandbox, files, assignment):
    nb, names = solution_notebook(assignment)
    assert names
    execution = sandbox.run(nb, files, names)
    assert execution.problems == []
    expected, key = run_here(nb, names), load_answer_key(ROOT / "solutions", assignment)
    assert execution.answers.keys() == expected.keys()
    for name in names:
        assert same(execution.answers[name], plain.decode(plain.encode(expected[name]))), name
        assert compare(execution.answers[name], key[name])[0] == 1, name


def test_sets_tuples_and_int_keyed_dicts_round_trip(sandbox, files):
    nb = notebook("import numpy as np\n"
                  "a = {3, 1, 2}\nb = ('甲', 2)\nc = {1: '一', 2: ['二']}\nd = np.float64(0.25)\ne = float('nan')")
    execution = sandbox.run(nb, files, ["a", "b", "c", "d", "e", "missing"])
    assert execution.problems == []
    assert same(execution.answers["a"], {1, 2, 3}) and same(execution.answers["b"], ("甲", 2))
    assert same(execution.answers["c"], {1: "一", 2: ["二"]}) and same(execution.answers["d"], 0.25)
    assert execution.answers["e"] != execution.answers["e"] and "missing" not in execution.answers


def test_outputs_errors_and_figures_come_back_per_cell(sandbox, files):
    nb = notebook("print('你好')", "1/0", "import matplotlib.pyplot as plt\nplt.plot([1, 2])\n'完'",
                  "x = 1\nprint('a'，'b')")
    execution = sandbox.run(nb, files, [])
    first, second, third, fourth = execution.notebook.cells
    syntax = fourth.outputs[0]
    assert syntax.ename == "SyntaxError" and syntax.traceback[0] == "第 4 个代码单元格第 2 行：print('a'，'b')"
    assert "中文标点" in syntax.traceback[-1] and "ipython-input" not in str(syntax)
    assert first.outputs[0].text == "你好\n"
    error = second.outputs[0]
    assert error.output_type == "error" and error.ename == "ZeroDivisionError"
    assert any("第 2 个代码单元格第 1 行" in line for line in error.traceback)
    assert any("除数是 0" in line for line in error.traceback)
    assert not any("\x1b[" in line for line in error.traceback)
    kinds = {o.output_type: o for o in third.outputs}
    assert kinds["execute_result"].data["text/plain"] == "'完'"
    assert "image/png" in kinds["display_data"].data
    assert execution.problems == []


def test_the_learner_process_has_no_answer_key_loaded(sandbox, files):
    nb = notebook("import sys\nleaked = sorted(n for n, m in list(sys.modules.items())\n"
                  "                if hasattr(m, 'answer_key') or 'answer_key' in n)")
    assert sandbox.run(nb, files, ["leaked"]).answers["leaked"] == []


def test_the_learner_sees_its_own_files_and_a_scrubbed_environment(sandbox, files, monkeypatch):
    monkeypatch.setenv("KEYACCOUNT_SECRET_TOKEN", "s3cr3t")
    nb = notebook("import os\nhere = sorted(os.listdir('.'))\nhome = os.environ['HOME'] == os.getcwd()",
                  "env = str(dict(os.environ))\ntry:\n    env += open('/proc/self/environ', 'rb').read().decode()\n"
                  "except OSError:\n    pass")
    answers = sandbox.run(nb, files, ["here", "env", "home"]).answers
    assert answers["here"] == ["my_accounts.csv"] and answers["home"] is True
    assert "s3cr3t" not in answers["env"]


def test_only_the_result_pipe_is_left_open(sandbox, files):
    cell = "import os\nopen_fds = []\nfor fd in range(1024):\n    try:\n        os.fstat(fd)\n        open_fds.append(fd)\n    except OSError:\n        pass"
    assert sandbox.run(notebook(cell), files, ["open_fds"]).answers["open_fds"] == [0, 1, 2, 4]


@needs_root
def test_links_and_pipes_in_a_submission_are_not_followed(sandbox, files, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("秘密")
    secret.chmod(0o600)
    (files / "link.txt").symlink_to(secret)
    os.mkfifo(files / "pipe")
    (files / "sub").mkdir()
    (files / "sub" / "data.csv").write_text("a\n")
    cell = "import os\nhere = sorted(os.path.relpath(os.path.join(d, n)) for d, _, ns in os.walk('.') for n in ns)"
    assert sandbox.run(notebook(cell), files, ["here"]).answers["here"] == ["my_accounts.csv", "sub/data.csv"]


# ---- attacks --------------------------------------------------------------------------
def test_an_endless_cell_is_stopped_and_later_cells_still_run(sandbox, files):
    execution = sandbox.run(notebook("a = 1", "while True:\n    pass", "b = 2"), files, ["a", "b"])
    assert execution.answers == {"a": 1, "b": 2}
    assert execution.problems == ["第 2 个代码单元格运行超过 3 秒，已停止"]


def test_a_loop_that_catches_the_timeout_is_killed_from_outside(sandbox, files):
    cell = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass"
    execution = sandbox.run(notebook("a = 1", cell, "b = 2"), files, ["a", "b"])
    assert execution.answers == {}
    assert_chinese(execution.problems)
    assert "第 2 个代码单元格" in execution.problems[0] and "强制停止" in execution.problems[0]


def test_eating_memory_is_stopped_with_a_memory_reason(sandbox, files):
    execution = sandbox.run(notebook("x = []\nwhile True:\n    x.append(' ' * 10**6)", "b = 2"), files, ["b"])
    assert "第 1 个代码单元格用的内存超过 300 MB，已停止" in execution.problems
    assert execution.answers == {"b": 2}


def own_processes() -> set[int]:
    return {int(p) for p in os.listdir("/proc") if p.isdigit()}


def test_a_fork_bomb_is_refused_and_leaves_no_process_behind(sandbox, files):
    cell = ("import os, time\nn = 0\nwhile True:\n    pid = os.fork()\n    if pid == 0:\n"
            "        time.sleep(600)\n        os._exit(0)\n    n += 1")
    before = own_processes()
    execution = sandbox.run(notebook(cell, "b = 2"), files, ["b", "n"])
    assert "第 1 个代码单元格启动的进程太多，被拒绝了" in execution.problems
    assert execution.answers["b"] == 2 and execution.answers["n"] <= 32
    first_uid = UID_BASE + (os.getpid() % 100_000) * UID_SLOTS
    assert [pid for pid in own_processes() - before if first_uid <= _uid(pid) < first_uid + UID_SLOTS] == []


def _uid(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Uid:"):
                return int(line.split()[1])
    except OSError:
        pass
    return -1


def test_a_huge_print_keeps_the_feedback_small(sandbox, files):
    execution = sandbox.run(notebook("for i in range(10**5):\n    print('刷屏' * 20)", "print('x' * 10**7)", "b = 2"),
                            files, ["b"])
    assert execution.answers == {"b": 2}
    assert "第 1 个代码单元格的输出太多（超过 100 KB），多出的部分没有保留" in execution.problems
    assert "第 2 个代码单元格的输出太多（超过 100 KB），多出的部分没有保留" in execution.problems
    assert len(all_text(execution)) < 3 * 100 * 1024


def test_writing_a_1_gb_file_fails_at_the_file_limit(sandbox, files, tmp_path):
    cell = "with open('big.bin', 'wb') as f:\n    for _ in range(1024):\n        f.write(b'0' * 2**20)"
    execution = sandbox.run(notebook(cell, "b = 2"), files, ["b"])
    assert "第 1 个代码单元格写的文件超过 5 MB，没有写成" in execution.problems
    assert execution.answers == {"b": 2}
    assert not (files / "big.bin").exists()


@needs_root
def test_a_0700_course_folder_cannot_be_read(sandbox, files, tmp_path):
    course = tmp_path / "course"
    course.mkdir(mode=0o700)
    (course / "gradebook.db").write_text("秘密")
    cell = (f"try:\n    leak = open({str(course / 'gradebook.db')!r}).read()\n"
            "except OSError as e:\n    leak = type(e).__name__")
    answers = sandbox.run(notebook(cell), files, ["leak"]).answers
    assert answers["leak"] in ("PermissionError", "FileNotFoundError")


@needs_root
def test_the_clones_course_source_is_hidden_even_though_world_readable(sandbox, files):
    secret = ROOT / "solutions" / "funnel_forecast" / "funnel_forecast.ipynb"
    assert secret.stat().st_mode & 0o004
    cell = f"try:\n    leak = open({str(secret)!r}).read()\nexcept OSError as e:\n    leak = type(e).__name__"
    assert sandbox.run(notebook(cell), files, ["leak"]).answers["leak"] in ("PermissionError", "FileNotFoundError")


@needs_root
def test_the_installed_package_cannot_be_changed(sandbox, files):
    target = Path(keyaccount.__file__).parent / "grading.py"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    cell = (f"try:\n    open({str(target)!r}, 'a').write('\\nscore = lambda *a, **k: 100\\n')\n    result = 'written'\n"
            "except OSError as e:\n    result = type(e).__name__")
    answers = sandbox.run(notebook(cell), files, ["result"]).answers
    assert answers["result"] in ("PermissionError", "OSError")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


@needs_root
def test_a_world_writable_folder_such_as_the_exchange_takes_no_forged_submission(sandbox, files):
    exchange = Path(tempfile.mkdtemp(dir=ROOT, prefix=".exchange-test-"))  # outside every /tmp
    try:
        exchange.chmod(0o777)
        cell = (f"import os\ntry:\n    os.mkdir({str(exchange / 'bob+funnel_forecast')!r})\n    result = 'written'\n"
                "except OSError as e:\n    result = e.errno\nopen('mine.txt', 'w').write('still fine')")
        execution = sandbox.run(notebook(cell), files, ["result"])
        # read-only (EROFS), or not even visible (ENOENT) when the checkout itself lies under the private /tmp
        assert execution.answers["result"] in (errno.EROFS, errno.ENOENT) and execution.problems == []
        assert list(exchange.iterdir()) == []
    finally:
        shutil.rmtree(exchange)


def test_the_network_cannot_be_reached(sandbox, files):
    if sandbox.isolation_note == NOTES[confine.NONE]:
        pytest.skip("this machine allows no network namespace: " + sandbox.isolation_note)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        cell = (f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2).sendall(b'x')\n"
                "    reached = True\nexcept OSError:\n    reached = False")
        answers = sandbox.run(notebook(cell), files, ["reached"]).answers
        with pytest.raises(socket.timeout):
            listener.accept()
    assert answers["reached"] is False


@needs_root
def test_parent_processes_do_not_reveal_where_the_course_is(sandbox, files, tmp_path, monkeypatch):
    course = tmp_path / "course-folder-marker"
    course.mkdir(mode=0o700)
    monkeypatch.chdir(course)
    cell = ("import os\nseen = []\nfor pid in [os.getppid()] + [p for p in os.listdir('/proc') if p.isdigit()]:\n"
            "    try:\n        seen.append(os.readlink(f'/proc/{pid}/cwd'))\n    except OSError:\n        pass")
    cell += "\npids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())"
    answers = sandbox.run(notebook(cell), files, ["seen", "pids"]).answers
    assert not any("marker" in path for path in answers["seen"])
    assert answers["pids"] == [1]  # it sees no process but its own


@needs_root
def test_filling_the_disk_stops_at_the_learners_own_folder(sandbox, files):
    cell = ("written = 0\ntry:\n    for i in range(100):\n        with open(f'f{i}.bin', 'wb') as f:\n"
            "            f.write(b'0' * 4 * 2**20)\n        written += 1\nexcept OSError as e:\n    error = e.errno")
    answers = sandbox.run(notebook(cell), files, ["written", "error"]).answers
    assert answers["written"] < 100 and answers["error"] == 28  # ENOSPC in its own 20 MB folder
    assert sorted(p.name for p in files.iterdir()) == ["my_accounts.csv"]


def test_forged_messages_on_the_result_pipe_only_end_this_learners_run(sandbox, files):
    cell = "import os\nos.write(4, b'\\x00\\x00\\x00\\x10{\"t\": \"answers\", ')\nos.write(4, b'\\xff' * 100)"
    execution = sandbox.run(notebook("a = 1", cell, "b = 2"), files, ["a", "b"])
    assert execution.answers == {}
    assert execution.problems == ["第 2 个代码单元格之后的运行结果太大或无法读取，已停止"]


def test_scripts_svg_and_fake_images_never_leave_the_sandbox(sandbox, files):
    cell = ("from IPython.display import display\n"
            "display({'application/javascript': 'alert(1)', 'image/svg+xml': '<svg onload=alert(1)>',\n"
            "         'image/png': '\" onerror=\"alert(1)', 'text/plain': 'x'}, raw=True)")
    outputs = sandbox.run(notebook(cell), files, []).notebook.cells[0].outputs
    assert [dict(o.data) for o in outputs] == [{"text/plain": "x"}]


def test_a_float_subclass_with_a_lying_eq_is_not_accepted(sandbox, files):
    cell = "class Always(float):\n    def __eq__(self, other):\n        return True\n    __hash__ = float.__hash__\nanswer = Always(0)"
    execution = sandbox.run(notebook(cell), files, ["answer"])
    assert "answer" not in execution.answers
    assert execution.problems == ["answer 不是普通数据（__main__.Always），记 0 分"]


def test_printing_kernel_died_changes_no_reason(sandbox, files):
    cell = "import sys\nprint('Kernel died')\nprint('内核崩溃', file=sys.stderr)\nb = 2"
    execution = sandbox.run(notebook(cell), files, ["b"])
    assert execution.problems == [] and execution.answers == {"b": 2}


@pytest.mark.parametrize("crash", ["import os\nos._exit(1)", "import ctypes\nctypes.string_at(0)"])
def test_a_crash_is_this_learners_reason_only(sandbox, files, tmp_path, crash):
    other = tmp_path / "other"
    other.mkdir()
    right = notebook("import time\ntime.sleep(1)\nb = 2")
    with ThreadPoolExecutor(2) as pool:
        crashed = pool.submit(sandbox.run, notebook("a = 1", crash, "c = 3"), files, ["a", "c"])
        fine = pool.submit(sandbox.run, right, other, ["b"])
        crashed, fine = crashed.result(), fine.result()
    assert fine.problems == [] and fine.answers == {"b": 2}
    assert crashed.answers == {}
    assert_chinese(crashed.problems)
    assert crashed.problems[0].startswith("第 2 个代码单元格")


def test_killing_itself_is_consistent_and_touches_no_one_else(sandbox, files, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    with ThreadPoolExecutor(2) as pool:
        killed = pool.submit(sandbox.run, notebook("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)", "c = 3"),
                             files, ["c"])
        fine = pool.submit(sandbox.run, notebook("import time\ntime.sleep(1)\nb = 2"), other, ["b"])
        killed, fine = killed.result(), fine.result()
    assert fine.problems == [] and fine.answers == {"b": 2}
    if killed.answers:  # isolated, the learner's process is the first of its own PID namespace: immune
        assert killed.answers == {"c": 3} and killed.problems == []
    else:
        assert killed.problems[0].startswith("第 1 个代码单元格")


@needs_root
def test_two_learners_in_parallel_cannot_read_each_others_folders(sandbox, tmp_path):
    search = ("import os, time\nopen(f'secret-{ME}.txt', 'w').write(ME)\nfound = set()\n"
              "end = time.time() + 2\nwhile time.time() < end:\n"
              "    for top in ['/tmp', os.path.dirname(os.getcwd())] + [f'/proc/{p}/cwd' for p in os.listdir('/proc') if p.isdigit()]:\n"
              "        for folder, _, names in os.walk(top, onerror=lambda e: None):\n"
              "            found |= {n for n in names if n.startswith('secret-') and ME not in n}\n"
              "    time.sleep(0.1)")
    folders = []
    for name in ("alice", "bob"):
        folders.append(tmp_path / name)
        folders[-1].mkdir()
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(sandbox.run, notebook(f"ME = {name!r}", search), folder, ["found"])
                for name, folder in zip(("alice", "bob"), folders)]
        results = [r.result() for r in runs]
    for result in results:
        assert result.problems == [] and result.answers["found"] == set()


def test_isolation_note_says_in_chinese_what_is_weaker(sandbox):
    if IS_ROOT:
        assert sandbox.isolation_note is None
    else:
        assert CJK.search(sandbox.isolation_note)


def test_the_sandbox_can_be_used_from_many_threads(sandbox, tmp_path):
    def one(i):
        folder = tmp_path / f"l{i}"
        folder.mkdir()
        return sandbox.run(notebook(f"v = {i}"), folder, ["v"]).answers["v"]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(one, range(8))) == list(range(8))
    assert threading.active_count() < 10


def test_without_fork_a_spawned_warm_process_runs_each_learner(monkeypatch, tmp_path):
    """Windows has no fork: a pool of warm processes, one per learner, never reused."""
    from keyaccount.grader import sandbox as sandbox_module

    monkeypatch.setattr(sandbox_module, "FORK", False)
    folder = tmp_path / "learner"
    folder.mkdir()
    with Sandbox(LIMITS) as box:
        assert CJK.search(box.isolation_note)
        first = box.run(notebook("import os\npid = os.getpid()\na = {1: ('甲',)}", "while True:\n    pass"),
                        folder, ["pid", "a"])
        second = box.run(notebook("import os\npid = os.getpid()"), folder, ["pid"])
    assert first.answers["a"] == {1: ("甲",)}
    assert first.problems == ["第 2 个代码单元格运行超过 3 秒，已停止"]
    assert second.problems == [] and second.answers["pid"] != first.answers["pid"]


WITHOUT_NAMESPACES = """
import json, os, sys
from pathlib import Path
import nbformat
from keyaccount.grader.sandbox import Limits, Sandbox
course, files = Path(sys.argv[1]), Path(sys.argv[2])
cell = (f"import os, time\\nuid = os.getuid()\\ntry:\\n    leak = open({str(course / 'gradebook.db')!r}).read()\\n"
        "except OSError as e:\\n    leak = type(e).__name__\\nif os.fork() == 0:\\n    time.sleep(600)")
with Sandbox(Limits(cell_timeout=5, total_timeout=20)) as box:
    execution = box.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]), files, ["uid", "leak"])
uid = execution.answers["uid"]
left = [p for p in os.listdir("/proc") if p.isdigit() and uid and os.path.exists(f"/proc/{p}/status")
        and f"Uid:\\t{uid}\\t" in open(f"/proc/{p}/status").read()]
print(json.dumps({"note": box.isolation_note, "answers": execution.answers, "left": left}))
"""


@needs_root
@pytest.mark.skipif(not shutil.which("setpriv"), reason="needs util-linux setpriv to drop CAP_SYS_ADMIN")
def test_root_without_namespaces_still_grades_and_says_so(tmp_path):
    """A container's root often lacks CAP_SYS_ADMIN: each job still gets its own uid where the
    Python installation is reachable by it, and the note says what is weaker."""
    import json
    import subprocess
    import sys

    course, files = tmp_path / "course", tmp_path / "files"
    course.mkdir(mode=0o700)
    files.mkdir()
    (course / "gradebook.db").write_text("秘密")
    done = subprocess.run(["setpriv", "--bounding-set=-sys_admin", sys.executable, "-c", WITHOUT_NAMESPACES,
                           str(course), str(files)], capture_output=True, text=True, timeout=300)
    result = json.loads(done.stdout)
    assert CJK.search(result["note"])
    if result["answers"]["uid"] != 0:  # the job ran as its own uid: no course, nothing left behind
        assert result["note"] == NOTES[confine.UID]
        assert result["answers"]["leak"] == "PermissionError" and result["left"] == []
    else:  # this Python lies where only root may go (e.g. pyenv under /root): no uid to drop to
        assert result["note"] == NOTES[confine.NONE]


@needs_root
def test_too_many_submitted_files_are_a_clear_reason(sandbox, files):
    for i in range(5):
        (files / f"big{i}.bin").write_bytes(b"0" * 5 * 2**20)  # 25 MB, the folder holds 4 x 5 MB
    execution = sandbox.run(notebook("a = 1"), files, ["a"])
    assert execution.answers == {}
    assert execution.problems == ["提交的文件太大（合计超过 20 MB），这份作业没有运行"]
