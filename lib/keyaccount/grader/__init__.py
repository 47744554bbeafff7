"""The grading engine: each learner's notebook runs isolated; answers are compared outside it."""
