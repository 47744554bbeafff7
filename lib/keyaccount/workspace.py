"""The learner's workspace: a folder the learner owns, made from the installed package."""
from pathlib import Path

FOLDER_NAME = "大客户销售训练营"


def default_folder() -> Path:
    """Where ``keyaccount start`` puts the workspace when no folder is given: 大客户销售训练营 in the home folder."""
    return Path.home() / FOLDER_NAME
