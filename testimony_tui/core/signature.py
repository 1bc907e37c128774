"""A text's signature: which letters, digits and pairs of them it has, as the bits of an int.

A text can only hold a word whose signature is inside its own, so one ``&`` per testimony rules
out most of those that lack a word being typed, without reading their text. The pairs make it
sharp: "zz" or "qx" are in few testimonies even when every letter is in all of them.
"""

from __future__ import annotations

from functools import lru_cache, reduce
from itertools import pairwise, product
from operator import or_

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
"""What signatures record (of folded text); any other character simply adds nothing."""

_BIT = {key: bit for bit, key in enumerate([*ALPHABET, *product(ALPHABET, repeat=2)])}

UNKNOWN = -1
"""The signature of a text not looked at: in two's complement every bit is set, so it holds anything."""


@lru_cache(maxsize=1 << 16)
def _of_word(word: str) -> int:
    bits = 0
    # A long run without spaces (a URL, or a hostile page) repeats its pairs: look each up once.
    keys = {*word, *pairwise(word)} if len(word) > 64 else (*word, *pairwise(word))
    for key in keys:
        if (bit := _BIT.get(key)) is not None:
            bits |= 1 << bit
    return bits


def signature(text: str) -> int:
    """The signature of folded ``text``: the characters and adjacent pairs of each of its words.

    A word never spans white space, and white space is in no pair, so whatever ``text`` holds
    (a phrase included) has a signature inside this one.
    """
    # Each word once: prose repeats its words (a real page has about half as many different ones).
    return reduce(or_, map(_of_word, set(text.split())), 0)


def decides(word: str) -> bool:
    """Whether signatures alone tell which texts hold ``word``: one or two characters of the alphabet."""
    return len(word) <= 2 and all(char in ALPHABET for char in word)

