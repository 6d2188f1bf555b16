from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from bilingual.language import current_language
from home.breadcrumbs import view_trail

from . import queries
from .forms import search_form_class
from .models import Topic


def search(request):
    form = search_form_class()(request.GET)
    values = form.values
    near = None
    if getattr(form, "place", None) is not None:  # the hook's "near a postcode" fields, understood

        def near(pages):
            return form.near_pages(pages, queries.positions())

    found = queries.search(
        values["query"], values["search_type"], values["topic"], request.GET.get("page"), near
    )
    context = {
        "form": form,
        "query": values["query"],
        "search_type": values["search_type"],
        "found": found,
        "type_labels": queries.type_labels(),
        "breadcrumbs": view_trail(request, [], gettext("Search")),
    }
    if found is not None and not found["page_of_results"].object_list:
        context["suggestions"] = queries.suggestions(values["query"])
    if found is None or not found["page_of_results"].object_list:
        context["topics"] = Topic.choices_for(current_language())
    return render(request, "search/search.html", context)


def topic_index(request):
    counts = queries.topic_counts()
    topics = [
        {"slug": slug, "name": name, "count": counts.get(pk, 0)}
        for pk, slug, name in Topic.choices_for(current_language())
    ]
    context = {"topics": topics, "breadcrumbs": view_trail(request, [], gettext("Topics"))}
    return render(request, "search/topic_index.html", context)


def topic_detail(request, slug):
    topic = Topic.objects.filter(**{Topic.slug_field_for(): slug}).first()
    if topic is None:
        raise Http404
    search_type = request.GET.get("type")
    if search_type not in queries.searchable_models():
        search_type = None
    found = queries.pages_on_topic(topic, search_type, request.GET.get("page"))
    # The topic's address differs by language (its slug is translated), so tell the language
    # switcher where this topic lives in each language.
    alternate_urls = {}
    for code in ("en", "cy"):
        with translation.override(code):
            alternate_urls[code] = reverse("topic", args=[getattr(topic, Topic.slug_field_for(code))])
    context = {
        "topic": topic,
        "found": found,
        "search_type": search_type,
        "type_labels": queries.type_labels(),
        "alternate_urls": alternate_urls,
        "breadcrumbs": view_trail(request, [(gettext("Topics"), reverse("topics"))], topic.localized_name),
    }
    return render(request, "search/topic_detail.html", context)
