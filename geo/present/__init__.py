"""Tables and words for people: the figures the analyses return, formatted for a screen,
a download or a message, in Bahasa Indonesia or English (one module per domain)."""
from geo.present.common import display_table, download_table, file_preview, first_named, short_name, sortable_table, zone_label

__all__ = ["display_table", "download_table", "file_preview", "first_named", "short_name", "sortable_table", "zone_label"]
