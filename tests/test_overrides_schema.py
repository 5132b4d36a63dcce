"""overrides.yaml: what validate accepts, the build handles; what the build would fail on, validate
rejects with its line. The README's examples work as written."""

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from briefgen.cli import main
from briefgen.overrides import apply_overrides, validate_overrides_text
from briefgen.pipeline import build_brief
from briefgen.render import render


def readme_overrides() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Correcting the machine") :]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def corrected(example, tmp_path, text):
    seeds, _ = example
    path = tmp_path / "overrides.yaml"
    path.write_text(text, encoding="utf-8")
    brief, _ = build_brief(seeds, None, overrides_path=path)
    return brief


# --- validate rejects, naming the line --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("merge: {turkey: turkey}\n", 1, "merge.turkey: an actor cannot be merged into itself"),
        ("actors:\n  trt: {roles: 5}\n", 2, "actors.trt.roles: expected a list of texts, got 5"),
        ("actors:\n  trt:\n    aliases: 5\n", 3, "actors.trt.aliases: expected a list of texts"),
        ("actors:\n  trt: {name: 123}\n", 2, "actors.trt.name: expected text, got 123"),
        ("edit:\n  pos-1: {topics: 5}\n", 2, "edit.pos-1.topics: expected a list of texts"),
        ("edit:\n  evt-1: {date: 'not a date'}\n", 2, "edit.evt-1.date: expected a date"),
        ("edit:\n  evt-1: {date: '2021-02-30'}\n", 2, "edit.evt-1.date: expected a date"),
        ("edit:\n  evt-1: {date: 2021-02-30}\n", 2, "edit.evt-1.date: expected a date"),
        ("edit:\n  evt-1: {precision: week}\n", 2, "edit.evt-1.precision: must be one of"),
        ("add:\n  watch:\n    - {item: Summit, colour: red}\n", 3, "add.watch[0].colour: unknown field"),
        ("add:\n  positions:\n    - {text: Turkey wants talks}\n", 3, "add.positions[0]: needs a 'actor' field"),
        ("add:\n  timeline: [{event: X, date: soon}]\n", 2, "add.timeline[0].date: expected a date"),
        ("rename:\n  trump: [Donald]\n", 2, "rename.trump: expected text"),
        ("hide: evt-1\n", 1, "hide: expected a list of ids"),
    ],
)
def test_validate_rejects_what_the_build_cannot_use(text, line, expected):
    errors = validate_overrides_text(text)
    assert any(f"line {line}: {expected}" in e for e in errors), errors


def test_billion_laughs_in_a_note_is_refused_by_validate():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]")
    text = "\n".join(lines) + "\nadd:\n  watch: [{item: x, note: *i}]\n"
    (error,) = validate_overrides_text(text)
    assert "aliases" in error


def test_validate_command_rejects_an_unquoted_impossible_date(tmp_path):
    brief = tmp_path / "brief.yaml"
    brief.write_text("schema: 1\ntitle: x\nas_of: null\n", encoding="utf-8")
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("edit:\n  evt-1: {date: 2021-02-30}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(brief), "--overrides", str(overrides)])
    assert result.exit_code == 1 and "line 2: edit.evt-1.date" in result.output


# --- the build handles what validate accepts ---------------------------------------------------


def test_a_merge_into_a_missing_actor_leaves_both_and_is_reported(example, tmp_path):
    brief = corrected(example, tmp_path, "merge: {greece: turkye}\n")
    assert "greece" in {a.id for a in brief.actors}
    assert any("merge greece -> turkye: no such actor turkye" in n for n in brief.notices)
    render(brief)


def test_hiding_an_actor_hides_their_positions(example, tmp_path):
    _, plain = example
    holder = plain.positions[0].actor
    brief = corrected(example, tmp_path, f"hide: [{holder}]\n")
    assert all(p.actor != holder for p in brief.positions)
    render(brief)


def test_an_added_position_of_an_unknown_actor_is_reported_not_stored(example, tmp_path):
    brief = corrected(example, tmp_path, "add:\n  positions: [{actor: nobody, text: Wants talks}]\n")
    assert not any(p.text == "Wants talks" for p in brief.positions)
    assert any("no such actor nobody" in n for n in brief.notices)


def test_added_items_cite_the_editors_additions_page(example, tmp_path):
    brief = corrected(
        example,
        tmp_path,
        "add:\n  watch: [{date: '2021-06-14', item: NATO summit, note: NATO press release}]\n"
        "  background: [{text: Turkey bought the S-400 in 2017.}]\n",
    )
    pages = render(brief)
    editor = pages["sources/editors-additions.md"]
    assert "NATO press release" in editor and "added by hand in overrides.yaml" in editor
    assert "sources/editors-additions.md#s1" in pages["watch.md"]
    assert "sources/editors-additions.md#s2" in pages["background.md"]


def test_a_seed_named_like_a_site_page_gets_another_page_name(tmp_path):
    from briefgen.ingest import read_seeds

    for name in ("index.txt", "editors-additions.txt"):
        (tmp_path / name).write_text(f"{name}\n\nFrance said no to {name}.", encoding="utf-8")
    documents, problems = read_seeds(tmp_path)
    assert {d.id for d in documents}.isdisjoint({"index", "editors-additions"}) and len(problems) == 2


# --- the README's override example, as written -------------------------------------------------


def test_the_readme_example_is_valid():
    assert validate_overrides_text(readme_overrides()) == []


def test_the_readme_example_builds_the_site(project, monkeypatch):
    (project / "overrides.yaml").write_text(readme_overrides(), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (project / "site" / "sources" / "editors-additions" / "index.html").exists()
    assert "merge ankara-government -> turkey: no such actor" in result.output  # the seed notices are printed


def test_build_prints_mkdocs_warnings(project, monkeypatch):
    (project / "seeds" / "empty.txt").write_bytes(b"")
    overview = project / "site_templates" / "overview.md.j2"
    overview.write_text(overview.read_text(encoding="utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code != 0
    assert "nowhere.md" in result.output and "empty.txt: empty file" in result.output


def test_any_accepted_override_applies_and_renders(example):
    """A few hand-picked documents that validate accepts; the Hypothesis suite tries many more."""
    import copy

    from briefgen.overrides_schema import load

    _, plain = example
    actor, other = plain.actors[0].id, plain.actors[1].id
    for text in (
        f"merge: {{{actor}: {other}, {other}: {actor}}}\n",
        f"merge: {{{actor}: {other}}}\nrename: {{{actor}: X}}\nactors: {{{actor}: {{kind: group}}}}\n",
        f"hide: [{actor}]\nadd:\n  positions: [{{actor: {actor}, text: T}}]\n",
        f"edit: {{{actor}: {{text: T}}, {plain.timeline[0].id}: {{date: '2021', precision: null}}}}\n",
    ):
        assert validate_overrides_text(text) == [], text
        brief, _ = apply_overrides(copy.deepcopy(plain), load(text))
        render(brief)


def test_an_actor_named_index_does_not_replace_the_actors_page(example):
    import copy

    _, plain = example
    brief = copy.deepcopy(plain)
    brief.actors[0].id = "index"
    for position in brief.positions:
        position.actor = "index" if position.actor == plain.actors[0].id else position.actor
    pages = render(brief)
    assert "actors/index.md" not in pages and pages["actors/_index.md"].startswith("---\ntitle:")
    assert "(actors/_index.md)" in pages["index.md"]
