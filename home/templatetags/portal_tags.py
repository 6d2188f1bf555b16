import hashlib
import json
from datetime import datetime

from django import template
from django.templatetags.cache import CacheNode
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from bilingual.language import current_language
from bilingual.translations import language_versions as find_language_versions
from home.alerts import alerts_for, hidden_alert_ids, seconds_until_alerts_change
from home.breadcrumbs import page_trail
from home.models import PortalSettings
from home.page_cache import cached, keep_no_longer_than, tree_key
from home.public_address import public_url
from home.visibility import publicly_visible

register = template.Library()

# What Django's json_script escapes, so that the data cannot close the <script> element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page in each language (see ``bilingual.translations``), computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_versions"):
        request._language_versions = find_language_versions(
            request, context.get("page"), context.get("alternate_urls"), remember=cached
        )
    return request._language_versions


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The trail above what the reader sees (see ``home.breadcrumbs``): the one a view gives as
    ``breadcrumbs``, else the page's; None on the home page and on other views."""
    if context.get("breadcrumbs") is not None:
        return context["breadcrumbs"]
    request, page = context.get("request"), context.get("page")
    if request is None or not isinstance(page, Page):
        return None
    return page_trail(page, request)


@register.inclusion_tag("includes/site_alerts.html", takes_context=True)
def site_alerts(context):
    """The site alerts for this page now (see ``home.alerts``); the page cache keeps the page
    only until the next alert starts or ends."""
    request, page = context.get("request"), context.get("page")
    if request is None:
        return {"alerts": []}
    changes_in = seconds_until_alerts_change()
    if changes_in is not None:
        keep_no_longer_than(request, changes_in)
    return {
        "alerts": alerts_for(page if isinstance(page, Page) else None, hidden_alert_ids(request)),
        "here": request.get_full_path(),
    }


@register.inclusion_tag("includes/council_contact.html", takes_context=True)
def council_contact(context, heading_level=2):
    """The council team guides send readers to (``PortalSettings.council_contact``), in the
    reader's language, under a heading of ``heading_level``: for the council contact block and
    a guide step that asks for it. Until the team is filled in, the portal's own e-mail."""
    request = context.get("request")
    settings = PortalSettings.for_request(request) if request is not None else None
    return {
        "contact": settings.council_contact if settings is not None else None,
        "fallback_email": settings.contact_email if settings is not None else "",
        "heading": f"h{heading_level}",
    }


@register.tag
def cached_filters(parser, token):
    """``{% cached_filters %}<form class="filters">…</form>{% endcached_filters %}``: a
    listing's filter form, rendered once for each state the readers ask for and kept with the
    page-tree facts (its choices, such as the groups that organise events, change only when
    pages are published or a topic or area is saved). The state is the page, the language,
    the day (a date may be too far ahead) and the query string without the page number; or,
    given parameter names (``{% cached_filters "type" "topic" %}``), those parameters only,
    for a part of a form that shows no other (the search form's choices, not its words)."""
    names = [template.Variable(bit).resolve({}) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endcached_filters",))
    parser.delete_first_token()
    return CachedFiltersNode(nodelist, names)


class CachedFiltersNode(template.Node):
    def __init__(self, nodelist, names=()):
        self.nodelist = nodelist
        self.names = names

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        query = sorted(
            (name, values)
            for name, values in request.GET.lists()
            if (name in self.names if self.names else name != "page")
        )
        state = repr((request.path, current_language(), timezone.localdate().isoformat(), query))
        digest = hashlib.sha256(state.encode()).hexdigest()[:32]
        return cached(f"filters:{digest}", lambda: self.nodelist.render(context))


@register.tag
def kept_card(parser, token):
    """``{% kept_card "group-card" group.pk … %}<li>…</li>{% endkept_card %}``: one card of a
    listing, rendered once and kept for an hour by Django's fragment cache (``{% cache %}``, in
    CACHES["template_fragments"]), varying on what the card shows (the names given) and always
    on the reader's language and the page-tree version, so that a card (which shows its page and
    the topics, areas and groups it names) retires with everything else the moment a page is
    published or a topic, area or picture is saved (``home.page_cache``).
    See https://docs.djangoproject.com/en/5.2/topics/cache/#template-fragment-caching"""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("kept_card needs a name for the card")
    nodelist = parser.parse(("endkept_card",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(name) for name in ("kept_card_version", "kept_card_language", *bits[2:])]
    return KeptCardNode(nodelist, parser.compile_filter("3600"), bits[1].strip("\"'"), vary_on, None)


class KeptCardNode(CacheNode):
    def render(self, context):
        with context.push(kept_card_version=tree_key("cards"), kept_card_language=current_language()):
            return super().render(context)


@register.simple_tag
def main_navigation():
    """The sections of the reader's language: live children of its home page shown in menus."""
    language = current_language()

    def sections():
        pages = publicly_visible(Page.objects).filter(
            depth=3, show_in_menus=True, locale__language_code=language
        )
        return [
            {"title": page.title, "url": page.get_url(), "path": page.path} for page in pages.order_by("path")
        ]

    return cached(f"navigation:{language}", sections)


@register.filter(name="public_url")
def public_url_filter(path):
    """``{{ page_path|public_url }}``: the path at the site's one public address
    (home/public_address.py), whatever host name the request came in by."""
    return public_url(path)


TIME_FORMAT_CHARACTERS = set("aAfgGhHiPsu")
MONTH_FORMAT_CHARACTERS = set("FMmnYy ")


@register.filter(expects_localtime=True)
def time_tag(value, format_string):
    """``{{ day|time_tag:"j F Y" }}``: the date as ``date`` formats it (in the reader's
    language), inside a ``<time datetime>`` element that machines read: a date, a month
    (``F Y``) or, when the format shows the time, the local date and time with its offset.
    Safe to pass into ``{% blocktranslate with … %}``."""
    if not value:
        return ""
    shown = date_format(value, format_string)
    if isinstance(value, datetime) and TIME_FORMAT_CHARACTERS & set(format_string):
        machine = value.isoformat(timespec="minutes")
    elif set(format_string) <= MONTH_FORMAT_CHARACTERS:
        machine = value.strftime("%Y-%m")
    else:
        machine = value.strftime("%Y-%m-%d")
    return format_html('<time datetime="{}">{}</time>', machine, shown)


@register.filter
def json_ld(data):
    """A schema.org ``<script type="application/ld+json">`` block, escaped as json_script is."""
    encoded = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_of_results):
    """GOV.UK-style pagination links that keep the current filters."""
    paginator = page_of_results.paginator
    return {
        "page_of_results": page_of_results,
        "page_range": paginator.get_elided_page_range(page_of_results.number, on_each_side=1, on_ends=1),
        "ellipsis": paginator.ELLIPSIS,
        "request": context["request"],
    }


@register.filter
def structured_data(page, request):
    return page.structured_data(request)
