"""A folder of alike questions (issue 14, item 3): the questionnaire is bounded across files.

Any questionnaire's questions share most of their words and letters, so neither the cap of 100
questions a file nor the word index bounded a folder: 60 files of 100 such questions took 32 s
for ``questions``. Hang detectors under a generous timeout, not benchmarks (each now takes well
under 2 s).
"""

from __future__ import annotations

import subprocess

from testimony_tui.core.model import Answer, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.core.questionnaire import Questionnaire

from . import hostile
from .command import cli

TIMEOUT = 20


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return cli(*args, timeout=TIMEOUT, **kwargs)


def testimony(slug: str, questions: list[str]) -> Testimony:
    entries = tuple(Entry(question, Answer((Paragraph((Span("yes"),)),))) for question in questions)
    return Testimony(slug, f"{slug}.md", Format.MARKDOWN, slug.title(), sections=(Section("S", entries),))


def test_questions_and_compare_of_sixty_files_of_alike_questions(tmp_path):
    hostile.questionnaire_folder(tmp_path, files=60)
    process = run("questions", "--no-cache", str(tmp_path))
    assert process.returncode == 0, process.stderr
    assert "What did you learn when migrating the" in process.stdout
    process = run("compare", "--no-cache", "learn", str(tmp_path))
    assert process.returncode == 0, process.stderr
    assert "What did you learn when migrating the" in process.stdout


def test_long_questions_of_several_sentences_across_files(tmp_path):
    """Each question of about 300 characters in two sentences: matched as merged questions too."""
    hostile.questionnaire_folder(tmp_path, files=30, greek=18, sentences=2)
    process = run("questions", "--no-cache", str(tmp_path))
    assert process.returncode == 0, process.stderr
    assert "What did you learn when migrating the" in process.stdout


def test_rewordings_stay_one_question_among_thousands_of_alike_ones():
    real = [
        *(testimony(f"r{n}", ["Have you faced blockers?", "How long did it take?"]) for n in range(20)),
        testimony("b", ["Have you faced blockers? If so, which?", "Roughly, how long did it take?"]),
        testimony("c", ["Have you faced any blockers?"]),
    ]
    flood = [testimony(f"q{n}", hostile.alike_questions(seed=n)) for n in range(60)]
    # In this process, for what it groups; the folder of the same size above, under the command's
    # timeout, is the hang detector.
    questionnaire = Questionnaire.build([*real, *flood])
    assert set(questionnaire.find("have you faced blockers").wordings) == {
        "Have you faced blockers?",
        "Have you faced blockers? If so, which?",
        "Have you faced any blockers?",
    }
    assert set(questionnaire.find("how long did it take").wordings) == {
        "How long did it take?",
        "Roughly, how long did it take?",
    }
    answered = dict(zip(questionnaire.questions, questionnaire.answered_counts([*real, *flood]), strict=True))
    assert answered[questionnaire.find("Have you faced blockers?")] == 22
