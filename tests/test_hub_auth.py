"""The hub's log-in across restarts: a learner taken off the roster can no longer log in and JupyterHub is told
to forget them; a learner who changed the initial password is not asked again after a restart, and whether
someone still has the initial password is known without a bcrypt check on every request."""
import asyncio

import pytest

from keyaccount.hub.accounts import accounts
from keyaccount.hub.roster import Learner

orm = pytest.importorskip("jupyterhub.orm", reason="needs JupyterHub (pip install \"keyaccount[hub]\")")
from keyaccount.hub.auth import WorkshopAuthenticator  # noqa: E402  (needs nativeauthenticator, with JupyterHub)

ZS, LS = Learner("张三", "zs"), Learner("李四", "ls")


def start(tmp_path, learners):
    """What a start of ``keyaccount hub`` does for log-in: the passwords file, then the authenticator."""
    made = {a.account: a.password for a in accounts(tmp_path / "hub", learners, "trainer")}
    db = orm.new_session_factory(f"sqlite:///{tmp_path / 'jupyterhub.sqlite'}")()
    return WorkshopAuthenticator(hub_dir=str(tmp_path / "hub"), db=db), made


def log_in(auth, account, password):
    return asyncio.run(auth.authenticate(None, {"username": account, "password": password}))


def test_taken_off_the_roster_no_log_in_after_a_restart_and_a_changed_password_stays_changed(tmp_path, monkeypatch):
    auth, initial = start(tmp_path, [ZS, LS])
    assert log_in(auth, "ls", initial["ls"]) == "ls"
    assert auth.still_initial("zs") and auth.still_initial("ls")
    assert auth.change_password("zs", "zhang-own-2026")
    assert not auth.still_initial("zs")

    auth, _ = start(tmp_path, [ZS])  # restarted with 李四 taken off the roster
    assert log_in(auth, "ls", initial["ls"]) is None
    assert log_in(auth, "zs", "zhang-own-2026") == "zs"
    import nativeauthenticator.orm

    def no_bcrypt(*args):
        raise AssertionError("a bcrypt check")

    monkeypatch.setattr(nativeauthenticator.orm.bcrypt, "checkpw", no_bcrypt)
    assert not auth.still_initial("zs"), "not asked again to change the password"
    assert auth.still_initial("trainer") and not auth.still_initial("ls")
    monkeypatch.undo()

    db = auth.db
    left, stays = orm.User(name="ls"), orm.User(name="zs")
    db.add_all([left, stays])
    db.commit()
    with pytest.raises(ValueError, match="不在名单上"):  # JupyterHub then deletes the user: no session, no token
        auth.add_user(left)
    auth.add_user(stays)

    auth, again = start(tmp_path, [ZS, LS])  # back on the roster: a new initial password, asked to change it
    assert again["ls"] != initial["ls"] and log_in(auth, "ls", again["ls"]) == "ls"
    assert auth.still_initial("ls") and not auth.still_initial("zs")
