"""Welsh-language text handling: alphabetical order (and, with the search work, matching).

Welsh has 28 letters, seven of them digraphs (ch dd ff ng ll ph rh th), so "Llyfrgell" comes
after every "Lu…" and "Chwarae" after every "Cy…". Python's and the databases' collations do
not know this, so listings sort with ``welsh_sort_key``.

Limits: "ng" is a letter in most words (angen) but not where a place name joins "Llan" to a
word beginning with g (Llangollen = Llan + gollen), or in Bangor; those are the known
exceptions below, not a dictionary. Letters Welsh does not use (k, q, v, x, z) sort after the
nearest Welsh letter, as in English-derived names.
"""

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


def initial_letter(text, language):
    """The letter a name is listed under: a Welsh digraph on Welsh pages ("Ll"), else one letter."""
    letters = welsh_letters(text) if language == "cy" else list(fold_accents(text))
    for letter in letters:
        if letter.isalpha():
            return letter
        if letter.isdigit():
            break
    return "#"
