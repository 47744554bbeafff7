"""Log-in for a workshop hub: NativeAuthenticator with no sign-up, accounts only from the roster.

The accounts of the trainer's passwords file are created at start (bcrypt-hashed, authorised);
one already there keeps the password its owner chose. Whoever still uses the initial password is
asked to change it before their JupyterLab starts.
"""
from pathlib import Path

import bcrypt
from jupyterhub.utils import url_path_join
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import LoginHandler
from nativeauthenticator.orm import UserInfo
from tornado import web
from traitlets import Unicode

from keyaccount.hub.accounts import PASSWORDS, read_passwords


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
        for account, password in self.initial.items():
            if UserInfo.find(self.db, account) is None:
                hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
                self.db.add(UserInfo(username=account, password=hashed, is_authorized=True))
        self.db.commit()

    def still_initial(self, account: str) -> bool:
        """True while the account's password is the one the trainer handed out."""
        info = UserInfo.find(self.db, account)
        password = self.initial.get(account)
        return bool(info and password and info.is_valid_password(password))

    def get_handlers(self, app):
        return [(path, FirstLoginHandler if path == r"/login" else handler)
                for path, handler in super().get_handlers(app)]


def refuse_initial_password(spawner) -> None:
    """No JupyterLab while its owner still has the password the trainer handed out."""
    auth = spawner.authenticator
    if getattr(auth, "still_initial", None) and auth.still_initial(spawner.user.name):
        raise web.HTTPError(403, "请先修改初始密码：打开 /hub/change-password，改好后再回到首页启动。")
