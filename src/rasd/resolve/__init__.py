"""Cross-document resolution of entities and events."""
