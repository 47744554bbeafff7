"""Accounts of a workshop hub: the roster's learners and the trainer, with initial passwords.

Generated passwords are written to ``初始密码.csv`` in the hub folder, readable by the trainer only
(mode 0600); a password given in the roster is used as it is. Running the hub again keeps every
password already handed out.
"""
import csv
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from keyaccount.hub.roster import Learner

PASSWORDS = "初始密码.csv"
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied from paper
HEADER = ["姓名", "账号", "分组", "初始密码"]


@dataclass(frozen=True)
class Account:
    name: str
    account: str
    group: str
    password: str
    admin: bool = False


def new_password() -> str:
    """Three groups of four easy-to-read characters, e.g. ``k7pm-3xqa-9fw2`` (about 70 bits)."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


def accounts(hub_dir: Path, learners: list[Learner], trainer: str) -> list[Account]:
    """The trainer and every learner with a password: kept from the passwords file, given, or new."""
    known = read_passwords(hub_dir / PASSWORDS)
    result = [Account("培训师", trainer, "", known.get(trainer) or new_password(), admin=True)]
    for learner in learners:
        password = known.get(learner.account) or learner.password or new_password()
        result.append(Account(learner.name, learner.account, learner.group, password))
    _write(hub_dir / PASSWORDS, result)
    return result


def read_passwords(path: Path) -> dict[str, str]:
    """Account → initial password, from the trainer's passwords file."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["账号"]: row["初始密码"] for row in csv.DictReader(handle) if row.get("账号")}


def _write(path: Path, accounts_: list[Account]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:  # utf-8-sig: Excel opens it in Chinese
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for a in accounts_:
            writer.writerow([a.name, a.account, a.group, a.password])
