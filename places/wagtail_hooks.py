"""What places offers other apps through Wagtail hooks, so that they need not import it.

https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from wagtail import hooks

from .forms import NearFilterFields


@hooks.register("search_near_fields")
def near_a_postcode_in_search():
    """The site search's "near a postcode, within N miles" fields (search/forms.py)."""
    return NearFilterFields
