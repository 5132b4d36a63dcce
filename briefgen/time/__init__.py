"""Dates and times: the tagger the extractors call (and eval-timex scores), values and tense."""
