"""Answers given before Ctrl-C, kept so that `assess --resume` and `review --resume` continue
where they stopped: one store, a file for each command (both can wait at once)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from socialready import answers as answers_mod
from socialready import files, questionnaire
from socialready.errors import BadInput, FileProblem, SocialreadyError, msg
from socialready.model import Answers, NestedAnswers
from socialready.planfile import yamlio


@dataclass
class Session:
    answers: Answers
    target: Path | None
    language: str
    unfinished: Answers = field(default_factory=dict)  # see flow.Stopped; offered on --resume


def state_folder() -> Path:
    """$XDG_STATE_HOME/socialready (~/.local/state/socialready by default)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "socialready"


class Store(NamedTuple):
    """Where one command keeps an interrupted session, and what it says of a file it cannot use.

    The assessment's answers are kept nested by part, as in an answers file, and read back
    checked; the review's as flat ids, which `review --resume` checks against the plan."""

    command: str
    file_name: str
    nested: bool
    target_required: bool
    nothing: str  # message ids
    not_file: str
    bad_target: str
    bad_answers: str = ""  # flat answers that are no mapping of ids (nested: from_nested says)

    def path(self) -> Path:
        return state_folder() / self.file_name

    def save(self, session: Session) -> Path:
        path = self.path()
        kept: NestedAnswers | Answers = (
            answers_mod.to_nested(questionnaire.load(), session.answers)
            if self.nested
            else dict(session.answers)
        )
        data: dict[str, object] = {
            "target": str(session.target) if session.target else None,
            "language": session.language,
            "answers": kept,
        }
        if session.unfinished:
            data["unfinished"] = dict(session.unfinished)
        files.write_text(path, yamlio.dumps(data))
        return path

    def load(self) -> Session:
        path = self.path()
        if not path.exists():
            raise BadInput(msg(self.nothing))
        data = yamlio.loads(files.read_text(path), str(path))
        if not isinstance(data, dict) or data.get("language") not in questionnaire.LANGUAGES:
            raise FileProblem(path, msg(self.not_file))
        if self.nested:
            given = answers_mod.from_nested(questionnaire.load(), data.get("answers"), str(path))
        else:
            given = data.get("answers") or {}
            if not isinstance(given, dict) or not all(isinstance(key, str) for key in given):
                raise FileProblem(path, msg(self.bad_answers))
        target = data.get("target")
        if (target is not None or self.target_required) and (
            not isinstance(target, str) or not target.strip() or "\0" in target
        ):
            raise FileProblem(path, msg(self.bad_target, command=self.command))
        unfinished = _unfinished(data.get("unfinished"))
        if unfinished is None:
            raise FileProblem(path, msg(self.not_file))
        return Session(dict(given), Path(target) if target else None, data["language"], unfinished)

    def resumed(self, target: Path | None) -> Session:
        """`--resume`: the answers, the plan and the language kept; a PLAN named on the command
        line goes first."""
        session = self.load()
        session.target = target or session.target
        return session

    def clear(self) -> None:
        self.path().unlink(missing_ok=True)


def _unfinished(data: object) -> Answers | None:
    """What a session had begun to answer of a question of several parts: each channel one of
    the question's with the parts said so far (a mapping, as the session keeps it), each as the
    question itself takes it (answers.validate); None when the file holds anything else."""
    if data is None:
        return {}
    qs = questionnaire.load()
    if not isinstance(data, dict):
        return None
    for key, so_far in data.items():
        question = qs.by_key.get(key) if isinstance(key, str) else None
        if question is None or question.kind != "channels" or not isinstance(so_far, dict):
            return None
        if not all(isinstance(parts, dict) for parts in so_far.values()):
            return None
        try:
            answers_mod.validate(question, so_far)
        except SocialreadyError:
            return None
    return dict(data)


ASSESS = Store(
    "assess",
    "resume.yaml",
    nested=True,
    target_required=False,
    nothing="resume.nothing",
    not_file="resume.not_resume_file",
    bad_target="resume.bad_target",
)
REVIEW = Store(
    "review",
    "review-resume.yaml",
    nested=False,
    target_required=True,
    nothing="resume.nothing_review",
    not_file="resume.not_review_resume_file",
    bad_target="resume.bad_review_target",
    bad_answers="resume.bad_review_answers",
)
