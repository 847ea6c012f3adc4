from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A <select> whose options are written in Python. Django renders every option through a
    template of its own, which cost a filtered list page more than its queries (measured:
    about 40 % of the time of /netzwerke/)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group, _index in widget["optgroups"] for option in group]
        # A value that is no option (a mistyped URL) selects none; browsers then show the first
        # option, but assistive technology announces no choice. Say what is shown.
        selected = [option["selected"] for option in options]
        if options and not any(selected):
            selected[0] = True
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    "" if option["value"] is None else str(option["value"]),
                    " selected" if is_selected else "",
                    option["label"],
                )
                for option, is_selected in zip(options, selected, strict=True)
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )

    @classmethod
    def like(cls, select):
        return cls(attrs=select.attrs, choices=select.choices)
