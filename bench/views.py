from django.http import HttpResponse


def bare(request):
    """The least the portal's stack can answer: every middleware, no template, no query of its
    own. The benchmark compares each page with it."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
