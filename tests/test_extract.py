"""Each extractor on small hand-written texts: one behaviour per test."""

from conftest import analyse


def _actor(findings, name):
    matches = [a for a in findings.actors if a.name == name]
    assert len(matches) == 1, [a.name for a in findings.actors]
    return matches[0]


# --- actors ---------------------------------------------------------------------------------


def test_surname_mentions_join_the_full_name():
    _, found = analyse("Chancellor Olaf Scholz met the press in Berlin.\n\nScholz said the plan would work.")
    scholz = _actor(found, "Olaf Scholz")
    assert scholz.kind == "person" and scholz.mentions == 2
    assert "Scholz" in scholz.aliases


def test_capital_stands_for_its_country():
    _, found = analyse("France criticised the deal. Paris said it would respond within days.")
    france = _actor(found, "France")
    assert france.kind == "country" and "Paris" in france.aliases
    assert not [a for a in found.actors if a.name == "Paris"]


def test_abbreviation_variants_are_one_country():
    _, found = analyse("The U.S. imposed tariffs. The United States said talks with the US would go on.")
    assert [a.name for a in found.actors if a.kind == "country"] == ["United States"]


def test_title_before_a_name_becomes_role_and_affiliation():
    _, found = analyse("German Foreign Minister Annalena Baerbock arrived in Kyiv on Tuesday.")
    baerbock = _actor(found, "Annalena Baerbock")
    assert baerbock.roles == ["German Foreign Minister"]
    assert baerbock.affiliation == "Germany"


def test_weapon_designations_are_not_actors():
    _, found = analyse("India bought the S-400 system and wants more F-16 jets from Lockheed Martin.")
    names = {a.name for a in found.actors}
    assert not any("S-400" in n or "F-16" in n for n in names)


def test_demonym_counts_as_its_country():
    _, found = analyse("Brazilian officials met in Brasilia. Brazil rejected the plan. Brasilia said no.")
    brazil = _actor(found, "Brazil")
    assert brazil.mentions == 3  # 'met in Brasilia' says where, and is not one of them


def test_a_compound_demonym_is_not_the_first_country():
    _, found = analyse("Greek Cypriot leaders rejected the plan on Monday. Greece said it would wait.")
    assert _actor(found, "Greece").mentions == 1
    _, found = analyse("Turkey must recognise the Greek Cypriot government. Greece said it would wait.")
    assert _actor(found, "Greece").mentions == 1


def test_a_capital_naming_a_venue_is_not_its_government():
    _, found = analyse("Leaving the Brussels summit, Tony Blair said Belgium had been a fine host.")
    assert _actor(found, "Belgium").mentions == 1
    _, found = analyse("Moscow rejected the plan on Monday.")
    assert _actor(found, "Russia").mentions == 1


# --- positions ------------------------------------------------------------------------------


def test_reported_speech_is_attributed_to_the_speaker():
    _, found = analyse("Prime Minister Jacinda Ardern said that the border would stay closed.")
    (position,) = found.positions
    assert position.actor == "jacinda-ardern" and position.kind == "reported"


def test_multi_sentence_quote_cites_every_sentence_and_resolves_he():
    text = "Finance Minister Pedro Silva spoke on Friday.\n\n“We will cut the deficit. Taxes will not rise,” he said."
    _, found = analyse(text)
    quotes = [p for p in found.positions if p.kind == "quote"]
    assert len(quotes) == 1
    assert quotes[0].actor == "pedro-silva"
    assert [s.sentence for s in quotes[0].sources] == [2, 3]
    assert "Taxes will not rise" in quotes[0].text and "he said" not in quotes[0].text


def test_stance_verb_gives_a_stance():
    _, found = analyse("Germany opposes new sanctions on the gas pipeline.")
    (position,) = found.positions
    assert position.actor == "germany" and position.kind == "stance"
    assert "sanctions" in position.topics


def test_role_reference_resolves_to_the_person():
    text = "Foreign Minister Ana Costa visited Lisbon.\n\nThe foreign minister said that the talks must resume."
    _, found = analyse(text)
    assert [p.actor for p in found.positions] == ["ana-costa"]


def test_a_deed_reported_with_by_is_not_a_position():
    _, found = analyse("Canada responded by closing its embassy.")
    assert found.positions == []


# --- timeline -------------------------------------------------------------------------------


def test_dates_resolve_against_the_document_date():
    _, found = analyse("Sanctions were imposed last year. The ministers met on Monday.", date="2021-05-31")
    assert sorted(e.date for e in found.timeline) == ["2020", "2021-05-31"]


def test_future_dated_event_is_scheduled():
    _, found = analyse("Leaders of Japan and India will meet on June 14.", date="2021-05-31")
    (event,) = found.timeline
    assert event.date == "2021-06-14" and event.precision == "day" and event.scheduled


def test_event_text_is_the_clause_of_its_date():
    _, found = analyse("Peru raised rates in March 2019 after inflation rose in January 2019.")
    texts = {e.date: e.event for e in found.timeline}
    assert "raised rates" in texts["2019-03"] and "January" not in texts["2019-03"]


def test_relative_dates_without_a_document_date_are_left_out():
    _, found = analyse("The court ruled on Monday.", date=None)
    assert found.timeline == []


def test_document_date_is_inferred_from_a_countdown_to_a_dated_event():
    text = (
        "Sanctions were imposed in December 2020.\n\n"
        "The ministers spoke on Monday, less than two weeks before the leaders meet.\n\n"
        "On June 14, the leaders will meet in Brussels."
    )
    document, _ = analyse(text, date=None)
    assert document.date == "2021-05-31" and document.date_source == "inferred"


def test_a_forecast_date_does_not_date_the_document():
    text = (
        "The council approved the plan in March 2004.\n\n"
        "Ministers say the number of people needing care could quadruple by 2050.\n\n"
        "The government will publish targets for 2030 next year.\n\n"
        "Rich countries want to increase aid to 0.7% of their income by 2015.\n\n"
        "Creditors agreed to suspend interest payments until 2007.\n\n"
        "The new terminal is expected to be completed by 2008."
    )
    document, _ = analyse(text, date=None)
    assert document.date == "2004" and document.date_source == "inferred"


def test_without_anything_done_a_present_tense_date_dates_the_document():
    document, _ = analyse("Profits are rising in 2004.\n\nThe firm plans to double sales by 2008.", date=None)
    assert document.date == "2004" and document.date_source == "inferred"


# --- open questions and watch ---------------------------------------------------------------


def test_explicit_question_is_an_open_question():
    _, found = analyse("Will the ceasefire hold? Nobody in Kabul knows.")
    assert [q.kind for q in found.open_questions] == ["explicit"]


def test_unresolved_date_becomes_a_when_question():
    _, found = analyse(
        "Minister Lena Holm said she expected to meet Chinese officials soon, stopping short of giving a date."
    )
    (question,) = found.open_questions
    assert question.question.startswith("When will Lena Holm meet")


def test_contest_between_two_actors_is_a_question():
    _, found = analyse("Iran plans to enrich more uranium but Washington has urged Tehran to stop.")
    assert any(q.kind == "contested" and "Iran" in q.question for q in found.open_questions)


def test_a_quoted_promise_of_a_next_step_is_a_watch_item():
    _, found = analyse('A Home Office spokesman said: "We will appeal this ruling."')
    (item,) = found.watch
    assert item.item == "The Home Office: \u201cWe will appeal this ruling\u201d"
    _, found = analyse('A Home Office spokesman said: "We will not appeal this ruling."')
    assert found.watch == []
    _, found = analyse('A Home Office spokesman said: "We will never give up."')
    assert found.watch == []


def test_scheduled_meeting_is_a_watch_item_with_its_date():
    _, found = analyse("The presidents of Chile and Peru will hold talks on July 2.", date="2021-05-31")
    (item,) = found.watch
    assert item.date == "2021-07-02"


def test_future_state_is_not_a_watch_item():
    _, found = analyse("The system will be under full Turkish control.")
    assert found.watch == []


# --- background -----------------------------------------------------------------------------


def test_money_figure_is_background_with_what_it_refers_to():
    _, found = analyse("The new bridge cost Norway $2 billion in 2015.", date="2021-05-31")
    (item,) = found.background
    assert item.figures[0].value == "$2 billion"
    assert "bridge" in item.figures[0].refers_to


def test_set_in_or_set_up_is_history_and_set_for_is_scheduled():
    text = (
        "The Academy was set up in 1927 as a non-profit organisation.\n\n"
        "The film is set against the backdrop of the Indian mutiny of 1857.\n\n"
        "The final is set for 14 June."
    )
    _, found = analyse(text, date=None)
    assert [w.item for w in found.watch] == ["The final is set for 14 June."]


def test_a_kick_off_time_on_the_24_hour_clock_is_not_a_year():
    _, found = analyse("Ruddock will name his team at 1830 GMT on Tuesday evening.")
    assert "1830" not in {w.date for w in found.watch} | {e.date for e in found.timeline}


def test_without_a_document_date_a_year_compared_with_is_not_what_to_watch():
    text = (
        "Wales will target their first victory in Cardiff since 1993.\n\n"
        "Shoppers will spend 4bn online, an increase of 64% on 2003.\n\n"
        "The vote will be held on 14 June."
    )
    _, found = analyse(text, date=None)
    assert {w.date for w in found.watch} <= {None, "XXXX-06-14"}
    assert not [e for e in found.timeline if e.date in ("1993", "2003") and e.scheduled]


def test_a_date_after_since_opens_a_span_and_is_no_timeline_event():
    _, found = analyse("Inflation has risen since 2019.\n\nThe bank raised rates in March 2021.")
    assert [e.date for e in found.timeline] == ["2021-03"]


def test_an_expected_used_as_a_modifier_is_not_what_to_watch():
    _, found = analyse("The dollar rose after worse-than-expected jobs data.\n\nA ruling is expected next week.")
    assert [w.item for w in found.watch] == ["A ruling is expected next week."]


def test_a_possibility_with_a_date_is_no_timeline_event():
    _, found = analyse("The number could quadruple by 2050.\n\nThe council approved the plan in March 2021.")
    assert [e.date for e in found.timeline] == ["2021-03"]


def test_a_year_after_today_never_dates_an_article():
    document, _ = analyse("Nominees include Wong Kar-Wai for 2046.\n\nThe 2003 season is over.", date=None)
    assert document.date == "2003"


def test_without_a_document_date_a_deadline_or_a_would_clause_is_ahead():
    text = "Farming would employ one in five by 2020.\n\nThe sector must shrink by 2014, ministers said."
    _, found = analyse(text, date=None)
    assert {e.date: e.scheduled for e in found.timeline} == {"2020": True, "2014": True}


def test_what_was_done_by_a_date_is_not_a_deadline_ahead():
    text = "By Friday night, the protesters got what they were seeking.\n\nThe army must withdraw by Sunday."
    _, found = analyse(text, date="2011-02-11")
    assert [w.item for w in found.watch] == ["The army must withdraw by Sunday."]


def test_a_year_naming_a_thing_does_not_date_the_article_when_something_was_done():
    text = "She wore the 2012 Olympic bid slogan.\n\nShe won the race in 2004."
    document, _ = analyse(text, date=None)
    assert document.date == "2004"


def test_without_a_document_date_a_plan_in_the_infinitive_is_ahead():
    _, found = analyse("Ministers want to increase free nursery hours from April 2007.", date=None)
    assert [(e.date, e.scheduled) for e in found.timeline] == [("2007-04", True)]


def test_an_infinitive_under_a_past_verb_is_not_ahead():
    _, found = analyse("The board gave the union a right to strike from March 2006.", date=None)
    assert [(e.date, e.scheduled) for e in found.timeline] == [("2006-03", False)]
