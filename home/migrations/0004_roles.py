"""The editorial roles: council editors and moderators, with a moderation workflow on the root.

Created here, not by hand, so every copy of the site has the same roles. Group editors (one
Django group per community group) are created with their listing; see directory/editors.py.
"""

from django.db import migrations

COUNCIL_EDITORS = "Council editors"
MODERATORS = "Moderators"

PAGE_PERMISSIONS = {
    COUNCIL_EDITORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    COUNCIL_EDITORS: [("wagtailimages", "image"), ("wagtaildocs", "document")],
    MODERATORS: [("wagtailimages", "image"), ("wagtaildocs", "document")],
}
# Global permissions: the admin itself, translation, the managed lists, settings and users.
MODEL_PERMISSIONS = {
    COUNCIL_EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("search", "add_topic"), ("search", "change_topic"), ("search", "delete_topic"),
        ("directory", "add_area"), ("directory", "change_area"), ("directory", "delete_area"),
        ("home", "change_portalsettings"),
        ("auth", "add_user"), ("auth", "change_user"),
    ],
    MODERATORS: [("wagtailadmin", "access_admin")],
}  # fmt: skip


def ensure_permissions_exist(apps):
    # Permissions are normally created after all migrations have run; roles need them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    # Wagtail's starter "Editors" group becomes the council editors.
    Group.objects.filter(name="Editors").update(name=COUNCIL_EDITORS)

    for name in (COUNCIL_EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in MODEL_PERMISSIONS[name]
            ]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, model in COLLECTION_PERMISSIONS[name]:
            for action in ("add", "change", "choose", "delete"):
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"),
                )

    # Wagtail's default "Moderators approval" workflow sits on the root page, above both
    # language trees; make sure it exists and that its task belongs to the moderators.
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name="Moderators approval",
            content_type=ContentType.objects.get_for_model(GroupApprovalTask),
            active=True,
        )
    task.groups.set([Group.objects.get(name=MODERATORS)])
    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_homepage_topics_standardpage_topics"),
        ("search", "0001_initial"),
        ("directory", "0002_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
