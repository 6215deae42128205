app_name = "opvang"

urlpatterns = []
