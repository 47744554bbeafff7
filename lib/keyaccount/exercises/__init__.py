"""What the exercise notebooks show: question helpers per assignment (labels, shuffled phrases).

Never an answer: the answer keys live beside the instructor source, in
``solutions/<assignment>/answer_key.py`` (see ``keyaccount.course.keys``).
"""
