"""Importing spaCy without its command line.

spaCy's `__init__` imports `spacy.cli.info` to offer `spacy.info()`, and with it the whole `spacy.cli`
package: every command, typer, requests and their imports, about a third of spaCy's import. A fresh
build waits for that before it can parse a new seed (the forked worker of parse_ahead imports spaCy and
loads the pipeline while the seeds and the cache are read). Here spaCy is imported with a stand-in for
the command line, which is then taken out: `import spacy.cli` imports the real one afterwards, and
`spacy.info()` imports it when called.
"""

from __future__ import annotations

import sys
from types import ModuleType

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def import_spacy() -> None:
    """Import spaCy, unless it is imported already, without importing its command line."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        return
    cli, info = ModuleType(_CLI), ModuleType(_INFO)
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules[_CLI], sys.modules[_INFO] = cli, info
    try:
        import spacy  # noqa: F401
    finally:
        for name, stand_in in ((_INFO, info), (_CLI, cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and getattr(spacy_module, "cli", None) is cli:
            del spacy_module.cli


def _info(*args, **kwargs):
    """spacy.info(), which imports the command line when it is called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
