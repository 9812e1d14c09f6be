"""Words in running text as a native writes them: lists, counts that agree, channel names with
their article, and the answers' labels in lower case. The words are data (data/grammar.yaml);
these functions only choose a form, in the language they are given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from typing import Any

from socialready import packaged


def number(value: float) -> float | int:
    """Whole numbers stay whole (4, not 4.0) so the file reads as typed."""
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def decimal(value: float, lang: str) -> str:
    """2.5 in English, 2,5 in Dutch; whole numbers without decimals."""
    text = f"{number(value):g}"
    return text.replace(".", ",") if lang == "nl" else text


FORMS = ("the", "a", "on", "start")  # de blog, een blog, op de blog, (begin) een blog


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.load_data("grammar")
    return data


def join(items: Sequence[str], lang: str, word: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (Dutch: 'A, B en C'); `word` may be 'or'."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    conjunction: str = _data()["list"][word][lang]
    return ", ".join(items[:-1]) + conjunction + items[-1]


def one_or_many(n: float, forms: Sequence[str]) -> str:
    """The first form for exactly one, the second for any other number (0, 2, 1,5)."""
    return forms[0] if n == 1 else forms[1]


def noun(name: str, n: float, lang: str) -> str:
    """A counted noun without its number: 'post' or 'posts', 'bericht' or 'berichten'."""
    return one_or_many(n, _data()["nouns"][name][lang])


def count(n: float, name: str, lang: str) -> str:
    """'1 post', '3 posts', '2,5 uur': the number as the language writes it, the noun agreeing."""
    return counted(n, _data()["nouns"][name][lang], lang)


def counted(n: float, forms: Sequence[str], lang: str) -> str:
    """`n` as the language writes it, with the one of `forms` (one, many) that agrees with the
    number said: '1 editie', "3 video's"."""
    return f"{decimal(n, lang)} {one_or_many(number(n), forms)}"


class Amount:
    """A number in a rules' sentence that names its unit: `{hours:hour}` writes it with the noun
    that agrees ("1 hour", "2.5 hours", "2,5 uur"); `{hours}` the number alone, as the
    language writes it."""

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, unit: str) -> str:
        return count(self.value, unit, self.lang) if unit else decimal(self.value, self.lang)


AMOUNT = ":hour}"  # the unit a rules' sentence names after a number; see Amount


def verb(name: str, n: float, lang: str) -> str:
    """A verb (or pronoun) that agrees with `n` subjects: 'past' or 'passen'."""
    return one_or_many(n, _data()["verbs"][name][lang])


def channel(channel_id: str, name: str, lang: str, form: str = "the") -> str:
    """A channel in running text: 'de nieuwsbrief', 'een blog', 'op Facebook'. `name` is the
    catalogue's name, used as is for brands (no article)."""
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r}")
    words = _data()["channels"].get(channel_id)
    if words:
        return str(words[lang][form])
    if form in ("on", "start"):
        return f"{'op' if lang == 'nl' else 'on'} {name}"
    return name


def channels(named: Sequence[tuple[str, str]], lang: str, form: str = "the") -> str:
    """Several channels, each with its article, joined: 'Facebook, Instagram en de nieuwsbrief'.
    `named` holds (id, catalogue name) pairs; 'on' is said once: 'op Facebook en de blog'."""
    if form == "on" and named:
        first = channel(named[0][0], named[0][1], lang, "on")
        rest = [channel(cid, name, lang, "the") for cid, name in named[1:]]
        return join([first, *rest], lang)
    return join([channel(cid, name, lang, form) for cid, name in named], lang)


def label(key: str, value: str, shown: str, lang: str, *, volunteers: bool = False) -> str:
    """An answer's label inside a sentence: from the data where lower case is not enough (for
    an organisation run by `volunteers`, their own first), otherwise the label `shown` with its
    first letter lower case ('Ouderen (65+)' → 'ouderen')."""
    data = _data()
    own = data["labels_volunteers"].get(key, {}).get(value) if volunteers else None
    words = own or data["labels"].get(key, {}).get(value)
    if words:
        return str(words[lang])
    return lower_first(shown)


def lower_first(text: str) -> str:
    """'Volwassenen (30–64)' → 'volwassenen (30–64)'; 'KPI' and 'LinkedIn' stay as they are."""
    first = text.split(" ", 1)[0]
    if any(letter.isupper() for letter in first[1:]):
        return text  # an abbreviation or a brand: KPI, LinkedIn
    return text[:1].lower() + text[1:]


def capital(text: str) -> str:
    """The first letter upper case, for a phrase that opens a sentence: 'de blog' → 'De blog'."""
    return text[:1].upper() + text[1:]


def day(value: dt.date, lang: str) -> str:
    """A date as prose writes it: 31 maart 2027, 31 March 2027 (the file keeps ISO dates)."""
    from socialready.text import text

    return f"{value.day} {text(f'months.{value.month}', lang)} {value.year}"
