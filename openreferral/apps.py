from django.apps import AppConfig


class OpenReferralConfig(AppConfig):
    """A read-only Open Referral (HSDS 3.0, UK profile) API over the community group directory."""

    name = "openreferral"
    default_auto_field = "django.db.models.BigAutoField"
