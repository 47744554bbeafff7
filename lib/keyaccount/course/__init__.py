"""Course operations on the repository as an nbgrader course (solutions/ → exercises/)."""
