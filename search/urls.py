from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# The paths are translated: /en/search/ is /cy/chwilio/, /en/topics/ is /cy/pynciau/.
urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL path", "topics/"), views.topic_index, name="topics"),
    path(pgettext_lazy("URL path", "topics/<slug:slug>/"), views.topic_detail, name="topic"),
]
