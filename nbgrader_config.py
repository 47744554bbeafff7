"""nbgrader configuration: this repository is itself an nbgrader course.

solutions/ is the source (instructor) version, exercises/ the generated release version.
Everything nbgrader writes at run time (submissions, autograded notebooks, feedback, the
gradebook) goes under course_runtime/, which git ignores.
"""
import os

from keyaccount.course.nbgrader_defaults import apply as apply_kit_defaults

c = get_config()  # noqa: F821 (injected by nbgrader)

here = os.path.dirname(os.path.abspath(__file__))
runtime = "course_runtime"
os.makedirs(os.path.join(here, runtime), exist_ok=True)

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "keyaccount"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.submitted_directory = os.path.join(runtime, "submitted")
c.CourseDirectory.autograded_directory = os.path.join(runtime, "autograded")
c.CourseDirectory.feedback_directory = os.path.join(runtime, "feedback")
c.CourseDirectory.solution_directory = os.path.join(runtime, "solution")
c.CourseDirectory.source_with_tests_directory = os.path.join(runtime, "source_with_tests")
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, runtime, "gradebook.db")
c.Exchange.root = os.path.join(here, runtime, "exchange")

# The kit's shared settings: learner-friendly stubs, no hidden tests in feedback, cell timeout,
# and answer_key.py never copied out of solutions/.
apply_kit_defaults(c)
