"""Answers given before Ctrl-C, kept so that `assess --resume` continues where it stopped."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialready import answers as answers_mod
from socialready import files, questionnaire
from socialready.errors import BadInput, FileProblem, msg
from socialready.planfile import yamlio


@dataclass
class Session:
    answers: dict[str, Any]
    target: Path | None
    language: str


def state_file() -> Path:
    """$XDG_STATE_HOME/socialready/resume.yaml (~/.local/state/... by default)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "socialready" / "resume.yaml"


def save(session: Session) -> Path:
    path = state_file()
    data = {
        "target": str(session.target) if session.target else None,
        "language": session.language,
        "answers": answers_mod.to_nested(questionnaire.load(), session.answers),
    }
    files.write_text(path, yamlio.dumps(data))
    return path


def load() -> Session:
    path = state_file()
    if not path.exists():
        raise BadInput(msg("resume.nothing"))
    data = yamlio.loads(files.read_text(path), str(path))
    if not isinstance(data, dict) or data.get("language") not in questionnaire.LANGUAGES:
        raise FileProblem(path, msg("resume.not_resume_file"))
    given = answers_mod.from_nested(questionnaire.load(), data.get("answers"), str(path))
    target = data.get("target")
    if target is not None and (not isinstance(target, str) or not target.strip()):
        raise FileProblem(path, msg("resume.bad_target", command="assess"))
    return Session(given, Path(target) if target else None, data["language"])


def clear() -> None:
    state_file().unlink(missing_ok=True)


def review_state_file() -> Path:
    """A review interrupted is kept apart from an assessment: both can wait at once."""
    return state_file().with_name("review-resume.yaml")


def save_review(session: Session) -> Path:
    """The review answers as given (flat ids); `review --resume` checks them against the plan."""
    path = review_state_file()
    data = {
        "target": str(session.target) if session.target else None,
        "language": session.language,
        "answers": dict(session.answers),
    }
    files.write_text(path, yamlio.dumps(data))
    return path


def load_review() -> Session:
    path = review_state_file()
    if not path.exists():
        raise BadInput(msg("resume.nothing_review"))
    data = yamlio.loads(files.read_text(path), str(path))
    if not isinstance(data, dict) or data.get("language") not in questionnaire.LANGUAGES:
        raise FileProblem(path, msg("resume.not_review_resume_file"))
    answers = data.get("answers") or {}
    if not isinstance(answers, dict) or not all(isinstance(key, str) for key in answers):
        raise FileProblem(path, msg("resume.bad_review_answers"))
    target = data.get("target")
    if not isinstance(target, str) or not target.strip() or "\0" in target:
        raise FileProblem(path, msg("resume.bad_review_target"))
    return Session(dict(answers), Path(target), data["language"])


def clear_review() -> None:
    review_state_file().unlink(missing_ok=True)
