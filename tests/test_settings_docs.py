"""Every setting is documented in the README (datasette's rule: no undocumented knobs)."""

from pathlib import Path

from rasd.settings import SETTINGS, Options

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert not missing, f"settings missing from README.md: {missing}"


def test_options_replace_rejects_unknown_names():
    options = Options().replace(dedup_threshold=0.9)
    assert options.dedup_threshold == 0.9
    try:
        Options().replace(no_such_setting=1)
    except KeyError as exc:
        assert "no_such_setting" in str(exc)
    else:
        raise AssertionError("unknown setting accepted")
