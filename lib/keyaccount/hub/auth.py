"""Log-in for a workshop hub: NativeAuthenticator with no sign-up, accounts only from the roster.

The accounts of the trainer's passwords file are created at start (bcrypt-hashed, authorised);
one already there keeps the password its owner chose. An account no longer in the file (taken off
the roster) loses its password, its sessions and its tokens at the next start. Whoever still uses
the initial password is asked to change it before their JupyterLab starts: who has changed it is
kept in ``password_changed.json`` of the hub folder (no bcrypt check per request).
"""
import json
import os
import signal
from pathlib import Path

import bcrypt
from jupyterhub.utils import url_path_join
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import LoginHandler
from nativeauthenticator.orm import UserInfo
from tornado import web
from traitlets import Unicode

from keyaccount.hub.accounts import PASSWORDS, read_passwords

CHANGED = "password_changed.json"


class FirstLoginHandler(LoginHandler):
    """After logging in with the initial password, the learner lands on the change-password page."""

    def get_next_url(self, user=None, default=None):
        if user is not None and self.authenticator.still_initial(user.name):
            return url_path_join(self.hub.base_url, "change-password")
        return super().get_next_url(user, default)


class WorkshopAuthenticator(NativeAuthenticator):
    hub_dir = Unicode(config=True, help="The hub folder with the trainer's passwords file.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.enable_signup = False
        self.open_signup = False
        self.initial = read_passwords(Path(self.hub_dir) / PASSWORDS)
        self.changed = set(_read_list(self._changed_file)) & set(self.initial)
        for info in self.db.query(UserInfo).all() if self.initial else []:  # no file: nothing is dropped
            if info.username not in self.initial:  # taken off the roster
                self.db.delete(info)
        for account, password in self.initial.items():
            if UserInfo.find(self.db, account) is None:
                hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
                self.db.add(UserInfo(username=account, password=hashed, is_authorized=True))
                self.changed.discard(account)
        self.db.commit()
        self._save_changed()

    @property
    def _changed_file(self) -> Path:
        return Path(self.hub_dir) / CHANGED

    def _save_changed(self) -> None:
        temp = self._changed_file.with_suffix(".tmp")
        temp.write_text(json.dumps(sorted(self.changed)), encoding="utf-8")
        os.replace(temp, self._changed_file)

    def still_initial(self, account: str) -> bool:
        """True while the account's password is the one the trainer handed out."""
        return account in self.initial and account not in self.changed

    def change_password(self, username, new_password):
        done = super().change_password(username, new_password)
        if done:
            self.changed.add(username)
            self._save_changed()
        return done

    def add_user(self, user):
        """JupyterHub's users at start: one no longer on the roster is refused, so that JupyterHub deletes it
        (``delete_invalid_users``) with its sessions and tokens; a JupyterLab it left running is stopped."""
        if user.name not in self.initial:
            for spawner in user.orm_spawners.values():
                _stop_lab((spawner.state or {}).get("pid"), user.name)
            raise ValueError(f"{user.name} 不在名单上")
        return super().add_user(user)

    def get_handlers(self, app):
        return [(path, FirstLoginHandler if path == r"/login" else handler)
                for path, handler in super().get_handlers(app)]


def _stop_lab(pid: int | None, account: str) -> None:
    """Stop the learner's JupyterLab at ``pid`` (left running by the last start), if it is still that."""
    try:
        if pid and f"JUPYTERHUB_USER={account}\0".encode() in Path(f"/proc/{pid}/environ").read_bytes():
            os.kill(pid, signal.SIGTERM)
    except OSError:
        pass


def _read_list(path: Path) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [x for x in data if isinstance(x, str)] if isinstance(data, list) else []


def refuse_initial_password(spawner) -> None:
    """No JupyterLab while its owner still has the password the trainer handed out."""
    auth = spawner.authenticator
    if getattr(auth, "still_initial", None) and auth.still_initial(spawner.user.name):
        raise web.HTTPError(403, "请先修改初始密码：打开 /hub/change-password，改好后再回到首页启动。")
