"""Run code in a learner's kernel on a workshop hub, the way JupyterLab does: start a kernel through the
Jupyter REST API, send an execute_request over the kernel's websocket (through the hub's proxy)."""
import json
import uuid

import websocket

from hub_client import HubClient


def run_in_kernel(client: HubClient, account: str, token: str, code: str, timeout: float = 120) -> str:
    """What ``code`` printed in a fresh kernel of ``account``'s JupyterLab (raises on a Python error)."""
    prefix = f"/user/{account}/api/kernels"
    status, kernel = client.api("POST", prefix, {"name": "python3"}, token=token)
    assert status == 201, (status, kernel)
    socket = websocket.create_connection(client.base.replace("http", "ws", 1) + f"{prefix}/{kernel['id']}/channels",
                                         header=[f"Authorization: token {token}"], timeout=timeout)
    try:
        msg_id = uuid.uuid4().hex
        socket.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": account,
                       "session": uuid.uuid4().hex, "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        out = []
        while True:
            message = json.loads(socket.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind == "error":
                raise RuntimeError("\n".join(content["traceback"]))
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(out)
    finally:
        socket.close()
        client.api("DELETE", f"{prefix}/{kernel['id']}", token=token)
