"""Duties by sector and jurisdiction: what the law of the organisation's own country (and region)
asks of what it posts, each a finding with its source. Never another country's law: where the data
holds no law for the country, the finding says to check the local rules and cites nothing."""

from __future__ import annotations

from socialready.rules.context import Context

CARE = ("hospital", "care", "youth_care", "medical_practice", "health_insurer")
BUSINESS_KINDS = ("business_b2c", "business_b2b")
BUSINESS_SECTORS = (
    "shop",
    "hospitality",
    "webshop",
    "personal_services",
    "b2b_services",
    "manufacturing",
    "freelancer",
)
# A practice offers its services for a fee too: its profiles need an Impressum in Germany.
PRACTICES = ("medical_practice", "animal_care")
SCHOOLS = ("primary_school", "secondary_school")

Duty = tuple[str, dict[str, object]]  # (rule id, text parameters)


def sector(ctx: Context) -> str:
    return ctx.sector


def country(ctx: Context) -> str:
    """An ISO code, or `other` where the country is unknown (answers format 2)."""
    return str(ctx.answers.get("organisation.country") or "other")


def region(ctx: Context) -> str:
    """`flanders`, `brussels` or `wallonia` in Belgium; empty elsewhere or when not given."""
    if country(ctx) != "BE":
        return ""
    return str(ctx.answers.get("organisation.region") or "")


def in_eu(ctx: Context) -> bool:
    return country(ctx) in ctx.catalog.eu


def minors(ctx: Context) -> str:
    """`none`, `in_posts`, `followers` or `both`. Answers made before the question existed say
    nothing: then a school's posts show children, and nobody else's are assumed to."""
    given = ctx.answers.get("audience.minors")
    if given:
        return str(given)
    school = (
        sector(ctx) in (*SCHOOLS, "youth_care") or ctx.choice("organisation.kind") == "education"
    )
    return "in_posts" if school else "none"


def urgent_line(ctx: Context) -> str:
    """Where urgent matters go instead of social media: "out_of_hours" for a medical practice
    (the out-of-hours service that covers it), "urgent_line" for an organisation with a phone
    line day and night (`served: urgent_line`), else ""."""
    if ctx.sector == "medical_practice":
        return "out_of_hours"
    return "urgent_line" if ctx.sector in ctx.catalog.texts["served"]["urgent_line"] else ""


def trusted(ctx: Context) -> str:
    """Who else may get into the accounts of one person or a couple, in the plan's words."""
    return ctx.text("trusted.care" if human_care(ctx) else "trusted.any")


def human_care(ctx: Context) -> bool:
    """Human health care: a care sector, or a healthcare organisation that named none (a vet
    names `animal_care` and is not human care)."""
    if sector(ctx) in CARE:
        return True
    return ctx.choice("organisation.kind") == "healthcare" and sector(ctx) == "other"


def duties(ctx: Context) -> list[Duty]:
    """Every duty that holds for this organisation, in a fixed order."""
    found: list[Duty] = []

    def add(rule: str, fact: str, **more: object) -> None:
        found.append((rule, {**_fact(ctx, fact), **more}))

    seen = minors(ctx)
    if seen in ("in_posts", "both"):
        add("kind.minors-photo-consent", _minors_fact(ctx))
    if seen in ("followers", "both"):
        age = _fact(ctx, "platforms_age")
        who = sector(ctx) if sector(ctx) in SCHOOLS else "any"  # pupils: under 13, or a mentor
        advice = ctx.text(f"minors_followers.{who}")
        add(
            "kind.minors-followers",
            _minors_fact(ctx),
            age=age["fact"],
            age_cite=age["cite"],
            advice=advice,
        )
    if human_care(ctx):
        add("kind.health-confidentiality", _care_fact(ctx))
    if sector(ctx) == "animal_care":
        add("kind.animal-privacy", "owners_privacy_eu" if in_eu(ctx) else "owners_privacy_other")
        if in_eu(ctx):
            add("kind.vet-medicines", "vet_medicines_eu")
    if ctx.choice("organisation.kind") == "government":
        found.extend(_government(ctx))
    political = sector(ctx) == "political"
    political_ads = ctx.answers.get("capacity.paid_promotion") == "political_or_social"
    if (political or political_ads) and in_eu(ctx):
        add("kind.no-political-ads", "ttpa")
    if sector(ctx) == "news_media":
        add("kind.news-moderation", _press_fact(ctx))
    business = ctx.choice("organisation.kind") in BUSINESS_KINDS or sector(ctx) in (
        *BUSINESS_SECTORS,
        *PRACTICES,
    )
    if country(ctx) == "DE" and business:
        add("kind.impressum", "impressum_de")
    if sector(ctx) == "housing":
        add("kind.tenant-privacy", "tenants_eu" if in_eu(ctx) else "tenants_other")
    if sector(ctx) == "religious":
        add("kind.worship-privacy", "worship_eu" if in_eu(ctx) else "worship_other")
    add("kind.account-handover", "handover", trusted=trusted(ctx))
    return found


def _fact(ctx: Context, fact_id: str) -> dict[str, object]:
    """A fact's text and its citation (' (Archiefwet, 1995)'), or no citation where the duty
    claims no source."""
    fact = ctx.catalog.facts[fact_id]
    source = ctx.cite(fact_id)
    return {"fact": fact.text[ctx.lang], "cite": f" ({source})" if source else ""}


def _minors_fact(ctx: Context) -> str:
    if country(ctx) == "NL":
        return "minors_nl"
    if country(ctx) == "BE":
        return "minors_be"
    return "minors_eu" if in_eu(ctx) else "minors_local"


def _care_fact(ctx: Context) -> str:
    if sector(ctx) == "health_insurer":
        return "health_data_eu" if in_eu(ctx) else "health_data_other"
    if country(ctx) == "NL":
        return "youth_secrecy_nl" if sector(ctx) == "youth_care" else "care_secrecy_nl"
    if country(ctx) == "BE":
        return "care_secrecy_be"
    return "care_secrecy_other"


def _press_fact(ctx: Context) -> str:
    if country(ctx) == "NL":
        return "press_nl"
    if country(ctx) == "BE":
        return "press_be_french" if region(ctx) in ("brussels", "wallonia") else "press_flanders"
    return "press_other"


def _government(ctx: Context) -> list[Duty]:
    """Archiving, accessibility and openness, by country, region and level of government."""
    place = country(ctx)
    if place == "NL":
        facts = ("archive_nl", "access_nl", "openness_nl")
    elif place == "BE":
        federal = sector(ctx) == "emergency_services" or region(ctx) in ("brussels", "wallonia")
        if federal:  # police zones and federal bodies; Brussels' and Wallonia's local authorities
            facts = ("archive_be_federal", "access_be", "openness_be")
        else:
            facts = ("archive_flanders", "access_flanders", "openness_flanders")
    elif in_eu(ctx):
        facts = ("archive_other", "access_eu", "")
    else:
        facts = ("archive_other", "access_other", "")
    rules = ("kind.government-archiving", "kind.government-accessibility")
    found: list[Duty] = [
        (rule, _fact(ctx, fact)) for rule, fact in zip(rules, facts[:2], strict=True)
    ]
    if facts[2]:
        found.append(("kind.government-openness", _fact(ctx, facts[2])))
    return found
