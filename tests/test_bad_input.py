"""Bad input to ``kg build`` (issue 13): every odd entry of an input folder is read or skipped with its reason,
nothing outside the folder is read unless asked, and a bad --base-iri is refused before any work."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kg.corpus import decode, read_corpus

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "La société Norvex annonce un partenariat avec Daltora.\n"


def reasons(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {s.path: s.reason for s in report.skipped}


def read_paths(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.path for d in report.documents]


def test_folders_nested_1500_deep_are_read_without_recursion_error(tmp_path: Path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(1500):  # built relative to a folder descriptor: the full path is 3,000+ characters
            os.mkdir("d", dir_fd=fd)
            fd, old = os.open("d", os.O_RDONLY, dir_fd=fd), fd
            os.close(old)
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, ARTICLE.encode())
        os.close(out)
    finally:
        os.close(fd)
    try:
        report = read_corpus(tmp_path)
    finally:
        subprocess.run(["rm", "-rf", str(tmp_path / "d")], check=True)  # pytest's cleanup (shutil.rmtree) recurses
    assert [len(d.path) for d in report.documents] == [1500 * 2 + len("deep.txt")] and report.skipped == []


def test_a_file_name_that_is_not_utf8_is_skipped_by_name_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    report = read_corpus(tmp_path)
    assert read_paths(report) == ["ok.txt"]
    assert reasons(report) == {"caf\\xe9.txt": "file name is not valid UTF-8 (rename it to read it)"}


def test_a_link_out_of_the_input_folder_is_skipped_unless_follow_links(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Le mot de passe de Norvex est caché ici.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "secret.txt").symlink_to(outside / "secret.txt")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    report = read_corpus(corpus)
    assert read_paths(report) == ["ok.txt"]
    assert set(reasons(report)) == {"passwd.txt", "secret.txt", "elsewhere"}
    assert all("out of the input folder" in r for r in reasons(report).values())
    followed = read_corpus(corpus, follow_links=True)
    assert "secret.txt" in read_paths(followed)  # (elsewhere/secret.txt is the same text: skipped as a duplicate)
    assert not [r for r in reasons(followed).values() if "symbolic link" in r]


def test_a_link_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    report = read_corpus(tmp_path)
    assert read_paths(report) == ["alias.txt"]  # followed; real.txt is then the same text, read once
    assert reasons(report) == {"real.txt": "duplicate: the same text as alias.txt (one source, read once)"}


@pytest.mark.parametrize("follow", [False, True])
def test_link_loops_and_dangling_links_are_skipped_with_a_reason(tmp_path: Path, follow: bool) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a loop
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    report = read_corpus(tmp_path, follow_links=follow)
    assert read_paths(report) == ["sub/a.txt"]
    why = reasons(report)
    assert ("loop" in why["sub/up"] and "loop" in why["self.txt"]) or "dangling" in why["self.txt"]
    assert why["gone.txt"] == "dangling symbolic link"


def test_pipes_sockets_and_devices_are_skipped_never_opened(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block the build for ever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    try:
        (tmp_path / "null.txt").symlink_to("/dev/null")
        report = read_corpus(tmp_path, follow_links=True)
    finally:
        server.close()
    assert read_paths(report) == ["ok.txt"]
    why = reasons(report)
    assert "named pipe" in why["pipe.txt"] and "socket" in why["sock.txt"] and "device" in why["null.txt"]


def test_an_unreadable_folder_is_skipped_with_its_reason() -> None:
    """Run as an unprivileged user (root reads any folder), in a world-readable scratch folder."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to the nobody user")
    scratch = Path(tempfile.mkdtemp(prefix="kg-unreadable-"))
    try:
        scratch.chmod(0o755)
        (scratch / "ok.txt").write_text(ARTICLE, encoding="utf-8")
        (scratch / "ok.txt").chmod(0o644)
        (scratch / "locked").mkdir(mode=0o700)
        (scratch / "locked" / "x.txt").write_text(ARTICLE, encoding="utf-8")
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child drops root and reads the folder; it never returns to pytest
            try:
                os.close(read)
                os.setgid(65534)
                os.setuid(65534)
                r = read_corpus(scratch)
                os.write(write, repr(([d.path for d in r.documents], reasons(r))).encode())
            finally:
                os._exit(0)
        os.close(write)
        with os.fdopen(read) as fh:
            got = fh.read()
        os.waitpid(pid, 0)
        assert got == repr((["ok.txt"], {"locked": "unreadable folder: Permission denied"}))
    finally:
        subprocess.run(["rm", "-rf", str(scratch)], check=False)


def test_one_stray_byte_keeps_a_utf8_file_utf8_and_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Hélène Durand dirige Norvex à Genève.\n".encode() + b"\xff fin\n")
    report = read_corpus(tmp_path)
    (doc,) = report.documents
    assert doc.encoding == "utf-8" and "Hélène" in doc.text and "Genève" in doc.text and "\ufffd fin" in doc.text
    assert [(n.path, n.reason) for n in report.notes] == [("a.txt", "1 invalid UTF-8 byte(s) replaced by U+FFFD")]


def test_a_real_cp1252_file_is_still_cp1252() -> None:
    assert decode("Hélène dirige la société.\n".encode("cp1252")) == ("Hélène dirige la société.\n", "cp1252")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
           "utf-32-be": b"\x00\x00\xfe\xff"}[codec]
    (tmp_path / "a.txt").write_bytes(bom + ARTICLE.replace("\n", "\r\n").encode(codec))
    report = read_corpus(tmp_path)
    assert report.skipped == [] and report.documents[0].text == ARTICLE
    assert report.documents[0].encoding == codec[:6]


@pytest.mark.parametrize("base", ["http://ex.org/%zz/", "http://ex.org/a#b#", "http://[::1/x/", "a#b#"])
def test_a_bad_base_iri_is_refused_up_front_in_one_line(tmp_path: Path, base: str) -> None:
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(REPO / "kg" / "sample"), "-o", str(out),
                           "--base-iri", base], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "base IRI" in proc.stderr
    assert not out.exists()


def test_the_build_summary_names_each_skipped_entry(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    with open(os.path.join(os.fsencode(corpus), b"\xe9t\xe9.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    (corpus / "bad.txt").write_bytes("Hélène à Genève ".encode() + b"\xff\n")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(tmp_path / "out"),
                           "--no-html", "--quiet"], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    assert "documents: 2 read, 2 skipped" in proc.stdout
    assert "skipped passwd.txt: symbolic link out of the input folder" in proc.stdout
    assert "skipped \\xe9t\\xe9.txt: file name is not valid UTF-8" in proc.stdout
    assert "repaired bad.txt: 1 invalid UTF-8 byte(s)" in proc.stdout
