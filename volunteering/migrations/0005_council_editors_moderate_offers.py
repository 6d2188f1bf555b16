"""Council editors moderate residents' offers of help (group editors only answer approved ones,
through ``volunteering.admin_views.AnswerOfferView``, and never see who made them)."""

from importlib import import_module

from django.db import migrations

ensure_permissions_exist = import_module("home.migrations.0004_roles").ensure_permissions_exist

CODENAMES = ["view_offer", "change_offer", "delete_offer"]


def council_editors_moderate_offers(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    council_editors = Group.objects.filter(name="Council editors").first()
    if council_editors is not None:
        council_editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="volunteering", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("volunteering", "0004_offers_of_help")]

    operations = [migrations.RunPython(council_editors_moderate_offers, migrations.RunPython.noop)]
