"""The extraction rules' word lists, loaded once from data/lexicon.yaml into one typed object."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

WordSet = frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: WordSet
    neutral_speech_verbs: WordSet
    evaluative_words: WordSet
    stance_verbs: WordSet
    stance_nouns: WordSet
    concrete_stance_nouns: WordSet
    stance_adjectives: WordSet
    agent_nouns: WordSet
    reporter_roles: WordSet
    credit_cues: WordSet
    state_verbs: WordSet
    trend_verbs: WordSet
    proposing_verbs: WordSet
    capacity_verbs: WordSet
    event_nouns: WordSet
    incident_nouns: WordSet
    uncertainty_cues: WordSet
    unconfirmed_cues: WordSet
    deciding_verbs: WordSet
    newsroom_verbs: WordSet
    declining_verbs: WordSet
    no_comment_verbs: WordSet
    wish_verbs: WordSet
    voice_nouns: WordSet
    generic_body_nouns: WordSet
    motion_verbs: WordSet
    city_parts: WordSet
    ongoing_work_nouns: WordSet
    approval_words: WordSet
    legal_move_verbs: WordSet
    legal_move_nouns: WordSet
    legal_filing_verbs: WordSet
    legal_move_outcomes: WordSet
    contention_nouns: WordSet
    denial_verbs: WordSet
    claim_verbs: WordSet
    sign_nouns: WordSet
    effort_verbs: WordSet
    purpose_nouns: WordSet
    measure_words: dict[str, str]
    forecast_verbs: WordSet
    open_matter_cues: dict[str, str]
    titles: WordSet
    title_modifiers: WordSet
    topic_nouns: WordSet
    country_aliases: dict[str, list[str]]
    thing_words: WordSet
    facility_words: WordSet
    person_group_words: WordSet
    event_verbs: WordSet
    commitment_verbs: WordSet
    pledge_verbs: WordSet
    preparation_nouns: WordSet
    outcome_verbs: WordSet
    unsure_adverbs: WordSet
    modal_participles: WordSet
    ambiguous_titles: WordSet
    organizations: dict[str, list[str]]
    article_country_words: WordSet
    reporting_only_verbs: WordSet
    possibility_modals: WordSet
    degree_adverbs: WordSet
    scarcely_adverbs: WordSet
    assurance_verbs: WordSet
    settling_verbs: WordSet
    difficulty_verbs: WordSet
    earlier_time_words: WordSet
    attitude_verbs: WordSet
    institution_nouns: WordSet
    news_outlet_words: WordSet
    outlet_nouns: WordSet
    news_outlets: WordSet
    reporting_verbs: WordSet
    demand_verbs: WordSet
    dismissing_verbs: WordSet
    step_nouns: WordSet
    public_nouns: WordSet
    group_nouns: WordSet
    characterising_verbs: WordSet
    labelling_verbs: WordSet
    stance_adjectives_with_of: WordSet
    state_bodies: WordSet
    product_nouns: WordSet
    settlement_nouns: WordSet
    locative_prepositions: WordSet
    state_force_nouns: WordSet
    org_head_nouns: WordSet
    body_name_ends: WordSet
    body_descriptors: WordSet
    board_titles: WordSet
    staff_nouns: WordSet
    governing_words: WordSet
    implicative_verbs: WordSet
    reported_as_verbs: WordSet
    hearsay_verbs: WordSet
    hearsay_adverbs: WordSet
    hearsay_nouns: WordSet
    thinking_verbs: WordSet
    receiving_verbs: WordSet
    received_nouns: WordSet
    holder_nouns: WordSet
    yielding_verbs: WordSet
    supporting_verbs: WordSet
    opposing_verbs: WordSet
    refusing_verbs: WordSet
    concern_verbs: WordSet
    failing_verbs: WordSet
    ending_nouns: WordSet
    stance_noun_sides: dict[str, int]
    giving_up_phrases: WordSet
    holding_phrases: WordSet
    rhetorical_openings: WordSet
    posing_verbs: WordSet
    inanimate_nouns: WordSet
    accusation_verbs: WordSet
    party_verbs: WordSet
    country_codes_in_prose: WordSet
    kin_nouns: WordSet
    person_nouns: WordSet
    role_qualifiers: WordSet
    period_nouns: WordSet
    admission_verbs: WordSet
    region_words: WordSet
    unlikely_words: WordSet
    article_org_heads: WordSet
    willingness_verbs: WordSet
    preparation_verbs: WordSet
    next_step_nouns: WordSet
    family_nouns: WordSet
    financial_period_words: WordSet
    shift_verbs: WordSet
    questioning_verbs: WordSet
    indirect_question_words: WordSet
    series_words: WordSet
    group_words: WordSet
    noncommittal_words: WordSet
    habitual_adverbs: WordSet
    light_verbs: WordSet
    response_nouns: WordSet
    private_roles: WordSet
    person_descriptors: WordSet
    occasion_words: WordSet
    lemma_corrections: dict[str, str]
    irrealis_words: WordSet
    quantity_adjectives: WordSet
    year_parts: WordSet
    gendered_titles: dict[str, str]
    unnamed_person_genders: dict[str, str]
    account_verbs: WordSet
    anticipatory_verbs: WordSet
    impersonal_passives: WordSet
    impersonal_adjectives: WordSet
    pressing_verbs: WordSet

    def is_news_outlet(self, name: str) -> bool:
        """'The Sunday Times', 'BBC', 'Reuters', 'the FT': a newspaper, broadcaster or agency."""
        words = name.replace("The ", "").split()
        return bool(words) and (" ".join(words) in self.news_outlets or words[-1] in self.news_outlet_words)

    def is_reporter(self, roles: list[str]) -> bool:
        """'BBC labour affairs correspondent', 'BBC political analyst': someone who reports the story (a
        market analyst or strategist at a bank takes part in it, as an expert)."""
        for role in roles:
            words = role.replace("'s", "").split()
            if any(w.lower() in self.reporter_roles for w in words):
                return True
            if "analyst" in role.lower() and any(w in self.news_outlets or w in self.news_outlet_words for w in words):
                return True
        return False


def _typed(name: str, value: object, kind: object) -> object:
    if kind is WordSet or kind == "WordSet":
        if not isinstance(value, list):
            raise ValueError(f"lexicon.yaml: {name} must be a list of words")
        return frozenset(str(v) for v in value)
    if not isinstance(value, dict):
        raise ValueError(f"lexicon.yaml: {name} must be a mapping")
    return value


def parse_lexicon(data: dict) -> Lexicon:
    """The Lexicon of a parsed lexicon.yaml; a missing or unknown entry is an error, not a silent gap."""
    names = {f.name: f.type for f in dataclasses.fields(Lexicon)}
    unknown, missing = set(data) - set(names), set(names) - set(data)
    if unknown or missing:
        raise ValueError(f"lexicon.yaml: unknown entries {sorted(unknown)}, missing entries {sorted(missing)}")
    return Lexicon(**{name: _typed(name, data[name], kind) for name, kind in names.items()})  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("briefgen").joinpath("data/lexicon.yaml").read_text("utf-8")
    return parse_lexicon(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))  # noqa: S506 - safe
