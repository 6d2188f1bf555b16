from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BilingualConfig(AppConfig):
    name = "bilingual"
    verbose_name = _("Languages")
