"""Rule files are validated when loaded: a broken file names the file, the key and the reason."""
from __future__ import annotations

from pathlib import Path

import pytest

from normalizer import Normalizer, RuleError
from normalizer.cli import main as cli_main
from normalizer.rules import load_rules, shipped_dir


def write(root: Path, rel: str, text: str) -> Path:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


GOOD_SOURCE = """id = "harbordaily"
name = "Harbor Daily Times"
aliases = ["Harbor Daily"]
kind = "outlet"
country = "KR"
languages = ["en"]
timezone = "Asia/Seoul"

[[detect]]
name = "copyright"
where = "footer"
pattern = 'Copyright\\s*©\\s*\\d{4}\\s*-?\\s*Harbor Daily Times'
"""


def test_shipped_rules_load_and_compile():
    rules = load_rules()
    assert shipped_dir().is_dir()
    assert {"en", "ko", "zh", "und"} <= set(rules.locales)
    assert {"hankyoreh", "shanghaidaily", "yonhap"} <= set(rules.sources)
    for src in rules.sources.values():
        for r in src.get("detect", []):
            assert r["pattern"].name == r["name"], "a pattern carries its rule name"


def test_bad_toml(tmp_path):
    p = write(tmp_path, "sources/broken.toml", 'id = "broken"\nname = "x\n')
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert e.value.file == str(p)
    assert "not valid TOML" in e.value.reason


def test_unknown_key(tmp_path):
    p = write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE.replace('kind = "outlet"', 'kind = "outlet"\ncolour = "blue"'))
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert (e.value.file, e.value.key) == (str(p), "colour")
    assert "unknown key" in e.value.reason


def test_wrong_type(tmp_path):
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE.replace('languages = ["en"]', 'languages = "en"'))
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert e.value.key == "languages"
    assert "list" in e.value.reason


def test_bad_regex(tmp_path):
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE.replace("Harbor Daily Times'", "Harbor (Daily Times'"))
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert e.value.key == "detect[0].pattern"
    assert "does not compile" in e.value.reason


def test_missing_required_key_and_id_mismatch(tmp_path):
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE.replace('name = "Harbor Daily Times"\n', ""))
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert e.value.key == "name" and "missing" in e.value.reason
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE.replace('id = "harbordaily"', 'id = "other"'))
    with pytest.raises(RuleError) as e:
        Normalizer([tmp_path])
    assert e.value.key == "id"


def test_user_folder_adds_and_overrides(tmp_path):
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE)
    # overriding a shipped file by its path replaces it
    write(tmp_path, "sources/yonhap.toml", 'id = "yonhap"\nname = "Yonhap (user copy)"\nkind = "agency"\n')
    norm = Normalizer([tmp_path])
    assert norm.rules.sources["yonhap"]["name"] == "Yonhap (user copy)"
    text = ("Ferry service resumes\n\nFerries resumed service on Monday after the storm, officials said.\n\n"
            "Copyright © 2001- Harbor Daily Times. All rights reserved.\n")
    rec = norm.normalize(text)
    assert rec["source"]["id"] == "harbordaily"
    assert rec["source"]["rule"] == "source.harbordaily.copyright"
    assert rec["source"]["raw"].startswith("Copyright ©")


def test_cli_rules_check(tmp_path, capsys):
    write(tmp_path, "sources/harbordaily.toml", GOOD_SOURCE)
    assert cli_main(["rules", "check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "harbordaily" in out and out.startswith("ok:")
    write(tmp_path, "locales/xx.toml", "[locale]\nname = 'no code'\n")
    assert cli_main(["rules", "check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "xx.toml" in err and "locale.code" in err


def test_broken_rules_fail_before_any_text_is_read(tmp_path, capsys):
    write(tmp_path, "sources/broken.toml", "id = \n")
    missing_input = tmp_path / "never-read.txt"
    assert cli_main([str(missing_input), "--rules", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "", "no record is written when the rules are broken"
    assert "broken.toml" in captured.err
