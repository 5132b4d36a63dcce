"""spaCy imported without its command line (briefgen.spacy_start): the same spaCy, whose command line
and spacy.info() still work when asked for."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from briefgen.spacy_start import import_spacy
import_spacy()
import spacy
assert "spacy.cli" not in sys.modules and "typer" not in sys.modules, "the command line was imported"
assert not hasattr(spacy, "cli")
nlp = spacy.blank("en")
assert [t.text for t in nlp("Ankara bought the S-400.")] == ["Ankara", "bought", "the", "S-400", "."]
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__  # imports the command line now
import spacy.cli
assert callable(spacy.cli.download) and "typer" in sys.modules
"""


def test_spacy_starts_without_its_command_line_and_keeps_it_at_hand():
    subprocess.run([sys.executable, "-c", CHECK], check=True, timeout=300)


def test_a_spacy_imported_already_is_left_as_it_is():
    import spacy

    from briefgen.spacy_start import import_spacy

    import_spacy()
    assert sys.modules["spacy"] is spacy
