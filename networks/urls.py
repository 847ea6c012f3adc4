from django.urls import path

from networks import views

# Apps that build on networks add their pages under a network (calendar, feeds): see
# portal.apphooks.
app_name = "networks"
urlpatterns = [
    path("", views.NetworkListView.as_view(), name="list"),
    path("<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
]
