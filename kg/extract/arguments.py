"""The arguments of a verb or a noun trigger, normalised: whatever the voice, the *agent* is who does it and the
*patient* what it is done to.

    « X rachète Y »                    agent X, patient Y           (active)
    « Y a été racheté par X »          agent X, patient Y           (passive)
    « Y, racheté par X, … »            agent X, patient Y           (participle in apposition)
    « Racheté en 2020 par X, Y … »     agent X, patient Y           (fronted participle)
    « X, qui a racheté Y »             agent X, patient Y           (relative clause)
    « X s'est emparé de Y »            agent X, patient Y           (a phrase ending in a preposition)
    « le rachat de Y par X »           of Y, by X                   (a noun)
    « X a finalisé le rachat de Y »    support X, of Y              (a noun under a support verb)

Each slot asks the parse first, then reads the surface (:mod:`kg.extract.readers`); coordination is expanded on
both sides, and pronouns and descriptions go to :mod:`kg.extract.reference`. A slot answers with the names and
how they were found ("parse", "surface", "reference"), which the engine turns into a lower confidence.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.appositions import apposed_after, described_object
from kg.extract.complements import ANY, NONE, Found
from kg.extract.context import DocContext, fits, kind_of
from kg.extract.control import infinitive_controller
from kg.extract.described import DescribedNames
from kg.extract.frames import Lexicon
from kg.extract.objects import ObjectReaders
from kg.extract.openings import apposition_head, opening_name, opening_subject
from kg.extract.readers import PREPOSITIONS, Reader
from kg.extract.reference import References
from kg.extract.trailing_lists import parallel_subjects, trailing_members
from kg.model import Mention

__all__ = ["ANY", "NONE", "Arguments", "Found"]

CONTRACTED = {"au": "a", "aux": "a", "du": "de", "des": "de", "d'": "de"}
CLITICS = {"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "l'", "le", "la", "les", "nous", "vous", "me", "m'"}
EMPHATIC = {"eux", "elles"}  # a stressed pronoun repeating the subject inside the verb group
PREP_WINDOW = 18
# Verbs whose compound tenses take « être » (« est entré », « est né »): « être » + participle is not a passive.
ETRE_VERBS = {"entrer", "arriver", "naitre", "devenir", "venir", "partir", "rester", "passer", "tomber", "monter",
              "retourner", "revenir", "sortir", "mourir", "deceder", "parvenir", "intervenir", "redevenir", "aller"}


def _merge(parse: list[Mention], surface: list[Mention]) -> Found:
    """The parse's names, or the surface list when it contains them and more (a coordination the parse lost)."""
    if parse and surface and all(m in surface for m in parse) and len(surface) > len(parse):
        return Found(tuple(surface), "parse")
    if parse:
        return Found(tuple(parse), "parse")
    if surface:
        return Found(tuple(surface), "surface")
    return NONE


class Arguments(ObjectReaders, DescribedNames):
    def __init__(self, ctx: DocContext, reader: Reader, refs: References, lex: Lexicon,
                 person_roles: frozenset[str] = frozenset()) -> None:
        self.ctx = ctx
        self.reader = reader
        self.refs = refs
        self.lex = lex
        self.person_roles = person_roles  # one-word role nouns a person holds (« président », « PDG »)

    # ----- tokens to names -----
    def names_of(self, tok: Token, allowed: frozenset[str] = ANY) -> Found:
        """What a subject or object token stands for: its name, the name its description introduces (« la société
        X »), a list it opens, or the referent of a pronoun or description; coordination expanded."""
        ctx = self.ctx
        left = min(t.i for t in tok.subtree) if tok.pos_ in {"NOUN", "PROPN", "X"} else tok.i
        if ctx.mention(tok.i) is not None or ctx.mention(left) is not None:
            start = left if ctx.mention(left) is not None else tok.i
            surface = self.reader.names_at(start)
            parse = [ctx.mention(tok.i) or ctx.mention(left)] + [ctx.mention(c.i) for c in tok.conjuncts
                                                                  if ctx.mention(c.i) is not None]
            return _merge([m for m in dict.fromkeys(parse) if m is not None], surface)
        if tok.pos_ == "NOUN" and self.ctx.lemmas[tok.i] in self.person_roles and "Person" in allowed:
            # « le nouveau président de Y siège … »: the person who holds the role, not Y
            m = self.refs.resolve(tok.i, frozenset({"Person"}))
            return Found((m,), "reference") if m is not None and kind_of(m) == "Person" else NONE
        if tok.pos_ in {"NOUN", "ADJ", "DET", "NUM"}:
            surface = self.reader.names_at(left)
            if surface:
                return Found(tuple(surface), "parse")
            under = [ctx.mention(c.i) for c in tok.children if c.dep_ in {"appos", "nmod", "flat:name", "flat"}
                     and ctx.mention(c.i) is not None and not any(g.dep_ == "case" for g in c.children)]
            if under:
                return Found(tuple(m for m in under if m is not None), "parse")
            opening = self._apposed_opening_name(left)
            if opening is not None:
                return Found((opening,), "parse")
            members = trailing_members(ctx, self.reader, tok)  # « N entreprises ont choisi X, parmi lesquelles A »
            if members:
                return Found(tuple(members), "parse")
            apposed = apposed_after(self.ctx, self.reader, tok.i)
            if apposed is not None:
                return Found((apposed,), "parse")
        m = self.refs.resolve(tok.i, allowed)
        return Found((m,), "reference") if m is not None else NONE

    def _apposed_opening_name(self, left: int) -> Mention | None:
        """« X, l'entité data du groupe Y, qui …, s'associe à Z »: a description in apposition to the name opening
        the sentence stands for it (not a name after a fronted clause: « Après avoir racheté X, la société … »)."""
        ctx = self.ctx
        if ctx.words[left - 1] != "," or ctx.tokens[left].pos_ != "DET":
            return None
        m = opening_name(ctx, ctx.sentence(left)[0])
        return m if m is not None and ctx.bounds(m)[1] == left - 1 and kind_of(m) == "Organization" else None

    # ----- verbs -----
    def voice(self, head: Token, a: int) -> str:
        """"active", "passive" or "participle" (a past participle without auxiliary, in apposition or fronted)."""
        deps = {c.dep_ for c in head.children}
        if "aux:pass" in deps or ("nsubj:pass" in deps and not any(  # « X a racheté Y » with X read as nsubj:pass:
                c.dep_ == "aux:tense" and self.ctx.lemmas[c.i] == "avoir" for c in head.children)):  # no passive
            return "passive"
        participle = "Part" in self.ctx.verb_forms[head.i] and "Pres" not in self.ctx.tenses[head.i]
        if not participle and head.pos_ == "ADJ":  # « basée », « installée » tagged as adjectives
            participle = self.ctx.words[head.i].endswith(("e", "es", "s", "i", "is", "ie", "ies", "t", "ts"))
        if participle and not deps & {"aux:tense", "aux"}:
            k = a - 1
            while k > 0:
                step = self.ctx.phrase_ending(k, self.lex.adverbials) or int(self.ctx.tokens[k].pos_ == "ADV")
                if not step:
                    break
                k -= step
            prev = self.ctx.lemmas[k] if k >= 0 else ""
            if prev == "avoir" or (head.head.pos_ == "AUX" and self.ctx.lemmas[head.head.i] == "avoir"):
                return "active"  # « a expliqué avoir récupéré »
            if prev == "etre" and k > 0 and self.ctx.words[k - 1] in {"s'", "se"}:
                return "active"  # « s'était en revanche offert Y »: a pronominal verb's compound tense
            if prev in {"etre", "rester", "demeurer", "sembler", "paraitre"} and self.ctx.tokens[k].pos_ == "AUX":
                return "active" if self.ctx.lemmas[head.i] in ETRE_VERBS else "passive"
            return "active" if self._present_read_as_participle(head) else "participle"
        return "active"

    def _present_read_as_participle(self, head: Token) -> bool:
        """« X, ancienne de Z, rejoint le cabinet Y »: « rejoint », « conduit », « produit » are a present tense as
        well as a participle; with an object right after it and no « par » near, the verb is the present."""
        ctx = self.ctx
        i = head.i
        _, end = ctx.sentence(i)
        return ctx.words[i].endswith("t") and i + 1 < end and ctx.pos[i + 1] == "DET" and \
            "par" not in ctx.words[i + 1 : min(end, i + 7)]

    def subject(self, head: Token, allowed: frozenset[str], depth: int = 0) -> Found:
        """Who does what the verb says (its grammatical subject), and whom « , tout comme A » adds to it."""
        found = self._subject(head, allowed, depth)
        more = [] if depth or found.how in {"", "reference"} else \
            parallel_subjects(self.ctx, self.reader, self.ctx.bounds(found.mentions[0])[0], allowed)
        return Found(tuple(dict.fromkeys(found.mentions + tuple(more))), found.how) if more else found

    def _subject(self, head: Token, allowed: frozenset[str], depth: int = 0) -> Found:
        ctx = self.ctx
        subjects = [c.i for c in head.children if c.dep_ == "nsubj"]
        if head.dep_ == "acl" and subjects and min(subjects) > head.i and ctx.mention(head.head.i) is not None:
            return Found((ctx.mention(head.head.i),), "parse")  # « X, ancienne de Z, rejoint le cabinet Y »
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubj:pass", "expl:subj"}:
                if ctx.words[child.i] in self.lex.relatives:
                    antecedent = apposition_head(ctx, self.reader.name_before(child.i))
                    if antecedent is None:  # « du groupe bancaire, qui fédère … »: a description before « qui »
                        start = ctx.sentence(child.i)[0]
                        k = child.i - 1 if ctx.words[child.i - 1] == "," else child.i
                        j = self.reader.skip_description_back(k, start)
                        if j < k and j - 2 >= start and ctx.words[j - 1] == "," and ctx.mention(j - 2) is not None:
                            antecedent = ctx.mention(j - 2)  # « X, la holding qui contrôle Y »: the apposed name
                        else:
                            antecedent = self.refs.within(j, k, allowed)
                    if antecedent is None and head.dep_.startswith("acl") and ctx.mention(head.head.i) is not None:
                        antecedent = ctx.mention(head.head.i)
                    if antecedent is None and head.dep_.startswith("acl") and depth < 3 and \
                            any(c.dep_ == "cop" for c in head.head.children):
                        return self.subject(head.head, allowed, depth + 1)  # « X est un groupe qui réunit … »
                    if antecedent is not None:
                        return Found((antecedent,), "parse")
                    continue
                found = self.names_of(child, allowed)
                if found.mentions:
                    if found.how != "reference":
                        surface = self.reader.names_before(self._verb_start(head))
                        merged = _merge(list(found.mentions), surface)
                        return merged if merged.how == "parse" else found
                    return found
        if depth < 3 and head.head.i != head.i:
            up = head.head
            if up.pos_ == "AUX" and up.head.i != up.i and head.dep_ not in {"nsubj", "obj"}:
                up = up.head  # « a expliqué avoir récupéré »: the parse hangs the infinitive from its auxiliary
            controlled, controller = infinitive_controller(ctx, self.lex, head)
            if controlled:  # « Y a persuadé X de transférer ses bureaux »: X moves
                return NONE if controller is None or controller.pos_ == "PRON" else self.names_of(controller, allowed)
            mismatched = head.dep_ == "conj" and "Inf" in ctx.verb_forms[head.i] and \
                "Fin" in ctx.verb_forms[up.i]  # « …, qui détient Y, et de distancer Z »: not one subject
            purpose = head.dep_ == "acl" and "Inf" in ctx.verb_forms[head.i] and any(
                c.dep_ == "mark" and ctx.words[c.i] in {"pour", "afin"} for c in head.children)  # « X en profite
            # pour dévoiler Y », the infinitive hung as a clause of the verb: who does the one does the other
            if (head.dep_ in {"xcomp", "conj", "advcl"} or head.head.pos_ == "AUX" or purpose) and \
                    up.pos_ in {"VERB", "AUX"} and up.i != head.i and not mismatched:
                return self.subject(up, allowed, depth + 1)
            if head.dep_ in {"acl", "acl:relcl"} and ctx.mention(head.head.i) is not None:
                return Found((ctx.mention(head.head.i),), "parse")
        verb_start = self._verb_start(head)
        surface = self.reader.names_before(verb_start)
        if not surface:  # « Plus de 300 entreprises ont choisi X, parmi lesquelles A » (the subject read as obl:mod)
            surface = next((m for c in head.children if c.dep_ == "obl:mod"
                            for m in [trailing_members(ctx, self.reader, c)] if m), [])
        if not surface:  # « X, l'entité data de Y, qui …, s'associe à Z », « A et B, deux groupes …, s'allient »
            surface = [m for m in opening_subject(ctx, head, verb_start) if fits(m, allowed)]
        if not surface:  # « Après avoir mis la main sur Y, X vise … », parsed with no main verb
            surface = [m for m in self.fronted_subject(head.i).mentions if fits(m, allowed)]
        return Found(tuple(surface), "surface") if surface else self._described_before(head, allowed)

    def _described_before(self, head: Token, allowed: frozenset[str]) -> Found:
        """« Créée à Bruxelles, cette association de droit belge compte 22 membres », parsed with « compte » as a
        noun inside the description: the definite description that ends right before the verb is its subject."""
        ctx = self.ctx
        start, _ = ctx.sentence(head.i)
        v = self._verb_start(head)
        if v - 1 <= start:
            return NONE
        t = ctx.tokens[v - 1]
        while t.head.i != t.i and start <= t.head.i < v:
            t = t.head
        first = t.left_edge.i
        if first < start or (first > start and ctx.words[first - 1] != ",") or not self.refs.is_definite(t.i):
            return NONE
        m = self.refs.definite(t.i)
        return Found((m,), "reference") if m is not None and fits(m, allowed) else NONE

    def _verb_start(self, head: Token) -> int:
        """The first word of the verb group: auxiliaries, clitics, negation and adverbs before the verb."""
        ctx = self.ctx
        start, _ = ctx.sentence(head.i)
        k = head.i
        while k - 1 >= start and (ctx.tokens[k - 1].pos_ in {"AUX", "ADV"} or ctx.words[k - 1] in CLITICS or (
                ctx.words[k - 1] in EMPHATIC and ctx.tokens[k - 1].pos_ == "PRON")):  # « A et B ont eux aussi rejoint »
            k -= 1
        return k

    def after_trigger(self, b: int) -> Found:
        """The names right after a trigger (« s'est emparé de Y », « rachète la start-up Y »), and those after the
        same preposition repeated (« travaille pour A, mais aussi pour B », « a signé avec A, qui …, et avec B »).
        An adverbial phrase may stand between (« préside à la fois A et B », « a racheté au passage Y »)."""
        if b < len(self.ctx.words):
            b += self.ctx.phrase_starting(b, self.lex.adverbials)
        names = self.reader.names_at(b)
        if names and b > 0 and self.ctx.words[b - 1] in PREPOSITIONS:
            names += self.repeated(self.ctx.bounds(names[-1])[1], self.ctx.words[b - 1])
        return Found(tuple(dict.fromkeys(names)), "parse") if names else NONE

    def repeated(self, k: int, prep: str) -> list[Mention]:
        """Names after « et / mais aussi / ainsi que » + the preposition ``prep`` again, past a relative clause."""
        ctx = self.ctx
        _, end = ctx.sentence(k - 1)
        j = k
        if j < end and ctx.words[j] == "," and j + 1 < end and ctx.words[j + 1] in self.lex.relatives:
            j += 2
            while j < end and ctx.words[j] != ",":
                j += 1
        while j < end and ctx.words[j] in {",", "et", "mais", "aussi", "ainsi", "que", "ou", "encore", "puis"}:
            j += 1
        if j > k and j + 3 < end and ctx.words[j] == "a" and ctx.words[j + 2] in {"%", "pourcent"}:
            j += 3  # « détenue à 51 % par A et à 49 % par B »
        if j > k and j < end and (ctx.words[j] == prep or CONTRACTED.get(ctx.words[j], ctx.words[j]) ==
                                  CONTRACTED.get(prep, prep)):
            nxt = j + 1
            if nxt + 1 < end and ctx.words[nxt] in {"celui", "celle", "ceux", "celles"}:
                nxt += 2  # « au conseil de A et à celui de B »
            more = self.reader.names_at(nxt, end)
            if more:
                return more + self.repeated(ctx.bounds(more[-1])[1], prep)
        return []

    def object(self, head: Token, b: int, allowed: frozenset[str]) -> Found:
        """What the verb is done to, in the active voice: the names after it, else its parsed object."""
        found = self.after_trigger(b)
        if found.mentions:
            return described_object(self.ctx, self.reader, b, found)
        whole = self.whole_of(b)
        if whole.mentions:
            return whole
        parts = self.lex.share_nouns - self.lex.whole_nouns
        for child in head.children:  # (a complement the parser hung as a second object: the first with a name)
            if child.dep_ == "obj" and child.i >= b and not (  # « a racheté 20 % de Y » bought a part of Y
                    self.ctx.words[child.i] in {"%", "pourcent"} or self.ctx.words[child.i] in parts):
                found = self.names_of(child, allowed)
                if found.mentions:
                    return found
        relative = [c.i for c in head.children if c.dep_ == "obj" and self.ctx.words[c.i] in {"que", "qu'"}]
        if relative and (head.dep_ in {"acl", "acl:relcl"} or (
                self.ctx.tokens[relative[0]].pos_ == "PRON" and self.ctx.words[relative[0] - 1] == ",")):
            # « le prix Y, que le groupe a lancé », and the same clause the parser hung as a ccomp
            m = self.reader.name_before(min(relative[0], min(c.i for c in head.children)))
            return Found((m,), "parse") if m is not None else NONE
        return NONE

    def prep(self, words: tuple[str, ...], b: int, *, exclude: tuple[Mention, ...] = (),
             phrase_only: bool = False) -> Found:
        """The names after the first preposition ``words`` following the trigger, in its clause (a description
        there stands for none of ``exclude``, the frame's other argument); with ``phrase_only``, before any comma
        (« un partenariat avec Y, établissement agréé par Z »: Z is no party to the partnership)."""
        ctx = self.ctx
        end = ctx.sent_end[b - 1 if b > 0 else 0]
        # (the columns as locals: this loop runs over some 20 tokens for each of many triggers)
        texts, forms, verb_forms, relatives = ctx.words, ctx.forms, ctx.verb_forms, self.lex.relatives
        first = words[0] if words else None
        for k in range(b, min(end, b + PREP_WINDOW)):
            word = texts[k]
            if word == ";" or (k > b and word in relatives and texts[k - 1] == ",") or (phrase_only and word == ","):
                break
            if k > b and "Fin" in verb_forms[k] and (ctx.pos[k] == "VERB" or ctx.deps[k] in {"aux:tense",
                                                                                             "aux:pass"}):
                break  # another clause's verb: « … qui commercialise des données, s'associe à Z », « …, a pris »
            if first is not None and first not in forms[k]:
                continue  # (what ``match`` tests first, without the call: most tokens)
            j = self.reader.match(k, words)
            if j > 0:
                names = self.reader.names_at(j, end) or self._after_any_noun(j, end)
                if names and words == ("par",):  # « racheté par A, puis par B », « à 51 % par A et à 49 % par B »
                    names = list(dict.fromkeys(names + self.repeated(ctx.bounds(names[-1])[1], "par")))
                if names:
                    return Found(tuple(names + self._wider_place(names, end)), "parse")
                shares = self.share_company(j, end, exclude)  # « une offre sur l'ensemble des actions de Y »
                if shares.mentions:
                    return shares
                m = self.refs.other_than(j, self.reader.skip_description(j, end), ANY, exclude)
                if m is None and self._bare_then_and(j, end):
                    continue  # « vend ses données aux notaires et à la banque Y »: the next one names Y
                return Found((m,), "reference") if m is not None else NONE
        return NONE

    def _bare_then_and(self, j: int, end: int) -> bool:
        """Whether a common noun phrase with no name (« les notaires ») runs from ``j`` to « et » / « ou »."""
        ctx = self.ctx
        n = j
        while n < min(end, j + 5) and ctx.mention(n) is None and ctx.pos[n] in {"DET", "NOUN", "ADJ"}:
            n += 1
        return j < n < end and ctx.words[n] in {"et", "ou"}

    def clause_subject(self, a: int, allowed: frozenset[str]) -> Found:
        """The subject of the sentence's main verb (« X complète le podium avec 8 millions apportés par Y »), or,
        when the trigger stands in a fronted phrase (« Après l'accord passé avec Y, X annonce … »), the first name
        after the comma that closes it."""
        ctx = self.ctx
        start, end = ctx.sentence(a)
        fronted = self.fronted_subject(a)
        if fronted.mentions:
            return fronted
        for k in range(start, end):
            root = ctx.tokens[k]
            if root.dep_ == "ROOT" and root.pos_ in {"VERB", "AUX"} and k != a:
                found = self.subject(root, allowed)
                if found.mentions and (found.how != "surface" or ctx.bounds(found.mentions[-1])[1] ==
                                       self._verb_start(root)):
                    return found
        return NONE

    def fronted_subject(self, a: int) -> Found:
        """Inside a phrase a preposition fronts (« Après l'accord passé avec Y, X annonce … », « Après avoir mis la
        main sur Y, X vise … »), the first name after the comma that closes it."""
        ctx = self.ctx
        start, end = ctx.sentence(a)
        if ctx.tokens[start].pos_ == "ADP" and a > start and "," not in ctx.words[start:a]:
            for k in range(a, end - 1):
                if ctx.words[k] == ",":
                    names = self.reader.names_at(k + 1, end)
                    return Found(names[:1], "surface") if names else NONE
        return NONE

    def topic(self, a: int, exclude: tuple[Mention, ...]) -> Found:
        """The organisation the section (under a heading naming one) or else the text is about."""
        topic = self.ctx.section_topic(a) or self.ctx.topic
        if topic is None or any(topic.text == m.text for m in exclude):
            return NONE
        return Found((self.ctx.refer(a, topic),), "reference")

    def companions(self, verb: Token, allowed: frozenset[str]) -> Found:
        """The names of an « avec » complement of the verb, before or after it: « avec A et B, il a fondé Y »,
        « il fonde Y avec A »: they do what the subject does."""
        ctx = self.ctx
        found: list[Mention] = []
        for c in verb.children:
            if c.dep_.startswith("obl") and any(g.dep_ == "case" and ctx.words[g.i] == "avec" for g in c.children):
                for tok in (c, *c.conjuncts):
                    m = ctx.mention(tok.i)
                    if m is not None and fits(m, allowed) and m not in found:
                        found.append(m)
        return Found(tuple(found), "parse") if found else NONE
