from pathlib import Path

import pytest

from crawler.targets import TargetsError, load_targets


def test_bundled_lists_load() -> None:
    study = load_targets()
    assert {o.id for o in study} >= {"stockholms-stad", "trafikverket", "polismyndigheten"}
    assert len(load_targets("sweden-public-sector")) == 569


@pytest.mark.parametrize(
    ("text", "suffix", "needle"),
    [
        ('[[organization]]\nid = "a"\nname = "A"\n', ".toml", ":1: organization is missing 'url'"),
        ('[[organization]]\nid = "a"\nname = "A"\nurl = "ftp://a.se"\n', ".toml", "is not an http(s) URL"),
        ('[[organization]]\nid = "a"\nname = "A"\nurl = "https://a.se"\n\n[[organization]]\nid = "a"\nname = "B"\nurl = "https://b.se"\n',
         ".toml", ":6: duplicate id 'a'"),
        ("[[organization]\nid=", ".toml", "invalid TOML"),
        ("id,name,url\na,A,https://a.se\nb,B,javascript:alert(1)\n", ".csv", ":3: url 'javascript:alert(1)'"),
        ("name,url\nA,https://a.se\n", ".csv", ":1: CSV header must have id, name, url"),
        ('[[organization]]\nid = "a"\nname = "A"\nurl = "https://a.se"\ntype = "bank"\n', ".toml", "type 'bank'"),
    ],
)
def test_malformed_targets_name_file_and_line(tmp_path: Path, text: str, suffix: str, needle: str) -> None:
    path = tmp_path / f"targets{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TargetsError) as err:
        load_targets(path)
    assert str(path) in str(err.value)
    assert needle in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TargetsError, match="not found"):
        load_targets(tmp_path / "nope.toml")
