"""Publication: GitHub Pages workflow, project-page subpaths, and new briefing projects."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner
from conftest import EXAMPLE_SEED, ROOT
from sitecheck import broken_internal_links, external_assets, parse

from briefgen.cli import main


def build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_site_works_under_a_project_page_subpath(project):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace('site_url: ""', 'site_url: "https://user.github.io/repo/"')
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert broken_internal_links(site, base_path="/repo/") == []
    styles = [a for a in parse(site / "404.html").assets if a.endswith(".css")]
    assert styles and all(a.startswith("/repo/") for a in styles)
    assert external_assets(site) == []


def test_new_makes_a_project_that_builds(tmp_path):
    target = tmp_path / "ceasefire"
    result = CliRunner().invoke(main, ["new", str(target), "--title", 'Gaza "ceasefire" talks'])
    assert result.exit_code == 0, result.output
    for name in (
        "mkdocs.yml",
        "overrides.yaml",
        "seeds/.gitkeep",
        ".github/workflows/publish.yml",
        "site_templates/overview.md.j2",
        "site_templates/static/assets/briefgen.css",
    ):
        assert (target / name).exists(), name
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Gaza \\"ceasefire\\" talks"' in config
    shutil.copy(EXAMPLE_SEED, target / "seeds")
    built = build(target)
    assert built.returncode == 0, built.stderr
    assert (target / "site" / "timeline" / "index.html").exists()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["new", str(tmp_path)])
    assert result.exit_code == 1 and "not empty" in result.output


def test_workflow_publishes_with_the_pages_actions():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]["push"]["paths"]  # YAML reads the key `on` as True
    assert {"seeds/**", "site_templates/**", "overrides.yaml", "briefgen/**"} <= set(triggers)
    steps = [s.get("uses", "") for s in workflow["jobs"]["build"]["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact") for s in steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in workflow["jobs"]["deploy"]["steps"])
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    scaffold = ROOT / "briefgen" / "data" / "scaffold" / "publish.yml"
    assert scaffold.read_text(encoding="utf-8") == (ROOT / ".github" / "workflows" / "publish.yml").read_text(
        encoding="utf-8"
    )
