"""Reading documents: what kg accepts, what it skips (with a one-line reason), and how it cleans text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus import blank_furniture, blank_html, blank_markdown, document_id, read_corpus, read_document
from kg.model import Document, Skipped


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_utf8_text_is_read_with_its_hash_and_title(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Titre du jour\n\nLa société Alpha rachète Beta.\n")
    doc = read_document(tmp_path / "a.txt", "a.txt")
    assert isinstance(doc, Document)
    assert doc.title == "Titre du jour"
    assert doc.encoding == "utf-8"
    assert len(doc.sha256) == 64


def test_cp1252_file_is_decoded_not_skipped(tmp_path: Path) -> None:
    write(tmp_path / "w.txt", "Le groupe français Gamma a signé un accord – 12 € !".encode("cp1252"))
    doc = read_document(tmp_path / "w.txt", "w.txt")
    assert isinstance(doc, Document)
    assert doc.encoding == "cp1252"
    assert "français" in doc.text and "–" in doc.text and "€" in doc.text


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 decodes this file
    write(tmp_path / "l.txt", "Société\x81 générale".encode("latin-1"))
    doc = read_document(tmp_path / "l.txt", "l.txt")
    assert isinstance(doc, Skipped) or doc.encoding == "latin-1"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("image.txt", bytes(range(256)) * 4, "binary file"),
        ("nul.txt", b"du texte\x00avec un octet nul", "binary file"),
        ("photo.png", b"\x89PNG\r\n", "unsupported file type"),
        ("furniture.txt", "Publicité\n\nÀ lire aussi\n", "no article text"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    result = read_document(write(tmp_path / name, data), name)
    assert isinstance(result, Skipped)
    assert reason in result.reason
    assert "\n" not in result.reason


def test_a_large_file_is_skipped_with_its_size(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", ("Le groupe Alpha lance un produit. " * 160_000))  # about 5 MB
    result = read_document(big, "big.txt")
    assert isinstance(result, Skipped)
    assert "too large: 5.4 MB" in result.reason
    assert isinstance(read_document(big, "big.txt", max_bytes=10_000_000), Document)


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", "texte")
    path.chmod(0)
    try:
        result = read_document(path, "secret.txt")
        # root can read anything; anyone else gets a clear reason
        assert isinstance(result, Document) or "unreadable" in result.reason
    finally:
        path.chmod(0o644)


def test_a_mixed_folder_reads_what_it_can_in_a_stable_order(tmp_path: Path) -> None:
    write(tmp_path / "b.md", "# Titre\n\nLa société Delta lance Omega.")
    write(tmp_path / "a.txt", "Alpha et Beta annoncent un partenariat.")
    write(tmp_path / "sub" / "c.txt", "Gamma rachète Epsilon.")
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "bin.txt", b"\x00\x01\x02")
    write(tmp_path / ".hidden.txt", "caché")
    report = read_corpus(tmp_path)
    assert [d.path for d in report.documents] == ["a.txt", "b.md", "sub/c.txt"]
    assert sorted(s.path for s in report.skipped) == ["bin.txt", "empty.txt"]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_corpus(tmp_path / "nope")


def test_same_stem_twice_gets_distinct_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha lance Omega.")
    write(tmp_path / "a.md", "Beta lance Sigma.")
    ids = [d.doc_id for d in read_corpus(tmp_path).documents]
    assert len(set(ids)) == 2


def test_document_ids_are_iri_safe() -> None:
    assert document_id("news/003 Twitter é.txt") == "news-003-Twitter-e"
    assert document_id("<script>.txt") == "script"


def test_cleaning_never_moves_a_character() -> None:
    text = "Publicité\nLa société Alpha rachète Beta.\nÀ lire aussi\nCommentaires\nJean : super !"
    cleaned = blank_furniture(text)
    assert len(cleaned) == len(text)
    assert cleaned.index("La société Alpha") == text.index("La société Alpha")
    assert "Publicité" not in cleaned and "lire aussi" not in cleaned and "super" not in cleaned


def test_repeated_long_lines_are_dropped_once_seen() -> None:
    line = "Voir tous nos articles sur les médias et la publicité"
    cleaned = blank_furniture(f"{line}\nTexte de l'article.\n{line}\n")
    assert cleaned.count(line) == 1


def test_markdown_marks_become_spaces_and_hashtags_stay() -> None:
    md = "## Titre\n\n**Alpha** rachète [Beta](https://example.org/beta) avec #Campagne"
    plain = blank_markdown(md)
    assert len(plain) == len(md)
    assert "Alpha" in plain and "Beta" in plain and "#Campagne" in plain
    assert "https" not in plain and "**" not in plain and "##" not in plain


def test_html_tags_and_scripts_become_spaces() -> None:
    html = "<p>Alpha &amp; Beta</p><script>alert(1)</script>"
    plain = blank_html(html)
    assert len(plain) == len(html)
    assert "Alpha &" in plain and "alert" not in plain and "<p>" not in plain
