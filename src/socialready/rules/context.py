"""What every rule reads: the answers, the shipped data and the language, bundled once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar, cast

from socialready import grammar, model
from socialready.answers import ASSUMED
from socialready.catalog import Catalog, Channel
from socialready.grammar import decimal
from socialready.questionnaire import Questionnaire
from socialready.text import fill, fitted, rules_in

VERDICTS = model.VERDICTS  # worst first
T = TypeVar("T")
# What the rules say that follows from the shipped data and the language alone: answers'
# labels in running text, channels named in it, sources cited. Every plan of one questionnaire
# and one catalogue (a run's) shares it: the same repeat from plan to plan. Bounded.
Said = dict[tuple[str, ...], str]
_SAID: dict[tuple[int, int], tuple[Questionnaire, Catalog, Said]] = {}
_SAID_KEPT = 5_000


def _said_for(questionnaire: Questionnaire, catalog: Catalog) -> Said:
    """What is said for every plan of this questionnaire and catalogue (see _SAID)."""
    ids = (id(questionnaire), id(catalog))
    known = _SAID.get(ids)
    if known is None or known[0] is not questionnaire or known[1] is not catalog:
        if len(_SAID) > 8:  # tests make their own: only the latest few are kept
            _SAID.clear()
        known = _SAID[ids] = (questionnaire, catalog, {})  # holds them: the ids stay theirs
    elif len(known[2]) > _SAID_KEPT:
        known[2].clear()
    return known[2]


def verdict_for_score(score: float, thresholds: dict[str, float]) -> model.Verdict:
    """The verdict a score alone earns (rules.yaml's thresholds); findings may cap it lower."""
    if score >= thresholds["ready_from"]:
        return "ready"
    if score >= thresholds["start_small_from"]:
        return "start_small"
    return "not_yet"


class Scored:
    """What the findings' points and caps come to, before any text: each dimension's score, the
    plan's score and the verdict."""

    __slots__ = ("dimensions", "score", "verdict")

    def __init__(
        self, dimensions: dict[model.DimensionName, int], score: int, verdict: model.Verdict
    ) -> None:
        self.dimensions, self.score, self.verdict = dimensions, score, verdict

    @classmethod
    def of(
        cls,
        dimensions: dict[model.DimensionName, int],
        thresholds: dict[str, float],
        *caps: model.Verdict,
    ) -> Scored:
        """The plan's score (the dimensions' average) and the verdict it earns, at best each of
        `caps`."""
        score = round(sum(dimensions.values()) / len(dimensions))
        verdict = min(verdict_for_score(score, thresholds), *caps, key=VERDICTS.index)
        return cls(dimensions, score, verdict)


SLOW_REPLIES = ("within_days", "unmonitored")  # capacity.response_time: replies take days


def situation(answers: Mapping[str, object], catalog: Catalog) -> tuple[str, ...]:
    """Whose own words a plan's sentences take, first the first: "volunteers" for an
    organisation run by them (a club, an association, a congregation, a party: `team:
    volunteer_sectors`), "few" for a couple or one person (micro, two people or fewer: nobody to
    write guidelines for). An energy co-op kept up by one volunteer is both. And "fixed" where
    replies that take days, or that nobody watches yet, are to be answered at two fixed moments
    a week, not every working day: with few hours, or by volunteers (the findings, step 6 and
    the channels that wait for it say so, each in its `_fixed` sentence)."""
    volunteers = answers.get("organisation.sector") in catalog.texts["team"]["volunteer_sectors"]
    people = answers.get("capacity.people")
    few = answers.get("organisation.size") == "micro" and isinstance(people, int) and people <= 2
    hours = answers.get("capacity.hours_per_week")
    few_hours = isinstance(hours, (int, float)) and hours < catalog.thresholds["few_hours"]
    slow = answers.get("capacity.response_time") in SLOW_REPLIES
    fixed = slow and (few_hours or volunteers)
    return ("volunteers",) * volunteers + ("few",) * few + ("fixed",) * fixed


class Context:
    """What every rule reads: the answers, the catalogue, the questionnaire and the language.

    One plan's: what follows from its answers alone is worked out once (`once`), so the answers
    stay as they are while the rules read them; what follows from the data and the language
    alone (`in_text`, `channels`, `cite`), once for every plan (_SAID)."""

    __slots__ = (
        "_once",
        "_said",
        "_sentences",
        "answers",
        "catalog",
        "lang",
        "questionnaire",
        "situation",
    )

    def __init__(
        self, answers: model.Answers, catalog: Catalog, questionnaire: Questionnaire, lang: str
    ) -> None:
        self.answers = answers
        self.catalog = catalog
        self.questionnaire = questionnaire
        self.lang = lang
        self._sentences = rules_in(lang)
        self._once: dict[Callable[[Context], object], object] = {}
        self._said = _said_for(questionnaire, catalog)
        # whose own words the plan's sentences take (see `situation`)
        self.situation = situation(answers, catalog)

    def once(self, make: Callable[[Context], T]) -> T:
        """`make(self)`, worked out once for this plan: what follows from the answers and the
        data alone, read by several rules. Shared by them all: whoever would change it, copies."""
        try:
            return cast(T, self._once[make])  # stored by `make` itself, below: its own T
        except KeyError:
            value = self._once[make] = make(self)
            return value

    def __getitem__(self, key: str) -> model.Answer:
        if key == ASSUMED:  # the keys nobody answered, whose defaults the plan assumes
            return self.answers.get(ASSUMED, ())
        return self.answers[key]

    # The answers by the kind of their question, typed for the rules.

    def choice(self, key: str) -> str:
        """A one-choice answer (or a text one): `willingness.dialogue` -> 'cautious'."""
        value = self.answers[key]  # never the keys assumed: a many-choice answer
        if not isinstance(value, str):  # read a hundred times a plan: the usual case first
            value = model.as_text(value)
            if value is None:
                raise TypeError(f"{key} has no answer")
        return value

    def choices(self, key: str) -> list[str] | tuple[str, ...]:
        """A many-choice answer, or the keys assumed: `goals.objectives` -> ['inform']."""
        return model.as_choices(self[key])

    def whole(self, key: str) -> int:
        """An integer answer: `capacity.people` -> 2."""
        return model.as_whole(self.answers[key])

    def number(self, key: str) -> float:
        """A number or integer answer (an int stays an int): `capacity.people` -> 2."""
        value = model.as_number(self.answers[key])
        if value is None:
            raise TypeError(f"{key} has no answer")
        return value

    def in_use(self) -> dict[str, model.ChannelUse]:
        """The channels in use (`channels.current`), each with how it is used."""
        return model.as_channels(self["channels.current"])

    @property
    def sector(self) -> str:
        """The finer kind (answers format 3); `other` where it was not given."""
        return str(self.answers.get("organisation.sector") or "other")

    def served(self, n: float = 2) -> str:
        """Whom the organisation serves, in its own words: 'huurders', 'inwoners', 'nabestaanden'
        (one: 'huurder'). The sector picks the noun; without one, the kind does."""
        return grammar.one_or_many(n, self.once(Context._served_forms))

    @property
    def volunteers(self) -> bool:
        """Run by volunteers: a club, an association, a congregation or a party."""
        return "volunteers" in self.situation

    @property
    def no_time(self) -> str:
        """Why nobody has time for social media ("" when someone has): "no-people" named, or
        "no-hours" a week for them; the finding's and the channels' reason, `capacity.no-…`."""
        if self.whole("capacity.people") == 0:
            return "no-people"
        return "no-hours" if self.number("capacity.hours_per_week") == 0 else ""

    def team(self) -> str:
        """Who posts for the organisation, in its own words: 'vrijwilligers' where volunteers
        run it, else 'medewerkers'."""
        return self.text("team.volunteers" if self.volunteers else "team.staff")

    def _served_forms(self) -> list[str]:
        words = self.catalog.texts["served"]
        kind = self.choice("organisation.kind")
        noun = words["sectors"].get(self.sector) or words["kinds"][kind]
        forms: list[str] = words["nouns"][noun][self.lang]
        return forms

    def text(self, id: str, /, **params: object) -> str:
        """The rules' sentence `id` (data/rules.yaml) in the plan's language, in the
        organisation's own words where the rules have them (`<id>_volunteers`, `<id>_few`);
        decimals written as its readers write them."""
        sentences = self._sentences
        if self.situation:
            id = fitted(id, self.situation, sentences)
        template = sentences[id]
        if not params and type(template) is str:
            return template  # about half the sentences a plan says: nothing to fill in
        amounts = type(template) is str and grammar.AMOUNT in template  # "{hours:hour}"
        for key, value in params.items():
            if amounts and isinstance(value, (int, float)) and not isinstance(value, bool):
                params[key] = grammar.Amount(value, self.lang)
            elif isinstance(value, float):
                params[key] = decimal(value, self.lang)
        return fill(template, params)

    def labels(self, key: str, values: list[str] | tuple[str, ...]) -> str:
        """Choice labels joined for a sentence: 'Adults (30–64) and Seniors (65+)'."""
        question = self.questionnaire.question(key)
        names = [question.label(value, self.lang) for value in values]
        return self.join(names)

    def assumed_answers(self) -> str:
        """Each assumed answer by its name and the value assumed: 'sector: something else'."""
        parts = []
        for key in self.choices(ASSUMED):
            label = self.questionnaire.question(key).label(self.choice(key), self.lang)
            value = grammar.lower_first(label)
            parts.append(f"{self.text(f'assumed_answers.{key}')}: {value}")
        return "; ".join(parts)

    def join(self, names: list[str], word: str = "and") -> str:
        """'A, B and C' / 'A, B en C'."""
        return grammar.join(names, self.lang, word)

    def in_text(self, key: str, values: list[str] | tuple[str, ...]) -> str:
        """Answers' labels inside a sentence, lower case: 'volwassenen (30–64) en ouderen (65+)'."""
        volunteers = self.volunteers
        said = ("labels", self.lang, volunteers, key, *values)
        if said not in self._said:  # the segments and objectives, named in many sentences
            question = self.questionnaire.question(key)
            lang = self.lang
            labels = [
                grammar.label(key, v, question.label(v, lang), lang, volunteers=volunteers)
                for v in values
            ]
            self._said[said] = self.join(labels)
        return self._said[said]

    def channel(self, channel: Channel, form: str = "the") -> str:
        """One channel in running text: 'de nieuwsbrief', 'een blog', 'Facebook'."""
        return grammar.channel(channel.id, channel.name[self.lang], self.lang, form)

    def channels(self, channels: list[Channel], form: str = "the") -> str:
        """Channels in running text, each with its article: 'Facebook en de nieuwsbrief'."""
        said = ("channels", self.lang, form, *(channel.id for channel in channels))
        found = self._said.get(said)
        if found is None:
            named = [(channel.id, channel.name[self.lang]) for channel in channels]
            found = self._said[said] = grammar.channels(named, self.lang, form)
        return found

    def count(self, n: float, noun: str) -> str:
        """'1 bericht', '3 berichten', '2,5 uur'."""
        return grammar.count(n, noun, self.lang)

    def verb(self, name: str, n: float) -> str:
        """A verb agreeing with `n` subjects: 'past' / 'passen'."""
        return grammar.verb(name, n, self.lang)

    @property
    def assumption(self) -> str:
        return self.text("assumption")

    def cite(self, fact_id: str) -> str:
        """A fact's source as cited: 'Newcom, 2025', or the word for an assumption."""
        said = ("cite", self.lang, fact_id)
        found = self._said.get(said)
        if found is None:
            fact = self.catalog.facts[fact_id]
            found = self._said[said] = fact.cite(self.lang, self.assumption)
        return found
