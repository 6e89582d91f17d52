"""Validation of exported files against the vendored official schemas (see schemas/README.md)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).parent / "schemas"
XML_XSD = (HERE / "xml.xsd").as_uri()


@lru_cache(maxsize=None)
def xsd(name: str) -> etree.XMLSchema:
    """The schema with its import of the xml: namespace pointed at the local xml.xsd (no network)."""
    tree = etree.parse(str(HERE / name))
    for imported in tree.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if imported.get("namespace") == "http://www.w3.org/XML/1998/namespace":
            imported.set("schemaLocation", XML_XSD)
    return etree.XMLSchema(tree)


@lru_cache(maxsize=None)
def tmx_dtd() -> etree.DTD:
    return etree.DTD(str(HERE / "tmx14.dtd"))


def _parse(data: bytes | str | Path) -> etree._ElementTree:
    if isinstance(data, Path):
        data = data.read_bytes()
    if isinstance(data, str):
        data = data.encode("utf-8")
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)).getroottree()


def assert_valid_xliff(data: bytes | str | Path) -> None:
    tree = _parse(data)
    version = tree.getroot().get("version", "")
    schema = xsd("xliff-core-2.0.xsd" if version.startswith("2") else "xliff-core-1.2-strict.xsd")
    assert schema.validate(tree), "\n".join(str(e) for e in schema.error_log)


def assert_valid_tmx(data: bytes | str | Path) -> None:
    tree = _parse(data)
    dtd = tmx_dtd()
    assert dtd.validate(tree.getroot()), "\n".join(str(e) for e in dtd.error_log)
