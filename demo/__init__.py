"""All demo content and ``manage.py load_demo_content``.

The one app that imports every other (the content apps know nothing of it): each module here
loads one family's demo pages (``demo.directory``, ``demo.events``…) from ``demo/data/``.
"""
