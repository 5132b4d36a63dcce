import datetime as dt

import pytest

from briefgen.time.timex import normalise

ANCHOR = dt.date(2021, 5, 31)  # a Monday


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("July 2019", None, "2019-07"),
        ("in 2017", None, "2017"),
        ("June 14, 2021", None, "2021-06-14"),
        ("14 June 2021", None, "2021-06-14"),
        ("2021-05-31", None, "2021-05-31"),
        ("last year", "past", "2020"),
        ("next month", None, "2021-06"),
        ("two years ago", None, "2019"),
        ("yesterday", None, "2021-05-30"),
    ],
)
def test_absolute_and_relative_dates(text, direction, value):
    assert normalise(text, ANCHOR, direction).value == value


@pytest.mark.parametrize("text", ["six years later", "two days later", "a year later"])
def test_so_long_later_is_later_than_the_told_time_not_than_the_article(text):
    """'Six years later, Sadat died': the article's date is no anchor for it."""
    timex = normalise(text, ANCHOR, "past")
    assert timex is None or not timex.value[:1].isdigit()


@pytest.mark.parametrize("text", ["1830 GMT", "2000 BST", "1500 local time"])
def test_a_24_hour_clock_time_is_not_a_year(text):
    timex = normalise(text, ANCHOR, "future")
    assert timex is None or not timex.value.isdigit()


def test_weekday_in_past_tense_is_the_latest_such_day():
    assert normalise("Friday", ANCHOR, "past").value == "2021-05-28"


def test_weekday_in_future_tense_is_the_next_such_day():
    assert normalise("Friday", ANCHOR, "future").value == "2021-06-04"


def test_weekday_that_is_the_document_day_resolves_to_it():
    assert normalise("on Monday", ANCHOR, "past").value == "2021-05-31"


def test_yearless_date_in_future_tense_after_the_anchor():
    assert normalise("June 14", ANCHOR, "future").value == "2021-06-14"
    assert normalise("January 3", ANCHOR, "future").value == "2022-01-03"


def test_yearless_date_in_past_tense_before_the_anchor():
    assert normalise("December 3", ANCHOR, "past").value == "2020-12-03"


def test_durations_are_not_calendar_dates():
    timex = normalise("less than two weeks", ANCHOR)
    assert timex.type == "DURATION" and timex.value == "P2W" and timex.precision is None


def test_relative_expression_without_anchor_has_no_calendar_value():
    timex = normalise("last year", None, "past")
    assert timex is None or timex.precision is None


def test_precision_follows_the_value():
    assert normalise("July 2019").precision == "month"
    assert normalise("2017").precision == "year"
    assert normalise("June 14, 2021").precision == "day"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It had been due to expire Friday evening.", "1989-10-27TEV"),  # a plan overtaken by the telling
        ("Two bidders extended their offers to acquire the maker Friday.", "1989-10-27"),
        ("The two sides agreed to meet again on Friday.", "1989-11-03"),
        ("The mill is being sold off on Friday.", "1989-11-03"),  # a present passive with a day looks ahead
        ("The rebels tried to take the town on Friday.", "1989-10-27"),  # an attempt is told when made
        ("The crew was not able to reach the front Friday.", "1989-10-27"),
        ("The mayor said the city was likely to reopen on Friday.", "1989-11-03"),
        ("Troops will regroup and take up positions Friday.", "1989-11-03"),  # the first verb's tense
        ("They are here to stop the plant from being closed on Friday.", "1989-11-03"),
        # a participle without a tense of its own takes the tense of the clause it hangs in
        ("The minister said he would lobby the bank during a visit starting on Friday.", "1989-11-03"),
        ("Protests spread across the country, beginning on Friday.", "1989-10-27"),
        ("The union announced an upcoming strike starting on Friday.", "1989-11-03"),
    ],
)
def test_the_tense_that_places_a_weekday_is_the_clause_it_belongs_to(text, value):
    from briefgen import nlp
    from briefgen.time.tagger import tag

    (found,) = tag(next(nlp.parse([text])), dt.date(1989, 10, 30))  # a Monday
    assert found.timex.value == value


def _tags(text: str, anchor: dt.date = dt.date(1989, 10, 30)) -> list[tuple[str, str]]:
    from briefgen import nlp
    from briefgen.time.tagger import tag

    return [(t.text, t.timex.value) for t in tag(next(nlp.parse([text])), anchor)]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("The ship has been on patrol since March.", [("March", "1989-03")]),
        ("More than 7,000 have died since November, groups say.", [("November", "1988-11")]),
        ("The new office takes over, effective Feb. 1.", [("Feb. 1", "1990-02-01")]),
        ("The dividend would be paid in January.", [("January", "1990-01")]),
        ("The index closed at 437 on Friday Oct. 13.", [("Friday Oct. 13", "1989-10-13")]),
        ("Talks ran from Sept. 14 to Thursday.", [("Sept. 14", "1989-09-14"), ("Thursday", "1989-10-26")]),
        ("Profit rose 5% in the first nine months of 1988.", [("the first nine months", "P9M"), ("1988", "1988")]),
        (
            "The plant closed in April. The following month, it reopened.",
            [("April", "1989-04"), ("The following month", "1989-05")],
        ),
        ("For the year, volume was flat.", [("the year", "1989")]),
        ("Revenue was $7 million for the year ended Sept. 30.", [("the year", "P1Y"), ("Sept. 30", "1989-09-30")]),
        # a half or 'the period' is of the year in a text of results, of a match elsewhere
        ("Hale's side were outplayed in a tense first half.", []),
        ("The period fizzled out with Scotland on top.", []),
        ("Sales fell in a weak first half.", [("a weak first half", "1989-H1")]),
        ("Chelsea began the second half well and earned a corner.", []),
        (
            "Chelsea earned a corner in the first half. Hale was confident of getting a result.",
            [],
        ),  # one money word is not a text of results
        ("The jet took off from the airbase on 22 June 2.", [("22 June", "1989-06-22")]),  # and a list's '2.'
        # a modal clause speaks of what is ahead, its first conjunct's modal included
        ("The government should engage in talks and hold elections in June.", [("June", "1990-06")]),
        ("The minister may have resigned in June.", [("June", "1989-06")]),
        # one name, one day: 'to discuss the shooting down on Friday' is the Friday it was shot down
        (
            "The jet was shot down on Friday. Ankara called a meeting to discuss the downing of the jet on Friday.",
            [("Friday", "1989-10-27"), ("Friday", "1989-10-27")],
        ),
        (
            "The jet was shot down on Friday. Ministers will meet on Friday.",
            [("Friday", "1989-10-27"), ("Friday", "1989-11-03")],
        ),
        (
            "Troops fired on protesters on Friday. The opposition urged supporters to return on Friday.",
            [("Friday", "1989-10-27"), ("Friday", "1989-11-03")],
        ),
        ("The council would not comment and closed the road in June.", [("June", "1989-06")]),
        # an award 'of the year' names no date; the parts of a year do
        ("Tom Hale was named player of the year.", [("the year", "P1Y")]),
        ("Sam Reed won the team of the year prize.", [("the year", "P1Y")]),
        ("Talks will end by the end of the year.", [("the end of the year", "1989")]),
        ("Output may double by next year's first quarter.", [("next year's first quarter", "1990-Q1")]),
        ("Harris, 52 years old, pays dividends annually.", []),
        ('Hale on Thursday: "We reject it."', [("Thursday", "1989-10-26")]),
        # in a clause of the past, 'the next year' follows the year told before; ahead, it is the coming one
        (
            "He joined the army in 1975. The next year, he was named a general.",
            [("1975", "1975"), ("The next year", "1976")],
        ),
        ("The next year, he was named a general.", []),
        ("Over the next year, prices are expected to rise.", [("the next year", "1990")]),
    ],
)
def test_the_tagger_reads_spans_ranges_anaphora_and_the_clause_a_date_belongs_to(text, tags):
    assert _tags(text) == tags


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        # an infinitive under a past implicative verb, 'was able' or a passive of saying happened then
        ("Government forces continued to pound the city Tuesday.", [("Tuesday", "1989-10-24")]),
        ("We were finally able to speak to her Wednesday.", [("Wednesday", "1989-10-25")]),
        ("The town, which was reported to be calm late Sunday, is quiet.", [("late Sunday", "1989-10-29")]),
        # a day said of a noun, not of the present-tense verb, keeps its past reading
        (
            "The killing on Thursday of the commander shows that the rebels are in disarray.",
            [("Thursday", "1989-10-26")],
        ),
        # 'next week' elsewhere in the sentence does not move a past participle's day ahead
        (
            "The photographer killed on Wednesday was due to speak in New York next week.",
            [("Wednesday", "1989-10-25"), ("next week", "1989-W45")],
        ),
        ("The two sides agreed to meet again on Friday.", [("Friday", "1989-11-03")]),
        ("The only bidder at the auction on Sunday is Gazprom.", [("Sunday", "1989-11-05")]),  # an event ahead
        (
            "Millions stayed indoors under an order for businesses to remain closed through Wednesday.",
            [("Wednesday", "1989-11-01")],
        ),
    ],
)
def test_a_weekday_is_placed_by_the_verb_it_is_said_of(text, tags):
    assert _tags(text) == tags


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (
            "10 Feb 2012 - 28 people killed in Aleppo 17 Mar - 27 people die in Damascus",
            [("10 Feb 2012", "2012-02-10"), ("17 Mar", "1989-03-17")],
        ),
        (
            "We first contacted him on February 18th - a student in a hooded sweatshirt.",
            [("February 18th", "1989-02-18")],
        ),
        ("The vote on Feb. 26 was unanimous.", [("Feb. 26", "1989-02-26")]),
        ("The index closed at 437 on Friday Oct. 13.", [("Friday Oct. 13", "1989-10-13")]),
        (
            "Revenue was $7 million for the six months ended Sept. 30.",
            [("the six months", "P6M"), ("Sept. 30", "1989-09-30")],
        ),
        ("Of the 3\n\nFeb: At least 55 killed in Homs.", []),  # no day across a paragraph break
        ("The outbreak peaked between April 23 and 28.", []),  # a range stays whole
        ("Schools stay closed until 6 May.", [("6 May", "1989-05-06")]),  # not the full stop
    ],
)
def test_a_written_out_day_and_month_is_one_expression(text, tags):
    assert _tags(text) == tags


def test_a_weekday_the_entity_recogniser_missed_is_tagged_but_not_a_name():
    from briefgen import nlp
    from briefgen.time.tagger import tag

    def tags(text: str) -> list[tuple[str, str]]:
        doc = next(nlp.parse([text]))
        doc.ents = []  # as when the recogniser misses the day at the start of a paragraph
        return [(t.text, t.timex.value) for t in tag(doc, dt.date(1989, 10, 30))]

    assert tags("Earlier Thursday, state TV said the city would come under attack.") == [
        ("Earlier Thursday", "1989-10-26")
    ]
    assert tags("Marie Colvin of the Sunday Times told CNN the rebels were gaining ground.") == []


def test_what_came_after_being_done_on_a_day_looks_back_and_what_is_being_done_ahead():
    friday = dt.date(2012, 8, 10)
    assert _tags("Rebels vowed to fight back after being ousted from the district on Thursday.", friday) == [
        ("Thursday", "2012-08-09")
    ]
    assert _tags("We are here to stop it from being cut off on Sunday.", friday) == [("Sunday", "2012-08-12")]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        # a gerund a simple past takes as its object tells what was done then, whatever else the sentence says
        (
            "The bank said it began closing branches on Friday and the work would go on over the next weeks.",
            [("Friday", "2005-01-14"), ("the next weeks", "PXW")],
        ),
        # what came after a gerund came first
        ("The coach says he is ready to return after leaving the club in May.", [("May", "2004-05")]),
        # 'had to' did it then; a deadline it had to meet is still ahead
        ("The airline had to cancel 65 flights on Thursday.", [("Thursday", "2005-01-13")]),
        ("The club said it had to sell the player by Friday.", [("Friday", "2005-01-21")]),
    ],
)
def test_a_gerund_or_had_to_under_the_past_looks_back(text, tags):
    assert _tags(text, dt.date(2005, 1, 15)) == tags  # a Saturday
