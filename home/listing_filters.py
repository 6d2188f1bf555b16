"""What every listing's filters share: how many the reader has chosen.

The count shows on the "Filter" control that the filter form folds behind on a phone
(``includes/filter_summary.html``: "Filter (2)"), so the reader knows the list is narrowed
without opening it.
"""


class ChosenFilters:
    """For a listing's filter object with ``values`` (the form's cleaned data): name the fields
    that narrow the list in ``FILTERS``."""

    FILTERS = ()

    @property
    def chosen_count(self):
        return sum(1 for name in self.FILTERS if is_chosen(self.values.get(name)))

    @property
    def is_filtered(self):
        return self.chosen_count > 0


def is_chosen(value):
    """Whether a cleaned filter value narrows the list: an unticked box, an empty choice or an
    empty list does not; a number does, 0 included ("age 0", a baby group)."""
    return not (value is None or value is False or value in ("", [], ()))
