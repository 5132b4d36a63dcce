"""`briefgen new`: a fresh briefing project on another story."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

from .render import DEFAULT_TEMPLATES

PROJECT_CONFIG = DEFAULT_TEMPLATES.parent / "mkdocs.yml"


class ScaffoldError(Exception):
    pass


def _scaffold_file(name: str) -> str:
    return resources.files("briefgen").joinpath(f"data/scaffold/{name}").read_text("utf-8")


def new_project(target: Path, title: str) -> list[Path]:
    """Write mkdocs.yml, seeds/, site_templates/, overrides.yaml and the Pages workflow into target."""
    if target.exists() and any(target.iterdir()):
        raise ScaffoldError(f"{target}: not empty; choose a new folder")
    target.mkdir(parents=True, exist_ok=True)
    config = PROJECT_CONFIG.read_text(encoding="utf-8")
    site_name = f"site_name: {_yaml_string(title)}"
    config = re.sub(r"^site_name: .*$", lambda _: site_name, config, count=1, flags=re.M)
    written = {
        "mkdocs.yml": config,
        "overrides.yaml": _scaffold_file("overrides.yaml"),
        "requirements.txt": _scaffold_file("requirements.txt"),
        ".github/workflows/publish.yml": _scaffold_file("publish.yml"),
        "seeds/.gitkeep": "",
        ".gitignore": "site/\n.site.*\n.briefgen-cache/\nbrief.yaml\n",
    }
    for relative, text in written.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(DEFAULT_TEMPLATES, target / "site_templates")
    return sorted(target / relative for relative in written)


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
