"""Council editors moderate residents' offers of help (group editors only answer approved ones,
through ``volunteering.admin_views.AnswerOfferView``, and never see who made them)."""

from importlib import import_module

from django.db import migrations

grant_to_council_editors = import_module(
    "volunteering.migrations.0003_council_editors_see_messages"
).grant_to_council_editors


def council_editors_moderate_offers(apps, schema_editor):
    grant_to_council_editors(apps, ["view_offer", "change_offer", "delete_offer"])


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0004_offers_of_help"), ("volunteering", "0003_council_editors_see_messages")]

    operations = [migrations.RunPython(council_editors_moderate_offers, migrations.RunPython.noop)]
