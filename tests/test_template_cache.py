"""A new process, or a rebuild under `mkdocs serve`, loads the templates compiled before, unless they changed."""

from __future__ import annotations

import jinja2

from briefgen.template_cache import MemoryBytecodeCache, bytecode_cache


def _environment(templates: dict[str, str], cache: MemoryBytecodeCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)


def test_a_new_environment_loads_the_compiled_template(monkeypatch):
    cache = MemoryBytecodeCache()
    assert _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="a") == "Hello a"
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counted(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    assert _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="b") == "Hello b"
    assert not compiled


def test_a_changed_template_is_compiled_again():
    cache = MemoryBytecodeCache()
    _environment({"t": "Hello {{ name }}"}, cache).get_template("t").render(name="a")
    assert _environment({"t": "Bye {{ name }}"}, cache).get_template("t").render(name="a") == "Bye a"


def test_briefgens_pages_and_the_theme_use_the_cache():
    from briefgen.render import environment

    assert environment(None).bytecode_cache is bytecode_cache()


def test_an_environment_with_other_settings_compiles_its_own_code():
    cache = MemoryBytecodeCache()
    source = {"t": "  {% if true %}\n  yes\n  {% endif %}\n"}
    plain = _environment(source, cache).get_template("t").render()
    trimmed = jinja2.Environment(
        loader=jinja2.DictLoader(source), bytecode_cache=cache, trim_blocks=True, lstrip_blocks=True
    )
    assert trimmed.get_template("t").render() == "  yes\n" != plain
