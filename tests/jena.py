"""Apache Jena from Debian's ``libapache-jena-java``, runnable: riot for the tests, tdb2.tdbloader for a benchmark.

Debian's Jena 4.5 moved its bundled Xerces to the package ``xerces`` but left Xerces' message files under the old
path, so every Jena command dies at start-up; :func:`jena_command` puts a copy of those files at the new path on
the class path, and leaves out the SLF4J bindings and bridges that clash with each other when every jar is on it
(slf4j-simple stays, so Jena's warnings and errors reach stderr).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

JAVA_LIB = Path("/usr/share/java")
CLASHING_JARS = re.compile(r"(log4j-over-slf4j|slf4j-(log4j12|jcl|jdk14|nop|migrator)|maven3-slf4j-provider|"
                           r"jcl-over-slf4j)[-0-9.]*\.jar$")


def jena_command(main_class: str, scratch: Path) -> list[str] | None:
    """``java -cp ... main_class`` (e.g. ``riotcmd.riot``, ``tdb2.tdbloader``), or None when Jena is not installed;
    ``scratch`` is an empty folder for the message files."""
    core = JAVA_LIB / "jena-core.jar"
    if shutil.which("java") is None or not core.exists():
        return None
    old = "org/apache/jena/ext/xerces/impl/"
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith(old) and name.endswith(".properties"):
                target = scratch / "xerces/impl" / name[len(old):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = [str(p) for p in sorted(JAVA_LIB.glob("*.jar")) if not CLASHING_JARS.search(p.name)]
    return ["java", "-cp", ":".join([str(scratch), *jars]), main_class]
