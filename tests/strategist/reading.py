"""Reading plans as a strategist reads them: the answers of an organisation, its plan, and the
checks that hold in English and in Dutch (what a sentence asks of the organisation, which figures it
cites, whom it asks to take part).

The answers are read inside the tests, never at import, so that a questionnaire or catalogue that
does not (yet) know an answer makes those tests fail instead of stopping the collection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from socialready.model import Generated

HERE = Path(__file__).parent / "organisations"
LANGS = ("en", "nl")
TIERS = ("minimum", "standard", "ambitious")
VERDICT_RANK = {"not_yet": 0, "start_small": 1, "ready": 2}
KIND_RULES = (
    "kind.minors-photo-consent",
    "kind.health-confidentiality",
    "kind.government-archiving",
    "kind.government-accessibility",
    "kind.no-political-ads",
)

Result = Generated
Answers = dict[str, Any]
Check = Callable[[Result, Answers, str], list[str]]
"""A check reads a plan (with the answers it came from and its language) and lists what is wrong."""

READY = frozenset({"ready"})
READY_OR_SMALL = frozenset({"ready", "start_small"})
AT_MOST_START_SMALL = frozenset({"start_small", "not_yet"})
NOT_YET = frozenset({"not_yet"})


# --- Reading answers and making plans, only when a test asks --------------------------------------


@cache
def _questions() -> Any:
    from socialready import questionnaire

    return questionnaire.load()


@cache
def _catalog() -> Any:
    from socialready import catalog

    return catalog.load()


FORMAT_3 = {"organisation.country", "channels.current", "goals.objectives"}


@cache
def _answers(slug: str, folder: Path = HERE) -> tuple[tuple[str, Any], ...]:
    """The complete answers of an answers file (format 3; read even by a questionnaire that does
    not know format 3 yet, so the rules are judged on what the file says)."""
    from socialready import answers
    from socialready.errors import AnswerError
    from socialready.planfile import yamlio

    path = folder / f"{slug}.yaml"
    data = yamlio.loads(path.read_text("utf-8"), str(path))
    try:
        filled, missing = answers.complete(
            _questions(), answers.from_nested(_questions(), data, str(path))
        )
        assert not missing, f"{path.name}: unanswered {missing}"
        return tuple(filled.items())
    except AnswerError:  # a questionnaire that does not know answers format 3 yet
        flat = {
            f"{part}.{key}": value for part, fields in data.items() for key, value in fields.items()
        }
        known = {k: v for k, v in flat.items() if k not in FORMAT_3 and k in _questions().by_key}
        filled = answers.with_defaults(_questions(), known)
        filled.update(flat)
        return tuple(filled.items())


def given(slug: str, folder: Path = HERE) -> Answers:
    """The complete answers of one organisation (a fresh dict each time)."""
    return dict(_answers(slug, folder))


def advise(given_answers: Answers, lang: str) -> Result:
    """The advice the rules give for these answers."""
    from socialready import rules

    result: Result = rules.generate(given_answers, _catalog(), _questions(), lang)
    return result


@cache
def _plan(slug: str, lang: str) -> Result:
    return advise(given(slug), lang)


def plan(slug: str, lang: str) -> Result:
    return _plan(slug, lang)


# --- Reading a plan -------------------------------------------------------------------------------


def recommended(result: Result) -> list[str]:
    return [item["channel"] for item in result["channels"]["recommended"]]


def not_now(result: Result) -> dict[str, str]:
    return {item["channel"]: item["why"] for item in result["channels"]["not_now"]}


def rule_ids(result: Result) -> list[str]:
    dimensions = result["readiness"]["dimensions"].values()
    return [finding["rule"] for dimension in dimensions for finding in dimension["findings"]]


def step_actions(result: Result, *step_ids: str) -> list[str]:
    return [
        action for step in result["steps"] if step["id"] in step_ids for action in step["actions"]
    ]


def channel_name(channel_id: str, lang: str) -> str:
    """The channel's name as the plan shows it (from the catalogue when it knows the channel)."""
    channels = _catalog().channels
    if channel_id in channels:
        return str(channels[channel_id].name[lang])
    return channel_id.replace("_", " ").title()


def mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


NEGATION = re.compile(
    r"\b(never|not|no|nothing|don't|without|nooit|niet|geen|niets|zonder)\b", re.IGNORECASE
)


def sentences(texts: Iterable[str]) -> list[str]:
    """The texts cut into sentences (a channel's reason holds several)."""
    return [part for text in texts for part in re.split(r"(?<=[.!?])\s+", text) if part]


def _matching(texts: Iterable[str], pattern: str, *, allow: str | None = None) -> list[str]:
    """The sentences of `texts` that match `pattern`, leaving out those that forbid it (a negation)
    or that match `allow`."""
    found = []
    for sentence in sentences(texts):
        if not re.search(pattern, sentence, re.IGNORECASE) or NEGATION.search(sentence):
            continue
        if allow and re.search(allow, sentence, re.IGNORECASE):
            continue
        found.append(sentence)
    return found


# --- What a strategist reads in the steps (English and Dutch alike) -------------------------------


LIVE_STEPS = ("be_active", "share", "monitor", "co_create")  # steps 4–7


def live_channel_actions(result: Result) -> list[str]:
    """Actions in steps 4–7 that put the organisation to work on a live channel now.

    That is 'Start on Facebook: …', 'Keep Facebook: …', 'Continue LinkedIn: …' and the Dutch 'Begin
    op …:', 'Houd … aan:', 'Ga door met …:', and dialogue on a running account ('answer every
    reaction', 'end one post a week with a question', 'answer messages …'). A not_yet plan says what
    comes after the first conditions are met instead.
    """
    channel_now = (
        r"^(Start on|Start with|Keep|Continue|Begin op|Begin met|Start op|Houd|Ga door met|Blijf)"
        r"\b[^.:]*:"
    )
    dialogue = (
        r"every reaction|post a week with a question|^Answer messages"
        r"|elke reactie|iedere reactie|bericht per week af met een vraag|^Reageer op berichten"
    )
    actions = step_actions(result, *LIVE_STEPS)
    return [a for a in actions if re.search(channel_now, a)] + _matching(actions, dialogue)


def public_answering_actions(result: Result) -> list[str]:
    """Actions in steps 5–7 (share, monitor, co-create) that have the organisation answer in
    public: 'answer questions in public', 'answer every reaction', 'experts … answer with you'.

    A broadcast-only organisation chose not to hold public conversations; a sentence that forbids
    it ('never answer a patient's question in public', 'channels without public reactions') or
    moves it out of sight ('answer in a private message') is fine.
    """
    pattern = (
        r"\b(answer|reply|respond|react)\w*\b[^.;]*\b(in public|publicly|openly)\b"
        r"|\bpublic(ly)? (answer|repl|respon)|\bevery (reaction|comment)\b|\banswer with you\b"
        r"|\b(beantwoord|antwoord|reageer|reageren)\w*\b[^.;]*\b(openbaar|publiekelijk)\b"
        r"|\bopenba(a)?re? (beantwoord|antwoord|reageer|reageren)"
        r"|\b(elke|iedere) (reactie|opmerking)\b|\bsamen met je\b[^.;]*\bbeantwoorden\b"
    )
    return _matching(step_actions(result, "share", "monitor", "co_create"), pattern)


def started_current_channels(result: Result, answers: Answers, lang: str) -> list[str]:
    """Actions in step 4 that 'start' a channel the organisation already runs; a current channel
    is kept or continued, not started."""
    found = []
    for action in step_actions(result, "be_active"):
        head = re.split(r"[:.]", action, maxsplit=1)[0]
        if not re.match(r"(Start|Begin|Open)\b", head):
            continue
        found += [
            action
            for channel in answers["channels.current"]
            if mentions(head, channel_name(channel, lang))
        ]
    return found


def claimed_research(result: Result, answers: Answers) -> list[str]:
    """Step 2 actions that present the channel choice as the organisation's own research, although
    it said where its audience is active is assumed or unknown: then it is the tool's assumption."""
    if answers["audience.whereabouts"] == "researched":
        return []
    pattern = r"your research|je onderzoek|jouw onderzoek|uw onderzoek"
    return _matching(step_actions(result, "media"), pattern)


def asks_everyone(result: Result) -> list[str]:
    """Actions that ask all staff to take part; with reluctant staff, only volunteers do (the
    source: don't force them, start with the willing)."""
    everyone = (
        r"\b(all|every|each) (staff|employees?|colleagues?|members of staff)\b|\beveryone\b"
        r"|\balle (medewerkers|collega'?s|werknemers)\b|\b(iedere|elke) (medewerker|collega)\b"
        r"|\biedereen\b"
    )
    staff = (
        r"\b(let|ask|have|get|invite) (your )?(staff|employees|colleagues|people)\b"
        r"|\b(laat|vraag|nodig) (je )?(medewerkers|collega'?s|werknemers|personeel)\b"
    )
    willing = r"willing|who want|volunteer|die (dat )?willen|wie wil|vrijwillig"
    actions = [a for step in result["steps"] for a in step["actions"]]
    return _matching(actions, everyone) + _matching(actions, staff, allow=willing)


def paid_promotion_advice(result: Result) -> list[str]:
    """Sentences (findings, channel reasons, steps) that advise paying to promote posts, other than
    the warning about political and social-issue ads itself. Since October 2025 Meta and Google take
    no political or social-issue ads in the EU (TTPA), so a campaigning organisation or a public
    body must not be told to budget for promoted posts."""
    sentences = [
        text
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
        if finding["rule"] != "kind.no-political-ads"
        for text in (finding["says"], finding["do"])
    ]
    sentences += [item["why"] for item in result["channels"]["recommended"]]
    sentences += [a for step in result["steps"] for a in step["actions"]]
    pattern = (
        r"promoted|\bpaid\b|\bads?\b|advert|sponsored|\bboost|budget\b[^.;]*\bpromotion"
        r"|promotion\b[^.;]*\bbudget|gepromo|betaald|advertent|adverter|gesponsord"
        r"|budget\b[^.;]*\bpromotie|promotie\b[^.;]*\bbudget"
    )
    return _matching(sentences, pattern, allow=r"politi|social[- ]issue|maatschappelijk|TTPA")


def figures_from_elsewhere(result: Result, country: str) -> list[str]:
    """Channel reasons that cite another country's figures: Pew (US adults) for a Dutch or Belgian
    organisation; Newcom or CBS (Dutch sources) for one outside the Netherlands and Belgium."""
    whys = [item["why"] for item in result["channels"]["recommended"]]
    whys += [item["why"] for item in result["channels"]["not_now"]]
    if country in ("NL", "BE"):
        foreign = r"\bPew\b|\bUS adults\b|\bAmerican|Amerikaan|\bin de VS\b|\bVerenigde Staten\b"
    else:
        foreign = r"\bNewcom\b|\bCBS\b"
    return [why for why in whys if re.search(foreign, why)]


def whatsapp_channel_for_service(result: Result) -> list[str]:
    """A WhatsApp channel is one-way broadcast: it is never recommended for customer service (that
    is WhatsApp Business)."""
    whys = [
        item["why"]
        for item in result["channels"]["recommended"]
        if item["channel"] == "whatsapp_channel"
    ]
    return _matching(whys, r"customer service|klantenservice|klantcontact")


def dialogue_about_other_channels(result: Result, answers: Answers, lang: str) -> list[str]:
    """Findings about dialogue and replies (a crisis plan for a storm of criticism on …, nobody
    watches reactions on …) that name a channel which is neither in the plan nor one the
    organisation runs or considers: they are about its own channels, not the tool's candidates."""
    in_plan = {
        *recommended(result),
        *answers["channels.current"],
        *answers["channels.considering"],
    }
    others = [
        (channel_id, channel_name(channel_id, lang))
        for channel_id in _catalog().channels
        if channel_id not in in_plan
    ]
    found = []
    for dimension in result["readiness"]["dimensions"].values():
        for finding in dimension["findings"]:
            if not finding["rule"].startswith(("dialogue.", "capacity.unmonitored")):
                continue
            text = f"{finding['says']} {finding['do']}"
            found += [
                f"{finding['rule']} names {name}, which is not in the plan or yours"
                for channel_id, name in others
                if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            ]
    return found


def unsourced_figures(result: Result) -> list[str]:
    """Sentences in the channel reasons, cadences and findings that give a figure (a percentage,
    millions of users, minutes a day) without a source and year, and without saying it is an
    assumption; cadences without either; and any citation of the stale figures (Sprout 2016,
    Arise 2017, VerticalResponse 2012) the advice no longer rests on."""
    texts = [item["why"] for item in result["channels"]["recommended"]]
    texts += [item.get("cadence", "") for item in result["channels"]["recommended"]]
    texts += [item["why"] for item in result["channels"]["not_now"]]
    texts += [
        f"{finding['says']} {finding['do']}"
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    ]
    figure = (
        r"\d+(?:[.,]\d+)?\s?%|\b\d+(?:[.,]\d+)?\s?(million|miljoen)\b"
        r"|\b\d+ (minutes|minuten)\b"
    )
    sourced = r"\b(19|20)\d\d\)|\b(assumption|aanname)\b"
    own = r"current rhythm|huidige ritme|what the hours carry|wat de uren dragen"  # your answer
    found = [
        f"figure without a source: {s!r}"
        for s in sentences(texts)
        if re.search(figure, s) and not re.search(sourced, s, re.IGNORECASE)
    ]
    found += [
        f"cadence of {item['channel']} without a source or 'assumption': {item['cadence']!r}"
        for item in result["channels"]["recommended"]
        if item.get("cadence")
        and not re.search(sourced, item["cadence"], re.IGNORECASE)
        and not re.search(own, item["cadence"])
    ]
    stale = r"Sprout Social Index, 2016|Arise, 2017|VerticalResponse, 2012"
    steps = [a for step in result["steps"] for a in step["actions"]]
    found += [f"stale figure: {s!r}" for s in sentences([*texts, *steps]) if re.search(stale, s)]
    return found


def unmentioned_ahead(result: Result, answers: Answers) -> list[str]:
    """Recommended channels the organisation did not mention that get a higher cadence tier than a
    channel it runs or considers: a channel nobody mentioned is suggested only on evidence, never
    ahead of a current or considered channel that reaches the audience, so spare hours go to those
    first."""
    mentioned = {*answers["channels.current"], *answers["channels.considering"]}
    items = [item for item in result["channels"]["recommended"] if item.get("tier") in TIERS]
    tiers = [TIERS.index(item["tier"]) for item in items if item["channel"] in mentioned]
    if not tiers:
        return []
    return [
        f"{item['channel']} ({item['tier']}) above a channel you mentioned ({TIERS[min(tiers)]})"
        for item in items
        if item["channel"] not in mentioned and TIERS.index(item["tier"]) > min(tiers)
    ]


def new_channels_when_starting_small(result: Result, answers: Answers) -> list[str]:
    """'Start small: begin with one channel and the willing': besides what it already runs (and
    an internal network to get used to it), a start_small plan starts at most one new channel."""
    if result["readiness"]["verdict"] != "start_small":
        return []
    new = [
        channel
        for channel in recommended(result)
        if channel not in answers["channels.current"] and channel != "internal_network"
    ]
    return [f"start_small, yet starts {len(new)} new channels: {new}"] if len(new) > 1 else []


def guidelines_instead_of_block(result: Result) -> list[str]:
    """With social media blocked at work, step 3 has an action that replaces the block with
    guidelines; returns a problem when it has none."""
    pattern = (
        r"(guideline|richtlijn)[^.]*\b(ban|block|verbod|blokk)"
        r"|(ban|block|verbod|blokk)[^.]*(guideline|richtlijn)"
    )
    if any(re.search(pattern, a, re.IGNORECASE) for a in step_actions(result, "organise")):
        return []
    return ["step 3 has no action to replace the block at work with guidelines"]


# --- Checks for one organisation (used in the table) ----------------------------------------------


def baseline_target_date(result: Result, answers: Answers, lang: str) -> list[str]:
    """Step 3 gives the goals a baseline, a target and a date to check them."""
    words = {
        "en": (
            r"baseline|starting point|where you (stand|are) now",
            r"target",
            r"\bdates?\b|deadline",
        ),
        "nl": (
            r"nulmeting|beginwaarde|startwaarde|uitgangswaarde|uitgangssituatie|vertrekpunt",
            r"streef|doel",
            r"datum|deadline",
        ),
    }[lang]
    text = "\n".join(step_actions(result, "organise"))
    missing = [word for word in words if not re.search(word, text, re.IGNORECASE)]
    return [f"step 3 lacks /{word}/ (baseline, target, date)" for word in missing]


def no_paid_promotion(result: Result, answers: Answers, lang: str) -> list[str]:
    return [f"advises paid promotion: {s!r}" for s in paid_promotion_advice(result)]


def internal_network_first(result: Result, answers: Answers, lang: str) -> list[str]:
    """In step 4 the internal network comes before any public channel, so colleagues get used to
    it without everything being public."""
    actions = step_actions(result, "be_active")
    internal = r"internal (social )?network|intern(e)? (sociaal )?netwerk|Viva Engage|Yammer"
    first_internal = next(
        (i for i, a in enumerate(actions) if re.search(internal, a, re.IGNORECASE)), None
    )
    if first_internal is None:
        return ["step 4 does not mention the internal network"]
    public = [channel_name(c, lang) for c in recommended(result) if c != "internal_network"]
    first_public = next(
        (i for i, a in enumerate(actions) if any(mentions(a, name) for name in public)), None
    )
    if first_public is not None and first_public < first_internal:
        return [f"a public channel comes before the internal network: {actions[first_public]!r}"]
    return []


def reviews_at_3_6_and_12_months(result: Result, answers: Answers, lang: str) -> list[str]:
    """Step 8 plans reviews at 3, 6 and 12 months (a short horizon needs them most)."""
    text = "\n".join(step_actions(result, "persevere"))
    if all(re.search(rf"(?<!\d){n}(?!\d)", text) for n in ("3", "6", "12")):
        return []
    return ["step 8 has no reviews at 3, 6 and 12 months"]


def research_first(result: Result, answers: Answers, lang: str) -> list[str]:
    """Steps 1 and 2 have research actions: who the audience is, and where it is active."""
    research = r"research|find out|ask |talk to|onderzo|zoek uit|vraag |praat met"
    return [
        f"step {number} ({step}) has no research action"
        for number, step in ((1, "audience"), (2, "media"))
        if not any(re.search(research, a, re.IGNORECASE) for a in step_actions(result, step))
    ]


def not_now_because(channel: str, *words: str) -> Check:
    """`channel` is in not_now, and its reason says one of `words` (give them in both languages)."""

    def check(result: Result, answers: Answers, lang: str) -> list[str]:
        why = not_now(result).get(channel)
        if why is None:
            return [f"{channel} is not in not_now"]
        if not any(re.search(word, why, re.IGNORECASE) for word in words):
            return [f"not_now[{channel}] gives no reason with any of {words}: {why!r}"]
        return []

    check.__doc__ = f"{channel} is in not_now, saying why ({' / '.join(words)})."
    return check


def uses_hours(at_least: float) -> Check:
    """The recommended channels together use at least `at_least` hours a week: the hours the
    organisation has are put to work, not left idle behind a fixed cap."""

    def check(result: Result, answers: Answers, lang: str) -> list[str]:
        used = sum(item["hours_per_week"] for item in result["channels"]["recommended"])
        if used < at_least:
            return [
                f"uses {used} of {answers['capacity.hours_per_week']} hours, expected ≥ {at_least}"
            ]
        return []

    return check


# --- The table: one organisation a row ------------------------------------------------------------
