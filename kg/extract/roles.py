"""Role nouns: a *holder* has a role (« PDG », « filiale », « client ») *of* a relatum (the places a demonym
names, « britannique », are read in :mod:`kg.extract.demonyms`).

Roles chain (« cofondateur et CEO de Y » is two roles sharing Y), stand in apposition on either side of their holder
(« X, PDG de Y », « le PDG de Y, X », « son fondateur X »), after a copula or an appointment (« X est devenu PDG de Y »,
« X a été nommé PDG de Y », « Y a nommé X PDG »), or open a list (« ses clients A, B et C », « les marques du groupe :
A, B »). The relatum follows a link word (« de », « chez », « au sein de »), is a possessive (« sa filiale X »), a
description (« du groupe »), or the name after a comma (« X, vice-président, Y »).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.among import among_holders, is_having, verb_before
from kg.extract.answers import answer_names
from kg.extract.arguments import NONE, Arguments, Found
from kg.extract.context import DocContext, fits, kind_of
from kg.extract.frames import Lexicon
from kg.extract.possessors import possessive_of
from kg.extract.readers import Reader
from kg.extract.reference import References
from kg.extract.relative_roles import dont_antecedent
from kg.extract.second_appositions import now_apposed
from kg.extract.succession import heir_of_role
from kg.model import Mention

ROLE_LINKS = (("au", "sein", "de"), ("au", "sein", "du"), ("au", "sein", "des"), ("aupres", "de"), ("aupres", "du"),
              ("de", "la", "part", "de"), ("de",), ("d'",), ("du",), ("des",), ("chez",), ("of",), ("at",), ("pour",),
              ("a", "la", "tete", "de"))
CHAIN_GLUE = {"et", ",", "&", "-", "/", "puis"}
ROLE_ADJECTIVES = {"executif", "executive", "non", "delegue", "deleguee", "general", "generale", "historique",
                   "actuel", "actuelle", "nouveau", "nouvelle", "emblematique", "fondateur", "fondatrice", "global",
                   "globale", "adjoint", "adjointe", "principal", "principale", "direct", "directe", "grand", "grande",
                   "mondial", "mondiale", "premier", "premiere", "seul", "seule", "unique", "majoritaire",
                   "minoritaire", "exclusif", "exclusive", "officiel", "officielle", "strategique"}
LINKS_AFTER = {"de", "d'"}
ORG, PERSON = frozenset({"Organization"}), frozenset({"Person"})
SINGULAR_DETERMINERS = {"le", "la", "l'", "son", "sa"}
FOLLOWING_LIST = {":", "dont", "comme", "notamment", "parmi", "tels", "telles", "tel", "telle"}


@dataclass(frozen=True)
class RoleMatch:
    a: int  # first token of the role noun
    b: int  # one past its last token
    frame_id: str


@dataclass(frozen=True)
class Chain:
    """Coordinated roles sharing a holder and a relatum: « cofondateur et CEO de Y »."""

    roles: tuple[RoleMatch, ...]

    @property
    def a(self) -> int:
        return self.roles[0].a

    @property
    def b(self) -> int:
        return self.roles[-1].b


def chains(ctx: DocContext, matches: list[RoleMatch]) -> list[Chain]:
    """Group role matches joined by « et », « , » or « & » (longest non-overlapping matches first)."""
    chosen: list[RoleMatch] = []
    for m in sorted(matches, key=lambda r: (r.a, -(r.b - r.a))):
        if chosen and m.a < chosen[-1].b:
            continue
        chosen.append(m)
    out: list[list[RoleMatch]] = []
    for m in chosen:
        if out:
            last = out[-1][-1]
            gap = ctx.words[last.b : m.a]
            if m.a - last.b <= 2 and gap and all(w in CHAIN_GLUE for w in gap) and ctx.sentence(m.a)[0] == \
                    ctx.sentence(last.a)[0]:
                out[-1].append(m)
                continue
        out.append([m])
    return [Chain(tuple(c)) for c in out]


class RoleReader:
    def __init__(self, ctx: DocContext, reader: Reader, refs: References, args: Arguments, lex: Lexicon) -> None:
        self.ctx = ctx
        self.reader = reader
        self.refs = refs
        self.args = args
        self.lex = lex
        self._last: dict[int, tuple[int, Found]] = {}  # sentence start -> (end of the role, its holders)

    def _link(self, k: int, end: int, words: tuple[tuple[str, ...], ...] = ROLE_LINKS) -> int:
        """The index after a link word at ``k`` (« de », « chez », « au sein de »), else -1."""
        for w in words:
            j = self.reader.match(k, w)
            if 0 < j <= end:
                return j
        return -1

    def _complement(self, k: int, end: int, plural: bool = False) -> int:
        """Past the words that qualify a role before its organisation: adjectives, « tchèque », « de santé grand
        public », « data et publicité » (at most four lower-case words, no name, no verb)."""
        ctx = self.ctx
        j = k
        while j < min(end, k + 5) and ctx.mention(j) is None and self._qualifies(j, end, plural):
            j += 1
        if j + 2 < end and ctx.words[j] == "a" and ctx.tokens[j + 1].like_num and ctx.words[j + 2] in {"%", "pourcent"}:
            j += 3  # « filiale à 100 % du groupe Y »: how much of it the parent holds
        return j

    def _qualifies(self, j: int, end: int, plural: bool = False) -> bool:
        """Whether word ``j`` can sit between a role noun and its organisation (see ``_complement``); with
        ``plural``, « des N » too (« directeur des affaires juridiques du Y »)."""
        ctx = self.ctx
        tok = ctx.tokens[j]
        if ctx.words[j] in ROLE_ADJECTIVES or ctx.words[j] in {"et", "-", "&"}:
            return True
        if tok.text[:1].islower() and (tok.pos_ in {"ADJ", "NOUN"} or (tok.pos_ in {"PROPN", "X"} and
                                                                      tok.text.isalpha())):
            return True  # (« l'entité data et publicité de Y »: a lower-case loanword tagged as a name)
        return (
            (ctx.words[j] in {"de", "d'"} or (ctx.words[j] == "des" and plural))
            and j + 1 < end
            and ctx.mention(j + 1) is None
            and ctx.tokens[j + 1].pos_ == "NOUN"
            # « la filiale de services informatiques de Y », « sa marque de services X » (a bare plural), but « la
            # filiale de société X » names its relatum
            and not (self.reader.is_description_noun(j + 1) and j + 2 < end and ctx.mention(j + 2) is not None
                     and ctx.numbers[j + 1] != "Plur")
        )

    def relatum(self, chain: Chain, person_role: bool, exclude: tuple[Mention, ...] = ()
                ) -> tuple[Found, int, Mention | None]:
        """What the roles are roles of, the index after it (where a holder named after it may start), and a holder
        named between the role and its organisation (« la filiale X du groupe Y »)."""
        ctx = self.ctx
        start, end = ctx.sentence(chain.a)
        k = chain.b
        inner: Mention | None = None
        comp = self._complement(k, end)
        # « sa filiale de moteurs électriques X »: a bare noun after « de » qualifies the role, X is no relatum
        bare = comp > k and ctx.words[k] in LINKS_AFTER
        firsts = (comp,) if bare else (k, comp, self._complement(k, end, plural=True))
        for first in dict.fromkeys(firsts):
            m = ctx.mention(first) if first < end else None
            if m is not None:  # « la division X du groupe », « sa filiale X »
                after = self.reader.skip_parenthesis(ctx.bounds(m)[1], end)
                if self._link(after, end) > 0 and ctx.words[after] != "pour":  # « l'agence X pour Y »: Y's agency
                    inner, first = m, after
            j = self._link(first, end)
            if j < 0:
                continue
            names = self.reader.names_at(j, end, intro=False)  # « du groupe Y, dont A »: A is no relatum
            if names:  # « maison mère de A et B », « cofondateur de A et de B »
                if len(names) > 1 and ctx.words[ctx.bounds(names[0])[1]] == ",":
                    names = names[:1]  # « parmi les clients de Y, A, B et C »: the names after the comma hold it
                prep = ctx.words[j - 1] if j > 0 else ""
                if prep in {"de", "d'", "du", "des"}:
                    names = list(dict.fromkeys(names + self.args.repeated(ctx.bounds(names[-1])[1], "de")))
                last = ctx.bounds(names[-1])[1]
                return Found(tuple(names), "parse"), self.reader.skip_parenthesis(last, end), inner
            d = self.reader.skip_description(j, end)
            m = self.refs.within(j, d, ORG, exclude)
            if m is not None:
                return Found((m,), "reference"), d, inner
        whose = self.args.whose(chain.a)  # « Y, dont les clients incluent A et B »
        if whose.mentions:
            return whose, self._complement(k, end), inner
        p = self.possessive_before(chain)
        if p >= 0:
            # « Y développe X, sa régie »: X, the name the role stands in apposition to, is not its own possessor
            apposed = ctx.mention(p - 2) if p - 2 >= start and ctx.words[p - 1] == "," else None
            m = self.refs.possessive(p, (*exclude, apposed) if apposed is not None else exclude)
            after = self.reader.skip_parenthesis(self._complement(k, end), end)  # « son directeur financier (CFO), X »
            return (Found((m,), "reference") if m is not None else NONE), after, inner
        if person_role:  # « X, president global, revenue chez Y »: more title words before the link
            j = k
            while j < min(end, k + 7) and ctx.words[j] not in {".", ";", "«", "»"} and \
                    "Fin" not in ctx.verb_forms[j] and (
                    self._department_name(j, k) or (ctx.mention(j) is None and (
                        ctx.tokens[j].text[:1].islower() or ctx.words[j] in {",", "-", "&"}))):
                nxt = self._link(j, end, (("chez",), ("at",), ("au", "sein", "de"), ("au", "sein", "du")))
                if nxt > 0 and j > k:
                    names = self.reader.names_at(nxt, end)
                    if names:
                        return Found((names[0],), "surface"), ctx.bounds(names[0])[1], inner
                j += 1
            j = k  # « X, Vice President Direct Sales, Y »: title words, a comma, the organisation, a comma
            while j < min(end, k + 5) and ctx.mention(j) is None and ctx.words[j] != "," and \
                    ctx.tokens[j].pos_ not in {"VERB", "AUX", "PUNCT"}:
                j += 1
            if j + 1 < end and ctx.words[j] == "," and ctx.mention(j + 1) is not None:
                m = ctx.mention(j + 1)
                last = ctx.bounds(m)[1]
                if last >= end or ctx.words[last] in {",", ".", ";"}:
                    return Found((m,), "surface"), last, inner
        m = dont_antecedent(ctx, self.reader, chain.a, self.lex.copulas)  # « X, dont Y est le PDG »
        return (Found((m,), "parse") if m is not None else NONE), k, inner

    def _department_name(self, j: int, k: int) -> bool:
        """« chargé de la Médecine générale chez Y »: a capitalised department named after « de (la) » in a title."""
        ctx = self.ctx
        m = ctx.mention(j)
        return j > k + 1 and (m is None or kind_of(m) != "Person") and ctx.tokens[j].pos_ != "PUNCT" and (
            ctx.words[j - 1] in {"de", "du", "des", "d'", "la", "l'"} or ctx.tokens[j - 1].text[:1].isupper())

    def possessive_before(self, chain: Chain) -> int:
        """The possessive of the roles (« sa filiale », « nos nouveaux clients »), else -1."""
        return possessive_of(self.ctx, self.lex, self.refs, chain.a, self.ctx.sentence(chain.a)[0], recall=True)

    def holders(self, chain: Chain, after: int, allowed: frozenset[str]) -> tuple[Found, str, int | None]:
        """Who has the roles, how the sentence says it (apposition, copula, appointed, after) and the verb that
        says it, if any. A role coordinated to an earlier one shares its holders: « X, la holding de A et maison
        mère de B »."""
        start, _ = self.ctx.sentence(chain.a)
        found, how, verb = self._holders(chain, after, allowed)
        answered = [] if found.mentions else answer_names(self.ctx, self.reader, chain.a)
        if answered:  # « Qui sont vos concurrents ? » / « J. C. – Essentiellement A et B »
            return Found(tuple(answered), "surface"), "answer", None
        if not found.mentions and start in self._last:
            k = self.reader.skip_description_back(chain.a, start) - 1
            words = self.ctx.words
            if k > self._last[start][0] and (words[k] == "et" or words[k - 1 : k + 1] == ["ainsi", "que"]):
                return self._last[start][1], "coordinated", None
        if found.mentions:
            self._last[start] = (chain.b, found)
        return found, how, verb

    def _holders(self, chain: Chain, after: int, allowed: frozenset[str]) -> tuple[Found, str, int | None]:
        ctx = self.ctx
        start, end = ctx.sentence(chain.a)
        first = self.reader.skip_description_back(chain.a, start)
        if first - 2 > start and ctx.words[first - 1] in {"de", "des", "d'"} and ctx.words[first - 2] in {"un", "une"}:
            first -= 3 if ctx.words[first - 3] in {"l'", "l’"} else 2  # « X, l'une de ses maisons »
        if (heir := heir_of_role(ctx, self.lex, self.args, first, start, allowed)) is not None:
            return heir[0], "copula", heir[1]  # « X succède à Z comme PDG de Y »
        # apposition before: « X, PDG de Y », « X (PDG de Y) », « X et Z, cofondateurs de Y »,
        # « X, research vice president chez Y » (title words before the role noun)
        k = first
        while k > start and k > first - 3 and ctx.mention(k - 1) is None and ctx.tokens[k - 1].pos_ in {
                "X", "NOUN", "ADJ", "PROPN"} and ctx.tokens[k - 1].text[:1].islower():
            k -= 1
        if k > start and ctx.words[k - 1] in {",", "("}:
            first = k
        if first > start and ctx.words[first - 1] in {",", "("}:
            names = self.reader.names_before(first - 1, start)
            if len(names) > 1 and ctx.numbers[chain.a] == "Sing" and ctx.words[first - 1] == "," and (
                    ctx.words[first] in SINGULAR_DETERMINERS or not ctx.words[chain.a].endswith(("s", "x"))):
                names = names[-1:]  # « A et B, le président de Y », « A et B, filiale de Y »: the name beside it
            if names:
                return Found(tuple(names), "parse"), "apposition", None
        # « X, ancien DG de Y, aujourd'hui CCO chez Z », « X, aujourd'hui CTO »
        now = now_apposed(ctx, self.reader, first, start, self.lex.past_phrases)
        if now:
            return Found(tuple(now), "parse"), "apposition", None
        # appointment: « Y a nommé X PDG », « Y a élu X président », « Y a recruté X au poste de directeur »
        k = first - 1 - (ctx.phrase_ending(first - 1, self.lex.role_introducers) if allowed == PERSON else 0)
        m = ctx.mention(k) if k >= start else None
        if m is not None:
            v = verb_before(self.ctx, ctx.bounds(m)[0] - 1, start)
            if v is not None and ctx.lemmas[v] in self.lex.appointment_verbs:
                return Found((m,), "parse"), "appointed", v
        # copula: « X est PDG de Y », « X est désormais une filiale de Y », « X a été nommé PDG de Y »
        while k >= start and (ctx.tokens[k].pos_ in {"ADV", "DET"} or ctx.words[k] in {"comme", "en", "tant",
                                                                                       "que", "qu'"}):
            k -= max(1, ctx.phrase_ending(k, self.lex.adverbials))  # « est par ailleurs client de Y »
        if k >= start and self._is_copula(k):
            tok = ctx.tokens[k]
            found = self.args.subject(tok.head if tok.dep_ == "cop" else tok, allowed)
            if found.mentions:
                return found, "copula", k
        if first - 1 >= start and ctx.words[first - 1] == "parmi":
            among = among_holders(ctx, self.reader, self.args, self.lex, (first, after), (start, end), allowed)
            if among is not None:
                return among
        # apposition after: « le PDG de Y, X », « son fondateur X », « ses clients A, B et C »,
        # « le principal investisseur de Y était X »
        j = after
        if j < end and ctx.words[j] in LINKS_AFTER and j + 1 < end and ctx.mention(j + 1) is None \
                and ctx.tokens[j + 1].pos_ == "NOUN":  # « sa filiale de moteurs électriques X »
            j = self._complement(j, end)
        if j + 1 < end and ctx.words[j] == "," and ctx.words[j + 1] in self.lex.relatives:
            for k in range(j + 2, min(end, j + 14)):  # « 22 membres, qui en ont signé les statuts : A, B »
                if ctx.words[k] == ":":
                    j = k
                    break
        copula = j < end and ((ctx.tokens[j].pos_ == "AUX" and ctx.lemmas[j] == "etre") or (  # « … sont A et B »
            ctx.tokens[j].pos_ == "VERB" and is_having(ctx, self.lex, j)))  # « dont les clients incluent A »
        if copula:
            j += 1
        if j < end and ctx.words[j] in {",", ":"}:
            j += 1
        intro = self.reader.introducer(j, end)
        if intro > 0 and ctx.words[j] not in {"de", "d'", "des"}:
            j = intro
        names = self.reader.range_at(j, end) or self.reader.names_at(j, end)  # « les marques du groupe, de A à B »
        if names and len(names) > 1 and j > 0 and ctx.words[j - 1] == ":" and \
                ctx.numbers[chain.roles[-1].a] == "Sing":
            names = []  # « la filiale médias de Y : A, B, C »: what the one subsidiary is made of, not its holders
        elif len(names) > 1 and j == after and ctx.numbers[chain.roles[-1].a] == "Sing":
            names = names[:1]  # « A et sa marque sportive B, C, D »: one role, one name; the list goes on past it
        if names:
            if ctx.words[after] == "," and not self._closes_apposition(names, end) and len(names) == 1 \
                    and intro < 0:
                return NONE, "", None
            return Found(tuple(names), "parse"), "after", (j - 1 if copula else None)
        return self._fronted(first, after, allowed)

    def _fronted(self, first: int, after: int, allowed: frozenset[str]) -> tuple[Found, str, int | None]:
        """« Directeur général de Y depuis 2020, il … », « Membre du directoire de Y, le nouveau patron … »: a role
        opening the sentence belongs to the subject of the clause after the comma (a name, or whom a pronoun or a
        description there stands for)."""
        ctx = self.ctx
        start, end = ctx.sentence(first)
        if any(ctx.tokens[k].pos_ not in {"DET", "ADV", "PUNCT"} for k in range(start, first)):
            return NONE, "", None
        j, limit = after, after + 6
        while j < min(end, limit) and ctx.words[j] != "," and ctx.tokens[j].pos_ not in {"VERB", "AUX"}:
            if ctx.words[j] == "et":  # « Cofondatrice de Y en 1995 et présidente de Z, X … »: a second role
                limit = j + 8
            j += 1  # « depuis 2020 », « en 1995 »
        if j >= end - 1 or ctx.words[j] != ",":
            return NONE, "", None
        k = j + 1
        names = self.reader.names_at(k, end)
        if names:
            return Found(names[:1], "parse"), "fronted", None
        while k < end and ctx.tokens[k].pos_ in {"DET", "ADJ"}:
            k += 1
        if k < end and (ctx.tokens[k].dep_ in {"nsubj", "nsubj:pass"} or self.refs.is_pronoun(k)
                        or ctx.lemmas[k] in self.lex.person_nouns):
            m = self.refs.resolve(k, allowed)
            if m is not None:
                return Found((m,), "reference"), "fronted", None
        return NONE, "", None

    def _closes_apposition(self, names: list[Mention], end: int) -> bool:
        """« le PDG de Y, X, a annoncé »: the name after the comma is closed by a comma, a verb or the end."""
        ctx = self.ctx
        last = ctx.bounds(names[-1])[1]
        return last >= end or ctx.words[last] in {",", ".", ")", "qui", "a", "est"} or \
            ctx.tokens[last].pos_ in {"VERB", "AUX"}

    def _is_copula(self, k: int) -> bool:
        tok = self.ctx.tokens[k]
        return self.ctx.lemmas[k] in self.lex.copulas and tok.pos_ in {"VERB", "AUX"}

    def appointer(self, chain: Chain, allowed: frozenset[str]) -> Found:
        """« Y a nommé X PDG »: the organisation that appointed the holder."""
        ctx = self.ctx
        start, _ = ctx.sentence(chain.a)
        k = self.reader.skip_description_back(chain.a, start) - 1
        k -= ctx.phrase_ending(k, self.lex.role_introducers)  # « Y a recruté X au poste de directeur »
        m = ctx.mention(k) if k >= start else None
        if m is None:
            return NONE
        v = verb_before(self.ctx, ctx.bounds(m)[0] - 1, start)
        if v is None:
            return NONE
        found = self.args.subject(ctx.tokens[v], allowed)
        board = next((c for c in ctx.tokens[v].children if c.dep_ == "nsubj"), None)
        if any(fits(m, allowed) for m in found.mentions) or board is None or \
                ctx.lemmas[board.i] not in self.lex.board_nouns:
            return found  # « le conseil d'administration de l'opérateur a élu X président »: what it describes
        m = self.refs.within(board.i + 1, board.right_edge.i + 1, allowed)
        return Found((m,), "reference") if m is not None else NONE

    def deputy(self, chain: Chain, words: tuple[tuple[str, ...], ...], relatum_at: int = -1) -> bool:
        """« directeur général adjoint », « vice-président », « président Europe, ventes, chez Y »: a lesser role
        than the noun says (title words between the role and its organisation make it a function)."""
        ctx = self.ctx
        _, end = ctx.sentence(chain.a)
        if relatum_at > chain.b:
            between = [w for w in ctx.words[chain.b : relatum_at] if w not in {"de", "du", "d'", "des", "chez", "at",
                                                                                "of", "la", "le", "l'", "les"}]
            if any(w == "," for w in between) or len(between) > 2:
                return True
            nouns = [k for k in range(chain.b, relatum_at) if ctx.tokens[k].pos_ == "NOUN" and ctx.mention(k) is None]
            board = ctx.lemmas[chain.b - 1] in self.lex.board_nouns or (
                bool(nouns) and ctx.lemmas[nouns[0]] in self.lex.board_nouns)  # « président du conseil de gérance »
            if not board and any(
                    ctx.tokens[k].text.islower() and not self.reader.is_description_noun(k) for k in nouns):
                return True  # « directeur des affaires juridiques de Y »: a department's head works for Y
        for role in chain.roles:
            for k in range(role.b, min(end, role.b + 3)):
                named = ctx.mention(k)
                if named is not None and kind_of(named) != "Place":
                    break  # « PDG de Quimpex France »: a word of the organisation's name qualifies no role
                if any(self.reader.match(k, w) > 0 for w in words):
                    return True
                if ctx.words[k] in {"de", "du", "d'", "des", "chez", ","} and k > role.b:
                    break
            if role.a > 0 and any(self.reader.match(role.a - len(w), w) == role.a for w in words if len(w) == 1):
                return True
        return False
