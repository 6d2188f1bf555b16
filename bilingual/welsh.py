"""Welsh-language text handling: alphabetical order and search matching.

Alphabetical order

Welsh has 28 letters, seven of them digraphs (ch dd ff ng ll ph rh th), so "Llyfrgell" comes
after every "Lu…" and "Chwarae" after every "Cy…". Python's and the databases' collations do
not know this, so listings sort with ``welsh_sort_key``, and a listing too large to sort in
Python stores ``stored_sort_key`` (the same order written as a string of digits) in a database
column, so the database can ``ORDER BY`` it and stop after one page.

Limits: "ng" is a letter in most words (angen) but not where a place name joins "Llan" to a
word beginning with g (Llangollen = Llan + gollen), or in Bangor; those are the known
exceptions below, not a dictionary. Letters Welsh does not use (k, q, v, x, z) sort after the
nearest Welsh letter, as in English-derived names.

Search matching
---------------
Welsh words change their first letter after certain words (initial consonant mutation):
"cymuned" appears as "gymuned", "chymuned" and "nghymuned". No stemmer for Welsh exists in
PostgreSQL, SQLite, Elasticsearch or Snowball, so the portal matches mutations itself:
``radical_forms`` undoes every mutation a word *could* carry, giving the set of radical forms
it may come from ("gymuned" -> {"gymuned", "cymuned"}). Welsh pages are indexed with the
radical forms of their words beside the words themselves (``search_terms``), and each word of a
Welsh query matches any of its own radical forms (``query_alternatives``). Two forms of the same
word always share the radical, so any form finds any other. Accents are folded on both sides
(gwyl finds Gŵyl, cafe finds Café), in both languages.

Limits: undoing a mutation is ambiguous, so a search may also match an unrelated word that
mutates to the same form ("fach" could be "bach" or "mach"; a vowel-initial word is also tried
with a "g" in front). Results are found a little too generously, never missed. Mutations inside
compounds (Llan + gollen) and stems (plurals, verb endings) are not handled.
"""

import re
import unicodedata

WELSH_ALPHABET = [
    "a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll",
    "m", "n", "o", "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y",
]  # fmt: skip
DIGRAPHS = {letter for letter in WELSH_ALPHABET if len(letter) == 2}
_POSITION = {letter: index for index, letter in enumerate(WELSH_ALPHABET)}
# Letters outside the Welsh alphabet sort just after the Welsh letter before them.
for _letter, _after in {"k": "j", "q": "p", "v": "u", "x": "w", "z": "y"}.items():
    _POSITION[_letter] = _POSITION[_after] + 0.5

# Words in which "ng" is two letters: n then g.
NG_SPLIT_PREFIXES = ("llang",)
NG_SPLIT_WORDS = {"bangor", "bangor-is-y-coed", "mangor"}


def fold_accents(text):
    """Lower case without diacritics: "Gŵyl" -> "gwyl", "Café" -> "cafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _ng_is_two_letters(word, index):
    return word in NG_SPLIT_WORDS or (index == 3 and word.startswith(NG_SPLIT_PREFIXES))


def welsh_letters(text):
    """The Welsh letters of ``text`` in order: "Llyfrgell" -> ["ll", "y", "f", "r", "g", "e", "ll"]."""
    letters = []
    for word in fold_accents(text).split():
        index = 0
        while index < len(word):
            pair = word[index : index + 2]
            if pair in DIGRAPHS and not (pair == "ng" and _ng_is_two_letters(word, index)):
                letters.append(pair)
                index += 2
            else:
                letters.append(word[index])
                index += 1
        letters.append(" ")
    return letters[:-1]


def welsh_sort_key(text):
    """A key that sorts strings in Welsh alphabetical order (spaces first, then letters)."""
    return tuple(
        (0, -1) if letter == " " else (1, _POSITION[letter]) if letter in _POSITION else (2, ord(letter))
        for letter in welsh_letters(text)
    )


def sort_key_for(language):
    """The sort key for names in ``language``: Welsh alphabetical order on Welsh pages."""
    return welsh_sort_key if language == "cy" else fold_accents


def _order_preserving_code(number):
    """Digits for a non-negative integer such that codes sort as their numbers do and no code is
    the beginning of another: three digits below 900, else "9" and seven digits."""
    return f"{number:03d}" if number < 900 else f"9{number:07d}"


def _welsh_letter_number(part):
    kind, value = part
    if kind == 0:  # a space between words
        return 0
    if kind == 1:  # a Welsh letter (or k q v x z, half a step after its neighbour)
        return 1 + int(value * 2)
    return 100 + value  # anything else, after every letter, by code point


def stored_sort_key(text, language):
    """``sort_key_for(language)`` written as digits, for a database column to ``ORDER BY``.

    Two stored keys compare as strings (byte by byte in SQLite; in PostgreSQL under any
    collation, since they hold digits only) exactly as the Python keys compare, so the order of
    a listing sorted by the database is the one sorted here.
    """
    if language == "cy":
        numbers = (_welsh_letter_number(part) for part in welsh_sort_key(text))
    else:
        numbers = (ord(char) for char in fold_accents(text))
    return "".join(_order_preserving_code(number) for number in numbers)


def initial_letter(text, language):
    """The letter a name is listed under: a Welsh digraph on Welsh pages ("Ll"), else one letter."""
    letters = welsh_letters(text) if language == "cy" else list(fold_accents(text))
    for letter in letters:
        if letter.isalpha():
            return letter
        if letter.isdigit():
            break
    return "#"


# What each mutated beginning may have been before mutation, longest beginnings first.
# Soft: p>b t>d c>g b>f d>dd g>(dropped) m>f ll>l rh>r; nasal: p>mh t>nh c>ngh b>m d>n g>ng;
# aspirate: p>ph t>th c>ch, vowel>h+vowel.
UNMUTATIONS = [
    ("ngh", ("c",)),
    ("mh", ("p",)),
    ("nh", ("t",)),
    ("ng", ("g",)),
    ("ch", ("c",)),
    ("ph", ("p",)),
    ("th", ("t",)),
    ("dd", ("d",)),
    ("ff", ()),
    ("ll", ()),
    ("rh", ()),
    ("b", ("p",)),
    ("d", ("t",)),
    ("g", ("c",)),
    ("f", ("b", "m")),
    ("l", ("ll",)),
    ("r", ("rh",)),
    ("m", ("b",)),
    ("n", ("d",)),
]
VOWELS = "aeiouwy"
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
MAX_WORD_LENGTH = 40


def words(text):
    """Accent-folded, lower-case words of ``text`` (letters and digits only)."""
    return re.findall(r"[^\W_]+", fold_accents(text))


def radical_forms(word):
    """Every form ``word`` may have had before an initial mutation, itself included."""
    forms = {word}
    for beginning, radicals in UNMUTATIONS:
        if word.startswith(beginning):
            forms.update(radical + word[len(beginning) :] for radical in radicals)
            break
    if word[:1] in VOWELS:
        forms.add("g" + word)  # soft mutation drops a g: (g)wirfoddoli
    if word[:1] == "h" and word[1:2] in VOWELS:
        forms.add(word[1:])  # aspirate mutation adds an h: (h)ardal
    return forms


def search_terms(text, language):
    """Index text: folded words, plus on Welsh pages every radical form of each word."""
    folded = words(text)
    if language != "cy":
        return " ".join(folded)
    return " ".join(form for word in folded for form in sorted(radical_forms(word)))


def query_alternatives(query, language):
    """The reader's query as a list of words, each a set of forms any of which may match.

    The query is capped (length and number of words) and reduced to letters and digits, so
    search-engine syntax typed by a reader (quotes, ``*``, ``NEAR(``, ``AND``) is plain text.
    """
    query_words = [word[:MAX_WORD_LENGTH] for word in words(query[:MAX_QUERY_LENGTH])][:MAX_QUERY_WORDS]
    if language != "cy":
        return [{word} for word in query_words]
    return [radical_forms(word) for word in query_words]
