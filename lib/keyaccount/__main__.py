"""``python -m keyaccount …`` — the same as the ``keyaccount`` command (handy on Windows when Scripts/ is not on PATH)."""
import sys

from keyaccount.course.cli import main

if __name__ == "__main__":
    sys.exit(main())
