"""brief.yaml validation, overrides and atomic writes."""

import copy
import os
import shutil

import pytest
import yaml
from click.testing import CliRunner

from briefgen import fsutil
from briefgen.cli import main
from briefgen.overrides import validate_overrides_text
from briefgen.pipeline import build_brief
from briefgen.yamlio import BriefError, dump, loads, validate_text


def test_yaml_round_trips(example):
    _, brief = example
    text = dump(brief)
    assert dump(loads(text)) == text


def test_wrong_kind_is_reported_with_field_path_and_line(example):
    _, brief = example
    data = yaml.safe_load(dump(brief))
    data["actors"][1]["kind"] = "weapon"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    (error,) = validate_text(text)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "kind: weapon" in row)
    assert (
        error
        == f"brief.yaml: line {line}: actors[1].kind: must be one of ['person', 'country', 'organization', 'group']"
    )


def test_a_polarity_that_is_none_of_the_four_is_reported(example):
    _, brief = example
    data = yaml.safe_load(dump(brief))
    data["positions"][0]["polarity"] = "maybe"
    (error,) = validate_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert error.endswith("positions[0].polarity: must be one of ['supports', 'opposes', 'conditional']")


def test_missing_field_and_wrong_type_are_both_reported(example):
    _, brief = example
    data = yaml.safe_load(dump(brief))
    del data["timeline"][0]["event"]
    data["positions"][0]["topics"] = "S-400"
    errors = validate_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert any("timeline[0]: missing field 'event'" in e for e in errors)
    assert any("positions[0].topics: expected a list" in e for e in errors)
    with pytest.raises(BriefError):
        loads(yaml.safe_dump(data))


def test_validate_command_exits_non_zero_on_a_bad_file(tmp_path):
    bad = tmp_path / "brief.yaml"
    bad.write_text("schema: 2\ntitle: x\nas_of: null\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1 and "schema: version 2 is not 1" in result.output


def test_overrides_errors_point_at_their_line():
    errors = validate_overrides_text("rename:\n  trump: Donald Trump\nhide: not-a-list\nretitle: x\n")
    assert "line 3: hide: expected a list of ids" in errors[0]
    assert "line 4: retitle: unknown section" in errors[1]


def _overrides(folder, text):
    path = folder / "overrides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overrides_rename_merge_hide_edit_add(example, tmp_path):
    seeds, brief = example
    event = next(e for e in brief.timeline if e.date == "2017")
    question = brief.open_questions[0]
    path = _overrides(
        tmp_path,
        f"""
rename: {{trump: Donald Trump}}
merge: {{greece: turkey}}
actors: {{trt: {{kind: organization, roles: [Turkish state broadcaster]}}}}
hide: [{question.id}]
edit: {{{event.id}: {{event: Turkey pays for the S-400}}}}
add:
  watch: [{{date: "2021-06-14", item: NATO summit, note: NATO press release}}]
""",
    )
    corrected, _ = build_brief(seeds, None, overrides_path=path)
    names = {a.id: a for a in corrected.actors}
    assert names["trump"].name == "Donald Trump" and "Trump" in names["trump"].aliases
    assert "greece" not in names and "Greece" in names["turkey"].aliases
    assert names["trt"].roles == ["Turkish state broadcaster"]
    assert question.id not in {q.id for q in corrected.open_questions}
    assert next(e for e in corrected.timeline if e.id == event.id).event == "Turkey pays for the S-400"
    added = [w for w in corrected.watch if w.item == "NATO summit"]
    assert added and added[0].sources[0].text == "NATO press release"
    assert corrected.notices == []


def test_override_that_matches_nothing_is_reported(example, tmp_path):
    seeds, _ = example
    path = _overrides(tmp_path, "hide: [evt-doesnotexist]\nrename: {nobody: X}\n")
    corrected, _ = build_brief(seeds, None, overrides_path=path)
    assert "overrides.yaml: hide evt-doesnotexist: no such item" in corrected.notices
    assert "overrides.yaml: rename nobody: no such actor" in corrected.notices


def test_overrides_survive_a_new_seed(example, tmp_path):
    seeds, brief = example
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    question = brief.open_questions[-1]
    path = _overrides(tmp_path, f"rename: {{trump: Donald Trump}}\nhide: [{question.id}]\n")
    (folder / "2021-06-15-summit.txt").write_text(
        "Summit ends\n\nPresident Joe Biden met President Recep Tayyip Erdoğan in Brussels on Monday.\n",
        encoding="utf-8",
    )
    corrected, _ = build_brief(folder, None, overrides_path=path)
    assert len(corrected.documents) == 2
    assert any(a.name == "Donald Trump" for a in [*corrected.actors, *corrected.mentioned])
    assert question.id not in {q.id for q in corrected.open_questions}
    assert corrected.notices == []


def test_interrupted_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "brief.yaml"
    target.write_text("old: complete\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(fsutil.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fsutil.write_atomic(target, "new: " + "x" * 100000)
    assert target.read_text(encoding="utf-8") == "old: complete\n"
    assert os.listdir(tmp_path) == ["brief.yaml"]


def test_killed_extraction_then_rebuild_equals_a_clean_build(tmp_path):
    import json
    import signal
    import subprocess
    import sys
    import time

    from conftest import many_seeds

    seeds = many_seeds(tmp_path / "seeds", 60)
    command = [
        sys.executable,
        "-m",
        "briefgen.cli",
        "extract",
        "--seeds",
        str(seeds),
        "--cache-dir",
        str(tmp_path / "cache"),
    ]
    process = subprocess.Popen([*command, "--out", str(tmp_path / "brief.yaml")], cwd=tmp_path)
    deadline = time.time() + 120
    while time.time() < deadline and not any((tmp_path / "cache").rglob("*.json")):
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert not (tmp_path / "brief.yaml").exists()
    for entry in (tmp_path / "cache").rglob("*.json"):
        json.loads(entry.read_text(encoding="utf-8"))  # every entry in place is whole
    subprocess.run([*command, "--out", str(tmp_path / "brief.yaml")], cwd=tmp_path, check=True)
    assert not list(tmp_path.rglob("*.tmp"))  # what the killed build was writing is gone
    subprocess.run([*command, "--no-cache", "--out", str(tmp_path / "clean.yaml")], cwd=tmp_path, check=True)
    assert (tmp_path / "brief.yaml").read_bytes() == (tmp_path / "clean.yaml").read_bytes()


def test_awkward_text_round_trips_through_brief_yaml(example):
    _, brief = example
    awkward = [
        '"quoted" \\ back',
        "line\nbreak",
        "tab\there",
        "\u2028sep\u0085nel\ufeff",
        "ctrl\x07\x7f",
        "#: - [x] {y}",
        "null",
        "yes",
        "2021-05-31",
        "~",
        "émoji 🙂",
        "",
    ]
    brief.documents[0].sentences = awkward
    text = dump(brief)
    assert yaml.safe_load(text)["documents"][0]["sentences"] == awkward
    assert dump(loads(text)) == text


def test_only_a_dead_writers_temporary_files_are_removed(tmp_path):
    import subprocess
    import sys

    from briefgen.fsutil import remove_orphaned_temporaries

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f".brief.yaml.{dead.stdout.strip()}.ab12cd34.tmp"
    in_flight = tmp_path / f".brief.yaml.{os.getpid()}.ef56gh78.tmp"
    for path in (orphan, in_flight):
        path.write_text("half", encoding="utf-8")
    remove_orphaned_temporaries([orphan, in_flight])
    assert not orphan.exists() and in_flight.exists()


def test_document_ids_that_yaml_reads_as_booleans_or_null_stay_keys(example):
    _, brief = example
    brief = copy.deepcopy(brief)
    brief.actors[0].mentions_by_document = {"on": 1, "no": 2, "null": 3}
    assert loads(dump(brief)).actors[0].mentions_by_document == {"on": 1, "no": 2, "null": 3}


@pytest.mark.parametrize("date", ["not a date", "2021-02-30", "2021-13"])
def test_validate_rejects_a_date_the_pages_cannot_place(example, date):
    _, brief = example
    data = yaml.safe_load(dump(brief))
    data["timeline"][0]["date"] = date
    (error,) = validate_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert "timeline[0].date: expected an ISO date" in error


def test_validate_rejects_a_position_of_an_unknown_actor_and_a_citation_of_an_unknown_document(example):
    _, brief = example
    data = yaml.safe_load(dump(brief))
    data["positions"][0]["actor"] = "nobody"
    data["watch"][0]["sources"][0]["doc"] = "nowhere"
    errors = validate_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert any("positions[0].actor: no actor with id 'nobody'" in e for e in errors)
    assert any("watch[0].sources[0].doc: no document with id 'nowhere'" in e for e in errors)
