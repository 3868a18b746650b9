"""Default settings the command line shows in its help, in a module that imports nothing.

``kg`` builds every subcommand's parser before it knows which one runs, so whatever a parser's defaults come from
is imported by every command: taking them from :mod:`kg.vocab` (rdflib) and :mod:`kg.render` (networkx) cost
``kg query`` a quarter of a second of start-up. Those modules re-export these names, where they belong.
"""

DEFAULT_BASE_IRI = "https://w3id.org/kg-news/id/"
"""The base of entity, statement, fact and document IRIs."""

DEFAULT_LAYOUT_THRESHOLD = 400
"""Above this many entities the page starts from a networkx layout with physics off (see :mod:`kg.render`)."""

EXPORT_FORMATS: dict[str, str] = {"ttl": "graph.ttl", "trig": "graph.trig", "nt": "graph.nt", "nq": "graph.nq",
                                  "jsonld": "graph.jsonld"}
"""The formats ``kg export`` and ``kg build --export`` write, and the file each one is written to."""
