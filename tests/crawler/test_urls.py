from crawler.urls import Scope, canonicalize, is_private_address, registrable_domain


def test_canonical_form_drops_noise() -> None:
    assert canonicalize("HTTP://Www.Example.se:80//a//b/?utm_source=x&b=2&a=1#frag") == "http://www.example.se/a/b/?a=1&b=2"
    assert canonicalize("https://kommun.se/sida;jsessionid=ABC?PHPSESSID=1&x=1") == "https://kommun.se/sida?x=1"
    assert canonicalize("https://kommun.se:443") == "https://kommun.se/"
    assert canonicalize("mailto:a@b.se") == "mailto:a@b.se"


def test_idn_hosts_become_punycode() -> None:
    assert canonicalize("https://www.åre.se/sök") == "https://www.xn--re-xia.se/s%C3%B6k"


def test_scope_is_the_registrable_domain() -> None:
    assert registrable_domain("e-tjanster.stockholm.se") == "stockholm.se"
    assert registrable_domain("www.bbc.co.uk") == "bbc.co.uk"
    scope = Scope("https://www.stockholm.se/", also=["start.stockholm"])
    assert scope("https://e-tjanster.stockholm.se/x")
    assert scope("https://start.stockholm/")
    assert not scope("https://stockholm.se.evil.com/")
    assert not scope("ftp://www.stockholm.se/")


def test_scope_of_an_ip_is_host_and_port() -> None:
    scope = Scope("http://127.0.0.21:8000/")
    assert scope("http://127.0.0.21:8000/a")
    assert not scope("http://127.0.0.21:9000/a")
    assert not scope("http://127.0.0.22:8000/a")


def test_private_addresses() -> None:
    assert is_private_address("127.0.0.5")
    assert is_private_address("localhost")
    assert is_private_address("10.1.2.3")
    assert is_private_address("169.254.1.1")
    assert not is_private_address("8.8.8.8")
