"""大客户销售训练营 — the Key-Account Sales Workshop Kit.

Importing the package configures matplotlib for Chinese text (see ``keyaccount.fonts``).
"""
from keyaccount.fonts import use_chinese_font
from keyaccount.validation import InputError

__all__ = ["InputError", "use_chinese_font"]
__version__ = "0.1.0"

use_chinese_font()
