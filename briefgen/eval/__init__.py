"""Evaluators: extraction against hand-written gold stories, and the date tagger against TimeML."""
