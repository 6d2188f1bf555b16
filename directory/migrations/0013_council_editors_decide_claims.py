"""Only council editors see and decide requests to look after a listing."""

from importlib import import_module

from django.db import migrations

ensure_permissions_exist = import_module("home.migrations.0004_roles").ensure_permissions_exist

CODENAMES = ["view_listingclaim", "change_listingclaim", "delete_listingclaim"]


def council_editors_decide_claims(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    council_editors = Group.objects.filter(name="Council editors").first()
    if council_editors is not None:
        council_editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="directory", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0012_listing_claims"), ("home", "0006_council_editors_invite_not_manage_users")]

    operations = [migrations.RunPython(council_editors_decide_claims, migrations.RunPython.noop)]
