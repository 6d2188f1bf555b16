from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# Translated: /en/report-a-problem/12/ is /cy/rhoi-gwybod-am-broblem/12/.
urlpatterns = [
    path(
        pgettext_lazy("URL path", "report-a-problem/<int:page_id>/"), views.report_form, name="report_problem"
    ),
    path(
        pgettext_lazy("URL path", "report-a-problem/<int:page_id>/thanks/"),
        views.report_thanks,
        name="report_thanks",
    ),
]
