"""Welsh words in the addresses of routable pages' extra views (``/cy/digwyddiadau/blaenorol/``
rather than ``/cy/digwyddiadau/past/``).

A page lists its route words in ``route_words`` ({language: word}, one dict per view); each
view's route accepts every language's word (``words_pattern``) and sends a reader who used
another language's word to its own, permanently (``wrong_word_redirect``), so old links and
bookmarks keep working. The language switch swaps the word too (``bilingual.translations``).
See https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
"""

import re

from django.shortcuts import redirect


def words_pattern(words, after="/"):
    """The route regex matching any language's word for one view, captured as ``word``."""
    alternatives = "|".join(re.escape(word) for word in dict.fromkeys(words.values()))
    return rf"^(?P<word>{alternatives}){re.escape(after)}$"


def word_for(page, words):
    """The view's word in the page's own language."""
    return words.get(page.language_code, words["en"])


def wrong_word_redirect(page, request, word, words, after="/"):
    """A 301 to the address with the page's own word when ``word`` is another language's
    (keeping the query string); None when the word is right."""
    own = word_for(page, words)
    if word == own:
        return None
    query = request.META.get("QUERY_STRING", "")
    return redirect(page.get_url(request) + own + after + (f"?{query}" if query else ""), permanent=True)
