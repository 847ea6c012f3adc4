"""Requests with control characters in their path, answered 404 before anything looks at them.

A NUL byte in the path reached django-cms' page lookup, which PostgreSQL refuses (a 500). No
address of the portal contains control characters; such a request is answered at once, with a
page that needs nothing of the request (the user and the CMS page are not known yet).
"""

import re

from django.http import HttpResponseNotFound
from django.template.loader import render_to_string

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ControlCharacterGuard:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path_info):
            return HttpResponseNotFound(render_to_string("portal/path_not_found.html"))
        return self.get_response(request)
