"""Where things stand, key dates and a clean chronology: short texts written for each test."""

from pathlib import Path

import pytest
from conftest import EXAMPLE_SEED, ROOT, analyse

from briefgen import centrality, chronology
from briefgen.brief import SCHEMA_VERSION, Brief, DocumentRecord
from briefgen.findings import Source, TimelineEvent
from briefgen.keydates import key_dates, main_span, references, shown
from briefgen.render import render
from briefgen.summary import about_actor, quotable, summarize
from briefgen.yamlio import dump, loads, validate_text

H1N1 = ROOT / "tests" / "eval" / "stories" / "dev" / "h1n1" / "articles"  # the shared H1N1 story, copied


def _document(doc_id: str, date: str, sentences: list[str]) -> DocumentRecord:
    return DocumentRecord(doc_id, f"seeds/{doc_id}.txt", doc_id, date, "front-matter", "0", sentences=list(sentences))


def _event(date: str, doc: str, number: int, text: str, precision: str = "day") -> TimelineEvent:
    return TimelineEvent(f"evt-{doc}-{number}", date, precision, text, sources=[Source(doc, number, text)])


def _brief(documents: list[DocumentRecord], timeline: list[TimelineEvent] | None = None) -> Brief:
    return Brief(
        schema=SCHEMA_VERSION,
        title="t",
        as_of=max(d.date for d in documents),
        documents=documents,
        timeline=list(timeline or []),
    )


# --- key dates ---------------------------------------------------------------------------------


def test_key_dates_rank_days_by_the_sources_that_refer_to_them():
    documents = [_document(f"d{i}", f"2020-03-{10 + i:02d}", []) for i in range(4)]
    per_doc = [
        [_event("2020-03-05", "d0", 1, "The council voted to close the border on Thursday after a long debate.")],
        [
            _event("2020-03-05", "d1", 2, "The border vote on 5 March split the council down the middle."),
            _event("2020-03-11", "d1", 3, "Ministers met in the capital to discuss the new measures."),
        ],
        [_event("2020-03-05", "d2", 1, "Since the council closed the border on 5 March, trade has fallen.")],
        [_event("2020-03-11", "d3", 4, "On 11 March ministers met again to talk about the measures.")],
    ]
    brief = _brief(documents)
    ranked = key_dates(brief, references(per_doc))
    assert [k.date for k in ranked] == ["2020-03-05", "2020-03-11"]
    assert {s.doc for s in ranked[0].sources} == {"d0", "d1", "d2"}
    assert 1 <= len(ranked[0].sentences) <= 3
    assert all(s.text for s in ranked[0].sentences)


def test_a_day_referred_to_before_it_came_counts_less_than_one_reported_after():
    documents = [_document("a", "2020-03-01", []), _document("b", "2020-03-12", []), _document("c", "2020-03-12", [])]
    per_doc = [
        [_event("2020-03-10", "a", 1, "The election is to be held on 10 March across the whole country.")],
        [_event("2020-03-10", "b", 1, "The election held on 10 March returned the governing party to power.")],
        [
            _event("2020-03-11", "c", 1, "The results of the vote were announced on Wednesday by the commission."),
            _event("2020-03-11", "b", 2, "On Wednesday the commission announced the results of the vote."),
        ],
    ]
    ranked = key_dates(_brief(documents), references(per_doc))
    assert [k.date for k in ranked] == ["2020-03-11", "2020-03-10"]


def test_days_outside_the_main_span_and_repeated_boilerplate_are_no_key_dates():
    documents = [_document(f"d{i}", "2020-06-01", []) for i in range(3)]
    boiler = "Profile: the party was founded on 3 May 2020 by three former ministers of the old government."
    per_doc = [
        [_event("1990-01-02", "d0", 1, "The old regime fell on 2 January 1990 after weeks of protest in the streets.")],
        [_event("1990-01-02", "d1", 1, "The regime collapsed on 2 January 1990 when the army refused to fire.")],
        [_event("2020-05-03", f"d{i}", 5, boiler) for i in range(3)][0:1],
        [_event("2020-05-03", f"d{i}", 5, boiler) for i in range(3)][1:2],
        [_event("2020-05-30", "d2", 2, "The party chose its new leader on Saturday at a congress in the city.")],
    ]
    ranked = key_dates(_brief(documents), references(per_doc))
    assert "1990-01-02" not in [k.date for k in ranked]
    assert {k.date for k in ranked} == {"2020-05-03", "2020-05-30"}  # the boilerplate counts once: a tie


def test_the_newest_day_leads_the_key_dates_with_what_its_articles_report():
    documents = [
        _document("old", "2020-03-01", ["The army took the city after a long siege, officials said on the radio."]),
        _document("new", "2020-03-09", ["The two sides signed a ceasefire in the capital last night, envoys said."]),
    ]
    per_doc = [[_event("2020-03-01", "old", 1, documents[0].sentences[0])], []]
    ranked = key_dates(_brief(documents), references(per_doc))
    assert [k.date for k in ranked] == ["2020-03-09", "2020-03-01"]
    assert [s.text for s in ranked[0].sentences] == documents[1].sentences


def test_the_day_a_story_began_outranks_a_busier_day_in_its_middle_but_not_the_busiest():
    documents = [
        _document("d0", "2020-01-01", ["Students marched through the capital to demand new elections."]),
        _document("d1", "2020-01-19", []),  # the busiest day was also reported the next day
        *[_document(f"d{i}", f"2020-01-2{i}", []) for i in range(2, 4)],
        _document("d4", "2020-02-10", ["The parliament met in an emergency session to debate the crisis."]),
    ]
    per_doc = [
        [_event("2020-01-01", "d0", 1, documents[0].sentences[0])],
        [_event("2020-01-15", "d1", 1, "Police cleared the square on 15 January and arrested dozens of students.")],
        [
            _event("2020-01-15", "d2", 1, "Since police cleared the square on 15 January, the marches have grown."),
            _event("2020-01-18", "d2", 2, "The president sacked his interior minister on 18 January after the raid."),
        ],
        [_event("2020-01-18", "d3", 3, "The interior minister was sacked on 18 January by the president himself.")],
        [_event("2020-01-18", "d4", 4, "Since the minister was sacked on 18 January, the cabinet has been split.")],
    ]
    ranked = key_dates(_brief(documents), references(per_doc))
    # the newest day, the day three sources refer to, the story's first day, the day two sources refer to
    assert [k.date for k in ranked] == ["2020-02-10", "2020-01-18", "2020-01-01", "2020-01-15"]


def test_a_day_that_drew_more_articles_than_the_weeks_around_it_outranks_one_in_a_busy_stretch():
    """Both days are referred to by one later article and reported by two articles that day and the
    next; the one in a quiet stretch stands out, the one among many articles does not."""
    busy = [_document(f"busy{i}", f"2020-03-{day:02d}", []) for i, day in enumerate([1, 3, 5, 7, 13, 15, 17, 19])]
    documents = [
        _document("first", "2020-01-01", []),
        *busy,
        *[_document(f"march{i}", f"2020-03-1{i}", []) for i in range(2)],
        *[_document(f"april{i}", f"2020-04-1{i}", []) for i in range(2)],
        _document("lookback", "2020-05-01", []),
        _document("last", "2020-06-30", ["The assembly adjourned for the summer without passing the budget."]),
    ]
    per_doc = [
        [
            _event("2020-03-10", "lookback", 1, "The army closed the northern border on 10 March after the raids."),
            _event("2020-04-10", "lookback", 2, "The rebels took the port on 10 April and held it for a week."),
        ]
    ]
    ranked = [k.date for k in key_dates(_brief(documents), references(per_doc))]
    assert ranked.index("2020-04-10") < ranked.index("2020-03-10")


def test_a_day_later_articles_look_back_on_outranks_one_reported_only_on_the_day():
    documents = [
        _document("first", "2020-01-01", []),
        *[_document(f"same{i}", "2020-03-10", []) for i in range(3)],
        *[_document(f"later{i}", f"2020-03-2{i}", []) for i in range(2)],
        _document("last", "2020-06-30", ["The assembly adjourned for the summer without passing the budget."]),
    ]
    per_doc = [
        *[
            [_event("2020-03-10", f"same{i}", 1, f"Troops entered the city on Tuesday, witness {i} said.")]
            for i in range(3)
        ],
        *[
            [_event("2020-03-05", f"later{i}", 2, f"Since the ceasefire collapsed on 5 March, {n} people have fled.")]
            for i, n in enumerate(["thousands of", "many"])
        ],
    ]
    ranked = key_dates(_brief(documents), references(per_doc))
    # two articles looking back outweigh three that report the day itself
    assert [k.date for k in ranked] == ["2020-06-30", "2020-03-05", "2020-03-10"]


def test_a_day_is_told_by_what_the_next_days_articles_open_with():
    documents = [
        _document("y", "2020-03-10", ["Fighting broke out near the airport on Tuesday as the rebels advanced."]),
        _document("x", "2020-03-11", ["Rebels seized the airport overnight after heavy fighting, officials said."]),
    ]
    per_doc = [[_event("2020-03-10", "y", 1, documents[0].sentences[0])], []]
    ranked = key_dates(_brief(documents), references(per_doc))
    assert [k.date for k in ranked] == ["2020-03-11", "2020-03-10"]
    assert {s.text for s in ranked[1].sentences} == {documents[0].sentences[0], documents[1].sentences[0]}


def test_the_next_days_lead_that_names_another_day_does_not_tell_this_one():
    documents = [
        _document("wed", "2020-03-11", ["Rivals said on Monday that the board had rejected their offer for the firm."]),
        _document("later", "2020-03-20", ["The board accepted the other offer at a meeting on 10 March, people said."]),
    ]
    per_doc = [
        [_event("2020-03-09", "wed", 1, documents[0].sentences[0])],
        [_event("2020-03-10", "later", 1, documents[1].sentences[0])],
    ]
    ranked = key_dates(_brief(documents), references(per_doc))
    # Wednesday's lead tells Monday, the day it names, not Tuesday, the day before it was published
    told = {k.date: [s.doc for s in k.sentences] for k in ranked}
    assert told["2020-03-10"] == ["later"] and told["2020-03-09"] == ["wed"]


def test_two_days_are_never_told_by_the_same_sentences():
    lead = [
        "The army took the city after a long siege, officials said on the radio.",
        "Thousands of families fled the city as the army moved in from the north.",
        "The army said its troops had met little resistance inside the city walls.",
        "Aid agencies said the families who fled the city needed food and shelter.",
        "The government said the army would stay in the city until order returned.",
        "Shops in the city stayed shut and the streets were empty, officials said.",
        "The siege of the city had lasted for more than three months, aid agencies said.",
        "Officials said the army would reopen the roads into the city within days.",
    ]
    sunday = "On Sunday the rebel commander quietly left the old town by the coast road."
    documents = [_document("a", "2020-03-09", [*lead, sunday])]
    per_doc = [[_event("2020-03-08", "a", 9, sunday)]]
    ranked = key_dates(_brief(documents), references(per_doc))
    told = [{s.text for s in k.sentences} for k in ranked]
    assert [k.date for k in ranked] == ["2020-03-09", "2020-03-08"]
    assert told[0] and told[1] and not told[0] & told[1]


def test_the_main_span_starts_a_little_before_the_first_source():
    brief = _brief([_document("a", "2020-01-10", []), _document("b", "2020-05-10", [])])
    assert main_span(brief) == ("2019-12-10", "2020-05-10")


def test_the_number_of_key_dates_shown_grows_with_the_sources_unless_configured():
    assert shown(1) < shown(100) < shown(1000) or shown(100) == shown(1000)
    assert shown(1) >= 3
    assert shown(500, configured=7) == 7


# --- summary -----------------------------------------------------------------------------------

STORY = [
    (
        "2021-01-01",
        [
            "The government announced a new plan to build a dam on the river in the north of the country.",
            "Farmers living along the river said the dam would flood their fields and destroy their homes.",
            "The weather was mild for the season and the markets were quiet in the capital.",
        ],
    ),
    (
        "2021-01-05",
        [
            "Farmers marched to the capital to protest against the dam on the river and the flooding it would cause.",
            "Police stopped the march of the farmers at the gates of the capital and arrested two organisers.",
            "A local football club won its match on Sunday evening in front of a small crowd.",
        ],
    ),
    (
        "2021-01-09",
        [
            "The government suspended the dam plan after the protests by farmers along the river grew.",
            "The minister said a review of the dam and its effect on farmers would take six months.",
        ],
    ),
]


def _story() -> Brief:
    return _brief([_document(f"s{i}", date, sentences) for i, (date, sentences) in enumerate(STORY)])


def test_the_summary_is_four_to_seven_cited_sentences_with_the_newest_development():
    brief = _story()
    items = summarize(brief)
    assert 4 <= len(items) <= 7
    texts = {d.id: d.sentences for d in brief.documents}
    for item in items:
        assert len(item.sources) == 1
        assert texts[item.sources[0].doc][item.sources[0].sentence - 1] == item.text
    assert STORY[-1][1][0] in [i.text for i in items]


def test_the_summary_leaves_out_half_a_quotation_and_takes_a_sentence_leaning_on_another_last():
    brief = _story()
    half = "The dam would flood the fields of three villages,\" said the farmers' leader on Tuesday."
    leaning = "However, the farmers also said the dam would flood the fields of three villages."
    plain = "The farmers said the dam would flood the fields of three villages along the river."
    brief.documents[1].sentences[:0] = [leaning, half, plain]
    texts = [i.text for i in summarize(brief)]
    assert half not in texts
    assert plain in texts and leaning not in texts


def test_the_summary_reads_in_order_and_leaves_out_repeats():
    brief = _story()
    brief.documents[1].sentences.append(brief.documents[0].sentences[0])  # a page repeating another's lead
    items = summarize(brief)
    keys = [(int(i.sources[0].doc[1:]), i.sources[0].sentence) for i in items]
    assert keys == sorted(keys)
    assert [i.text for i in items].count(STORY[0][1][0]) <= 1


def test_an_actor_summary_is_up_to_three_sentences_from_its_own_items():
    brief = _story()
    from briefgen.findings import Actor

    farmers = Actor("farmers", "Farmers", "group", sources=[Source("s1", 1, STORY[1][1][0])])
    brief.actors = [farmers]
    brief.timeline = [_event("2021-01-05", "s1", 2, STORY[1][1][1])]
    brief.timeline[0].actors = ["farmers"]
    items = about_actor(brief, "farmers")
    assert 1 <= len(items) <= 3
    assert {i.text for i in items} <= {STORY[1][1][0], STORY[1][1][1]}
    assert about_actor(brief, "nobody") == []


@pytest.mark.parametrize("seeds", [EXAMPLE_SEED, H1N1], ids=["example-seed", "h1n1"])
def test_every_summary_sentence_of_a_real_story_is_cited_and_the_newest_lead_is_in(seeds, tmp_path):
    from briefgen.pipeline import build_brief

    if not seeds.exists():
        pytest.skip(f"{seeds} is not here")
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in [seeds] if seeds.is_file() else sorted(seeds.iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    brief, _ = build_brief(folder)
    assert 4 <= len(brief.summary) <= 7
    sentences = {d.id: d.sentences for d in brief.documents}
    for item in brief.summary:
        assert item.sources and all(sentences[s.doc][s.sentence - 1] == item.text for s in item.sources)
    newest = brief.documents[-1]
    assert any(s.doc == newest.id and s.sentence <= 3 for item in brief.summary for s in item.sources)
    assert brief.key_dates and brief.key_dates[0].sentences


# --- a clean chronology ------------------------------------------------------------------------


def test_exact_and_near_duplicate_events_become_one_event_with_their_sources():
    text = "The court upheld the ban on the march in the capital city"
    events = [
        _event("2020-02-02", "a", 1, text),
        _event("2020-02-02", "b", 4, text),
        _event("2020-02-02", "c", 2, text + " on Sunday"),
        _event("2020-02-03", "d", 1, text),  # another day: another entry
    ]
    cleaned = chronology.clean(events)
    assert len(cleaned) == 2
    assert [s.doc for s in cleaned[0].sources] == ["a", "b", "c"]


def test_a_phrase_gives_way_to_its_sentence_or_is_dropped():
    short = _event("2020-02-02", "a", 1, "Friday prayers")
    short.sources[0].text = "Thousands gathered in the square after Friday prayers to demand reform."
    lost = _event("2020-02-02", "b", 1, "Friday night")
    lost.sources[0].text = "Friday night"
    cleaned = chronology.clean([short, lost])
    assert [e.event for e in cleaned] == ["Thousands gathered in the square after Friday prayers to demand reform."]


def test_events_long_before_the_story_go_to_earlier_history_and_months_group_the_rest():
    events = [
        _event("1990", "a", 1, "The republic was founded in 1990.", "year"),
        _event("2020-02-02", "a", 2, "The court upheld the ban on the march."),
        _event("2020-02-20", "a", 3, "The march went ahead despite the ban."),
        _event("2020-03-01", "a", 4, "Police arrested the organisers of the march."),
    ]
    earlier, rest = chronology.split_earlier(events, "2019-12-01")
    assert [e.date for e in earlier] == ["1990"]
    assert [(month, len(group), total) for month, group, total in chronology.by_month(rest)] == [
        ("February 2020", 2, 2),
        ("March 2020", 1, 1),
    ]
    rest[1].sources.append(Source("b", 1, "The march went ahead."))
    assert [[e.date for e in group] for _, group, _ in chronology.by_month(rest, limit=1)] == [
        ["2020-02-20"],
        ["2020-03-01"],
    ]


# --- centrality --------------------------------------------------------------------------------


def test_mmr_picks_the_central_sentence_and_never_its_repeat():
    texts = [
        "The dam on the river will flood the farms.",
        "The dam on the river will flood the farms.",
        "Farmers protest against the dam on the river.",
        "A football club won its match.",
    ]
    picked = centrality.pick(centrality.vectors(texts), 3)
    assert picked[0] in (0, 1, 2) and not {0, 1} <= set(picked)
    assert centrality.vectors(["the of and", "a the"]) is None


# --- brief.yaml and pages ----------------------------------------------------------------------


def test_summary_and_key_dates_survive_brief_yaml_and_reach_the_pages():
    brief = _story()
    per_doc = [
        [_event("2021-01-05", "s1", 1, STORY[1][1][0])],
        [_event("1990", "s0", 3, "A dam burst in 1990.", "year")],
    ]
    brief.timeline = [e for events in per_doc for e in events]
    brief.key_dates = key_dates(brief, references(per_doc))
    brief.summary = summarize(brief)
    text = dump(brief)
    assert validate_text(text) == []
    again = loads(text)
    assert again.summary == brief.summary and again.key_dates == brief.key_dates
    pages = render(again)
    assert "## Where things stand" in pages["index.md"]
    assert "## Key dates" in pages["timeline.md"] and "### 2021-01-05" in pages["timeline.md"]
    assert '???+ note "January 2021 (1 event)"' in pages["timeline.md"]
    assert "## Earlier history" in pages["background.md"] and "A dam burst in 1990." in pages["background.md"]


def test_the_timeline_scorer_reads_the_top_key_dates_inside_the_gold_span(tmp_path: Path):
    from briefgen.eval.timeline import read_gold, system_timeline
    from briefgen.keydates import KeyDate, KeySentence

    gold_file = tmp_path / "timeline.txt"
    gold_file.write_text(
        "2011-02-15\nProtests begin in the city .\nPolice respond .\n" + "-" * 32 + "\n"
        "2011-02-20\nThe army joins the protesters .\n" + "-" * 32 + "\n",
        encoding="utf-8",
    )
    gold = read_gold(gold_file)
    assert (gold.length, gold.per_date, gold.dates) == (2, 2, ["2011-02-15", "2011-02-20"])
    brief = _story()
    brief.key_dates = [
        KeyDate(day, [KeySentence(f"s{i}", "d", i) for i in range(3)])
        for day in ("2011-03-01", "2011-02-16", "2011-02-15", "2011-02-17")
    ]
    assert system_timeline(brief, gold) == {"2011-02-16": ["s0", "s1"], "2011-02-15": ["s0", "s1"]}


# --- who wants what, and the source page --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington has pushed Turkey to end all future deliveries of the system.", "opposes"),
        ("Turkish Foreign Minister Mevlut Cavusoglu said that Turkey would not give up on the S-400.", "supports"),
        ("The Turkish government has defended the purchase as a matter of sovereignty.", "supports"),
        ("Prime Minister Tony Blair does not support the plan.", "opposes"),
        ("France backs a no-fly zone over the country.", "supports"),
        ("The National Farmers Union wants to block the dam.", "opposes"),
        ("Unison refused to back the deal.", "opposes"),
        ('"We will never accept this plan," Mayor Ken Livingstone said.', "opposes"),
        ("Russia has said it will veto any resolution on Syria.", "opposes"),
        ("Russia warned that it would veto any resolution on Syria.", "opposes"),  # not two negatives
        ("The United States fears that Russian technicians would use the S-400 to gather intelligence.", "opposes"),
        (
            "Defence Minister Hulusi Akar said the government would not accept the proposal unless it was changed.",
            "conditional",
        ),
        # a fear of a collapse is for the thing; a warning to someone not to act is a demand
        ("Greek Prime Minister George Papandreou said he feared that the bailout deal could collapse.", "supports"),
        ("US President Barack Obama warned Congress not to block the budget.", "supports"),
        # the verbs above the side taken: stopped, failed, denied
        ("The Liberal Democrats stopped supporting the war.", "opposes"),
        ("Fidelity failed to support the merger.", "opposes"),
        ("Microsoft denied that it opposed the merger.", "supports"),
        ("Chancellor Gordon Brown said he would back the deal even if it cost jobs.", "supports"),
        # an end or a lifting: the other side on what ends
        ("Amnesty International called for an end to the sanctions on Iraq.", "opposes"),
        ("The TUC welcomed the end of the ban on strikes.", "opposes"),
        ("Russian President Vladimir Putin rejected calls to lift the sanctions.", "supports"),
        ("The European Commission has not ruled out blocking the merger.", "opposes"),
        ("Germany was opposed to any military intervention, German Chancellor Angela Merkel said.", "opposes"),
        ("Microsoft said it would appeal against the ruling.", "opposes"),
        # a stance noun, turned by its verb; no one as the subject
        ("Microsoft said it had dropped its objection to the merger.", "supports"),
        ("The Labour Party reiterated its opposition to the plan.", "opposes"),
        ("Russia would use its veto against the resolution, Russian Foreign Minister Sergei Lavrov said.", "opposes"),
        ("Nobody wants the strike, union leader Bob Crow said.", "opposes"),
        # no side taken: a claim about a fight, a report of what another did, no comment
        ("The rebel spokesman, Jumma Ibrahim, claimed opposition fighters control the intelligence building.", None),
        ("Qwest said on Wednesday that MCI had rejected a deal worth $8bn.", None),
        ("Vodafone declined to comment on the offer.", None),
        ("Labour leader Gordon Brown said the Conservatives would scrap the reform.", None),
        ('"We will fight on," Senator John McCain said.', None),
        ("Chelsea declined to say whether they would accept the bid.", None),
    ],
)
def test_a_position_reads_as_for_or_against_by_its_verbs_and_their_negations(text, expected):
    _, findings = analyse(text)
    assert [p.polarity for p in findings.positions] == [expected]


def test_each_principal_actor_gets_one_line_on_its_main_issue():
    from briefgen.findings import Actor, Position
    from briefgen.stances import principal_stances

    brief = _story()
    brief.actors = [Actor("farmers", "Farmers", "group"), Actor("minister", "Minister", "person")]

    def position(pid, actor, text, topics, date, polarity):
        return Position(pid, actor, "stance", text, topics, date, [Source("s0", 1, text)], polarity)

    brief.positions = [
        position("p1", "farmers", "Farmers oppose the dam on the river.", ["dam"], "2021-01-01", "opposes"),
        position("p2", "farmers", "Farmers reject the dam plan again.", ["dam"], "2021-01-05", "opposes"),
        position("p3", "farmers", "Farmers talked of prices.", ["prices"], "2021-01-05", None),
        position("p4", "farmers", "Farmers talked of prices again.", ["prices"], "2021-01-06", None),
        position("p6", "farmers", "Farmers spoke of prices once more.", ["prices"], "2021-01-07", None),
        position("p5", "minister", "The minister talked about it.", [], "2021-01-09", None),
    ]
    lines = principal_stances(brief)
    assert [(s.actor.id, s.issue, s.polarity, s.symbol) for s in lines] == [("farmers", "dam", "opposes", "−")]
    assert [p.id for p in lines[0].positions] == ["p2", "p1"]
    page = render(brief)["positions.md"]
    assert "## Who wants what" in page and "− opposes" in page and "(#farmers)" in page
    assert '<abbr title="opposes, 2 positions">−</abbr>' in page  # the matrix shows polarity, not counts
    assert '<th scope="col">Actor</th>' in page


def test_a_source_page_links_its_original_web_address_and_nothing_else():
    brief = _story()
    brief.documents[0].url = "https://example.org/dam?a=1&b=2"
    brief.documents[1].url = "javascript:alert(1)"
    pages = render(brief)
    assert '<a href="https://example.org/dam?a=1&amp;b=2">original article</a>' in pages["sources/s0.md"]
    assert "javascript" not in pages["sources/s1.md"]


def test_an_actor_with_neither_a_position_nor_an_event_is_a_list_entry_not_a_page():
    from briefgen.findings import Actor, Position

    brief = _story()
    brief.actors = [Actor("bystander", "Bystander", "person", mentions=9), Actor("farmers", "Farmers", "group")]
    brief.positions = [Position("p1", "farmers", "stance", "Farmers oppose the dam.", ["dam"], None, [])]
    pages = render(brief)
    assert "actors/farmers.md" in pages and "actors/bystander.md" not in pages
    assert "[Bystander](actors.md#bystander)" in pages["index.md"]


def test_an_accented_name_is_also_written_without_accents_for_the_search_box():
    from briefgen.findings import Actor, Position

    brief = _story()
    brief.actors = [Actor("cavusoglu", "Mevlüt Çavuşoğlu", "person", aliases=["Çavuşoğlu", "Mevlüt Çavuşoğlu"])]
    brief.positions = [Position("p1", "cavusoglu", "quote", "We will not give up.", [], None, [])]
    pages = render(brief)
    for page in (pages["actors.md"], pages["actors/cavusoglu.md"]):
        assert "**Also written:** Mevlut Cavusoglu, Cavusoglu" in page


def test_the_timeline_shows_as_many_key_dates_as_configured():
    from briefgen.keydates import KeyDate, KeySentence

    brief = _story()
    brief.key_dates = [KeyDate(f"2021-01-0{i}", [KeySentence(f"Day {i}.", "s0", 1)]) for i in range(1, 6)]
    assert render(brief, key_dates_shown=2)["timeline.md"].count("\n### 2021-01-0") == 2
    assert render(brief)["timeline.md"].count("\n### 2021-01-0") == shown(len(brief.documents))


def test_the_axis_spans_the_main_period_and_counts_what_lies_outside():
    from briefgen.axis import timeline_svg

    events = [_event(f"2020-03-{d:02d}", "a", d, "Something happened that day.") for d in (1, 2, 2, 20)]
    events += [_event("2020-06-01", "a", 30, "A vote is planned."), _event("2019-01-01", "a", 31, "Long ago.")]
    svg = timeline_svg(events, ("2020-02-01", "2020-03-31"))
    assert 'aria-label="4 dated events from 2020-02-01 to 2020-03-31' in svg
    assert "← 1 earlier" in svg and "1 later →" in svg
    assert svg.count("<rect") == 3  # the two events of 2 March share a bar
    assert timeline_svg(events[:1], None) == ""


def test_a_timeline_scored_against_itself_gets_full_marks(tmp_path: Path):
    pytest.importorskip("tilse")
    from briefgen.eval.timeline import read_gold, score

    gold_file = tmp_path / "timeline.txt"
    gold_file.write_text(
        "2011-02-15\nProtesters fill the square in the capital .\n" + "-" * 32 + "\n"
        "2011-02-20\nThe army joins the protesters and the president resigns .\n" + "-" * 32 + "\n",
        encoding="utf-8",
    )
    gold = read_gold(gold_file)
    same = {
        "2011-02-15": ["Protesters fill the square in the capital."],
        "2011-02-20": ["The army joins the protesters and the president resigns."],
    }
    assert score(same, gold, "reimpl") == pytest.approx({"date_f1": 1.0, "ar1": 1.0, "ar2": 1.0})
    half = score({"2011-02-15": same["2011-02-15"], "2011-03-01": ["Nothing."]}, gold, "reimpl")
    assert half["date_f1"] == 0.5 and 0 < half["ar1"] < 1


def test_the_main_span_of_sources_from_antiquity_stops_at_year_one():
    """Found by the property tests: sources 1,600 years apart padded the span before year 1."""
    from briefgen.brief import Brief, DocumentRecord
    from briefgen.keydates import main_span

    documents = [
        DocumentRecord(i, "p", "t", day, "front-matter", "0") for i, day in (("a", "0400-01-01"), ("b", "2000-01-01"))
    ]
    assert main_span(Brief(schema=1, title="t", as_of=None, documents=documents)) == ("0001-01-01", "2000-01-01")


def test_key_dates_of_a_source_from_the_first_day_of_year_one_have_no_day_before():
    documents = [_document("a", "0001-01-01", ["The first chronicle of the city was written on that day."])]
    assert [k.date for k in key_dates(_brief(documents), [])] == ["0001-01-01"]


def test_whats_new_is_what_happened_since_the_sources_before_newest_first_not_recalled_history():
    documents = [
        _document("a", "2012-08-01", ["Rebels took the airport on Tuesday."]),
        _document("b", "2012-08-10", ["The pact of 1916 split the region.", "Talks opened on Wednesday."]),
    ]
    timeline = [
        _event("1916", "b", 1, "The pact of 1916 split the region.", precision="year"),
        _event("2012-07-31", "a", 1, "Rebels took the airport on Tuesday."),
        _event("2012-08-03", "b", 1, "Envoys met on Friday."),
        _event("2012-08-08", "b", 2, "Talks opened on Wednesday."),
        _event("2012-08-16", "b", 2, "Envoys will meet next Thursday."),
    ]
    overview = render(_brief(documents, timeline))["index.md"]
    new = overview.split("## What's new", 1)[1].split("##", 1)[0]
    assert "1916" not in new and "Rebels took" not in new and "will meet" not in new
    assert new.index("Talks opened") < new.index("Envoys met")


@pytest.mark.parametrize(
    ("text", "reads_alone"),
    [
        ("The farmers said the dam would flood the fields of three villages along the river.", True),
        ("Farmers from the three villages marched to the dam site on the river", False),  # a caption
        ('Dam row: "We will not give up our fields" The farmers said the dam would flood three villages.', False),
        ('The farmers\' leader said: "The dam would flood the fields of all three villages."', False),
        ("At 10:30 the farmers marched to the dam site and blocked the road to it.", True),
        ("in the square as the minister said late on Thursday that the dam would be built.", False),
        ("(Update 7:00 p.m.) - The farmers marched to the dam site and blocked the road.", False),
    ],
)
def test_a_caption_a_label_run_into_the_story_and_a_quotation_after_a_colon_are_not_summary_sentences(
    text, reads_alone
):
    assert quotable(text) is reads_alone
