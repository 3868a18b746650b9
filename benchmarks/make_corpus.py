"""A synthetic news pile of N documents, made from the bundled sample and the seed texts, for benchmarks.

Each document mixes the paragraphs of two or three source texts and renames some of their proper nouns
(``Quantix`` -> ``Quantixora``), so a big corpus has many distinct entities and spaCy sees varied text, like a real
pile, instead of the same five articles over and over. The output is deterministic for a given N and seed.

The seed texts are read from ``../shared/corpus/seeds`` at run time; they are never copied into the repository.
Run from the repository root::

    /work/main/.venv/bin/python benchmarks/make_corpus.py 1000 /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = (REPO / "kg" / "sample", REPO.parent / "shared" / "corpus" / "seeds")
SUFFIXES = ("ora", "ix", "ia", "eo", "ami", "elle", "on", "ar", "is", "um")
NAME = re.compile(r"(?<=[a-zà-ÿ,;:] )([A-Z][a-zà-ÿ]{3,})\b")


def source_texts() -> list[str]:
    """The texts the corpus is made from, in a stable order."""
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in {".txt", ".md"}]
    if not texts:
        raise SystemExit("no source texts found (kg/sample, ../shared/corpus/seeds)")
    return texts


def vary(text: str, rng: random.Random) -> str:
    """Rename about half of the mid-sentence proper nouns, consistently within the document."""
    renames: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in renames:
            renames[name] = name + rng.choice(SUFFIXES) if rng.random() < 0.5 else name
        return renames[name]

    return NAME.sub(rename, text)


def make_document(texts: list[str], index: int, seed: int) -> str:
    """Document ``index``: a headline and the paragraphs of two or three source texts, varied."""
    rng = random.Random(f"{seed}-{index}")
    picked = rng.sample(texts, k=min(len(texts), rng.randint(2, 3)))
    paragraphs = [p for text in picked for p in text.split("\n\n") if p.strip()]
    headline, body = paragraphs[0], paragraphs[1:]
    rng.shuffle(body)
    return vary("\n\n".join([headline, *body[:8]]) + "\n", rng)


def make_corpus(n: int, out: Path, seed: int = 7) -> list[Path]:
    """Write ``n`` documents ``doc-00000.txt``... under ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    texts = source_texts()
    paths = []
    for index in range(n):
        path = out / f"doc-{index:05d}.txt"
        path.write_text(make_document(texts, index, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    make_corpus(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
