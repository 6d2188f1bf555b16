"""A page of a listing as its kept cards need them ({% kept_card %}, home/templatetags).

A listing reads, in order, only the keys of the items on the page asked for; each card is
rendered from the fetched page only when it is not kept already, and then every item of that
page is fetched at once. A page of kept cards thus costs no query for its pages, their topics or
pictures, and no model instances: the listing's time then goes into its order and counts alone.
"""

import functools


class Listed:
    """One item of a listing: ``pk``, which its kept card is keyed on; what the listing itself
    knows of it beside its page and the card shows (``position``, (latitude, longitude) where
    it was asked near a place; ``start`` and ``end``, the date a listing gives an event);
    ``page``, the fetched item, or None if it has gone since its key was read."""

    position = start = end = None

    def __init__(self, pk, fetched, **shown):
        self.pk = pk
        self._fetched = fetched
        self.__dict__.update(shown)

    @property
    def page(self):
        return self._fetched().get(self.pk)


def fetched_when_shown(ids, fetch, shown=None):
    """``ids`` (in display order) as ``Listed`` items sharing one call of ``fetch(ids)``, an
    iterable of the items with what their cards show; ``shown``: {pk: {name: value}}, what
    the listing knows of each item besides (see ``Listed``)."""
    ids = list(ids)

    @functools.cache
    def fetched():
        return {item.pk: item for item in fetch(ids)}

    return [Listed(pk, fetched, **(shown or {}).get(pk, {})) for pk in ids]
