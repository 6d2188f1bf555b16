"""Council editors work through the problem reports (a group's editors see their own group's
on their dashboard, through the pages they may change, with no model permission)."""

from importlib import import_module

from django.db import migrations

ensure_permissions_exist = import_module("home.migrations.0004_roles").ensure_permissions_exist

CODENAMES = ["view_listingreport", "change_listingreport", "delete_listingreport"]


def council_editors_handle_reports(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    council_editors = Group.objects.filter(name="Council editors").first()
    if council_editors is not None:
        council_editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_listing_reports"), ("home", "0006_council_editors_invite_not_manage_users")]

    operations = [migrations.RunPython(council_editors_handle_reports, migrations.RunPython.noop)]
