"""briefgen: turn a folder of news articles into a sourced briefing site."""

__version__ = "0.1.0"
